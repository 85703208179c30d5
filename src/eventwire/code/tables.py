"""Loading and validating the coder's data files (lexicons, gazetteers, tables).

Every data file is a UTF-8 TSV under ``eventwire/code/data/``:

- the first line is a comment (``# source: ...; licence: ...``) saying where the
  entries come from; further lines starting with ``#`` and blank lines are
  skipped anywhere;
- the first non-comment line is the header: the column names;
- each other line is one entry, with as many tab-separated fields as the header
  (trailing empty fields may be left out).

Users extend or correct the packaged files without touching the package: when
the environment variable ``EVENTWIRE_DATA`` names a folder, a file there with the
same relative path (``fr/sectors.tsv``) is loaded too. Its entries are added to
the packaged ones, and an entry whose key (the table's key column) equals a
packaged entry's key replaces it.

A malformed line raises :class:`eventwire.errors.DataFileError` naming the file
and line, so the user knows what to fix.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent / "data"
USER_ENV = "EVENTWIRE_DATA"
LIST_SEP = "|"


@dataclass(frozen=True)
class Row:
    """One entry of a data file, with where it came from (for ``why`` fields)."""

    fields: tuple[tuple[str, str], ...]
    path: str
    line: int

    def __getitem__(self, column: str) -> str:
        for name, value in self.fields:
            if name == column:
                return value
        raise KeyError(column)

    def get(self, column: str, default: str = "") -> str:
        for name, value in self.fields:
            if name == column:
                return value
        return default

    def list(self, column: str) -> list[str]:
        """A ``|``-separated field as a list of its non-empty items."""
        return split_list(self.get(column))

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEP) if item.strip()]


def user_dir() -> Path | None:
    """The user's override folder (``$EVENTWIRE_DATA``), if set."""
    value = os.environ.get(USER_ENV, "").strip()
    return Path(value) if value else None


def parse_file(
    path: Path, columns: Sequence[str], required: Sequence[str] = ()
) -> Iterator[Row]:
    """The rows of one TSV file, checked against the expected ``columns``."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(name, None, f"cannot read: {exc}") from exc
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataFileError(
                    name, number, f"header lacks column(s) {missing}; expected {list(columns)}"
                )
            continue
        if len(cells) > len(header):
            raise DataFileError(
                name, number, f"{len(cells)} fields for {len(header)} columns (a stray tab?)"
            )
        cells += [""] * (len(header) - len(cells))
        row = Row(tuple(zip(header, cells, strict=True)), name, number)
        for column in required:
            if not row.get(column):
                raise DataFileError(name, number, f"empty required field {column!r}")
        yield row
    if header is None:
        raise DataFileError(name, None, "no header line")


def load_table(
    relpath: str,
    columns: Sequence[str],
    required: Sequence[str] = (),
    key: str | None = None,
    optional: bool = False,
) -> list[Row]:
    """Packaged rows of ``relpath`` plus the user's, validated; cached per user folder.

    ``key`` is the column whose equal values make a user row replace a packaged
    one. ``optional``: a missing packaged file gives no rows instead of an error
    (a language whose wording is not written yet).
    """
    return list(
        _load_cached(relpath, tuple(columns), tuple(required), key, optional, str(user_dir()))
    )


@lru_cache(maxsize=256)
def _load_cached(
    relpath: str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    key: str | None,
    optional: bool,
    user: str,
) -> tuple[Row, ...]:
    packaged = DATA_DIR / relpath
    rows: list[Row] = []
    if packaged.is_file():
        rows = list(parse_file(packaged, columns, required))
    elif not optional:
        raise DataFileError(str(packaged), None, "data file is missing from the package")
    extra_dir = user_dir()
    extra = extra_dir / relpath if extra_dir else None
    if extra is not None and extra.is_file():
        added = list(parse_file(extra, columns, required))
        if key is not None:
            replaced = {row.get(key) for row in added}
            rows = [row for row in rows if row.get(key) not in replaced]
        rows.extend(added)
    return tuple(rows)


def kind_rows(relpath: str, kinds: frozenset[str]) -> list[Row]:
    """The rows of a ``word kind value`` table (a language's grammar or status words),
    each kind checked against those its rules read."""
    rows = load_table(relpath, ("word", "kind", "value"), ("word", "kind"), optional=True)
    for row in rows:
        if row["kind"] not in kinds:
            raise DataFileError(
                row.path, row.line, f"unknown kind {row['kind']!r}; expected one of {sorted(kinds)}"
            )
    return rows


def load_records(
    relpath: str, columns: Sequence[str], fold: Callable[[str], str] | None = None
) -> Iterator[tuple[str, int, list[str], list[str]]]:
    """Fast plain rows of a big generated file (the gazetteer).

    Yields ``(path, line, cells, folded_cells)``; ``folded_cells`` are the cells
    passed through ``fold`` (one call for the whole file, which must keep tabs
    and line breaks), or the cells themselves without ``fold``.

    Same format, checks and user-folder rule as :func:`load_table` (user rows are
    appended; a later entry for the same name wins where the caller says so),
    without building a :class:`Row` per line.
    """
    paths = [DATA_DIR / relpath]
    extra_dir = user_dir()
    if extra_dir is not None and (extra_dir / relpath).is_file():
        paths.append(extra_dir / relpath)
    for path in paths:
        yield from _fast_rows(path, columns, fold)


def _fast_rows(
    path: Path, columns: Sequence[str], fold: Callable[[str], str] | None
) -> Iterator[tuple[str, int, list[str], list[str]]]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(name, None, f"cannot read: {exc}") from exc
    lines = text.split("\n")
    folded_lines = fold(text).split("\n") if fold else lines
    if len(folded_lines) != len(lines):
        raise DataFileError(name, None, "folding changed the line structure")
    width = 0
    for number, (line, folded) in enumerate(zip(lines, folded_lines, strict=True), start=1):
        if not line or line[0] == "#" or not line.strip():
            continue
        cells = line.rstrip("\r").split("\t")
        if not width:
            if cells[: len(columns)] != list(columns):
                raise DataFileError(name, number, f"header must start with {list(columns)}")
            width = len(cells)
            continue
        if len(cells) > width or not cells[0]:
            raise DataFileError(name, number, f"{len(cells)} fields for {width} columns")
        cells += [""] * (width - len(cells))
        folded_cells = folded.rstrip("\r").split("\t") if fold else cells
        folded_cells += [""] * (width - len(folded_cells))
        yield name, number, cells, folded_cells
    if not width:
        raise DataFileError(name, None, "no header line")


_DEPENDENT_CACHES: list[Callable[[], None]] = []


def on_clear(clear: Callable[[], None]) -> None:
    """Have :func:`clear_cache` also forget a cache built from tables (a module's own)."""
    _DEPENDENT_CACHES.append(clear)


def clear_cache() -> None:
    """Forget loaded tables and what was built from them (after ``EVENTWIRE_DATA`` changes)."""
    _load_cached.cache_clear()
    for clear in _DEPENDENT_CACHES:
        clear()
