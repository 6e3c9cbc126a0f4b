"""Screenshots of every explorer page for docs/screenshots/, from a store (e.g. the demo's).

    python -m tests.web.screenshots --db samples/demo.db --out docs/screenshots

Serves the store with uvicorn on a free loopback port and drives Debian's Chromium with
Playwright (never Playwright's own browser download). The pages shown are picked from the store:
the story with the most outlets, its copied article, the most-named person, the biggest outlet.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tests.web.test_browser import ARGS, CHROMIUM, free_port


def pick(db: Path) -> dict[str, str]:
    """Paths worth showing, chosen from the store's contents."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda sql: (conn.execute(sql).fetchone() or [None])[0]  # noqa: E731
    story = one("SELECT id FROM stories ORDER BY outlets DESC, articles DESC LIMIT 1")
    article = one(
        "SELECT m.article_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id"
        " JOIN articles a ON a.id = m.article_id WHERE c.kind = 'copy' AND a.duplicate_kind = 'copy'"
        " ORDER BY (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) DESC, c.size DESC LIMIT 1"
    ) or one("SELECT id FROM articles ORDER BY (SELECT count(*) FROM quotes q WHERE q.article_id = articles.id) DESC LIMIT 1")
    entity = one(
        "SELECT entity_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        " WHERE e.type = 'PERSON' GROUP BY entity_id"
        " ORDER BY (SELECT count(*) FROM quotes q WHERE q.speaker = e.name) > 0 DESC, count(*) DESC LIMIT 1"
    )
    outlet = one("SELECT o.domain FROM articles a JOIN outlets o ON o.id = a.outlet_id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
    words = [r[0] for r in conn.execute(
        "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        " GROUP BY e.id ORDER BY count(*) DESC LIMIT 2")]
    conn.close()
    queries = "&".join(f"q={quote(w)}" for w in (words or ["jakarta", "polisi"]))
    paths = {"home": "/", "search": f"/search?{queries}", "api": "/api"}
    if article:
        paths["article"] = f"/article/{article}"
    if story:
        paths["story"] = f"/story/{quote(str(story))}"
    if entity:
        paths["entity"] = f"/entity/{entity}"
    if outlet:
        paths["outlet"] = f"/outlet/{quote(outlet)}"
    return paths


def main() -> int:
    p = argparse.ArgumentParser(description="Screenshot every explorer page.")
    p.add_argument("--db", required=True)
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args()
    import threading
    import time

    import uvicorn
    from playwright.sync_api import sync_playwright

    from warta.web.app import create_app

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            for name, path in pick(Path(args.db)).items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                page.wait_for_load_state("networkidle")
                if page.locator(".chart").count():
                    page.wait_for_selector(".chart[data-rendered], .chart[data-error]", timeout=15000)
                page.screenshot(path=str(out / f"{name}.png"))
                print(out / f"{name}.png", path)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
