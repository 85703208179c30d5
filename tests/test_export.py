"""Exports: every profile in every format reads back through pyarrow."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.event import Entity, Place
from eventwire.export import (
    FORMATS,
    GDELT_SCHEMA,
    POLECAT_SCHEMA,
    export_events,
    profile_schema,
    profile_table,
)
from eventwire.store import open_database
from eventwire.store.query import EVENT_SCHEMA
from test_events_store import NOW, make_doc, make_event

HANOI = Place("Hanoï", "VNM", 21.03, 105.85)
PROFILES = {"eventwire": EVENT_SCHEMA, "polecat": POLECAT_SCHEMA, "gdelt": GDELT_SCHEMA}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "x.db"
    a = "Le général russe effectue une visite à Hanoï, a rapporté l'agence."
    b = "Visite du général russe au Vietnam, « historique » selon Moscou."
    c = "Talks between Russia and China, with no date given."
    with open_database(path) as db:
        talks = make_event(c, None, type_="CONSULT", actor="RUS", recipient="CHN")
        talks.recipient = []
        talks.actor.append(Entity("CHN", "GOV", None))
        talks.cameo = None
        db.writer.store_coded(
            [
                (make_doc(a, "2019-10-21", "https://www.vnanet.vn/a"),
                 [make_event(a, "2019-10-21", place=HANOI)]),
                (make_doc(b, "2019-10-22", "https://tass.example/b"),
                 [make_event(b, "2019-10-20")]),
                (make_doc(c, None), [talks]),
            ],
            NOW,
        )  # fmt: skip
    return path


def read_back(path: Path, fmt: str, profile: str) -> pa.Table:
    if fmt == "parquet":
        return pq.read_table(path)
    if fmt == "csv":
        options = pacsv.ConvertOptions(
            column_types=profile_schema(profile, flat=True), strings_can_be_null=True
        )
        return pacsv.read_csv(path, convert_options=options)
    parse = pajson.ParseOptions(explicit_schema=profile_schema(profile))
    return pajson.read_json(path, parse_options=parse)


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_profile_round_trips_through_pyarrow(
    db_path: Path, tmp_path: Path, profile: str, fmt: str
) -> None:
    out = tmp_path / f"events.{fmt}"
    assert export_events(db_path, out, profile=profile) == 2
    table = read_back(out, fmt, profile)
    assert table.num_rows == 2
    assert table.column_names == PROFILES[profile].names
    with open_database(db_path) as db:
        expected = profile_table(db.events(), profile)
    for name in expected.column_names:
        got, want = table.column(name).to_pylist(), expected.column(name).to_pylist()
        if fmt == "csv" and pa.types.is_nested(expected.schema.field(name).type):
            got = [None if v is None else json.loads(v) for v in got]
        assert got == want, f"{profile}/{fmt}: column {name}"
    if fmt != "csv":
        assert table.schema.equals(PROFILES[profile]), "the declared types are kept"


def test_gdelt_columns(db_path: Path) -> None:
    with open_database(db_path) as db:
        rows = profile_table(db.events(), "gdelt").to_pylist()
    dated, talks = rows
    assert dated["SQLDATE"] == 20191021 and dated["MonthYear"] == 201910 and dated["Year"] == 2019
    assert (dated["Actor1CountryCode"], dated["Actor2CountryCode"]) == ("RUS", "VNM")
    assert dated["Actor1Code"] == "RUSMIL" and dated["Actor1Type1Code"] == "MIL"
    assert (dated["EventCode"], dated["EventBaseCode"], dated["EventRootCode"]) == (
        "042", "042", "04",
    )  # fmt: skip
    assert dated["QuadClass"] == 1 and dated["GoldsteinScale"] == pytest.approx(1.9)
    assert (dated["NumMentions"], dated["NumSources"], dated["NumArticles"]) == (2, 2, 2)
    assert dated["ActionGeo_Type"] == 4 and dated["ActionGeo_CountryCode"] == "VNM"
    assert dated["SOURCEURL"] == "https://www.vnanet.vn/a"
    assert isinstance(dated["GLOBALEVENTID"], int) and dated["GLOBALEVENTID"] > 0
    # Talks with both sides as actors: the second side is Actor2; no day, no SQLDATE.
    assert (talks["Actor1CountryCode"], talks["Actor2CountryCode"]) == ("RUS", "CHN")
    assert talks["SQLDATE"] is None and talks["ActionGeo_Type"] == 0
    assert talks["QuadClass"] == 1 and talks["EventCode"] is None


def test_polecat_columns(db_path: Path) -> None:
    with open_database(db_path) as db:
        dated = profile_table(db.events(), "polecat").to_pylist()[0]
    assert dated["event_type"] == "CONSULT" and dated["event_mode"] == "visit"
    assert dated["actor_name"] == "Andreï Kartapolov" and dated["actor_country"] == "RUS"
    assert dated["recipient_country"] == "VNM" and dated["recipient_sector"] == "MIL"
    assert dated["placename"] == "Hanoï" and dated["latitude"] == pytest.approx(21.03)
    assert dated["dates_reported"] == "2019-10-20; 2019-10-21"
    assert dated["source_urls"] == "https://www.vnanet.vn/a; https://tass.example/b"


def test_filters_and_errors(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.parquet"
    assert export_events(db_path, out, profile="gdelt", actor="RUS", since="2019") == 1
    with pytest.raises(StoreError, match="--format"):
        export_events(db_path, tmp_path / "x.xlsx")
    with pytest.raises(StoreError, match="unknown export profile"):
        export_events(db_path, tmp_path / "x.csv", profile="icews")
    with pytest.raises(StoreError, match="no such database"):
        export_events(tmp_path / "none.db", tmp_path / "x.csv")


def test_parquet_loads_in_duckdb(db_path: Path, tmp_path: Path) -> None:
    import duckdb  # a dev dependency: GDELT notebooks often query Parquet through DuckDB

    out = tmp_path / "g.parquet"
    export_events(db_path, out, profile="gdelt")
    count = duckdb.sql(f"SELECT COUNT(*) FROM '{out}' WHERE QuadClass = 1").fetchall()
    assert count == [(2,)]


def test_parquet_loads_in_pandas(db_path: Path, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "p.parquet"
    export_events(db_path, out, profile="polecat")
    frame = pd.read_parquet(out)
    assert list(frame.columns) == POLECAT_SCHEMA.names and len(frame) == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_in_pages_gives_the_same_file(
    db_path: Path, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.export as export

    whole = tmp_path / f"whole.{fmt}"
    export_events(db_path, whole, profile="polecat")
    monkeypatch.setattr(export, "EXPORT_PAGE", 1)
    paged = tmp_path / f"paged.{fmt}"
    assert export_events(db_path, paged, profile="polecat") == 2
    assert read_back(paged, fmt, "polecat").equals(read_back(whole, fmt, "polecat"))
    one = tmp_path / f"one.{fmt}"
    assert export_events(db_path, one, profile="polecat", limit=1) == 1
    assert read_back(one, fmt, "polecat").num_rows == 1
