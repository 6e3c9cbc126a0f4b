"""The explorer in a real browser: Debian's Chromium driven by Playwright, against uvicorn
serving the fixture store on a free loopback port. Skipped only when /usr/bin/chromium is absent
(CI installs it with apt; see .ci/run). Playwright's own browser download is never used."""

from __future__ import annotations

import csv
import io
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
playwright_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(store: tuple[Path, dict[str, int]]) -> Iterator[str]:
    """uvicorn serving the fixture store in a background thread; yields its base URL."""
    import uvicorn

    from warta.web.app import create_app

    port = free_port()
    from warta.web.server import NoDelayH11Protocol

    config = uvicorn.Config(create_app(store[0]), host="127.0.0.1", port=port, log_level="warning",
                            http=NoDelayH11Protocol)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.csp = []  # CSP violations the console reports: none expected, not even from uPlot
    pg.on("console", lambda m: pg.csp.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()


def test_home_search_article_copy_entity_and_csv(server: str, page: Any, ids: dict[str, int]) -> None:
    page.goto(server + "/")
    assert page.locator("#latest h2").inner_text() == "Artikel Terbaru"
    assert page.locator("#popular h2").first.inner_text() == "Terpopuler"
    assert "Putin Undang Kim Jong Un ke Rusia" in page.locator("#popular").inner_text()

    # Search from the home page's box, then add a second query to compare.
    page.fill("#home-q", "putin")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=putin*")
    page.fill("#new-query", "beras")
    page.press("#new-query", "Enter")
    page.wait_for_selector("#attention-chart[data-rendered]")
    assert page.locator("#attention-chart canvas").count() >= 1
    assert page.locator("#attention-chart .u-legend").inner_text().count("putin") == 1
    assert page.locator(".panel").count() == 2
    assert page.locator(".panel.c0 .totals .big").inner_text() == "5"
    # The counts switch and week interval redraw the chart from the API.
    page.click("#measure-count")
    page.wait_for_selector("#attention-chart[data-rendered][data-measure=count]")
    page.click("#interval-week")
    page.wait_for_selector("#attention-chart[data-rendered='2']")

    # A CSV download under a widget.
    with page.expect_download() as dl:
        page.locator(".panel.c0 .top-outlets a.csv").click()
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["outlet"] for r in rows} >= {"jawapos.com", "prokalteng.co", "kompas.com"}
    assert all(int(r["count"]) >= 1 for r in rows)

    # Open the copy at prokalteng.co, then follow the link to its original at jawapos.com.
    page.goto(server + f"/article/{ids['putin-pk']}")
    assert page.locator(".body .dateline").inner_text() == "PROKALTENG.CO"
    assert page.locator(".body .credit").inner_text() == "(jpc)"
    assert "Yang Moo Jin" in page.locator("#quotes .speaker").first.inner_text()
    assert page.locator("#copies").count() == 1
    page.locator("a.copy-link").first.click()
    page.wait_for_url(f"**/article/{ids['putin-jp']}")
    assert page.locator("tr.self .badge.original").count() == 1

    # Follow an entity to its page, with its quotes and its chart.
    page.locator("a.entity", has_text="Yang Moo Jin").click()
    page.wait_for_url("**/entity/*")
    assert page.locator("#entity-name").inner_text() == "Yang Moo Jin"
    assert "semakin erat" in page.locator("#said").inner_text()
    page.wait_for_selector(".chart[data-rendered]")
    assert page.errors == [] and page.dialogs == [] and page.csp == []


def test_english_interface(server: str, page: Any) -> None:
    page.goto(server + "/?lang=en")
    assert page.locator("#latest h2").inner_text() == "Latest Articles"
    page.goto(server + "/outlet/kompas.com")  # the choice is remembered
    assert "Latest Articles" in page.content()
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "id"


def test_no_payload_runs(server: str, page: Any, ids: dict[str, int]) -> None:
    evil = page.request.get(server + "/api/entities", params={"name": "<svg onload=window.__pwned='entity'>"}).json()
    paths = [f"/article/{ids['hostile']}", "/", "/search?q=putin", "/story/story-hostile",
             "/outlet/evil.example", f"/entity/{evil['items'][0]['id']}", "/api/latest"]
    for path in paths:
        page.goto(server + path)
        page.wait_for_load_state("load")
        for el in page.locator("[title]").all()[:20]:
            el.hover(timeout=2000)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    page.goto(server + f"/article/{ids['hostile']}")
    assert "<script>window.__pwned='title'</script>" in page.locator("#article-title").inner_text()
    # The javascript: URL is shown as text, never as a link.
    assert page.locator("a[href^='javascript']").count() == 0
    # Escaped payloads leave nothing for the CSP to block either.
    assert page.dialogs == [] and page.errors == [] and page.csp == []
