"""``.txt``: page text as a scraper saved it, one article per file.

The raw text is the decoded file, newlines normalised to ``\\n`` and nothing
else touched: segmentation and repair belong to the clean stage, and offsets
into the raw text must stay honest. The first non-empty line is the title.
Metadata comes from a ``SOURCES.tsv`` sidecar in the same folder, when one
lists the file (see :mod:`eventwire.read.meta`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.document import Document, Metadata
from eventwire.errors import ReadError
from eventwire.read.decode import decode_bytes, read_file_bytes
from eventwire.read.meta import Sidecars, first_line, overlay


def read_txt(path: Path, sidecars: Sidecars) -> Iterator[Document]:
    source = str(path)
    raw = decode_bytes(read_file_bytes(path), source)
    if not raw.strip():
        raise ReadError(source, "empty file")
    meta = overlay(Metadata(title=first_line(raw)), sidecars.lookup(path))
    yield Document(source=source, name=path.name, raw=raw, meta=meta, format="txt")
