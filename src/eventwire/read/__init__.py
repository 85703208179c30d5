"""Read stage: paths in, ``Document`` or ``Skipped`` out (placeholder until issue 3's readers land)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.document import Document, Metadata, Skipped


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    for path in paths:
        p = Path(path)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            if f.suffix != ".txt":
                continue
            try:
                raw = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield Skipped(str(f), str(exc))
                continue
            yield Document(source=str(f), name=f.name, raw=raw, meta=Metadata())
