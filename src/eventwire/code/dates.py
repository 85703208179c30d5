"""When: the document's anchor date and the date expressions of its text.

``document_anchor(doc)`` finds what the document says about its own date
(metadata, dateline, else the first date of the body) and the years it states.
``find_dates(text, anchor, lang)`` finds date expressions and resolves them
against the anchor:

- days ("le 6 mars", "6 mars 2019", "lundi 6 mars", "le 22 septembre dernier"),
- spans ("du 21 au 24 octobre", "du 30 septembre au 2 octobre",
  "entre le 3 et le 5 mai"); "dans la nuit du 16 au 17" is one night, dated by
  its second day;
- weekdays with parts of day ("mardi matin", "ce samedi"): the most recent such
  day on or before the anchor (the next one with ``future=True``); when the
  anchor is a span (a visit "du 21 au 24 octobre"), the day inside it;
- relative days ("hier", "avant-hier", "aujourd'hui", "demain") -> that day;
  "le lendemain", "la veille": from the last day the text told before them, else
  from the anchor; not when "de" follows ("la veille du sommet");
- weeks ("la semaine dernière", "plus tôt cette semaine") -> ``YYYY-MM``, the
  month of the day one week before / after the anchor (annotators code a week
  by its month; a Monday..Sunday span would claim a precision the text lacks);
- months ("en mars 2016", "le mois dernier", "en décembre") -> ``YYYY-MM``;
  years ("en 2019", "2019-2020", "l'an dernier") -> ``YYYY``;
- durations back ("il y a trois jours / semaines / mois / ans").

A year nothing gives stays unknown: a day is then ``--MM-DD`` and a month or
weekday is not resolved at all. Words live in ``data/<lang>/dates.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

# ``words`` and ``Words`` are re-exported: other modules read the date words from here.
from eventwire.code.date_patterns import Words as Words
from eventwire.code.date_patterns import norm, patterns, text_words
from eventwire.code.date_patterns import words as words
from eventwire.code.tables import on_clear
from eventwire.code.textutil import fold
from eventwire.document import Document

ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
DIGIT = re.compile(r"\d")
YEAR_LIKE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Anchor:
    """What a document says of its own date; any part may be unknown.

    ``end_month``/``end_day`` are set when the anchor is a span (the body's
    first date was "du 21 au 24 octobre"). ``years``: years the text states
    explicitly, used to fix a year-less date that carries a weekday.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    years: tuple[int, ...] = ()
    source: str = "none"  # published | dateline | body | none

    @classmethod
    def unknown(cls, years: tuple[int, ...] = ()) -> Anchor:
        """No date at all (teasers never inherit the article's date)."""
        return cls(years=years)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return _safe_date(self.year, self.month, self.day)
        return None

    @property
    def end(self) -> dt.date | None:
        if self.year and self.end_month and self.end_day:
            return _safe_date(self.year, self.end_month, self.end_day)
        return None

    @property
    def iso(self) -> str | None:
        day = self.date
        if day:
            return day.isoformat()
        if self.month and self.day:
            return f"--{self.month:02d}-{self.day:02d}"
        return None


@dataclass
class DateMention:
    start: int
    end: int
    date: str  # YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD
    date_end: str | None = None
    kind: str = "day"  # day | span | weekday | relative | week | month | year
    text: str = ""
    why: dict[str, str] = field(default_factory=dict)


# --- finding -----------------------------------------------------------------


def find_dates(
    text: str, anchor: Anchor, lang: str = "fr", future: bool = False
) -> list[DateMention]:
    """Date expressions of ``text`` resolved against ``anchor``, in text order.

    ``future``: the clause speaks of what will happen, so a bare weekday or
    month means the next one rather than the last one.
    """
    key = (text, anchor, lang, future)
    cached = _FOUND.get(key)
    if cached is None:
        cached = _find_dates(text, anchor, lang, future)
        if len(_FOUND) >= FIND_CACHE:
            _FOUND.clear()
        _FOUND[key] = cached
    return [replace(m, why=dict(m.why)) for m in cached]


FIND_CACHE = 2048
# The coder asks for a part's dates, then a sentence's, the anchor for the body's:
# the same texts come back, so answers are kept (copies are handed out).
_FOUND: dict[tuple[str, Anchor, str, bool], list[DateMention]] = {}


def _find_dates(text: str, anchor: Anchor, lang: str, future: bool) -> list[DateMention]:
    folded = fold(text).replace("’", "'")
    found: list[DateMention] = []
    for kind, match in _matches(folded, lang):
        start, end = match.span()
        mention = _resolve(kind, match, anchor, lang, future)
        if mention is not None:
            mention.start, mention.end, mention.text = start, end, text[start:end]
            found.append(mention)
    until = _until(lang)
    # ("suspendre les négociations jusqu'en 2028": when a state ends, not when anything happened)
    found = [m for m in found if not until.search(folded[: m.start])]
    return _then_days(sorted(found, key=lambda m: m.start), anchor)


