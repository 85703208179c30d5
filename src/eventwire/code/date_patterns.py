"""The date finder's words and patterns, built from ``data/<lang>/dates.tsv``.

Every language gets the same patterns; what differs is data. The words
(months, weekdays, "hier" / "yesterday", ...) are rows of their kind, and
rows of kind ``order`` say how the language arranges a date's pieces:

- ``day month`` ("6 mars", "21-24 October") and/or ``month day`` ("March 6,
  2019", "October 21 to 24": a comma may stand before the year);
- ``date past`` ("mardi dernier", "le 22 septembre dernier") and/or
  ``past date`` ("last Tuesday", "next March"): where the words of kinds
  ``past`` / ``future`` stand;
- ``ago duration`` ("il y a trois jours") and/or ``duration ago`` ("three days ago");
- ``weekday day``: a weekday before a bare day number names a day ("jeudi 26");
- ``d/m/y`` or ``m/d/y``: how a numeric date with slashes reads (ISO
  ``2016-03-07`` is always read).

A language without a row of some order simply lacks those patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.code.tables import load_table, on_clear
from eventwire.code.textutil import fold
from eventwire.errors import DataFileError

ORDERS = frozenset(
    {"day month", "month day", "date past", "past date", "ago duration", "duration ago",
     "weekday day", "d/m/y", "m/d/y"}
)


@dataclass(frozen=True)
class Words:
    by_kind: dict[str, dict[str, str]]  # kind -> folded word -> value

    def alt(self, *kinds: str) -> str:
        """Regex alternation of the words of ``kinds`` (longest first)."""
        words = sorted({w for k in kinds for w in self.by_kind.get(k, {})}, key=len, reverse=True)
        return "(?:" + "|".join(_word_re(w) for w in words) + ")" if words else "(?!x)x"

    def has(self, *kinds: str) -> bool:
        return any(self.by_kind.get(k) for k in kinds)

    def value(self, kind: str, word: str) -> str:
        return self.by_kind.get(kind, {}).get(norm(word), "")

    def order(self, name: str) -> bool:
        return name in self.by_kind.get("order", {})


def _word_re(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")


def norm(word: str) -> str:
    return re.sub(r"\s+", " ", fold(word).replace("’", "'")).strip()


@lru_cache(maxsize=8)
def words(lang: str) -> Words:
    by_kind: dict[str, dict[str, str]] = {}
    for row in load_table(f"{lang}/dates.tsv", ("word", "kind", "value"), ("word", "kind"),
                          optional=True):
        word = norm(row["word"])
        if row["kind"] == "order" and word not in ORDERS:
            raise DataFileError(row.path, row.line, f"unknown order {word!r}; expected one of {sorted(ORDERS)}")
        by_kind.setdefault(row["kind"], {})[word] = row["value"]
    return Words(by_kind)


@dataclass(frozen=True)
class _Parts:
    """Regex pieces of one language."""

    day: str
    month: str
    year: str
    pre: str  # "last" / "next" before a date (order "past date"), optional
    post: str  # "dernier" / "prochain" after it (order "date past"), optional


S = r"\s+"
B, E = r"(?<![\w-])", r"(?![\w])"
# Patterns that cannot match without a digit (days, spans, years).
DIGIT_KINDS = frozenset({"night", "span", "day", "numeric", "weekday_day", "years", "year"})
UNITS = ("unit_day", "unit_week", "unit_month", "unit_year")
OFFSETS = ("day_offset", "week_offset", "month_offset", "year_offset")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DatePattern:
    """One compiled pattern, with what a text needs for it to match (tested first, cheaply:
    most texts hold no month, weekday or "hier", and the patterns are long alternations)."""

    kind: str
    regex: re.Pattern[str]
    digit: bool  # a digit must be in the text
    # for each group, one of its words must be in the text; a phrase of the data stands for
    # its longest word ("la semaine derniere": "derniere")
    cues: tuple[frozenset[str], ...]

    def may_match(self, digits: bool, words_in_text: frozenset[str]) -> bool:
        return (digits or not self.digit) and all(not group.isdisjoint(words_in_text) for group in self.cues)


def text_words(folded: str) -> frozenset[str]:
    """The words of a folded text, for :meth:`DatePattern.may_match`."""
    return frozenset(WORD.findall(folded))


def _cue(w: Words, *kinds: str) -> frozenset[str]:
    """The longest word of each phrase of ``kinds``: a text with none of them holds none."""
    return frozenset(max(WORD.findall(phrase), key=len) for kind in kinds
                     for phrase in w.by_kind.get(kind, {}) if WORD.search(phrase))


def _parts(w: Words) -> _Parts:
    side = w.alt("past", "future")
    pre = f"(?:(?P<before>{side}){S})?" if w.order("past date") else ""
    post = f"(?:{S}(?P<after>{side}))?" if w.order("date past") else ""
    day = r"[0-3]?\d(?:\s?" + w.alt("ordinal") + r")?"
    return _Parts(day, w.alt("month"), r"(?:1[89]|20)\d\d", pre, post)


def _one(p: _Parts, w: Words, order: str) -> str:
    """One day of the month with its optional year, in ``order``: groups d1, m1, y1."""
    if order == "day month":
        link = f"(?:{S}{w.alt('day_of')})?" if w.has("day_of") else ""  # "the 6th of March"
        return f"(?P<d1>{p.day}){link}{S}(?P<m1>{p.month})(?:{S}(?P<y1>{p.year}))?"
    return f"(?P<m1>{p.month}){S}(?P<d1>{p.day})(?:,?{S}(?P<y1>{p.year}))?"


def _two(p: _Parts, order: str, join: str) -> str:
    """Two days joined by ``join``: "21 au 24 octobre", "March 30 to April 2, 2019".

    The month is written once, after the second day (day month) or before the
    first (month day), or twice; the year once at the end, or twice.
    """
    if order == "day month":
        return (f"(?P<d1>{p.day})(?:{S}(?P<m1>{p.month})(?:{S}(?P<y1>{p.year}))?)?"
                f"{join}(?P<d2>{p.day}){S}(?P<m2>{p.month})(?:{S}(?P<y2>{p.year}))?")
    return (f"(?P<m1>{p.month}){S}(?P<d1>{p.day})(?:,?{S}(?P<y1>{p.year}))?"
            f"{join}(?:(?P<m2>{p.month}){S})?(?P<d2>{p.day})(?:,?{S}(?P<y2>{p.year}))?")


# A pattern's spec: its kind, its regex, and what it needs: for each cue, a word of that kind
# (or of one of those kinds)
Spec = tuple[str, str, tuple[str | tuple[str, ...], ...]]


def _day_specs(p: _Parts, w: Words, orders: list[str]) -> list[Spec]:
    """Nights, spans and single days, for each order of day and month the language uses."""
    to, range_ = f"{S}{w.alt('to')}{S}", r"\s*" + w.alt("range") + r"\s*"
    wd, dp = w.alt("weekday"), w.alt("daypart")
    night_join = f"(?:{to}|{range_})" if w.has("range") else to
    specs: list[Spec] = []
    for order in orders:
        specs.append(("night", f"{B}{w.alt('night')}{S}{_two(p, order, night_join)}{E}", ("night", "month")))
        specs.append(("span", f"{B}{w.alt('from')}{S}{_two(p, order, to)}{E}", ("from", "month")))
        specs.append(("span", f"{B}{w.alt('between')}{S}{_two(p, order, S + w.alt('and') + S)}{E}",
                      ("between", "month")))
        if w.has("range"):  # "21-24 October", "March 21-24": no word before the first day
            specs.append(("span", f"{B}{_two(p, order, range_)}{E}", ("month",)))
    for order in orders:
        weekday = f"(?:(?P<wd>{wd}),?{S}(?:{dp},?{S})?)?"  # "lundi 6 mars", "Tuesday, March 6"
        specs.append(("day", f"{B}{p.pre}{weekday}{_one(p, w, order)}{p.post}{E}", ("month",)))
    return specs


@lru_cache(maxsize=8)
def patterns(lang: str) -> list[DatePattern]:
    """The patterns in the order they are tried; earlier ones win overlaps."""
    w = words(lang)
    p = _parts(w)
    orders = [o for o in ("day month", "month day") if w.order(o)]
    wd, dp = w.alt("weekday"), w.alt("daypart")
    num = r"(?:\d+|" + w.alt("number") + ")"
    units = w.alt(*UNITS)
    rel = w.alt(*OFFSETS)
    specs: list[Spec] = _day_specs(p, w, orders)
    slash = r"(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/(?P<y2>(?:19|20)\d\d)"
    if w.order("m/d/y"):
        slash = r"(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>(?:19|20)\d\d)"
    iso = r"(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)"
    either = f"{iso}|{slash}" if w.order("d/m/y") or w.order("m/d/y") else iso
    specs.append(("numeric", f"(?<![\\w/.-])(?:{either})(?![\\w/])", ()))
    if w.order("weekday day"):
        specs.append(("weekday_day", f"{B}(?P<wd>{wd}){S}(?P<d1>{p.day})(?!\\s*(?:{p.month}|\\d)){E}", ("weekday",)))
    if w.order("ago duration"):
        specs.append(("ago", f"{B}{w.alt('ago')}{S}(?P<n>{num}){S}(?P<unit>{units}){E}", ("ago", UNITS)))
    if w.order("duration ago"):
        specs.append(("ago", f"{B}(?P<n>{num}){S}(?P<unit>{units}){S}{w.alt('ago')}{E}", ("ago", UNITS)))
    specs += [
        ("relative", f"{B}(?P<rel>{rel}){E}", (OFFSETS,)),
        # "le lendemain", "the next day", but not "la veille du sommet" (the eve of something else)
        ("relative", f"{B}(?P<rel>{w.alt('then_offset')}){E}(?!\\s+{w.alt('of')}(?:(?<=')|(?!\\w)))", ("then_offset",)),
        # "the day before, ...", but not "the day before the vote"
        ("relative", f"{B}(?P<rel>{w.alt('then_alone')})(?=\\s*(?:[.,;:)]|$))", ("then_alone",)),
        # "dans la nuit de samedi à dimanche": one night, before the weekday pattern takes "samedi"
        ("night_weekdays", f"{B}{w.alt('night_of')}{S}(?P<wd>{wd}){S}{w.alt('night_to')}{S}(?P<wd2>{wd}){E}", ("night_of", "weekday")),
        ("weekday", f"{B}{p.pre}(?:{w.alt('this')}{S})?(?P<wd>{wd})(?:{S}{dp})?{p.post}{E}", ("weekday",)),
        ("month", f"{B}(?:{w.alt('in')}{S})?(?P<m1>{p.month}){S}(?P<y1>{p.year}){E}", ("month",)),
        ("month", f"{B}{_month_lead(w, p)}(?P<m1>{p.month}){p.post}{E}", ("month",)),
        ("years", f"{B}(?P<y1>{p.year})\\s?[-/–]\\s?(?P<y2>{p.year}){E}", ()),
        ("year", f"{B}{w.alt('in')}{S}(?P<y1>{p.year}){E}", ()),
        ("year", f"{B}(?P<y1>{p.year})(?=\\s*(?:[.,;:)»]|$)){E}", ()),
    ]
    return [DatePattern(kind, re.compile(rx, re.IGNORECASE), kind in DIGIT_KINDS,
                        tuple(_cue(w, *((group,) if isinstance(group, str) else group)) for group in cues))
            for kind, rx, cues in specs]


def _month_lead(w: Words, p: _Parts) -> str:
    """What a month without a day needs before it: "en mars", "in March", "last March"."""
    lead = f"{w.alt('in')}\\s*"
    if p.pre:
        side = w.alt("past", "future")
        return f"(?:{lead}|(?P<before>{side}){S})"
    return lead


on_clear(words.cache_clear)
on_clear(patterns.cache_clear)
