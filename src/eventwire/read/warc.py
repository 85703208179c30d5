"""``.warc`` / ``.warc.gz``: the HTML pages of a crawl, streamed record by record.

Kept: ``response`` records with HTTP status 200 and an HTML content type
(``text/html``, ``application/xhtml+xml``). Everything else (warcinfo,
requests, metadata, redirects, 404s, images, scripts) is passed over silently:
a crawl is mostly such records, and none of them is an article.

Naming: record N (counted from 1 over *all* records of the file, so N points
at the record whatever the filter kept) is the Document with source
``path#N`` and name ``file.warc.gz#N``. ``WARC-Target-URI`` is ``meta.url``;
``WARC-Date`` is ``meta.published`` when the page states no date.

Damage: records are checked against their declared length and gzip members
against their end marker. A truncated file yields every document before the
damage, then one Skipped naming the file and the record where it ends.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.document import Document, Skipped
from eventwire.errors import ReadError
from eventwire.read import decode
from eventwire.read.html import html_to_document
from eventwire.read.meta import normalise_date

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, remembering whether the last gzip member was complete.

    warcio stops quietly at a truncated gzip stream; its decompressor knows
    whether it saw the member's end, and ``close`` is the last moment to ask.
    """

    gzip_incomplete = False

    def close(self) -> None:
        reader = getattr(self, "reader", None)
        decompressor = getattr(reader, "decompressor", None)
        if decompressor is not None and not getattr(decompressor, "eof", True):
            self.gzip_incomplete = True
        super().close()


def read_warc(path: Path, sidecars: object = None) -> Iterator[Document | Skipped]:
    source = str(path)
    with decode.open_binary(path) as fh:
        if not fh.read(1):
            raise ReadError(source, "empty file")
        fh.seek(0)
        yield from _records(path, fh)


def _records(path: Path, fh: Any) -> Iterator[Document | Skipped]:
    source = str(path)
    records = _CheckedIterator(fh)
    number = 0
    try:
        for record in _quietly(records):
            number += 1
            if number == 1 and not str(record.format).startswith("warc"):
                # warcio reads any first line as an ARC header: check it was WARC.
                yield Skipped(source, "not a WARC file (no WARC/1.x header)")
                return
            payload = _html_payload(path, number, record)
            if _incomplete(record):
                yield Skipped(source, f"truncated archive: record {number} is incomplete")
                return
            if isinstance(payload, Skipped):
                yield payload
            elif payload is not None:
                yield _document(path, number, record, *payload)
    except ArchiveLoadFailed as exc:
        what = "not a WARC file" if number == 0 else f"damaged archive after record {number}"
        yield Skipped(source, f"{what} ({_first_line(exc)})")
        return
    except Exception as exc:  # zlib.error, EOFError, ValueError from a damaged stream
        what = "not a WARC file" if number == 0 else f"damaged archive after record {number}"
        yield Skipped(source, f"{what} ({_first_line(exc)})")
        return
    if records.gzip_incomplete:
        yield Skipped(source, f"truncated archive: gzip stream ends early (after record {number})")
    elif number == 0:
        yield Skipped(source, "not a WARC file (no records)")


def _quietly(records: ArchiveIterator) -> Iterator[Any]:
    """Records, with warcio's warnings (written to stderr) silenced.

    The damage they describe is reported as a Skipped reason instead.
    """
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            record = next(records, None)
        if record is None:
            return
        yield record


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:150] + "...") if len(text) > 150 else (text or type(exc).__name__)


def _incomplete(record: Any) -> bool:
    """Read the record to its end; bytes still owed mean the file stopped early."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _html_payload(
    path: Path, number: int, record: Any
) -> tuple[bytes, str | None] | Skipped | None:
    """The HTML bytes and charset of a 200 HTML response; None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = record.http_headers
    if http.get_statuscode() != "200":
        return None
    mime, charset = _content_type(http.get_header("Content-Type") or "")
    if mime not in HTML_TYPES:
        return None
    limit = decode.MAX_RECORD_BYTES
    try:
        data = record.content_stream().read(limit + 1)
    except Exception as exc:  # a broken chunked or gzip body inside the record
        return Skipped(str(path), f"record {number}: unreadable body ({_first_line(exc)})")
    if len(data) > limit:
        return Skipped(
            str(path), f"record {number}: {decode.too_large(len(data), limit, 'record')}"
        )
    if not data.strip():
        return Skipped(str(path), f"record {number}: empty page")
    return data, charset


def _document(
    path: Path, number: int, record: Any, data: bytes, charset: str | None
) -> Document | Skipped:
    source, name = f"{path}#{number}", f"{path.name}#{number}"
    try:
        html = decode.decode_bytes(data, source, charset or decode.declared_html_charset(data))
        return html_to_document(
            html,
            source=source,
            name=name,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            fallback_published=normalise_date(record.rec_headers.get_header("WARC-Date")),
            fmt="warc",
        )
    except ReadError as exc:
        return Skipped(str(path), f"record {number}: {exc.reason}")


def _content_type(value: str) -> tuple[str, str | None]:
    """ "text/html; charset=ISO-8859-1" -> ("text/html", "ISO-8859-1")."""
    message = Message()
    message["content-type"] = value
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None
