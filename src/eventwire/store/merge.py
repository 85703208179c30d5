"""Merging mentions into events: one event per real-world event.

Mentions of one event (the same story from two outlets, a teaser and its
article, two differently worded reports) share a type and participants
(the set of actor and recipient countries): that pair is the *block*, and
only mentions of one block are ever compared. Inside a block:

1. Mentions dated to the day are grouped per month, greedily: a group
   starts at the earliest day not yet taken and takes every mention up to
   the next day (FORMAT.md: dates compatible within one day). One group per
   place country; a mention without a place joins the largest group.
2. Mentions dated less precisely (a month, a year, ``--MM-DD``, unknown)
   join the compatible group of their month or the month before that is
   nearest their report date (an undated one: within ``NEAR_DAYS``). Those
   that fit none are grouped among themselves: same report month and date
   as written, and for an event of one country, same place or same words.
3. Two mentions of one document are never one event: the coder already
   merged what an article tells twice.

The event keeps the most precise date and place; every date the sources
give stays in ``dates_reported``. Everything is decided by sorted keys and
the mentions' own ids, so the events are a function of the mentions: the
same whatever order the documents came in, and re-running changes nothing.
A group of month M depends only on the mentions of months M-2 to M+2, so a
write rebuilds those months of the blocks it touches (``merge_window``):
merging costs about linear time in the number of mentions.

Across a month's end, reports of the 1st join those of the last day of the
month before when that day starts a group (``_carry_month_ends``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

# Unknown-date mentions join a dated event only when reported within this
# many days of it: a teaser published years later is about something else.
NEAR_DAYS = 31
STATUS_ORDER = ("occurred", "future", "negated", "hypothetical")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class MentionPlace:
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    @property
    def precision(self) -> int:
        return 2 + (self.lat is not None) if self.country else 1


@dataclass
class MentionRow:
    """What merging needs of one stored mention."""

    id: str
    document_id: str
    type: str
    mode: str | None
    status: str
    date: str | None
    date_end: str | None
    published: str | None  # the report's date: the document's
    place: MentionPlace | None
    cameo: str | None
    score: float | None
    evidence: str
    participants: str
    block: str
    actor: list[dict[str, str | None]] = field(default_factory=list)
    recipient: list[dict[str, str | None]] = field(default_factory=list)
    ref_month: str = ""  # see reference_month
    outlet: str = ""  # host of the document's URL, else the document id
    url: str | None = None  # the document's URL

    @property
    def day(self) -> dt.date | None:
        return parse_day(self.date)

    @property
    def date_precision(self) -> int:
        return date_precision(self.date)

    @property
    def place_country(self) -> str | None:
        return self.place.country if self.place else None


def parse_day(text: str | None) -> dt.date | None:
    if not text or not (m := _DAY.match(text)):
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def date_precision(text: str | None) -> int:
    """4 a day, 3 a day without year, 2 a month, 1 a year, 0 unknown."""
    if not text:
        return 0
    if parse_day(text):
        return 4
    if _MONTH_DAY.match(text):
        return 3
    if _MONTH.match(text):
        return 2
    return 1 if _YEAR.match(text) else 0


def compatible_date(text: str | None, day: dt.date) -> bool:
    """Whether a date as written can be ``day`` within one day (FORMAT.md's rule)."""
    near = (day - timedelta(days=1), day, day + timedelta(days=1))
    if not text:
        return True
    if m := _MONTH_DAY.match(text):  # no year: compare month and day
        return any((d.month, d.day) == (int(m[1]), int(m[2])) for d in near)
    if m := _MONTH.match(text):
        return any((d.year, d.month) == (int(m[1]), int(m[2])) for d in near)
    if m := _YEAR.match(text):
        return any(d.year == int(m[1]) for d in near)
    other = parse_day(text)
    return other is None or abs((other - day).days) <= 1


def compatible_place(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def event_id(mention_ids: Iterable[str]) -> str:
    """Stable id of an event: a hash of its smallest mention id."""
    return hashlib.sha1(("event:" + min(mention_ids)).encode()).hexdigest()[:16]


# -- clustering ----------------------------------------------------------------


def reference_month(date_text: str | None, published: str | None) -> str:
    """The month a mention is merged in: its own month, else its report's; "" if neither."""
    if date_precision(date_text) in (2, 4):
        return (date_text or "")[:7]
    return (published or "")[:7] if parse_day(published) else ""


def month_shift(month: str, shift: int) -> str:
    """'2019-01' shifted by ``shift`` months; "" stays ""."""
    if not month:
        return ""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass
class Group:
    """Mentions of one event, owned by a month (the month its dated mentions lie in)."""

    month: str
    mentions: list[MentionRow]
    day: dt.date | None = None  # the anchor day of a dated group
    dated: int = 0  # dated mentions: the group's weight when a loose mention chooses

    @property
    def first_id(self) -> str:
        return min(m.id for m in self.mentions)


def cluster_block(mentions: list[MentionRow]) -> list[Group]:
    """The events of (part of) one block; ordered by their smallest mention id.

    Local by construction: a group of month M depends only on the mentions of
    months M-1 to M+2 (see ``merge_window``), which is what lets a write
    rebuild a few months of a block instead of all of it.
    """
    dated: dict[str, list[MentionRow]] = {}
    loose: list[MentionRow] = []
    for m in mentions:
        if m.day:
            dated.setdefault(m.ref_month, []).append(m)
        else:
            loose.append(m)
    _carry_month_ends(dated)
    groups: list[Group] = []
    for month in sorted(dated):
        for run in _day_groups(sorted(dated[month], key=lambda m: (m.day, m.id))):
            for part in split_by_place(run):
                groups.append(Group(month, part, run[0].day, len(part)))
    by_month: dict[str, list[Group]] = {}
    for group in groups:
        by_month.setdefault(group.month, []).append(group)
    leftovers: dict[tuple[str, str, str], list[MentionRow]] = {}
    for mention in sorted(loose, key=lambda m: m.id):
        month = mention.ref_month
        near = by_month.get(month_shift(month, -1), []) + by_month.get(month, [])
        target = _nearest_group(mention, near) if month else None
        if target is None:
            key = (month, mention.date or "", _loose_identity(mention))
            leftovers.setdefault(key, []).append(mention)
        else:
            target.mentions.append(mention)
    for key in sorted(leftovers):
        for part in split_by_place(leftovers[key]):
            groups.append(Group(key[0], part))
    return sorted(
        (g for group in groups for g in split_same_document(group)), key=lambda g: g.first_id
    )


def split_same_document(group: Group) -> list[Group]:
    """Two mentions of one document are two events (the coder already merged what it
    tells twice): the k-th mention of each document goes to the k-th event.

    A story and its copy then pair event by event, in the order they tell them.
    """
    slots: list[list[MentionRow]] = []
    seen: dict[str, int] = {}
    for mention in sorted(group.mentions, key=_document_order):
        k = seen.get(mention.document_id, 0)
        seen[mention.document_id] = k + 1
        if k == len(slots):
            slots.append([])
        slots[k].append(mention)
    if len(slots) == 1:
        return [group]
    return [Group(group.month, slot, group.day, sum(1 for m in slot if m.day)) for slot in slots]


def _document_order(mention: MentionRow) -> tuple[str, int, str]:
    # Mention ids are "<document id>:<index>": order by the index as a number.
    _, _, index = mention.id.rpartition(":")
    return (mention.document_id, int(index) if index.isdigit() else 0, mention.id)


def _carry_month_ends(dated: dict[str, list[MentionRow]]) -> None:
    """Reports of the 1st of a month join those of the previous month's last day
    when that day starts a group (nothing on the day before it).

    Decided on those three days alone, so merging stays local to a few months.
    """
    moves: list[tuple[str, str, list[MentionRow]]] = []
    for month, mentions in dated.items():
        days = {m.day for m in mentions}
        last = _last_day(month)
        following = month_shift(month, 1)
        first = last + timedelta(days=1)
        if last in days and last - timedelta(days=1) not in days and following in dated:
            carried = [m for m in dated[following] if m.day == first]
            if carried:
                moves.append((month, following, carried))
    for month, following, carried in moves:
        dated[month].extend(carried)
        dated[following] = [m for m in dated[following] if m not in carried]


def _last_day(month: str) -> dt.date:
    first_of_next = month_shift(month, 1)
    return dt.date(int(first_of_next[:4]), int(first_of_next[5:7]), 1) - timedelta(days=1)


def _loose_identity(mention: MentionRow) -> str:
    """What else two loosely dated mentions must share to be one event.

    A dyad reported the same month with the same type is one story; one
    country alone ("the government conceded", "the UN sent aid") says too
    little: such mentions merge only when they name the same place, or say
    the same words (the same story republished).
    """
    if len(mention.participants.split()) >= 2:
        return ""
    if mention.place:
        return f"place:{mention.place.id}"
    return "evidence:" + " ".join(mention.evidence.casefold().split())


def _day_groups(dated: list[MentionRow]) -> list[list[MentionRow]]:
    """Greedy from the month's first day: a group takes its anchor day and the next."""
    groups: list[list[MentionRow]] = []
    anchor: dt.date | None = None
    for mention in dated:
        day = mention.day
        assert day is not None
        if anchor is None or (day - anchor).days > 1:
            anchor = day
            groups.append([])
        groups[-1].append(mention)
    return groups


def split_by_place(mentions: list[MentionRow]) -> list[list[MentionRow]]:
    """One group per place country; mentions without one join the largest group."""
    by_country: dict[str, list[MentionRow]] = {}
    unplaced: list[MentionRow] = []
    for mention in mentions:
        if mention.place_country:
            by_country.setdefault(mention.place_country, []).append(mention)
        else:
            unplaced.append(mention)
    if not by_country:
        return [unplaced] if unplaced else []
    largest = min(by_country, key=lambda c: (-len(by_country[c]), c))
    by_country[largest].extend(unplaced)
    return [by_country[c] for c in sorted(by_country)]


def _nearest_group(mention: MentionRow, groups: list[Group]) -> Group | None:
    """The dated group a loosely dated mention reports: compatible, nearest its report date."""
    ref = parse_day(mention.published)
    best: tuple[tuple[int, int, str], Group] | None = None
    for group in groups:
        day = group.day
        if day is None or not compatible_date(mention.date, day):
            continue
        if not all(
            compatible_place(mention.place_country, m.place_country)
            for m in group.mentions[: group.dated]
        ):
            continue
        distance = abs((day - ref).days) if ref else 0
        if date_precision(mention.date) in (0, 3) and distance > NEAR_DAYS:
            continue
        # Nearest report date first, then the best-attested group, then the first.
        # Only dated mentions weigh: they alone are fixed before loose ones attach.
        rank = (distance, -group.dated, min(m.id for m in group.mentions[: group.dated]))
        if best is None or rank < best[0]:
            best = (rank, group)
    return best[1] if best else None


def merge_window(month: str) -> tuple[list[str], list[str]]:
    """For a change in ``month``: the months to load, and the months whose events change.

    A loose mention of month M chooses among the dated groups of M-1 and M,
    so a change in M changes the groups of M-1, M and M+1, and rebuilding
    those needs the mentions of M-1 to M+2 (M+2's loose mentions may have
    chosen M+1) and M-2 (whose groups M-1's loose mentions weigh).
    """
    if not month:
        return [""], [""]
    return [month_shift(month, k) for k in range(-2, 3)], [
        month_shift(month, k) for k in (-1, 0, 1)
    ]


# -- the merged event ------------------------------------------------------------


@dataclass
class MergedEvent:
    id: str
    block: str
    owner_month: str
    type: str
    mode: str | None
    status: str
    date: str | None
    date_end: str | None
    dates_reported: list[str]
    place: MentionPlace | None
    places_reported: list[str]
    participants: str
    actor: list[dict[str, str | None]]
    recipient: list[dict[str, str | None]]
    cameo: str | None
    score: float | None
    quad_class: int | None
    evidence: str
    mention_id: str
    mention_ids: list[str]
    num_mentions: int
    num_articles: int
    num_sources: int
    document_id: str
    source_url: str | None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and date_precision(self.date) in (2, 4) else None


def build_event(owned: Group) -> MergedEvent:
    """The event a group of mentions reports: the most precise date and place win."""
    group = owned.mentions
    ids = sorted(m.id for m in group)
    date_counts = Counter(m.date for m in group)
    rep = min(group, key=lambda m: _representative_rank(m, date_counts))
    dates = sorted({m.date for m in group if m.date})
    place = _best_place(group)
    scores = [m.score for m in group if m.score is not None]
    cameo = _commonest(m.cameo for m in group)
    first = min(group, key=lambda m: (m.published or "9999", m.document_id))
    return MergedEvent(
        id=event_id(ids),
        block=rep.block,
        owner_month=owned.month,
        type=rep.type,
        mode=_commonest(m.mode for m in group),
        status=min(
            Counter(m.status for m in group).items(),
            key=lambda kv: (-kv[1], _status_rank(kv[0])),
        )[0],
        date=rep.date,
        date_end=rep.date_end,
        dates_reported=dates,
        place=place,
        places_reported=sorted({m.place.name for m in group if m.place}),
        participants=rep.participants,
        actor=rep.actor,
        recipient=rep.recipient,
        cameo=cameo,
        score=round(sum(scores) / len(scores), 2) if scores else None,
        quad_class=quad_class(rep.type, cameo),
        evidence=rep.evidence,
        mention_id=rep.id,
        mention_ids=ids,
        num_mentions=len(group),
        num_articles=len({m.document_id for m in group}),
        num_sources=len({m.outlet or m.document_id for m in group}),
        document_id=first.document_id,
        source_url=first.url,
    )


def _representative_rank(
    m: MentionRow, date_counts: Counter[str | None]
) -> tuple[int, int, int, int, str]:
    # The most precise date, the one most sources give, then the most precise
    # place and the most named entities; the id settles the rest: stable.
    named = sum(1 for e in m.actor + m.recipient if e.get("name"))
    place = m.place.precision if m.place else 0
    return (-m.date_precision, -date_counts[m.date], -place, -named, m.id)


def _best_place(group: list[MentionRow]) -> MentionPlace | None:
    places = [m.place for m in group if m.place]
    if not places:
        return None
    counts = Counter(p.id for p in places)
    return min(places, key=lambda p: (-p.precision, -counts[p.id], p.id))


def _commonest(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


# GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
# conflict, 4 material conflict. GDELT derives it from the CAMEO root code
# (01-05, 06-08, 09-13, 14-20); a PLOVER type without CAMEO code falls back on
# the class its CAMEO counterpart has in the PLOVER codebook.
_QUAD_BY_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def quad_class(type_: str, cameo: str | None) -> int | None:
    if cameo and cameo[:2].isdigit():
        root = int(cameo[:2])
        if 1 <= root <= 20:
            return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return _QUAD_BY_TYPE.get(type_)


def participants_key(countries: Iterable[str | None]) -> str:
    """The sorted set of countries, space-separated ("RUS VNM"); "" when none is known."""
    return " ".join(sorted({c for c in countries if c}))


def dyads(participants: str) -> list[tuple[str, str]]:
    """Unordered country pairs of an event; (c, c) for an event of one country."""
    countries = participants.split()
    if len(countries) == 1:
        return [(countries[0], countries[0])]
    return [(a, b) for i, a in enumerate(countries) for b in countries[i + 1 :]]