def _matches(folded: str, lang: str) -> list[tuple[str, re.Match[str]]]:
    """The date phrases of a folded text with the kind of each, in pattern order; earlier
    patterns win overlaps. (Whatever the anchor: the same texts come back with another one.)"""
    key = (folded, lang)
    found = _MATCHED.get(key)
    if found is not None:
        return found
    digits = DIGIT.search(folded) is not None
    in_text = text_words(folded)
    found = []
    # (no digit, month, weekday or relative word: no pattern is tried, as in most sentences)
    for pattern in patterns(lang):
        if not pattern.may_match(digits, in_text):
            continue
        for match in pattern.regex.finditer(folded):
            start, end = match.span()
            # (a matched but unresolvable phrase is still a date: it stays taken)
            if not any(start < m.end() and m.start() < end for _, m in found):
                found.append((pattern.kind, match))
    if len(_MATCHED) >= FIND_CACHE:
        _MATCHED.clear()
    _MATCHED[key] = found
    return found


_MATCHED: dict[tuple[str, str], list[tuple[str, re.Match[str]]]] = {}


@lru_cache(maxsize=8)
def _until(lang: str) -> re.Pattern[str]:
    """The word of a date that ends a state, right before the date ("jusqu'en 2028", "until
    March"; a span's "du 3 jusqu'au 5" is matched whole before)."""
    return re.compile(words(lang).alt("until") + r"\s*$", re.IGNORECASE)


BACKGROUND_DAYS = 62  # about two months: farther from the anchor, a day is a recollection


def _then_days(found: list[DateMention], anchor: Anchor) -> list[DateMention]:
    """ "Le 22 décembre, le pape a demandé ... Le lendemain, l'Ordre a refusé": "le
    lendemain" and "la veille" count from the last day the text told before them (the
    end of a span; not a recollection months away), else from the anchor; with
    neither they stay unknown."""
    out: list[DateMention] = []
    last: str | None = None
    for mention in found:
        offset = mention.why.pop("then", None)
        if offset is not None:
            day = _shift(last, int(offset)) if last else mention.date
            if not day:
                continue
            mention.date = day
            mention.why["from"] = "the day told before" if last else "the anchor"
        if (len(mention.date or "") == 10 or MONTH_DAY.match(mention.date or "")) and not (
                _background(mention.date, anchor)):
            last = mention.date_end if mention.date_end else mention.date
        out.append(mention)
    return out


def is_recollection(iso: str, anchor: Anchor) -> bool:
    """Public name of the rule below, for the coder's dates across paragraphs."""
    return _background(iso, anchor)


def shift_day(iso: str, days: int) -> str | None:
    """``iso`` (YYYY-MM-DD or --MM-DD) moved by ``days``; None for a month or a year."""
    return _shift(iso, days)


def _background(iso: str, anchor: Anchor) -> bool:
    """A day months away from the anchor ("l'offensive lancée le 24 août 2016") is
    recalled background: "le lendemain" does not count from it."""
    ref, day = anchor.date, ISO_DAY.match(iso)
    if ref is None or day is None:
        return False
    found = _safe_date(*(int(x) for x in day.groups()))
    return found is not None and abs((found - ref).days) > BACKGROUND_DAYS


def _shift(iso: str, days: int) -> str | None:
    """``iso`` (YYYY-MM-DD or --MM-DD) moved by ``days``."""
    if part := MONTH_DAY.match(iso):
        # no year: count in a leap year, so that "le lendemain du 28 février" is --02-29
        base = _safe_date(2000, int(part.group(1)), int(part.group(2)))
        return (base + dt.timedelta(days=days)).strftime("--%m-%d") if base else None
    if full := ISO_DAY.match(iso):
        base = _safe_date(*(int(x) for x in full.groups()))
        return (base + dt.timedelta(days=days)).isoformat() if base else None
    return None


