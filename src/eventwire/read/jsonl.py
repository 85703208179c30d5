"""``.jsonl``: one article per line, streamed line by line.

Field names are matched case-insensitively, first alias present wins:

- text: ``text``, ``content``, ``body``, ``article``, ``maintext`` (a string,
  or a list of paragraph strings, joined by blank lines);
- title: ``title``, ``headline``;
- url: ``url``, ``link``;
- published: ``published``, ``date``, ``pubDate``, ``published_at``,
  ``date_publish`` (ISO, RFC 2822, epoch or prose; normalised to YYYY-MM-DD);
- language: ``lang``, ``language``.

Line N (counted from 1, blank lines included) becomes the Document with
source ``path#N`` and name ``file.jsonl#N``. Text that looks like HTML is
extracted as HTML. Plain text is kept as given, preceded by the title and a
blank line when it does not already open with it, so that the raw text has
the layout of a ``.txt`` page (and the same text read from a ``.txt`` file
and from a JSONL line gets the same id).

A bad line is Skipped with ``line N: <reason>`` and reading goes on.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from eventwire.document import Document, Metadata, Skipped
from eventwire.errors import ReadError
from eventwire.read import decode
from eventwire.read.html import html_to_document
from eventwire.read.meta import first_line, normalise_date, normalise_lang, overlay, same_text

TEXT_FIELDS = ("text", "content", "body", "article", "maintext")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "pubdate", "published_at", "date_publish")
LANG_FIELDS = ("lang", "language")

# Block tags make a text HTML to extract; inline tags alone (a link left in
# plain text) are dropped and the text's own blank lines kept.
_HTML_BLOCK = re.compile(
    r"<(?:html|body|article|main|section|p|div|br|h[1-6]|ul|ol|li|figure|table|blockquote)\b[^>]*>",
    re.I,
)
_HTML_INLINE = re.compile(r"</?(?:a|span|b|i|em|strong|u|small|sup|sub|abbr|cite|q)\b[^>]*>", re.I)
_CHUNK = 1 << 16


def read_jsonl(path: Path, sidecars: object = None) -> Iterator[Document | Skipped]:
    source = str(path)
    with decode.open_binary(path) as fh:
        # NUL bytes early on: an archive or image named .jsonl, not JSON lines
        # (JSON is UTF-8; a UTF-16 file would start with its byte-order mark).
        head = fh.read(8192)
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ReadError(source, "binary file")
        fh.seek(0)
        seen = False
        for number, line in _lines(fh, decode.MAX_RECORD_BYTES):
            if isinstance(line, int):
                seen = True
                size = decode.too_large(line, decode.MAX_RECORD_BYTES, "record")
                yield Skipped(source, f"line {number}: {size}")
            elif line.strip():
                seen = True
                try:
                    yield _document(path, number, line)
                except ReadError as exc:
                    yield Skipped(source, f"line {number}: {exc.reason}")
        if not seen:
            yield Skipped(source, "empty file")


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """``(number, bytes)`` per line; ``(number, size)`` for a line over ``limit``."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line) + _skip_rest(fh)
            yield number, size
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        yield number, line


def _skip_rest(fh: BinaryIO) -> int:
    """Read past the rest of an over-long line without keeping it."""
    skipped = 0
    while True:
        chunk = fh.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _document(path: Path, number: int, line: bytes) -> Document:
    source, name = f"{path}#{number}", f"{path.name}#{number}"
    text = decode.decode_bytes(line, source)
    try:
        record = json.loads(text.strip())
    except json.JSONDecodeError as exc:
        raise ReadError(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise ReadError(source, "invalid JSON (nested too deeply)") from exc
    if not isinstance(record, dict):
        raise ReadError(source, f"not a JSON object ({_json_type(record)})")
    fields = {str(k).lower(): v for k, v in record.items()}
    body = _text_field(fields, source)
    meta = Metadata(
        title=_string(fields, TITLE_FIELDS),
        url=_string(fields, URL_FIELDS),
        published=normalise_date(_first(fields, DATE_FIELDS)),
        lang=normalise_lang(_first(fields, LANG_FIELDS)),
    )
    if _HTML_BLOCK.search(body):
        doc = html_to_document(body, source=source, name=name, title=meta.title, fmt="jsonl")
        doc.meta = overlay(doc.meta, meta)
        return doc
    if _HTML_INLINE.search(body):  # links kept in plain text: drop the tags only
        body = html.unescape(_HTML_INLINE.sub("", body))
    raw = body.replace("\r\n", "\n").replace("\r", "\n")
    if meta.title and not same_text(first_line(raw), meta.title):
        raw = f"{meta.title}\n\n{raw}"
    meta.title = meta.title or first_line(raw)
    return Document(source=source, name=name, raw=raw, meta=meta, format="jsonl")


def _first(fields: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value
    return None


def _string(fields: dict[str, Any], names: tuple[str, ...]) -> str | None:
    value = _first(fields, names)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _text_field(fields: dict[str, Any], source: str) -> str:
    name = next((n for n in TEXT_FIELDS if fields.get(n) not in (None, "")), None)
    if name is None:
        if any(n in fields for n in TEXT_FIELDS):
            raise ReadError(source, "empty text")
        raise ReadError(source, f"no text field (expected one of {', '.join(TEXT_FIELDS)})")
    value = fields[name]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n\n".join(v.strip() for v in value if v.strip())
    if not isinstance(value, str):
        raise ReadError(source, f"field {name!r} is not text ({_json_type(value)})")
    if not value.strip():
        raise ReadError(source, "empty text")
    return value


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for reasons users read."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    return "a string" if isinstance(value, str) else "an object"
