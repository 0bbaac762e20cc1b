"""Screenshots of a report for the README: the overview, the map, a provenance graph and an article view.

Usage: .venv/bin/python scripts/screenshots.py out/demo/report.html docs/screenshots
Needs Debian's Chromium (/usr/bin/chromium, or HEADWATER_CHROMIUM) and Playwright (the test extra).
The page is opened offline, as the browser tests open it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps"]
SHOTS = {"overview": "#overview", "map": "#map .mapwrap", "provenance": "#provenance .narr", "article": "#articles article.art"}


def main(report: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("HEADWATER_CHROMIUM", "/usr/bin/chromium"), args=ARGS)
        page = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000}, device_scale_factor=1).new_page()
        page.goto(report.resolve().as_uri())
        page.add_style_tag(content="header { position: static !important; }")  # keep the sticky bar out of the shots
        for name, selector in SHOTS.items():
            element = page.locator(selector).first
            element.scroll_into_view_if_needed()
            box = element.bounding_box()
            assert box is not None, selector
            top = box["y"] + page.evaluate("() => window.scrollY")  # clip is in page coordinates
            clip = {"x": box["x"], "y": top, "width": box["width"], "height": min(box["height"], 900)}
            page.screenshot(path=str(out / f"{name}.png"), clip=clip, full_page=True)
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
