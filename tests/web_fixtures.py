"""A small event database for the web tests, written by hand (no spaCy needed).

Sentences are our own. It holds a Vietnam–Russia dyad over several months
(cooperation and conflict, one undated event), Vietnamese names with their
diacritics, and one hostile document whose title, body, teaser, URL and
actor name carry markup that must never execute.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from eventwire.document import Document, Metadata, OffsetMap, Part
from eventwire.event import Entity, Event, Evidence, Place
from eventwire.store import open_database

NOW = "2026-01-01T00:00:00Z"
HANOI = Place("Hanoï", "VNM", 21.03, 105.85)
PHUC = "Nguyễn Xuân Phúc"
XSS_TITLE = "<script>alert('title')</script>Titre piégé"
XSS_BODY = "Le Vietnam a critiqué la Russie <img src=x onerror=alert('body')> à Hanoï."
XSS_TEASER = "Lire aussi <script>alert('teaser')</script><svg onload=alert('svg')>"
XSS_ACTOR = "<b onmouseover=alert('actor')>Vũ</b>"


def require(condition: bool, reason: str) -> None:
    """Skip (the whole module, when called at import) unless CI=true: there, fail."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " (CI=true: it must be present)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_modules(*names: str) -> None:
    missing = [n for n in names if importlib.util.find_spec(n) is None]
    require(not missing, f"not installed: {', '.join(missing)} (the web dependencies)")


def document(
    name: str, parts: list[tuple[str, str, int | None]], published: str | None,
    url: str | None = None, title: str | None = None,
) -> Document:  # fmt: skip
    """A cleaned document: raw is the parts joined by newlines, offsets exact."""
    raw = "\n".join(text for _, text, _ in parts)
    built, position = [], 0
    for kind, text, teaser in parts:
        built.append(Part(kind, text, OffsetMap.identity(position, len(text)), teaser))
        position += len(text) + 1
    return Document(
        source=f"mem/{name}", name=name, raw=raw,
        meta=Metadata(title=title if title is not None else parts[0][1], url=url,
                      published=published),
        parts=built, lang="fr",
    )  # fmt: skip


def event(
    doc: Document, part_index: int, sentence: str, type_: str, actor: Entity,
    recipient: Entity, date: str | None, score: float, place: Place | None = None,
) -> Event:  # fmt: skip
    part = doc.parts[part_index]
    start = part.text.index(sentence)
    end = start + len(sentence)
    raw_start, raw_end = part.offsets.span_to_raw(start, end)
    return Event(
        type=type_, mode=None, actor=[actor], recipient=[recipient], date=date, date_end=None,
        place=place, status="occurred", part="body",
        evidence=Evidence(sentence, part_index, start, end, raw_start, raw_end),
        cameo=None, score=score,
    )  # fmt: skip


def gov(country: str, name: str | None = None, actor_id: str | None = None) -> Entity:
    return Entity(country, "GOV", name, actor_id)


# (name, title, body sentences, published, events: (sentence, type, actor, recipient, date, score))
ARTICLES = [
    ("vn-ru-1.txt", "Mémorandum signé à Hanoï",
     "Le Premier ministre Nguyễn Xuân Phúc a signé un accord avec la Russie. Les deux pays "
     "veulent coopérer dans l'énergie.", "2019-03-05",
     [("Le Premier ministre Nguyễn Xuân Phúc a signé un accord avec la Russie.", "AGREE",
       gov("VNM", PHUC, "nguyen-xuan-phuc"), gov("RUS"), "2019-03-04", 4.5)]),
    ("vn-ru-2.txt", "Visite à Moscou",
     "Nguyễn Xuân Phúc a rencontré les dirigeants russes à Moscou.", "2019-07-11",
     [("Nguyễn Xuân Phúc a rencontré les dirigeants russes à Moscou.", "CONSULT",
       gov("VNM", PHUC, "nguyen-xuan-phuc"), gov("RUS"), "2019-07-10", 1.0)]),
    ("vn-ru-3.txt", "Sanctions",
     "La Russie a imposé des sanctions au Vietnam. Hanoï a protesté.", "2019-09-02",
     [("La Russie a imposé des sanctions au Vietnam.", "SANCTION", gov("RUS"), gov("VNM"),
       "2019-09-01", -6.0),
      ("Hanoï a protesté.", "PROTEST", gov("VNM"), gov("RUS"), None, -4.0)]),
    ("cn-vn.txt", "Incident en mer",
     "La Chine a attaqué un navire vietnamien.", "2019-12-31",
     [("La Chine a attaqué un navire vietnamien.", "ASSAULT", gov("CHN"), gov("VNM"),
       "2019-12-30", -9.0)]),
    ("ca-fr.txt", "Canada et France",
     "Le Canada a soutenu la France à l'ONU.", "2018-06-01",
     [("Le Canada a soutenu la France à l'ONU.", "SUPPORT", gov("CAN"), gov("FRA"),
       "2018-05-31", 3.0)]),
]  # fmt: skip


def hostile_document() -> tuple[Document, list[Event]]:
    """Markup in title, body, teaser, URL and an actor name: all must show as text."""
    doc = document(
        "hostile.txt",
        [("title", XSS_TITLE, None), ("body", XSS_BODY, None),
         ("teaser_title", XSS_TEASER, 1)],
        "2019-10-01", url="javascript:alert('url')", title=XSS_TITLE,
    )  # fmt: skip
    found = [
        event(doc, 1, XSS_BODY, "ACCUSE", Entity("VNM", "GOV", XSS_ACTOR, "vu-hostile"),
              gov("RUS"), "2019-10-01", -2.0)
    ]  # fmt: skip
    return doc, found


def build_database(path: Path) -> Path:
    with open_database(path) as db:
        for name, title, body, published, specs in ARTICLES:
            doc = document(name, [("title", title, None), ("body", body, None)], published)
            found = [
                event(doc, 1, sentence, type_, actor, recipient, date, score,
                      HANOI if "Hanoï" in title + sentence else None)
                for sentence, type_, actor, recipient, date, score in specs
            ]  # fmt: skip
            db.writer.store_coded([(doc, found)], NOW)
        db.writer.store_coded([hostile_document()], NOW)
    return path