def _resolve(
    kind: str, m: re.Match[str], anchor: Anchor, lang: str, future: bool
) -> DateMention | None:
    w = words(lang)
    g = m.groupdict()
    side = g.get("after") or g.get("before")
    direction = None  # "dernier" / "last" / "next" force the side of the anchor
    if side:
        future = norm(side) in w.by_kind.get("future", {})
        direction = "future" if future else "past"
    if kind == "span":
        return _span(g, anchor, lang, future)
    if kind == "night":  # "la nuit du 16 au 17": one night, dated by its second day
        span = _span(g, anchor, lang, future)
        if span is not None and span.date_end:
            return DateMention(0, 0, span.date_end, None, "day")
        return span
    if kind == "day":
        month, day = int(w.value("month", g["m1"])), _day(g["d1"])
        weekday = int(w.value("weekday", g["wd"])) if g.get("wd") else None
        # (a clause not told as future speaks of a day on or before the anchor: "a critiqué le
        # 3 août" in a March article is last August's)
        iso = _year_less(day, month, g.get("y1"), weekday, anchor, direction or ("future" if future else "past"))
        return DateMention(0, 0, iso, None, "day") if iso else None
    if kind == "numeric":  # 2016-03-06 or 06/03/2016 (day first, as French writes it)
        y, mo, d = (g["y1"], g["m1"], g["d1"]) if g.get("y1") else (g["y2"], g["m2"], g["d2"])
        found = _safe_date(int(y), int(mo), int(d))
        return DateMention(0, 0, found.isoformat(), None, "day") if found else None
    if kind == "weekday_day":  # "ce jeudi 26": the nearest 26th that is a Thursday
        found = _weekday_day(int(w.value("weekday", g["wd"])), _day(g["d1"]), anchor)
        return DateMention(0, 0, found.isoformat(), None, "day") if found else None
    if kind == "night_weekdays":  # dated by its second day, as "la nuit du 16 au 17"
        first, second = int(w.value("weekday", g["wd"])), int(w.value("weekday", g["wd2"]))
        found = _weekday(second, anchor, future) if (first + 1) % 7 == second else None
        return DateMention(0, 0, found.isoformat(), None, "day") if found else None
    if kind == "weekday":
        found = _weekday(int(w.value("weekday", g["wd"])), anchor, future)
        return DateMention(0, 0, found.isoformat(), None, "weekday") if found else None
    if kind == "relative":
        return _relative(g["rel"], anchor, lang)
    if kind == "ago":
        return _ago(g["n"], g["unit"], anchor, lang)
    if kind == "month":
        return _month(int(w.value("month", g["m1"])), g.get("y1"), anchor, future)
    if kind == "years":
        return DateMention(0, 0, g["y1"], g["y2"], "year")
    return DateMention(0, 0, g["y1"], None, "year")


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _span(g: dict[str, str], anchor: Anchor, lang: str, future: bool) -> DateMention | None:
    w = words(lang)
    # The month is written once, after the second day ("du 21 au 24 octobre") or before
    # the first ("October 21 to 24"), or twice.
    m2 = int(w.value("month", g.get("m2") or g["m1"]))
    m1 = int(w.value("month", g["m1"])) if g.get("m1") else m2
    y2 = g.get("y2")
    y1 = g.get("y1") or (str(int(y2) - 1) if y2 and m1 > m2 else y2)
    first = _year_less(_day(g["d1"]), m1, y1, None, anchor, None)
    if first is None:
        return None
    if not y2 and first[:4].isdigit():  # the end's year follows the start's
        y2 = str(int(first[:4]) + (1 if m2 < m1 else 0))
    last = _year_less(_day(g["d2"]), m2, y2, None, anchor, None)
    return DateMention(0, 0, first, last, "span") if last else None


def _year_less(
    day: int, month: int, year: str | None, weekday: int | None, anchor: Anchor,
    direction: str | None,
) -> str | None:
    """ISO of a day-month; its year given, else chosen from what the document knows."""
    if year:
        found = _safe_date(int(year), month, day)
        return found.isoformat() if found else None
    if _safe_date(2000, month, day) is None:  # 2000 is a leap year: any valid day-month
        return None
    candidates = _candidate_years(anchor)
    if weekday is not None:
        fitting = [y for y in candidates if (d := _safe_date(y, month, day)) and d.weekday() == weekday]
        if len(fitting) == 1:
            return f"{fitting[0]:04d}-{month:02d}-{day:02d}"
    ref = anchor.date
    if ref is not None:
        return _nearest_year(day, month, ref, direction).isoformat()
    return f"--{month:02d}-{day:02d}"


def _candidate_years(anchor: Anchor) -> list[int]:
    years = set(anchor.years)
    if anchor.year:
        years |= {anchor.year - 1, anchor.year, anchor.year + 1}
    return sorted(years)


