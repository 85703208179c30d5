"""Read stage: paths in, ``Document`` or ``Skipped`` out, one at a time.

``read_paths(paths)`` takes files and folders (walked recursively, in sorted
order; see :mod:`eventwire.read.paths`) and yields, as it goes, one
``Document`` per article or one ``Skipped(source, reason)`` per thing it could
not read. It never raises for a bad file and never loads a folder or an
archive at once: ``.jsonl`` and ``.warc(.gz)`` are streamed line by line and
record by record.

Formats: ``.txt`` (:mod:`.txt`), ``.html``/``.htm`` (:mod:`.html`),
``.jsonl`` (:mod:`.jsonl`), ``.warc``/``.warc.gz`` (:mod:`.warc`). Decoding
and size limits: :mod:`.decode`. ``SOURCES.tsv`` sidecars: :mod:`.meta`.

Reasons a source is Skipped (``source`` is the file; JSONL/WARC reasons name
the line or record):

- ``no such file or directory``, ``not a regular file``,
  ``unsupported file type '.pdf' (expected one of ...)`` (named explicitly),
  ``cannot read file (...)``, ``cannot read folder (...)``;
- ``empty file``, ``binary file``, ``file too large (25.0 MB > 20.0 MB limit)``;
- ``no article text found`` (HTML);
- ``line N: invalid JSON (...)``, ``line N: not a JSON object (an array)``,
  ``line N: no text field (expected one of ...)``, ``line N: empty text``,
  ``line N: field 'text' is not text (an object)``, ``line N: record too large (...)``,
  ``line N: binary file``, ``line N: no article text found``;
- ``record N: no article text found``, ``record N: record too large (...)``,
  ``record N: empty page``, ``record N: unreadable body (...)``,
  ``truncated archive: record N is incomplete``,
  ``truncated archive: gzip stream ends early (after record N)``,
  ``not a WARC file (...)``, ``damaged archive after record N (...)``;
- ``sidecar has no 'file' column (line 1)`` (source: the ``SOURCES.tsv``);
- last resort, so that one file never stops a batch:
  ``unexpected error (Type: message)``, ``document nested too deeply to read``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventwire.document import Document, Skipped
from eventwire.errors import ReadError
from eventwire.read.html import read_html
from eventwire.read.jsonl import read_jsonl
from eventwire.read.meta import Sidecars
from eventwire.read.paths import iter_files
from eventwire.read.txt import read_txt
from eventwire.read.warc import read_warc

Reader = Callable[[Path, Sidecars], Iterator[Document | Skipped]]

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}

__all__ = ["READERS", "read_paths"]


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Documents and Skipped sources of ``paths`` (files or folders), streamed."""
    sidecars = Sidecars()
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        path, fmt = item
        yield from _read_one(READERS[fmt], path, sidecars)
        yield from sidecars.take_problems()


def _read_one(reader: Reader, path: Path, sidecars: Sidecars) -> Iterator[Document | Skipped]:
    try:
        yield from reader(path, sidecars)
    except ReadError as exc:
        yield Skipped(exc.source, exc.reason)
    except RecursionError:
        yield Skipped(str(path), "document nested too deeply to read")
    except Exception as exc:  # the batch goes on; the reason names the failure
        yield Skipped(str(path), f"unexpected error ({type(exc).__name__}: {exc})")
