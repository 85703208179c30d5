"""The coded event: the record of ``shared/eval/FORMAT.md`` as dataclasses.

``to_record`` gives exactly the FORMAT.md JSON object (plus ``cameo``,
``score`` and ``why``, which the scorer ignores).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
STATUSES = ("occurred", "future", "negated", "hypothetical")


@dataclass
class Entity:
    """An actor or recipient: country (ISO3 or IGO), PLOVER sector, name as written."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    actor_id: str | None = None  # stable id within and across documents, when known

    def to_record(self) -> dict[str, Any]:
        return {"country": self.country, "sector": self.sector, "name": self.name}


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass
class Evidence:
    """Where the event is stated: the part, the span in its repaired text and in the raw text."""

    text: str
    part_index: int
    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass
class Event:
    type: str
    mode: str | None
    actor: list[Entity]
    recipient: list[Entity]
    date: str | None
    date_end: str | None
    place: Place | None
    status: str
    part: str  # "body" or "teaser"
    evidence: Evidence
    cameo: str | None = None
    score: float | None = None  # PLOVER/Goldstein-like conflict-cooperation score
    why: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "actor": [e.to_record() for e in self.actor],
            "recipient": [e.to_record() for e in self.recipient],
            "date": self.date,
            "date_end": self.date_end,
            "place": self.place.to_record() if self.place else None,
            "status": self.status,
            "part": self.part,
            "evidence": self.evidence.text,
            "cameo": self.cameo,
            "score": self.score,
            "why": self.why,
        }
