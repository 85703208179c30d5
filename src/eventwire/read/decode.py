"""Bytes to text: size limits, byte-order marks, UTF-8, then encoding detection.

Order of trust, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 (pages often *declare* latin-1 while serving UTF-8, and a
   non-ASCII byte sequence that happens to be valid UTF-8 is almost never
   anything else);
3. the declared charset (HTTP header, ``<meta charset>``) when it decodes;
4. Windows-1252, when the text it gives looks like a Latin-script language:
   mostly ASCII letters with a few accented ones and typographic punctuation.
   This is the usual legacy encoding of French and English pages, and the
   statistical detector below is unreliable on short texts;
5. charset-normalizer's best guess.

Mojibake repair (UTF-8 read as latin-1 *before* it was saved) is the clean
stage's job (ftfy), not this module's: here the bytes are decoded as they are.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import ReadError

# One article file (.txt, .html) larger than this is not an article: a dump,
# a mis-named archive, a log. WARC and JSONL files are streamed, so for them
# the limit applies to each record, never to the whole file.
MAX_FILE_BYTES = 20_000_000
MAX_RECORD_BYTES = 20_000_000

# Share of control characters (other than tab/newline/CR/FF) above which a
# decoded text is treated as binary data.
_MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Control characters (category Cc without tab/newline/VT/FF/CR) and U+FFFD.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Non-ASCII characters a Latin-script text in cp1252 plausibly contains:
# accented letters, ligatures, typographic punctuation. Left out on purpose:
# superscripts, fractions, lone accents (¹ ³ ¼ ¨ ´ ¸ ...), which are what
# Central European or Cyrillic text misread as cp1252 turns into.
_LATIN_EXTRA = (
    {chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)}
    | set("ŒœŠšŽžŸ‚„…†‡‰‹›‘’“”•–—™€¡¿«»°§©®£¢¥·¬±")
    | {"\u00a0"}
)


def human_size(n: int) -> str:
    """``1234567`` -> ``"1.2 MB"``; small sizes stay readable for tests."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n} bytes"


def too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} too large ({human_size(size)} > {human_size(limit)} limit)"


def read_file_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of one article file, or ReadError (missing, empty, too large).

    The limit is read at call time so tests can monkeypatch ``MAX_FILE_BYTES``.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReadError(source, too_large(size, limit))
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ReadError(source, f"cannot read file ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise ReadError(source, too_large(len(data), limit))
    if not data.strip():
        raise ReadError(source, "empty file")
    return data


def open_binary(path: Path) -> BinaryIO:
    """``path`` opened for streaming, or a ReadError naming it (JSONL, WARC)."""
    try:
        return path.open("rb")
    except OSError as exc:
        raise ReadError(str(path), f"cannot read file ({exc.strerror or exc})") from exc


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset=...>``)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` or raise ReadError("binary file"). Newlines become ``\\n``."""
    text = _decode(data, declared)
    if text is None or _looks_binary(text):
        raise ReadError(source, "binary file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try(data, encoding)
    if b"\x00" in data:
        return None  # no text encoding without a BOM puts NUL bytes in prose
    text = _try(data, "utf-8")
    if text is not None:
        return text
    if declared and _known_encoding(declared):
        text = _try(data, declared)
        if text is not None and not _looks_binary(text):
            return text
    text = _try(data, "cp1252")
    if text is not None and _plausible_latin(text):
        return text
    return _detect(data)


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _plausible_latin(text: str) -> bool:
    """Mostly ASCII letters, the rest accented letters or typographic marks.

    Cyrillic or Greek read as cp1252 also gives accented letters, but then
    nearly every letter is one; French has a few percent.
    """
    extra = [c for c in text if ord(c) > 127]
    if not extra:
        return True
    if sum(c in _LATIN_EXTRA for c in extra) < 0.95 * len(extra):
        return False
    letters = sum(c.isalpha() for c in text)
    return len(extra) <= 0.5 * max(letters, 1)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for _ in _CONTROL.finditer(text))
    return bad > _MAX_CONTROL_SHARE * len(text)
