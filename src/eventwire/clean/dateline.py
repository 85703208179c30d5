"""Datelines: "Hanoi, 7 mars (VNA) –", "PARIS (AFP) -", "Bamako, 15 avril 2024 –",
"21 janvier 2017 . –", "Monday, December 16, 2019".

A dateline opens the first body paragraph (place, optional date, agency in
brackets, a dash) or stands as a line of its own (a date, with or without a
dash). Its date is resolved to ISO: ``YYYY-MM-DD`` when the year is written,
``--MM-DD`` when it is not. A year is never guessed here; the later stages
resolve ``--MM-DD`` against the publication date when they know it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.clean.resources import markers
from eventwire.document import Dateline

_DASH = r"[–—-]"
_CAP = r"[^\W\d_]"  # a letter; capitals are checked in code (re has no \p{Lu})
_PLACE_WORD = r"[^\W\d_][\w.'’]*(?:-[\w.'’]+)*"
_PLACE_PARTICLES = {"de", "du", "des", "la", "le", "les", "di", "da", "do", "del", "al", "el", "upon", "on", "am", "sur", "en", "d'", "l'"}
MAX_PLACE_WORDS = 5


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found at the start of a line: its length in the line, and its fields."""

    length: int
    dateline: Dateline
    whole_line: bool


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = markers()
    months = sorted(data["months"], key=len, reverse=True)
    weekdays = sorted(data["weekdays"], key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    weekday = "(?:" + "|".join(re.escape(w) for w in weekdays) + ")"
    day_first = (
        rf"(?:{weekday},?\s+)?(?:le\s+)?(?P<d1>\d{{1,2}})(?:er|ᵉʳ|st|nd|rd|th)?\s+(?P<m1>{month})"
        rf"(?:,?\s+(?P<y1>\d{{4}}))?"
    )
    month_first = (
        rf"(?:{weekday},?\s+)?(?P<m2>{month})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<y2>\d{{4}}))?"
    )
    numeric = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})|(?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>\d{4})"
    date = rf"(?:{day_first}|{month_first}|{numeric})"
    place = rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,{MAX_PLACE_WORDS - 1}}}?)"
    return {
        "date": re.compile(date, re.I),
        # Hanoi, 7 mars(VNA) –   PARIS (AFP) -   Washington, March 7 (Reuters) -
        "place": re.compile(
            rf"{place}\s*(?:,\s*(?P<date>{date}))?\s*\((?P<agency>[^()\n]{{2,20}})\)\s*{_DASH}\s*",
            re.I,
        ),
        # Bamako, 15 avril 2024 . –    Bamako, Monday, April 15, 2024
        "place_date": re.compile(rf"{place},\s*(?P<date>{date})\s*(?:\.\s*)?(?:{_DASH}\s*|$)", re.I),
        # 21 janvier 2017 . –    Monday, December 16, 2019
        "date_only": re.compile(rf"(?P<date>{date})\s*(?:\.\s*)?(?:{_DASH}\s*|$)", re.I),
    }


def parse_date(text: str) -> str | None:
    """ISO form of a written date: YYYY-MM-DD, or --MM-DD without a year."""
    match = _patterns()["date"].fullmatch(text.strip())
    if match is None:
        return None
    groups = match.groupdict()
    months = markers()["months"]
    for k in "1234":
        day, month, year = groups.get(f"d{k}"), groups.get(f"m{k}"), groups.get(f"y{k}")
        if day is None or month is None:
            continue
        number = int(month) if month.isdigit() else months.get(month.lower().rstrip("."))
        if number is None or not 1 <= number <= 12 or not 1 <= int(day) <= 31:
            return None
        return f"{year}-{number:02d}-{int(day):02d}" if year else f"--{number:02d}-{int(day):02d}"
    return None


def _place_ok(place: str) -> bool:
    words = place.split()
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _PLACE_PARTICLES for w in words)


def _agency_ok(agency: str) -> bool:
    agency = agency.strip()
    return any(c.isupper() for c in agency) and not agency.isdigit() and len(agency.split()) <= 3


def match_dateline(line: str) -> DatelineMatch | None:
    """The dateline that opens ``line``, if any."""
    pats = _patterns()
    match = pats["place"].match(line)
    if match and _place_ok(match.group("place")) and _agency_ok(match.group("agency")):
        date_text = match.group("date")
        dateline = Dateline(
            place=match.group("place"),
            date_text=date_text,
            agency=match.group("agency").strip(),
            date=parse_date(date_text) if date_text else None,
        )
        return DatelineMatch(match.end(), dateline, match.end() >= len(line.rstrip()))
    match = pats["place_date"].match(line)
    if match and _place_ok(match.group("place")):
        date_text = match.group("date")
        dateline = Dateline(place=match.group("place"), date_text=date_text.strip(), date=parse_date(date_text))
        return DatelineMatch(match.end(), dateline, match.end() >= len(line.rstrip()))
    match = pats["date_only"].match(line)
    if match:
        date_text = match.group("date")
        dateline = Dateline(date_text=date_text.strip(), date=parse_date(date_text))
        return DatelineMatch(match.end(), dateline, match.end() >= len(line.rstrip()))
    return None
