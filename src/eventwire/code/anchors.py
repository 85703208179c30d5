"""The document's own date: metadata, dateline, else the body's first date.

:func:`document_anchor` and :func:`stated_years` (both also reached through
:mod:`eventwire.code.dates`); the words and patterns are the date finder's, so
every language with a ``data/<lang>/dates.tsv`` is read alike: "Hanoi, 7 mars
(VNA) –", "LONDON, March 6 (Reuters) -", "Tuesday, March 6, 2019".
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.code.dates import (
    ISO_DAY,
    MONTH_DAY,
    YEAR_LIKE,
    Anchor,
    find_dates,
    words,
)
from eventwire.code.textutil import fold
from eventwire.document import BODY_KINDS, Document


def stated_years(text: str, lang: str = "fr") -> tuple[int, ...]:
    """Years the text writes out ("En 2019", "2019-2020", "6 mars 2019")."""
    years: set[int] = set()
    # Only lines that hold a four-digit number can state a year: the others are skipped.
    for line in text.split("\n"):
        if not YEAR_LIKE.search(line):
            continue
        for mention in find_dates(line, Anchor.unknown(), lang):
            for value in (mention.date, mention.date_end):
                if value and value[:4].isdigit():
                    years.add(int(value[:4]))
    return tuple(sorted(years))


def document_anchor(doc: Document, lang: str | None = None) -> Anchor:
    """The document's date: metadata, else dateline, else the body's first date.

    A year-less anchor takes its year from the stated years when exactly one
    of them makes the body's weekdays fall inside the anchor's span or day.
    """
    lang = lang or doc.lang or "fr"
    body = _body_text(doc)
    years = stated_years(body, lang)
    for source, value in (
        ("published", doc.meta.published),
        ("dateline", doc.dateline.date if doc.dateline else None),
    ):
        anchor = _from_iso(value, source, years)
        if anchor is not None:
            return anchor if anchor.year else _fix_year(anchor, body, lang)
    if doc.dateline and doc.dateline.date_text:
        anchor = _from_text(doc.dateline.date_text, "dateline", years, lang)
        if anchor is not None:
            return anchor if anchor.year else _fix_year(anchor, body, lang)
    anchor = _from_text(body[:1500], "body", years, lang)
    if anchor is None:
        return Anchor.unknown(years)
    return anchor if anchor.year else _fix_year(anchor, body, lang)


def _body_text(doc: Document) -> str:
    parts = [p.text for p in doc.parts if p.kind in BODY_KINDS]
    return "\n".join(parts) if parts else doc.raw


def _from_iso(value: str | None, source: str, years: tuple[int, ...]) -> Anchor | None:
    if not value:
        return None
    if full := ISO_DAY.match(value.strip()):
        y, m, d = (int(x) for x in full.groups())
        return Anchor(y, m, d, years=years, source=source)
    if part := MONTH_DAY.match(value.strip()):
        m, d = (int(x) for x in part.groups())
        return Anchor(None, m, d, years=years, source=source)
    return None


def _from_text(text: str, source: str, years: tuple[int, ...], lang: str) -> Anchor | None:
    for mention in find_dates(text, Anchor.unknown(), lang):
        if mention.kind not in ("day", "span"):
            continue
        anchor = _from_iso(mention.date, source, years)
        if anchor is None:
            continue
        end = _from_iso(mention.date_end, source, years) if mention.date_end else None
        if end is not None:
            return Anchor(anchor.year, anchor.month, anchor.day, end.month, end.day, years, source)
        return anchor
    return None


def _fix_year(anchor: Anchor, body: str, lang: str) -> Anchor:
    """Pick the one stated year in which the body's weekdays fit the anchor."""
    w = words(lang)
    rx = re.compile(r"(?<![\w-])(?P<wd>" + w.alt("weekday") + r")(?![\w])", re.IGNORECASE)
    weekdays = {int(w.value("weekday", m.group("wd"))) for m in rx.finditer(fold(body))}
    if not weekdays or not anchor.years:
        return anchor
    fitting = []
    for year in anchor.years:
        trial = Anchor(year, anchor.month, anchor.day, anchor.end_month, anchor.end_day)
        start = trial.date
        end = trial.end or (start + dt.timedelta(days=1) if start else None)
        if start and end and all(_weekday_within(wd, start, end) for wd in weekdays):
            fitting.append(year)
    if len(fitting) != 1:
        return anchor
    return Anchor(
        fitting[0], anchor.month, anchor.day, anchor.end_month, anchor.end_day,
        anchor.years, anchor.source,
    )


def _weekday_within(weekday: int, start: dt.date, end: dt.date) -> bool:
    return any((start + dt.timedelta(days=i)).weekday() == weekday for i in range((end - start).days + 1))
