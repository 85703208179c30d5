"""Metadata helpers shared by the readers: dates, languages, titles, sidecars.

Sidecar convention (``SOURCES.tsv``)
------------------------------------
A tab-separated file named ``SOURCES.tsv`` in the same folder as ``.txt`` or
``.html`` files gives their metadata, one row per file. The header names the
columns; ``file`` (the file name, as in the folder) is required, the others are
optional and any further column is ignored:

- ``url``: where the article was published;
- ``published`` (or ``date``): publication date, normalised to YYYY-MM-DD;
- ``language`` (or ``lang``): ISO 639-1 code as declared by the source;
- ``title``: the title, when the file's first line is not.

A sidecar value wins over what the page itself says: a person wrote it down.
A sidecar without a ``file`` column is reported once (Skipped) and ignored.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from eventwire.document import Metadata, Skipped
from eventwire.errors import ReadError
from eventwire.read.decode import decode_bytes, read_file_bytes

SIDECAR_NAME = "SOURCES.tsv"
_SIDECAR_MAX_BYTES = 50_000_000

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_SLASHED_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_LANG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def normalise_date(value: Any) -> str | None:
    """A date as YYYY-MM-DD, from ISO, RFC 2822, epoch seconds/ms or prose; else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    for pattern in (_ISO, _SLASHED_YMD, _COMPACT):
        match = pattern.match(value)
        if match:
            return _valid(*(int(g) for g in match.groups()))
    try:
        return parsedate_to_datetime(value).date().isoformat()  # RSS pubDate
    except (TypeError, ValueError, IndexError):
        pass
    if value.strip().isdigit():
        return _from_epoch(float(value))
    return _parse_prose_date(value)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _parse_prose_date(value: str) -> str | None:
    """ "7 mars 2024", "March 7, 2024": dateparser, loaded only when needed."""
    if len(value) > 100:
        return None
    import dateparser

    try:
        parsed = dateparser.parse(
            value,
            languages=["fr", "en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


def normalise_lang(value: Any) -> str | None:
    """ "fr-FR", "fr_FR", "FR" -> "fr"; anything else -> None."""
    if not isinstance(value, str):
        return None
    match = _LANG.match(value)
    return match.group(1).lower() if match else None


def first_line(text: str) -> str | None:
    """The first non-empty line, stripped: the title of a scraped page."""
    for line in text.split("\n"):
        if line.strip():
            return " ".join(line.split())
    return None


def same_text(a: str | None, b: str | None) -> bool:
    """Equal up to whitespace and case (titles repeated in a body)."""
    if a is None or b is None:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass
class Sidecars:
    """``SOURCES.tsv`` files, each loaded once per ``read_paths`` call."""

    _tables: dict[Path, dict[str, Metadata]] = field(default_factory=dict)
    problems: list[Skipped] = field(default_factory=list)

    def lookup(self, path: Path) -> Metadata | None:
        folder = path.parent
        if folder not in self._tables:
            self._tables[folder] = self._load(folder / SIDECAR_NAME)
        return self._tables[folder].get(path.name)

    def take_problems(self) -> list[Skipped]:
        problems, self.problems = self.problems, []
        return problems

    def _load(self, sidecar: Path) -> dict[str, Metadata]:
        if not sidecar.is_file():
            return {}
        try:
            return parse_sidecar(sidecar)
        except ReadError as exc:
            self.problems.append(Skipped(exc.source, exc.reason))
            return {}


def parse_sidecar(sidecar: Path) -> dict[str, Metadata]:
    """File name -> Metadata from one ``SOURCES.tsv`` (see the module docstring)."""
    text = decode_bytes(read_file_bytes(sidecar, _SIDECAR_MAX_BYTES), str(sidecar))
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    columns = {c.strip().lower(): c for c in reader.fieldnames or []}
    if "file" not in columns:
        raise ReadError(str(sidecar), "sidecar has no 'file' column (line 1)")

    def cell(row: dict[str, Any], *names: str) -> str | None:
        for name in names:
            value = row.get(columns.get(name, ""))
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    table: dict[str, Metadata] = {}
    try:
        for row in reader:
            name = cell(row, "file")
            if not name:
                continue
            table[Path(name).name] = Metadata(
                title=cell(row, "title"),
                url=cell(row, "url"),
                published=normalise_date(cell(row, "published", "date")),
                lang=normalise_lang(cell(row, "language", "lang")),
            )
    except csv.Error as exc:
        raise ReadError(str(sidecar), f"line {reader.line_num}: {exc}") from exc
    return table


def overlay(base: Metadata, top: Metadata | None) -> Metadata:
    """``base`` with every field ``top`` sets replaced by ``top``'s value.

    Only the declared fields (title, url, published, lang) are overlaid: the
    layout hints belong to the reader that saw the markup.
    """
    if top is None:
        return base
    return replace(
        base,
        title=top.title or base.title,
        url=top.url or base.url,
        published=top.published or base.published,
        lang=top.lang or base.lang,
    )
