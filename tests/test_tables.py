"""Data files: format checks with file and line, and the user folder's overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.code.tables import DATA_DIR, load_table, parse_file
from eventwire.errors import DataFileError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_skip_comments_and_keep_their_line(tmp_path: Path) -> None:
    path = write(tmp_path / "t.tsv", "# source: test\na\tb\n\n# note\nx\ty\nz\n")
    rows = list(parse_file(path, ("a", "b")))
    assert [(r["a"], r.get("b"), r.line) for r in rows] == [("x", "y", 5), ("z", "", 6)]
    assert rows[0].where == f"{path}:5"


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("# s\na\tb\nx\ty\tz\n", 3, "fields"),
        ("# s\na\tc\nx\ty\n", 2, "header lacks"),
        ("# s\na\tb\n\ty\n", 3, "empty required field"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    path = write(tmp_path / "bad.tsv", text)
    with pytest.raises(DataFileError) as info:
        list(parse_file(path, ("a", "b"), required=("a",)))
    assert info.value.path == str(path) and info.value.line == line
    assert reason in info.value.reason


RESOLUTION_TABLES = (
    "cities.tsv", "regions.tsv", "people.tsv", "fr/countries.tsv", "fr/organisations.tsv",
    "fr/sectors.tsv", "fr/actor_words.tsv", "fr/places.tsv", "fr/place_words.tsv", "fr/dates.tsv",
)


def test_every_resolution_table_starts_with_its_source_and_licence() -> None:
    for path in (DATA_DIR / name for name in RESOLUTION_TABLES):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0].lower()
        assert first.startswith("# source:") and ("licence" in first or "license" in first), path


def test_user_rows_add_to_and_replace_packaged_ones(user_data: Path) -> None:
    write(user_data / "fr" / "sectors.tsv",
          "# source: user\nterm\tsector\tpriority\tkind\tflags\n"
          "ministre\tGOV\t9\ttitle\t\ncasque bleu\tMIL\t3\tgroup\t\n")
    rows = load_table("fr/sectors.tsv", ("term", "sector", "priority", "kind"), key="term")
    ministre = [r for r in rows if r["term"] == "ministre"]
    assert len(ministre) == 1 and ministre[0]["priority"] == "9"
    assert ministre[0].path.startswith(str(user_data))
    assert any(r["term"] == "casque bleu" for r in rows)
    assert any(r["term"] == "général" for r in rows)  # packaged rows stay


def test_missing_packaged_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_table("xx/none.tsv", ("a",))
    assert load_table("xx/none.tsv", ("a",), optional=True) == []
