"""Data files of the clean stage, loaded once and checked.

The word lists live in ``clean/data/*.json`` so a user can extend them
without touching code. A malformed file raises
:class:`~eventwire.errors.DataFileError` naming the file and the line.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from typing import Any

from eventwire.errors import DataFileError

DATA_PACKAGE = "eventwire.clean"


def load_json(name: str, required: dict[str, type]) -> dict[str, Any]:
    """Load ``clean/data/<name>`` and check that each required key has its type."""
    path = resources.files(DATA_PACKAGE) / "data" / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), exc.lineno, exc.msg) from exc
    if not isinstance(data, dict):
        raise DataFileError(str(path), 1, "expected a JSON object")
    for key, kind in required.items():
        if not isinstance(data.get(key), kind):
            line = _line_of(text, key)
            raise DataFileError(str(path), line, f"{key!r} must be a {kind.__name__}")
    return data


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if f'"{key}"' in line:
            return number
    return None


def string_list(data: dict[str, Any], key: str, name: str) -> list[str]:
    values = data[key]
    bad = [v for v in values if not isinstance(v, str) or not v.strip()]
    if bad:
        raise DataFileError(name, None, f"{key!r} holds a non-string or empty entry: {bad[0]!r}")
    return list(values)


@cache
def markers() -> dict[str, Any]:
    return load_json(
        "markers.json",
        {
            "related_markers": list,
            "photo_credit_words": list,
            "image_artefacts": list,
            "months": dict,
            "weekdays": list,
        },
    )


@cache
def glue_data() -> dict[str, Any]:
    return load_json(
        "glue.json",
        {"short_words": dict, "prefixes": list, "suffixes": list, "elisions": list, "keep": list},
    )


class Zipf:
    """wordfreq's word frequencies, as Zipf values, for one language.

    The whole table is loaded once (a dict lookup per word is what glue
    repair needs, thousands of times per document). Unknown words score 0.
    """

    def __init__(self, lang: str) -> None:
        from wordfreq import get_frequency_dict

        self.lang = lang
        self._freq: dict[str, float] = get_frequency_dict(lang)

    def __call__(self, word: str) -> float:
        freq = self._freq.get(word.lower())
        return math.log10(freq) + 9.0 if freq else 0.0


@cache
def zipf(lang: str) -> Zipf:
    return Zipf(lang)


@cache
def written_as() -> dict[str, str]:
    """Language varieties the identifier may report for a coded language (``languages.json``)."""
    data = load_json("languages.json", {"written_as": dict})
    mapping = data["written_as"]
    bad = [k for k, v in mapping.items() if not isinstance(v, str) or not v]
    if bad:
        raise DataFileError("languages.json", None, f"{bad[0]!r} must map to a language code")
    return dict(mapping)
