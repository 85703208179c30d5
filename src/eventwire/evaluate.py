"""Score coded events against gold records, exactly as ``shared/eval/FORMAT.md`` says.

- Key F1: per document, the set of keys ``(type, participant countries)``.
- Event F1: one-to-one matching on type, participants and compatible dates;
  duplicates are false positives.
- Attribute accuracy on matched events: direction, mode, date, place, status, part.

Only ``occurred`` and ``future`` events are positives, in gold and prediction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError

POSITIVE = ("occurred", "future")
ATTRIBUTES = ("direction", "mode", "date", "place", "status", "part")
_NO_YEAR = 2000  # a leap year, so --02-29 is a valid day when years are unknown


# ----------------------------------------------------------------- records


def load_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EventwireError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if "doc" not in record or "events" not in record:
                raise EventwireError(f"{path}:{number}: a record needs 'doc' and 'events'")
            records.append(record)
    return records


def participants(event: dict[str, Any]) -> frozenset[str]:
    entities = list(event.get("actor") or []) + list(event.get("recipient") or [])
    return frozenset(e["country"] for e in entities if e.get("country"))


def event_key(event: dict[str, Any]) -> tuple[str, frozenset[str]]:
    return event["type"], participants(event)


def positives(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e.get("status") in POSITIVE]


# ------------------------------------------------------------------- dates


def date_range(value: str | None, end: str | None = None) -> tuple[dt.date, dt.date, bool] | None:
    """``(first day, last day, year known)`` of an ISO date, month, year or ``--MM-DD``."""
    if not value:
        return None
    first, last, year_known = _one_range(value)
    if end:
        parsed = _one_range(end)
        if parsed[2] == year_known:
            last = max(last, parsed[1])
    return first, last, year_known


def _one_range(value: str) -> tuple[dt.date, dt.date, bool]:
    if value.startswith("--"):
        month, day = int(value[2:4]), int(value[5:7])
        day_ = dt.date(_NO_YEAR, month, day)
        return day_, day_, False
    pieces = [int(p) for p in value.split("-")]
    if len(pieces) == 3:
        day_ = dt.date(*pieces)
        return day_, day_, True
    if len(pieces) == 2:
        year, month = pieces
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), True
    return dt.date(pieces[0], 1, 1), dt.date(pieces[0], 12, 31), True


def _without_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=_NO_YEAR)
    except ValueError:  # pragma: no cover - 29 Feb maps onto the leap year
        return day.replace(year=_NO_YEAR, day=28)


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Ranges overlap within one day, or either date is unknown."""
    ra = _safe_range(a)
    rb = _safe_range(b)
    if ra is None or rb is None:
        return True
    (a1, a2, ay), (b1, b2, by) = ra, rb
    if not (ay and by):  # a --MM-DD date compares by month and day
        a1, a2, b1, b2 = (_without_year(d) for d in (a1, a2, b1, b2))
        if a2 < a1:
            a2 = a1
        if b2 < b1:
            b2 = b1
    one_day = dt.timedelta(days=1)
    return a1 - one_day <= b2 and b1 - one_day <= a2


def _safe_range(event: dict[str, Any]) -> tuple[dt.date, dt.date, bool] | None:
    try:
        return date_range(event.get("date"), event.get("date_end"))
    except (ValueError, IndexError):
        return None  # an unreadable date is treated as unknown


# ---------------------------------------------------------------- matching


