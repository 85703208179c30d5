"""PLOVER type and mode -> nearest CAMEO code and conflict-cooperation score.

The table is ``data/plover.tsv``: one row per (type, mode), a ``*`` row per type
as its default. The score is the Goldstein weight of the CAMEO code, the scale
GDELT users know (-10 conflict ... +10 cooperation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.code.tables import load_table
from eventwire.errors import DataFileError
from eventwire.event import PLOVER_TYPES

COLUMNS = ("type", "mode", "cameo", "score", "label")


@dataclass(frozen=True)
class PloverEntry:
    type: str
    mode: str
    cameo: str
    score: float
    label: str


@lru_cache(maxsize=1)
def load_plover() -> dict[tuple[str, str], PloverEntry]:
    table: dict[tuple[str, str], PloverEntry] = {}
    for row in load_table("plover.tsv", COLUMNS, COLUMNS[:4], key=None):
        if row["type"] not in PLOVER_TYPES:
            raise DataFileError(row.path, row.line, f"type {row['type']!r} is not a PLOVER type")
        try:
            score = float(row["score"])
        except ValueError as exc:
            raise DataFileError(row.path, row.line, f"score {row['score']!r} is not a number") from exc
        entry = PloverEntry(row["type"], row["mode"], row["cameo"], score, row.get("label"))
        table[(entry.type, entry.mode)] = entry
    missing = [t for t in PLOVER_TYPES if (t, "*") not in table]
    if missing:
        raise DataFileError("plover.tsv", None, f"no default ('*') row for {missing}")
    return table


def lookup(type_: str, mode: str | None, cameo: str | None = None) -> tuple[str, float]:
    """CAMEO code and score of an event; the lexicon's own CAMEO code wins when it gives one."""
    table = load_plover()
    entry = table.get((type_, mode or "*")) or table[(type_, "*")]
    if cameo:
        # The score of the lexicon's code, when the table knows that code for this type.
        for other in table.values():
            if other.type == type_ and other.cameo == cameo:
                return cameo, other.score
        return cameo, entry.score
    return entry.cameo, entry.score
