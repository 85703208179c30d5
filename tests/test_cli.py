"""The command line as a user meets it: help everywhere, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()
COMMANDS = ["read", "ingest", "extract", "evaluate", "events", "actors", "stats", "search", "export"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and "--help" in result.output


def test_read_json_shows_parts_and_teasers_of_a_seed(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["read", str(seeds_dir / "003_4671afa906e812e8.txt"), "-f", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["lang"] == "fr" and "raw" not in record
    kinds = [p["kind"] for p in record["parts"]]
    assert kinds[0] == "title" and "dateline" in kinds and "signoff" in kinds
    assert len({p["teaser"] for p in record["parts"] if p["teaser"] is not None}) == 7
    raw = runner.invoke(app, ["read", str(seeds_dir / "003_4671afa906e812e8.txt"), "-f", "json", "--raw"])
    assert "intégralavec" in json.loads(raw.output)["raw"]  # the raw text, as scraped


def test_bad_files_are_reported_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Un titre\n\nLe président a reçu hier l'ambassadeur.\n")
    result = run_cli("read", str(tmp_path), str(tmp_path / "missing.html"))
    assert result.returncode == 1
    assert "good.txt" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("missing.html: no such file or directory" in line for line in errors)
    assert "Traceback" not in result.stderr


def test_a_fatal_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database")
    result = run_cli("stats", "--db", str(not_a_db))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(not_a_db) in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_table_is_one_line_an_event(seeds_dir: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(seeds_dir / "000_d84785f35968300d.txt"), "-f", "table"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("000_d84785f35968300d.txt")
    assert any("CONSULT/visit" in line and "RUS" in line and "VNM" in line for line in lines)
