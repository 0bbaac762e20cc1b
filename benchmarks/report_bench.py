"""Does the report stay responsive with 1,000 articles? Renders the example articles' analysis, and the same
analysis repeated to N articles (ids renumbered), then opens both in headless Chromium and prints render
time, file size, time to load, to scroll to the end and to open one article, and the ratio of the large
report to the small one measured in the same run.

Usage: .venv/bin/python benchmarks/report_bench.py [N]   (default 1000; needs out/demo from `make demo`)
"""
from __future__ import annotations

import copy
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from headwater.report import render_document

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"]
PER_ARTICLE = ("places", "metonyms", "attributions", "unattributed_claims", "events")
FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def repeated(doc: dict[str, Any], n: int) -> dict[str, Any]:
    out = {k: ([] if k == "articles" or k in PER_ARTICLE else v) for k, v in doc.items()}
    size = len(doc["articles"])
    for i in range(-(-n // size)):
        def renumber(aid: str, i: int = i) -> str:
            return f"a{i * size + int(aid[1:])}"
        for a in doc["articles"]:
            out["articles"].append({**copy.deepcopy(a), "id": renumber(a["id"])})
        for key in PER_ARTICLE:
            out[key] += [{**copy.deepcopy(r), "article_id": renumber(r["article_id"])} for r in doc.get(key) or []]
    return out


def measure(doc: dict[str, Any], folder: Path, name: str) -> dict[str, float]:
    t = time.perf_counter()
    html = render_document(doc)
    render = time.perf_counter() - t
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    row = {"articles": len(doc["articles"]), "render_s": render, "size_kb": len(html.encode()) / 1024}
    chromium = os.environ.get("HEADWATER_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return row
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_context(offline=True, viewport={"width": 1300, "height": 900}).new_page()
        t = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate(FRAME)
        row["load_s"] = time.perf_counter() - t
        t = time.perf_counter()
        page.mouse.wheel(0, 10**6)
        page.evaluate(FRAME)
        row["scroll_s"] = time.perf_counter() - t
        arts = page.locator("#articles article.art > details > summary")
        t = time.perf_counter()
        arts.nth(arts.count() // 2).click()
        page.evaluate(FRAME)
        row["open_s"] = time.perf_counter() - t
        browser.close()
    return row


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    src = ROOT / "out" / "demo" / "analysis.json"
    if not src.is_file():
        sys.exit(f"{src} is missing: run `make demo` first")
    doc = json.loads(src.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        small = measure(doc, Path(tmp), "small")
        large = measure(repeated(doc, n), Path(tmp), "large")
    for key in small:
        ratio = large[key] / small[key] if small[key] else float("nan")
        print(f"{key:10} {small[key]:10.2f} {large.get(key, float('nan')):10.2f}   ratio {ratio:7.1f}")
    per = large["articles"] / small["articles"]
    print(f"articles ratio {per:.0f}: a ratio well under it means the cost does not grow with the corpus")


if __name__ == "__main__":
    main()
