"""Server-rendered pages (eventwire.web.pages): content, charts, highlighting,
UTF-8, pagination, errors, and escaping of hostile article text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from web_fixtures import require_modules

require_modules("fastapi", "jinja2", "httpx")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.web import create_app, pages  # noqa: E402
from eventwire.web.pages import safe_url  # noqa: E402
from web_fixtures import PHUC, XSS_ACTOR, XSS_BODY, XSS_TEASER, XSS_TITLE, build_database  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = build_database(tmp_path_factory.mktemp("pages") / "pages.db")
    with TestClient(create_app(path)) as c:
        yield c


def html(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.text


def ids(client: TestClient, url: str, key: str = "id") -> list[str]:
    return [str(item[key]) for item in client.get(url).json()["items"]]


def test_overview(client: TestClient) -> None:
    page = html(client, "/")
    assert re.search(r"<b>7</b>\s*events", page) and re.search(r"<b>6</b>\s*documents", page)
    assert 'href="/dyads/RUS/VNM"' in page  # the most active dyad
    # The cooperation-vs-conflict bar: one rect per family present (3 of 4 here).
    balance = page[page.index('<svg class="balance"') :].split("</svg>")[0]
    assert len(re.findall(r"<rect class=\"bar ", balance)) == 3
    assert "2019-12-30" in page  # latest events, newest first
    assert page.index("2019-12-30") < page.index("2019-10-01")


def test_dyad_page_chart_and_filters(client: TestClient) -> None:
    page = html(client, "/dyads/VNM/RUS")
    assert "<h1>RUS–VNM</h1>" in page
    bars = re.findall(r'<rect class="bar (\w+)" data-period="([\d-]+)" data-count="(\d+)"', page)
    assert ("verbal_cooperation", "2019-03", "1") in bars
    assert ("material_conflict", "2019-09", "1") in bars
    # Months without events are on the axis but draw nothing: 2019-03..2019-10 is 8 months.
    assert "8 months" in page and len(bars) == 4
    assert "1 event without a date" in page
    assert len(re.findall(r'class="event-link"', page)) == 5
    typed = html(client, "/dyads/VNM/RUS?type=SANCTION&since=&until=")
    assert len(re.findall(r'class="event-link"', typed)) == 1
    assert '<option value="SANCTION" selected>' in typed
    dated = html(client, "/dyads/VNM/RUS?since=2019-07&until=2019-09")
    assert len(re.findall(r'class="event-link"', dated)) == 2
    assert "DANCE" in html(client, "/dyads/VNM/RUS?type=DANCE", 422)
    assert "since" in html(client, "/dyads/VNM/RUS?since=soon", 422)
    assert "No dated events to chart" in html(client, "/dyads/FRA/JPN")


def test_event_page_highlights_evidence(client: TestClient) -> None:
    eid = ids(client, "/api/events?type=AGREE")[0]
    page = html(client, f"/events/{eid}")
    sentence = f"Le Premier ministre {PHUC} a signé un accord avec la Russie."
    assert f'<mark class="evidence">{sentence}</mark>' in page
    assert "Hanoï (VNM)" in page and "2019-03-04" in page
    assert 'href="/actors/nguyen-xuan-phuc"' in page and 'href="/dyads/RUS/VNM"' in page
    # UTF-8 on the wire: the Vietnamese name's bytes, not entities or mojibake.
    assert PHUC.encode("utf-8") in client.get(f"/events/{eid}").content


def test_document_page_is_segmented_with_linked_events(client: TestClient) -> None:
    doc_id = next(
        d["id"] for d in client.get("/api/documents").json()["items"] if d["name"] == "vn-ru-3.txt"
    )
    page = html(client, f"/documents/{doc_id}")
    assert page.index("kind-title") < page.index("kind-body")
    links = re.findall(r'<a class="coded" href="/events/(\w+)" title="(\w+)"><mark>([^<]+)</mark>',
                       page)  # fmt: skip
    assert [(t, text) for _, t, text in links] == [
        ("SANCTION", "La Russie a imposé des sanctions au Vietnam."),
        ("PROTEST", "Hanoï a protesté."),
    ]
    for event_id, _, _ in links:
        assert client.get(f"/events/{event_id}").status_code == 200


def test_actor_pages(client: TestClient) -> None:
    page = html(client, "/actors/nguyen-xuan-phuc")
    assert f"<h1>{PHUC}</h1>" in page
    assert len(re.findall(r'<rect class="bar ', page)) == 2  # March and July 2019
    assert 'href="/actors/RUS%3AGOV"' in page  # the top partner
    listing = html(client, "/actors?name=nguyen")
    assert PHUC in listing and "vu-hostile" not in listing
    assert "no actor" in html(client, "/actors/nobody", 404)


def test_lists_and_pagination(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "PAGE_SIZE", 4)
    first = html(client, "/documents")
    assert "page 1 of 2 (6)" in first and 'href="?page=2"' in first
    second = html(client, "/documents?page=2")
    assert len(re.findall(r'href="/documents/', second)) == 2
    assert "page" in html(client, "/documents?page=0", 422)


def test_search_page(client: TestClient) -> None:
    page = html(client, "/search?q=hanoi")
    assert "<mark>Hanoï</mark>" in page and "result" in page
    evidence = html(client, "/search?q=sanctions&in=evidence")
    assert len(re.findall(r'class="event-link"', evidence)) == 1
    assert "result" not in html(client, "/search")
    assert "no word" in html(client, "/search?q=%22%22", 422)


def test_errors_are_pages(client: TestClient) -> None:
    assert "no event" in html(client, "/events/unknown", 404)
    assert "Not Found" in html(client, "/no/such/page", 404)


class Active(HTMLParser):
    """Collects what a browser would run: script tags, on* attributes, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript"):
                self.found.append(f"<{tag} {name}={value}>")


