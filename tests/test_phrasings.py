"""Common news phrasings, in sentences the team wrote (tests/data/phrasings.tsv): every row
marked ``coded`` must still give its event type with its countries. ``make phrasings``
lists the ``open`` rows, the known misses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "phrasings.py"
_spec = importlib.util.spec_from_file_location("phrasings", SCRIPT)
assert _spec is not None and _spec.loader is not None
phrasings = importlib.util.module_from_spec(_spec)
sys.modules["phrasings"] = phrasings  # its dataclass looks its module up there
_spec.loader.exec_module(phrasings)

_, ROWS = phrasings.load()
CODED = [row for row in ROWS if row.status == "coded"]


def test_the_table_covers_both_languages_and_many_types() -> None:
    assert {row.lang for row in CODED} == {"fr", "en"}
    assert len({row.type for row in CODED}) >= 12


@pytest.mark.parametrize("row", CODED, ids=[f"{r.lang}-{r.type}-{i}" for i, r in enumerate(CODED)])
def test_a_coded_phrasing_stays_coded(row) -> None:  # type: ignore[no-untyped-def]
    events = phrasings.coded(row)
    assert phrasings.right(row, events), f"{row.sentence} -> {events}"
