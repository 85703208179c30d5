"""The dashboard in a real browser: headless Debian chromium driven by Playwright.

A demo database is built from French files of examples/ with the real coder
(parse + code), plus one hostile document; uvicorn serves it on a free port.
The test opens the overview and the busiest dyad, checks the chart is drawn,
clicks an event and sees its evidence highlighted in the source, visits the
document, actor and search pages, and checks the hostile markup shows as text
without running. Screenshots of each page go to test-artifacts/.

Skips when /usr/bin/chromium or Playwright is missing (scripts/install_browser.sh
installs chromium), except with CI=true, where that is a failure.
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from eventwire.store import open_database
from web_fixtures import NOW, XSS_TITLE, hostile_document, require

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
# French articles in which the coder finds events between two countries, dated
# ones among them (chosen by running the coder over examples/).
DEMO_FILES = (
    "101_pologne-szydlo-accueille-troupes-americaines.txt",
    "110_chine-intercepte-avion-americain.txt",
    "122_guyane-negociations-excuses-ministre.txt",
    "123_guyane-plan-gouvernemental-rejete.txt",
)

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from eventwire.store.ingest import ingest_paths, pipeline_coder

    path = tmp_path_factory.mktemp("browser") / "demo.db"
    paths = [REPO / "examples" / name for name in DEMO_FILES]
    summary = ingest_paths(paths, path, Console(file=io.StringIO()), coder=pipeline_coder)
    assert summary.coded == len(DEMO_FILES), summary.skipped
    with open_database(path) as db:
        db.writer.store_coded([hostile_document()], NOW)
    return path


def busiest_dated_dyad(db_path: Path) -> tuple[str, str]:
    """The dyad of two countries with the most dated events: its chart has bars."""
    from eventwire.store.views import ReadOnlyDatabase, dyad_timeline

    db = ReadOnlyDatabase(db_path)
    try:
        rows = db.conn.execute(
            "SELECT a, b FROM event_dyads WHERE a <> b AND month IS NOT NULL "
            "GROUP BY a, b ORDER BY COUNT(*) DESC, a, b LIMIT 1"
        ).fetchall()
        assert rows, "the coder found no dated event between two countries in DEMO_FILES"
        a, b = rows[0]
        assert dyad_timeline(db.conn, f"{a}-{b}")
        return a, b
    finally:
        db.close()


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[str]:
    require(_has("uvicorn"), "uvicorn is not installed")
    import uvicorn

    from eventwire.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start in 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_missing_browser_skips_locally_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require(False, "no chromium")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        require(False, "no chromium")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Any]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing: run scripts/install_browser.sh")
    require(_has("playwright"), "Playwright for Python is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="fr-FR")
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_dashboard_in_browser(server: str, browser_page: Any, demo_db: Path) -> None:
    page = browser_page
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(server + "/")
    assert page.locator("svg.balance rect.bar").count() >= 1
    shot(page, "1-overview")

    a, b = busiest_dated_dyad(demo_db)
    page.goto(f"{server}/dyads/{a}/{b}")
    assert page.locator("h1").inner_text() == f"{a}–{b}"
    bars = page.locator("svg.timeline rect.bar")
    assert bars.count() >= 1
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 0 and box["width"] > 0  # drawn, not just present
    shot(page, "2-dyad")

    link = page.locator("a.event-link").first
    event_type = link.inner_text()
    link.click()
    page.wait_for_url("**/events/*")
    assert page.locator("h1").inner_text().startswith(event_type)
    mark = page.locator("article.source mark.evidence").first
    assert mark.is_visible()
    evidence = mark.inner_text().strip()
    assert len(evidence) > 10
    # The mark sits inside the source text, which goes on around it or before it.
    source_text = page.locator("article.source .part-text").first.inner_text()
    assert evidence in source_text
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "3-event")

    page.locator("article.source h3 a").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("a.coded mark").count() >= 1
    assert page.locator(".part.kind-title").count() == 1
    shot(page, "4-document")

    page.goto(f"{server}/actors")
    page.locator("table a[href^='/actors/']").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h2", has_text="Most frequent partners").count() == 1
    shot(page, "5-actor")

    page.goto(f"{server}/search?q=Guyane")
    assert page.locator("ol.hits li").count() >= 1
    assert page.locator("ol.hits mark").count() >= 1
    shot(page, "6-search")

    # The hostile document: its markup is shown as text and nothing runs.
    page.goto(f"{server}/search?q=piégé")
    page.locator("ol.hits a").first.click()
    page.wait_for_url("**/documents/*")
    assert page.locator("h1").inner_text() == XSS_TITLE
    assert "<script>alert('teaser')</script>" in page.locator(".part.teaser").inner_text()
    assert page.locator("main script, main img, main [onerror], main [onload]").count() == 0
    shot(page, "7-hostile-document")
    page.locator("a.coded").first.click()
    page.wait_for_url("**/events/*")
    shot(page, "8-hostile-event")
    time.sleep(0.2)  # a handler that fired would have queued its dialog by now
    assert dialogs == [] and errors == []