def active_markup(page: str) -> list[str]:
    parser = Active()
    parser.feed(page)
    return parser.found


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    doc_id = next(
        d["id"] for d in client.get("/api/documents").json()["items"] if d["name"] == "hostile.txt"
    )
    eid = ids(client, "/api/events?type=ACCUSE")[0]
    urls = ["/", f"/documents/{doc_id}", f"/events/{eid}", "/documents", "/actors",
            "/actors/vu-hostile", "/search?q=lire", "/search?q=critique&in=evidence",
            "/dyads/RUS/VNM"]  # fmt: skip
    for url in urls:
        assert active_markup(html(client, url)) == [], url
    document = html(client, f"/documents/{doc_id}")
    for text in (XSS_TITLE, XSS_BODY, XSS_TEASER):
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped.replace("'", "&#39;") in document
    assert "&lt;b onmouseover=alert(&#39;actor&#39;)&gt;Vũ&lt;/b&gt;" in html(client, f"/events/{eid}")
    assert XSS_ACTOR not in html(client, "/actors/vu-hostile")


def test_active_markup_detector_can_fail() -> None:
    page = '<p>ok</p><img src=x onerror=alert(1)><script>x</script><a href=" javascript:x">'
    assert len(active_markup(page)) == 3
    assert active_markup('<p title="&lt;img onerror=x&gt;">&lt;script&gt;</p>') == []


def test_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert "script-src" not in response.headers["content-security-policy"]  # none allowed
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").status_code == 200


@pytest.mark.parametrize(
    ("url", "kept"),
    [("https://vietnamplus.vn/a", True), ("http://x.org", True), ("javascript:alert(1)", False),
     (" JavaScript:alert(1)", False), ("data:text/html,x", False), ("//evil.org", False),
     (None, False)],
)  # fmt: skip
def test_safe_url(url: str | None, kept: bool) -> None:
    assert (safe_url(url) is not None) == kept


def test_api_docs_page_works_offline(client: TestClient) -> None:
    page = html(client, "/api/docs")
    assert "GET /api/dyads/{a}/{b}/timeline" in page
    assert "integer, 1..500, default 50" in page  # bounded page sizes, documented
    assert "cdn" not in page.lower() and "<script" not in page