def _nearest_year(day: int, month: int, ref: dt.date, direction: str | None) -> dt.date:
    """The day-month in the year that puts it nearest the anchor, on the side ``direction`` says."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if direction == "past":
        options = [d for d in options if d <= ref] or options
    elif direction == "future":
        options = [d for d in options if d >= ref] or options
    return min(options, key=lambda d: abs((d - ref).days))


def _weekday(weekday: int, anchor: Anchor, future: bool) -> dt.date | None:
    for start, end in _windows(anchor):
        day = start
        while day <= end:
            if day.weekday() == weekday:
                return day
            day += dt.timedelta(days=1)
    ref = anchor.date
    if ref is None:
        return None
    if future:
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def _weekday_day(weekday: int, day: int, anchor: Anchor) -> dt.date | None:
    ref = anchor.date
    if ref is None:
        return None
    options = []
    for shift in (-1, 0, 1):
        total = ref.year * 12 + ref.month - 1 + shift
        found = _safe_date(total // 12, total % 12 + 1, day)
        if found is not None and found.weekday() == weekday:
            options.append(found)
    return min(options, key=lambda d: abs((d - ref).days)) if options else None


def _windows(anchor: Anchor) -> list[tuple[dt.date, dt.date]]:
    """Span anchors to search a weekday in: the known-year span, else each stated year's."""
    if not (anchor.month and anchor.day and anchor.end_month and anchor.end_day):
        return []
    years = [anchor.year] if anchor.year else list(anchor.years)
    spans = []
    for year in years:
        start = _safe_date(year, anchor.month, anchor.day)
        end = _safe_date(year, anchor.end_month, anchor.end_day)
        if start and end and start <= end:
            spans.append((start, end))
    return spans


def _relative(word: str, anchor: Anchor, lang: str) -> DateMention | None:
    w = words(lang)
    ref = anchor.date
    for kind in ("day_offset", "then_offset", "then_alone", "week_offset", "month_offset", "year_offset"):
        value = w.value(kind, word)
        if not value:
            continue
        n = int(value)
        if kind in ("then_offset", "then_alone"):  # settled by _then_days against the day told before it
            day = (ref + dt.timedelta(days=n)).isoformat() if ref is not None else ""
            return DateMention(0, 0, day, None, "relative", why={"then": str(n)})
        if kind == "year_offset":
            return DateMention(0, 0, f"{anchor.year + n:04d}", None, "year") if anchor.year else None
        if kind == "month_offset" and anchor.year and anchor.month:
            return DateMention(0, 0, _add_months(anchor.year, anchor.month, n), None, "month")
        if ref is None:
            return None
        if kind in ("day_offset", "then_offset"):
            return DateMention(0, 0, (ref + dt.timedelta(days=n)).isoformat(), None, "relative")
        if kind == "week_offset":
            return DateMention(0, 0, (ref + dt.timedelta(weeks=n)).strftime("%Y-%m"), None, "week")
    return None


def _ago(number: str, unit: str, anchor: Anchor, lang: str) -> DateMention | None:
    w = words(lang)
    n = int(number) if number.isdigit() else int(w.value("number", number) or 0)
    ref = anchor.date
    if not n or ref is None or anchor.year is None or anchor.month is None:
        return None
    if w.value("unit_day", unit) != "" or norm(unit) in w.by_kind.get("unit_day", {}):
        return DateMention(0, 0, (ref - dt.timedelta(days=n)).isoformat(), None, "relative")
    if norm(unit) in w.by_kind.get("unit_week", {}):
        return DateMention(0, 0, (ref - dt.timedelta(weeks=n)).strftime("%Y-%m"), None, "week")
    if norm(unit) in w.by_kind.get("unit_month", {}):
        return DateMention(0, 0, _add_months(anchor.year, anchor.month, -n), None, "month")
    return DateMention(0, 0, f"{anchor.year - n:04d}", None, "year")


def _month(month: int, year: str | None, anchor: Anchor, future: bool) -> DateMention | None:
    if year:
        return DateMention(0, 0, f"{int(year):04d}-{month:02d}", None, "month")
    if not (anchor.year and anchor.month):
        return None
    if future:
        y = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        y = anchor.year if month <= anchor.month else anchor.year - 1
    return DateMention(0, 0, f"{y:04d}-{month:02d}", None, "month")


def _add_months(year: int, month: int, n: int) -> str:
    total = year * 12 + (month - 1) + n
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- the document's own date (in anchors.py; these wrappers keep the one entry point) ---


def stated_years(text: str, lang: str = "fr") -> tuple[int, ...]:
    """Years the text writes out ("En 2019", "2019-2020", "6 mars 2019")."""
    from eventwire.code.anchors import stated_years as years

    return years(text, lang)


def document_anchor(doc: Document, lang: str | None = None) -> Anchor:
    """The document's date: metadata, else dateline, else the body's first date."""
    from eventwire.code.anchors import document_anchor as anchor

    return anchor(doc, lang)


on_clear(_FOUND.clear)  # found dates depend on the words
on_clear(_MATCHED.clear)
