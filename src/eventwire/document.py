"""The plain data that travels down the road: read -> clean -> parse -> code -> store.

Every stage takes and gives these dataclasses; none of them holds behaviour
that belongs to a stage, only what is needed to keep offsets honest.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

# Kinds of part a cleaned document is split into. "teaser_*" parts belong to
# the related-articles block after the body ("Voir plus", "Lire aussi", ...).
BODY_KINDS = ("title", "dateline", "lead", "body", "caption", "signoff")
TEASER_KINDS = ("teaser_caption", "teaser_title", "teaser_summary")
PART_KINDS = BODY_KINDS + TEASER_KINDS


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a repaired text back to offsets in the raw text.

    Stored as aligned runs ``(text_start, raw_start, length)``: inside a run,
    text and raw advance together, and each text character is its raw
    character (or a one-for-one substitute: a no-break space or a line break
    written as a plain space). Characters of the text outside every run were
    inserted by the repair (a space between glued words) and map to the raw
    offset of the next run, so a span always maps to a raw span.

    ``gaps`` (optional) says more about characters outside the runs:
    ``(text_start, text_length, raw_start, raw_length)``. An insertion has
    ``raw_length`` 0; an n-for-m replacement (mojibake fixed, NFC composed)
    shares ``[raw_start, raw_start + raw_length)`` among its characters.
    """

    runs: tuple[tuple[int, int, int], ...]
    text_length: int
    gaps: tuple[tuple[int, int, int, int], ...] = ()

    @classmethod
    def identity(cls, raw_start: int, length: int) -> OffsetMap:
        return cls(((0, raw_start, length),) if length else (), length)

    def _gap_at(self, pos: int) -> tuple[int, int, int, int] | None:
        for gap in self.gaps:
            if gap[0] <= pos < gap[0] + gap[1]:
                return gap
        return None

    def _raw_char(self, pos: int) -> tuple[int, int]:
        """Raw ``[start, end)`` that text character ``pos`` stands for."""
        gap = self._gap_at(pos)
        if gap is not None:
            t_start, t_len, r_start, r_len = gap
            k = pos - t_start
            return r_start + k * r_len // t_len, r_start + (k + 1) * r_len // t_len
        for t_start, r_start, length in self.runs:
            if pos < t_start:
                return r_start, r_start  # inserted text before this run
            if pos < t_start + length:
                raw = r_start + (pos - t_start)
                return raw, raw + 1
        if not self.runs:
            return 0, 0
        t_start, r_start, length = self.runs[-1]
        return r_start + length, r_start + length

    def to_raw(self, pos: int) -> int:
        """Raw offset of text position ``pos`` (0 <= pos <= text_length)."""
        if pos >= self.text_length:
            return self._raw_char(self.text_length - 1)[1] if self.text_length else 0
        return self._raw_char(pos)[0]

    def is_copied(self, pos: int) -> bool:
        """Whether text character ``pos`` lies in a run (is its raw character)."""
        return any(t <= pos < t + n for t, _, n in self.runs)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` covering text ``[start, end)``."""
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        raw_start = self._raw_char(start)[0]
        raw_end = self._raw_char(end - 1)[1]
        return raw_start, max(raw_start, raw_end)


@dataclass
class Part:
    """One segment of a cleaned document: its kind and repaired text."""

    kind: str
    text: str
    offsets: OffsetMap
    teaser: int | None = None  # index of the teaser unit, for teaser_* kinds

    @property
    def is_teaser(self) -> bool:
        return self.kind.startswith("teaser")


@dataclass
class Dateline:
    """ "Hanoi, 7 mars (VNA) -": place, date as written, agency."""

    place: str | None = None
    date_text: str | None = None
    agency: str | None = None
    date: str | None = None  # ISO (YYYY-MM-DD or --MM-DD) when resolvable


@dataclass
class Metadata:
    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    lang: str | None = None  # as declared by the source (HTML lang, JSONL field)


@dataclass
class Document:
    """An article as read from one source; ``parts`` is filled by the clean stage."""

    source: str  # path, with "#N" for the N-th record of a JSONL or WARC file
    name: str  # file name shown as the record's ``doc`` (no folder)
    raw: str
    meta: Metadata = field(default_factory=Metadata)
    parts: list[Part] = field(default_factory=list)
    lang: str | None = None  # identified by the clean stage
    lang_score: float | None = None
    dateline: Dateline | None = None
    format: str = "txt"

    @property
    def id(self) -> str:
        return document_id(self.raw)


@dataclass
class Skipped:
    """A source that could not be read: which file (and record) and why."""

    source: str
    reason: str


_SPACE_RUN = re.compile(r"\s+")


def document_id(text: str) -> str:
    """Stable id of a text: hash of its normalised form (NFC, whitespace folded)."""
    normal = _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
