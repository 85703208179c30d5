"""Text helpers shared by the resolution modules: folding that keeps offsets."""

from __future__ import annotations

import unicodedata

# Letters that NFD does not split but that writers drop in plain ASCII text.
_EXTRA = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "s",
          "İ": "i", "ẞ": "s", "’": "'", "ʼ": "'", "‘": "'", "–": "-", "‑": "-", "\u00a0": " "}


def _table() -> dict[int, str]:
    """One character for one: each Latin letter with diacritics -> its lowercase base."""
    table = {ord(k): v for k, v in _EXTRA.items()}
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        if code in table:
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        if len(base) == 1 and base != char:
            table[code] = base
    return table


_FOLD = _table()


def fold(text: str) -> str:
    """Lowercase, diacritics removed, one character for one: offsets stay valid.

    "Hà Nội" -> "ha noi", "Żagań" -> "zagan", "Bê Xuân" -> "be xuan".
    """
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a rare letter whose lowercase is two characters
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lowered


def fold_key(text: str) -> str:
    """A lookup key: folded, hyphens and apostrophes as spaces, spaces collapsed."""
    out = fold(text).replace("-", " ").replace("'", " ").replace(".", " ")
    return " ".join(out.split())
