"""Synthetic coded documents, for the store benchmark and the concurrency tests.

Not news: made-up sentences from a fixed vocabulary, with events whose
participants follow a skewed (Zipf-like) distribution over country pairs,
as real event data does (a few dyads dominate). A share of the mentions
repeat an earlier event from another "outlet", a day off or not, so the
merge has real work to do. Seeded: the same arguments give the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from eventwire.document import Document, Metadata, OffsetMap, Part
from eventwire.event import PLOVER_TYPES, Entity, Event, Evidence, Place

COUNTRIES = (
    "VNM", "RUS", "CHN", "USA", "FRA", "DEU", "JPN", "KOR", "IND", "LAO", "KHM", "THA",
    "IDN", "PHL", "MYS", "SGP", "AUS", "GBR", "ITA", "ESP", "CAN", "BRA", "MEX", "ZAF",
    "EGY", "TUR", "IRN", "ISR", "SAU", "UKR", "POL", "CUB", "MAR", "DZA", "NGA", "KEN",
)  # fmt: skip
SECTORS = ("GOV", "MIL", "LEG", "BUS", "CVL", "JRN")
VERBS = (
    "a rencontré", "a signé un mémorandum avec", "a critiqué", "a félicité",
    "a reçu", "a menacé", "a aidé", "a condamné", "s'est entretenu avec",
)  # fmt: skip
PLACES = ("Hanoï", "Moscou", "Pékin", "Genève", "Bruxelles", "Séoul", "Tokyo", "Paris")
FIRST = ("Anh", "Ivan", "Li", "John", "Marie", "Hans", "Kenji", "Min", "Olga", "Pierre")
LAST = ("Nguyên", "Petrov", "Wang", "Smith", "Dupont", "Müller", "Sato", "Kim", "Lê", "Trân")


def _dyads(rng: random.Random) -> list[tuple[str, str]]:
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1 :]]
    rng.shuffle(pairs)
    return pairs


def synthetic_documents(
    mentions: int,
    *,
    seed: int = 1,
    per_document: int = 4,
    repeat_share: float = 0.25,
    start: date = date(2015, 1, 1),
    days: int = 3650,
    first_index: int = 0,
) -> Iterator[tuple[Document, list[Event]]]:
    """Documents with ``per_document`` coded events each, ``mentions`` events in all."""
    rng = random.Random(seed)
    pairs = _dyads(rng)
    # Zipf-like weights: the k-th dyad is reported about 1/k as often as the first.
    weights = [1.0 / (k + 1) for k in range(len(pairs))]
    recent: list[Event] = []
    made = 0
    index = first_index
    while made < mentions:
        count = min(per_document, mentions - made)
        events = []
        for _ in range(count):
            if recent and rng.random() < repeat_share:
                events.append(_retold(rng, rng.choice(recent)))
            else:
                a, b = rng.choices(pairs, weights)[0]
                day = start + timedelta(days=rng.randrange(days))
                events.append(_event(rng, a, b, day))
                recent.append(events[-1])
                if len(recent) > 500:
                    recent.pop(0)
        # Published within days of what it reports, as news is.
        first = next((e.date for e in events if e.date), None)
        published = date.fromisoformat(first) if first else start
        published += timedelta(days=rng.randrange(3))
        yield _document(index, events, published), events
        made += count
        index += 1


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _event(rng: random.Random, a: str, b: str, day: date) -> Event:
    type_ = rng.choice(PLOVER_TYPES)
    actor = Entity(a, rng.choice(SECTORS), _person(rng) if rng.random() < 0.5 else None)
    recipient = Entity(b, rng.choice(SECTORS), None)
    place = None
    if rng.random() < 0.6:
        name = rng.choice(PLACES)
        place = Place(name, rng.choice((a, b)), rng.uniform(-60, 60), rng.uniform(-180, 180))
    sentence = f"{actor.name or 'Le gouvernement'} ({a}) {rng.choice(VERBS)} {b} à {place.name if place else 'huis clos'}."
    return Event(
        type=type_, mode=None, actor=[actor], recipient=[recipient], date=day.isoformat(),
        date_end=None, place=place, status="occurred", part="body",
        evidence=Evidence(sentence, 0, 0, len(sentence), 0, len(sentence)),
        cameo=None, score=round(rng.uniform(-10, 10), 1),
    )  # fmt: skip


def _retold(rng: random.Random, event: Event) -> Event:
    """The same event from another outlet: sometimes a day off, or without its date."""
    day = date.fromisoformat(event.date or "2015-01-01")
    shift = rng.choice((0, 0, 0, 1, -1))
    new_date: str | None = (day + timedelta(days=shift)).isoformat()
    if rng.random() < 0.1:
        new_date = None
    text = "Selon une autre source, " + event.evidence.text
    return Event(
        type=event.type, mode=event.mode, actor=event.actor, recipient=event.recipient,
        date=new_date, date_end=None, place=event.place if rng.random() < 0.5 else None,
        status="occurred", part="body", evidence=Evidence(text, 0, 0, len(text), 0, len(text)),
        cameo=None, score=event.score,
    )  # fmt: skip


def _document(index: int, events: list[Event], published: date) -> Document:
    text = f"Dépêche {index}. " + " ".join(e.evidence.text for e in events)
    # Evidence offsets: where each sentence sits in the one body part.
    position = len(f"Dépêche {index}. ")
    for event in events:
        ev = event.evidence
        ev.start, ev.end = position, position + len(ev.text)
        ev.raw_start, ev.raw_end = ev.start, ev.end
        position = ev.end + 1
    return Document(
        source=f"synthetic/{index}.txt",
        name=f"{index}.txt",
        raw=text,
        meta=Metadata(
            title=f"Dépêche {index}",
            url=f"https://outlet{index % 50}.example.org/{index}",
            published=published.isoformat(),
        ),
        parts=[Part("body", text, OffsetMap.identity(0, len(text)))],
        lang="fr",
        lang_score=1.0,
    )


def text_coder(doc: Document) -> list[Event]:
    """A stand-in for the coder, for store tests that run without spaCy.

    Deterministic in the document's text: the same text gives the same events.
    Every sentence of the body naming two of the ``COUNTRIES`` codes gives one
    CONSULT event between them, dated by the document's publication date.
    """
    events = []
    for index, part in enumerate(doc.parts):
        position = 0
        for sentence in part.text.split("."):
            start = part.text.index(sentence, position)
            position = start + len(sentence)
            codes = [w for w in sentence.split() if w in COUNTRIES]
            if len(codes) < 2:
                continue
            raw_start, raw_end = part.offsets.span_to_raw(start, position)
            events.append(
                Event(
                    type="CONSULT", mode=None, actor=[Entity(codes[0], "GOV", None)],
                    recipient=[Entity(codes[1], "GOV", None)], date=doc.meta.published,
                    date_end=None, place=None, status="occurred", part="body",
                    evidence=Evidence(sentence, index, start, position, raw_start, raw_end),
                    cameo="040", score=1.0,
                )  # fmt: skip
            )
    return events