def match_events(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one matching; among candidates an exact date is preferred."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if event_key(g) == event_key(p) and dates_compatible(g, p):
                exact = g.get("date") == p.get("date")
                candidates.append((0 if exact else 1, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def _fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _actor_countries(event: dict[str, Any]) -> frozenset[str]:
    return frozenset(e["country"] for e in event.get("actor") or [] if e.get("country"))


def attribute_checks(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    """Which attributes of a matched pair agree; direction only when gold has a recipient."""
    checks = {
        "mode": g.get("mode") == p.get("mode"),
        "date": g.get("date") == p.get("date"),
        "status": g.get("status") == p.get("status"),
        "part": g.get("part") == p.get("part"),
        "place": _same_place(g.get("place"), p.get("place")),
    }
    if g.get("recipient"):
        checks["direction"] = _actor_countries(g) == _actor_countries(p)
    return checks


def _same_place(g: dict[str, Any] | None, p: dict[str, Any] | None) -> bool:
    if not g or not p:
        return not g and not p
    return g.get("country") == p.get("country") and _fold(g.get("name")) == _fold(p.get("name"))


# ------------------------------------------------------------------ report


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    documents: int = 0
    keys: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    attribute_right: Counter[str] = field(default_factory=Counter)
    attribute_total: Counter[str] = field(default_factory=Counter)
    per_document: dict[str, dict[str, Any]] = field(default_factory=dict)

    def accuracy(self, attribute: str) -> float | None:
        total = self.attribute_total[attribute]
        return self.attribute_right[attribute] / total if total else None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "key": self.keys.to_json(),
            "event": self.events.to_json(),
            "attributes": {
                a: {
                    "accuracy": None if self.accuracy(a) is None else round(self.accuracy(a) or 0.0, 4),
                    "right": self.attribute_right[a],
                    "total": self.attribute_total[a],
                }
                for a in ATTRIBUTES
            },
            "by_type": {t: c.to_json() for t, c in sorted(self.by_type.items())},
            "per_document": self.per_document,
        }


def score(gold_records: list[dict[str, Any]], predicted_records: list[dict[str, Any]]) -> Report:
    """Score predictions (FORMAT.md records) against gold, document by document."""
    predicted_by_doc = {r["doc"]: r for r in predicted_records}
    report = Report()
    for gold_record in gold_records:
        doc = gold_record["doc"]
        gold = positives(gold_record["events"])
        predicted = positives(predicted_by_doc.get(doc, {}).get("events", []))
        report.documents += 1
        _score_keys(report, doc, gold, predicted)
        _score_events(report, doc, gold, predicted)
    return report


def _score_keys(report: Report, doc: str, gold: list, predicted: list) -> None:
    gold_keys = {event_key(e) for e in gold}
    predicted_keys = {event_key(e) for e in predicted}
    tp = gold_keys & predicted_keys
    report.keys.tp += len(tp)
    report.keys.fp += len(predicted_keys - gold_keys)
    report.keys.fn += len(gold_keys - predicted_keys)
    for type_, _ in tp:
        report.by_type[type_].tp += 1
    for type_, _ in predicted_keys - gold_keys:
        report.by_type[type_].fp += 1
    for type_, _ in gold_keys - predicted_keys:
        report.by_type[type_].fn += 1
    report.per_document[doc] = {
        "missed": sorted(_key_text(k) for k in gold_keys - predicted_keys),
        "spurious": sorted(_key_text(k) for k in predicted_keys - gold_keys),
    }


def _key_text(key: tuple[str, frozenset[str]]) -> str:
    return f"{key[0]}({'-'.join(sorted(key[1]))})"


def _score_events(report: Report, doc: str, gold: list, predicted: list) -> None:
    pairs = match_events(gold, predicted)
    report.events.tp += len(pairs)
    report.events.fp += len(predicted) - len(pairs)
    report.events.fn += len(gold) - len(pairs)
    for g, p in pairs:
        for attribute, right in attribute_checks(g, p).items():
            report.attribute_total[attribute] += 1
            report.attribute_right[attribute] += int(right)


# ----------------------------------------------------------- running it


def evaluate_against_gold(
    gold_path: Path, docs_dir: Path, lang: str | None = None, select: str | None = None
) -> Report:
    """Extract the documents that the gold file names and score them.

    ``lang`` keeps only gold documents of that language; ``select`` is a glob
    on document names (e.g. ``"1[0-9][13579]_*"`` for the odd-numbered files).
    """
    from eventwire.document import Skipped
    from eventwire.pipeline import extract_records

    gold = [
        r
        for r in load_gold(gold_path)
        if (lang is None or r.get("lang") == lang) and (select is None or fnmatch.fnmatch(r["doc"], select))
    ]
    paths = [docs_dir / r["doc"] for r in gold]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise EventwireError(f"{gold_path}: documents not found under {docs_dir}: {', '.join(missing[:5])}")
    predicted = []
    for item in extract_records(paths):
        if isinstance(item, Skipped):
            raise EventwireError(f"{item.source}: {item.reason}")
        predicted.append(item)
    return score(gold, predicted)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_report(report: Report, console: Console) -> None:
    head = Table(title=f"Scores on {report.documents} documents")
    for column in ("measure", "precision", "recall", "F1", "tp", "fp", "fn"):
        head.add_column(column, justify="right" if column != "measure" else "left")
    for name, counts in (("key", report.keys), ("event", report.events)):
        head.add_row(
            name,
            _pct(counts.precision),
            _pct(counts.recall),
            _pct(counts.f1),
            str(counts.tp),
            str(counts.fp),
            str(counts.fn),
        )
    console.print(head)
    attributes = Table(title="Attribute accuracy on matched events")
    for column in ("attribute", "accuracy", "right", "total"):
        attributes.add_column(column)
    for a in ATTRIBUTES:
        attributes.add_row(
            a, _pct(report.accuracy(a)), str(report.attribute_right[a]), str(report.attribute_total[a])
        )
    console.print(attributes)
    types = Table(title="Key scores by type")
    for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
        types.add_column(column)
    for type_, c in sorted(report.by_type.items()):
        types.add_row(
            type_, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.tp), str(c.fp), str(c.fn)
        )
    console.print(types)
