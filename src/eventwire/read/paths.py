"""Which files to read: paths named by the user, folders walked recursively.

- A folder is walked depth-first in sorted order (files of a folder, then its
  sub-folders), so two runs on the same tree read in the same order. Hidden
  entries (names starting with ".") are not entered: ``.git``, ``.venv``,
  editors' back-ups. Symbolic links to folders are not followed (no loops).
- In a folder, files of an unknown type are ignored silently (a corpus folder
  holds READMEs, licences, sidecars). A file named explicitly with an unknown
  type is reported: the user asked for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.document import Skipped

# File name ending -> format. ".warc.gz" is matched before the bare suffix.
FORMATS: dict[str, str] = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
}


def format_of(path: Path) -> str | None:
    """The reader for ``path`` by its name (case-insensitive), or None."""
    name = path.name.lower()
    for ending, fmt in FORMATS.items():
        if name.endswith(ending) and len(name) > len(ending):
            return fmt
    return None


def unsupported(path: Path) -> str:
    ending = "".join(path.suffixes[-2:]) or "(none)"
    known = ", ".join(FORMATS)
    return f"unsupported file type {ending!r} (expected one of {known})"


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | Skipped]:
    """``(file, format)`` for each file to read, or Skipped for a bad path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            fmt = format_of(path)
            yield (path, fmt) if fmt else Skipped(str(path), unsupported(path))
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[tuple[Path, str] | Skipped]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _drain(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            fmt = format_of(path)
            if fmt and path.is_file():
                yield path, fmt
    yield from _drain(errors)


def _drain(errors: list[OSError]) -> Iterator[Skipped]:
    while errors:
        exc = errors.pop(0)
        yield Skipped(str(exc.filename or "?"), f"cannot read folder ({exc.strerror or exc})")
