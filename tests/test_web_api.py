"""The JSON API (eventwire.web.api) with FastAPI's test client: every endpoint,
pagination, the dyad timeline, bad ids and parameters, the one error shape."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_fixtures import require_modules

require_modules("fastapi", "jinja2", "httpx")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.errors import StoreError  # noqa: E402
from eventwire.store.views import connect_readonly, segments  # noqa: E402
from eventwire.web import create_app  # noqa: E402
from eventwire.web.api import MAX_LIMIT  # noqa: E402
from web_fixtures import PHUC, XSS_TITLE, build_database  # noqa: E402


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path)) as c:
        yield c


def event_id(client: TestClient, **params: str) -> str:
    items = client.get("/api/events", params=params).json()["items"]
    assert len(items) == 1, items
    return str(items[0]["id"])


def test_events_filters_and_pagination(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 7 and len(body["items"]) == 7
    dyad = client.get("/api/events", params={"dyad": "RUS-VNM"}).json()
    assert [e["type"] for e in dyad["items"]] == ["AGREE", "CONSULT", "SANCTION", "ACCUSE",
                                                  "PROTEST"]  # fmt: skip
    page = client.get("/api/events", params={"dyad": "vnm-rus", "limit": 2, "offset": 2}).json()
    assert page["total"] == 5 and [e["type"] for e in page["items"]] == ["SANCTION", "ACCUSE"]
    assert client.get("/api/events", params={"type": "consult"}).json()["total"] == 1
    since = client.get("/api/events", params={"since": "2019-07", "until": "2019-12"}).json()
    assert {e["type"] for e in since["items"]} == {"CONSULT", "SANCTION", "ACCUSE", "ASSAULT"}
    actor = client.get("/api/events", params={"actor": "CHN"}).json()
    assert [e["type"] for e in actor["items"]] == ["ASSAULT"]
    text = client.get("/api/events", params={"text": "accord"}).json()
    assert [e["type"] for e in text["items"]] == ["AGREE"]
    # The record carries its sources, Vietnamese names intact.
    agree = text["items"][0]
    assert agree["actor"][0]["name"] == PHUC and agree["sources"][0]["published"] == "2019-03-05"


def test_one_event_with_mentions(client: TestClient) -> None:
    eid = event_id(client, type="AGREE")
    body = client.get(f"/api/events/{eid}").json()
    assert body["event"]["id"] == eid and body["event"]["place"]["name"] == "Hanoï"
    (mention,) = body["mentions"]
    evidence = mention["part_text"][mention["text_start"] : mention["text_end"]]
    assert evidence == mention["evidence"] == body["event"]["evidence"]
    assert mention["actor"][0]["name"] == PHUC and mention["event_id"] == eid


def test_dyad_timeline(client: TestClient) -> None:
    body = client.get("/api/dyads/VNM/RUS/timeline", params={"interval": "month"}).json()
    assert body["dyad"] == ["RUS", "VNM"] and body["interval"] == "month"
    buckets = {b["period"]: b for b in body["buckets"]}
    # The undated PROTEST is not charted; October holds the hostile document's ACCUSE.
    assert list(buckets) == ["2019-03", "2019-07", "2019-09", "2019-10"]
    assert buckets["2019-03"]["counts"]["verbal_cooperation"] == 1
    assert buckets["2019-03"]["scores"]["verbal_cooperation"] == 4.5
    assert buckets["2019-09"]["counts"]["material_conflict"] == 1
    assert buckets["2019-09"]["scores"]["material_conflict"] == -6.0
    assert buckets["2019-09"]["conflict"] == 1 and buckets["2019-09"]["cooperation"] == 0
    years = client.get("/api/dyads/RUS/VNM/timeline", params={"interval": "year"}).json()
    assert [(b["period"], b["events"]) for b in years["buckets"]] == [("2019", 4)]
    typed = client.get("/api/dyads/RUS/VNM/timeline", params={"type": "AGREE"}).json()
    assert [b["period"] for b in typed["buckets"]] == ["2019-03"]
    empty = client.get("/api/dyads/FRA/JPN/timeline").json()
    assert empty["buckets"] == []


def test_actors(client: TestClient) -> None:
    body = client.get("/api/actors", params={"name": "nguyen"}).json()
    assert [a["id"] for a in body["items"]] == ["nguyen-xuan-phuc"]
    assert body["items"][0]["name"] == PHUC
    assert client.get("/api/actors", params={"limit": 1}).json()["total"] > 1
    one = client.get("/api/actors/nguyen-xuan-phuc").json()
    assert one["events"] == 2
    assert [b["period"] for b in one["timeline"]] == ["2019-03", "2019-07"]
    assert [p["key"] for p in one["partners"]] == ["RUS:GOV"]


def test_documents(client: TestClient) -> None:
    body = client.get("/api/documents", params={"limit": 2}).json()
    assert body["total"] == 6 and len(body["items"]) == 2
    assert body["items"][0]["published"] == "2019-12-31"  # newest first
    hostile = next(
        d for d in client.get("/api/documents").json()["items"] if d["name"] == "hostile.txt"
    )
    one = client.get(f"/api/documents/{hostile['id']}").json()
    assert one["summary"]["title"] == XSS_TITLE  # stored and served as plain text
    assert [p["kind"] for p in one["parts"]] == ["title", "body", "teaser_title"]
    assert one["parts"][2]["teaser"] == 1
    (mention,) = one["mentions"]
    assert mention["part_index"] == 1 and "part_text" not in mention


def test_search(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "hanoi"}).json()  # diacritics folded
    names = {hit["name"] for hit in body["items"]}
    assert {"vn-ru-3.txt", "hostile.txt"} <= names and body["total"] == len(names)
    hit = body["items"][0]
    assert any(s["marks"] == ["hit"] and s["text"].lower() == "hanoï" for s in hit["snippet"])
    evidence = client.get("/api/search", params={"q": "sanctions", "in": "evidence"}).json()
    assert [e["type"] for e in evidence["items"]] == ["SANCTION"] and evidence["total"] == 1
    page = client.get("/api/search", params={"q": "hanoi", "limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["items"][0]["name"] != hit["name"]


def test_stats(client: TestClient) -> None:
    body = client.get("/api/stats", params={"top": 2}).json()
    assert body["events"] == 7 and len(body["dyads"]) == 2
    assert (body["dyads"][0]["a"], body["dyads"][0]["b"]) == ("RUS", "VNM")


BAD = [
    ("/api/events/nope", 404, "no event"),
    ("/api/events/bad%20id", 422, "event_id"),
    ("/api/actors/nobody", 404, "no actor"),
    ("/api/documents/0000", 404, "no document"),
    ("/api/no/such/route", 404, "Not Found"),
    (f"/api/events?limit={MAX_LIMIT + 1}", 422, "limit"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?limit=ten", 422, "limit"),
    ("/api/events?since=2019/01", 422, "since"),
    ("/api/events?until=yesterday", 422, "until"),
    ("/api/events?type=DANCE", 422, "type 'DANCE'"),
    ("/api/events?dyad=VNM", 422, "dyad"),
    ("/api/events?actor=V%3BDROP", 422, "actor"),
    ("/api/events?text_in=sql", 422, "text_in"),
    ("/api/dyads/VNM/RUS/timeline?interval=week", 422, "interval"),
    ("/api/dyads/VNM/R1/timeline", 422, "b"),
    ("/api/search", 422, "q"),
    ("/api/search?q=%22%2A%22", 422, "no word"),
    ("/api/search?q=x&in=sql", 422, "in"),
    ("/api/stats?top=1000", 422, "top"),
    ("/api/actors?limit=100000", 422, "limit"),
]


@pytest.mark.parametrize(("url", "status", "says"), BAD)
def test_one_error_shape(client: TestClient, url: str, status: int, says: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "status": status}
    assert says in body["error"]


def test_sql_in_parameters_is_only_data(client: TestClient, db_path: Path) -> None:
    """Words that look like SQL are searched as words; the database is unchanged."""
    before = client.get("/api/stats").json()["events"]
    for q in ("x'); DROP TABLE events; --", "\" OR 1=1 --", "NEAR(a b)"):
        assert client.get("/api/search", params={"q": q}).status_code == 200
        assert client.get("/api/events", params={"text": q}).status_code == 200
    assert client.get("/api/stats").json()["events"] == before


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
            "/api/documents", "/api/documents/{doc_id}", "/api/dyads/{a}/{b}/timeline",
            "/api/search", "/api/stats"} <= set(paths)  # fmt: skip
    error = paths["/api/events/{event_id}"]["get"]["responses"]["404"]
    assert "ErrorBody" in str(error)


def test_readonly(db_path: Path, tmp_path: Path) -> None:
    conn = connect_readonly(db_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        conn.execute("DELETE FROM events")
    conn.close()
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="schema version 0"):
        create_app(foreign)


def test_segments_cut_overlapping_spans() -> None:
    cut = segments("abcdefgh", [(1, 4, "x"), (3, 6, "y"), (7, 99, "z"), (5, 5, "empty")])
    assert [(s.text, s.marks) for s in cut] == [
        ("a", []), ("bc", ["x"]), ("d", ["x", "y"]), ("ef", ["y"]), ("g", []), ("h", ["z"]),
    ]  # fmt: skip
    assert "".join(s.text for s in cut) == "abcdefgh"
