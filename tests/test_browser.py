"""The report and the served app as a person sees them: Debian's Chromium, headless, driven by Playwright.

CI installs the browser (``.ci/run``); on a machine without it these tests skip, unless ``CI`` is set,
where a missing browser is a failure. Every page is watched for console errors, page errors and any
request that leaves it (the report: none but its own file; the app: none but its own origin)."""
from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

import headwater
from headwater.resources import Resources
from headwater.serve import create_app

CHROMIUM = Path(os.environ.get("HEADWATER_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium phones home at start-up; the sandbox is off for root in CI.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps"]
TOKEN = "browser-test-token"
# Each trick, were it to run, sets a flag the test reads back.
HOSTILE_TITLE = '<script>window.__pwned="title"</script><img src=x onerror="window.__pwned=\'title-img\'"> Harbour reopens'
HOSTILE_HTML = f"""<!doctype html><html><head><title>{HOSTILE_TITLE}</title></head><body><article>
<h1>{HOSTILE_TITLE}</h1>
<p>The harbour in Valletta reopened on Monday after a storm closed it for three days, port officials said.
<script>window.__pwned="body"</script> Ferries resumed their schedules, the transport ministry said in a statement.</p>
<p>Read the <a href="javascript:window.__pwned='link'">full statement</a> or the
<a href="data:text/html,<script>parent.__pwned=1</script>">annex</a>.
<img src="x" onerror="window.__pwned='img'"> <svg onload="window.__pwned='svg'"></svg>
Repairs would continue through the week, the officials added.</p></article></body></html>"""
HOSTILE_TEXT = ("<svg onload=\"window.__pwned='form'\"></svg> Ferry strike ends\n\n"
                "Ferry crews in Piraeus ended their strike on Tuesday, the union said. <script>window.__pwned='form'</script> "
                "Services to the islands resumed in the afternoon, port authorities said. "
                "<a href=\"javascript:window.__pwned='form-link'\">details</a>\n")


@dataclass
class Watch:
    """What a page did: console errors, uncaught errors, and every request it made."""

    allowed: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def attach(self, ctx: BrowserContext) -> None:
        ctx.on("request", lambda r: self.requests.append(r.url))
        ctx.route("**/*", self._route)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.allowed):
            route.continue_()
        else:  # the network is off for the page: anything else is refused and recorded
            self.blocked.append(url)
            route.abort()

    def page(self, ctx: BrowserContext) -> Page:
        page = ctx.new_page()
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        return page

    def check(self) -> None:
        assert self.errors == []
        assert self.blocked == []
        assert all(u.startswith(self.allowed) for u in self.requests), self.requests


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}: CI installs Debian's chromium (see .ci/run)")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _no_script_ran(page: Page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.scripts.length") == 0
    handlers = page.evaluate("() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]"
                             ".filter(a => a.name.toLowerCase().startsWith('on')).map(a => el.tagName + ' ' + a.name))")
    assert handlers == []
    assert page.evaluate("() => [...document.links].filter(a => !/^(https?:|#|\\/)/i.test(a.getAttribute('href')))"
                         ".map(a => a.getAttribute('href'))") == []


@pytest.fixture(scope="module")
def report(examples_db: Path) -> Path:
    path = examples_db.parent / "report.html"
    assert path.is_file()
    return path


def test_report_opens_offline_with_the_seeds_on_the_map_and_in_the_graph(browser: Browser, report: Path) -> None:
    ctx = browser.new_context(offline=True, viewport={"width": 1300, "height": 900})
    watch = Watch(allowed=report.as_uri())
    watch.attach(ctx)
    page = watch.page(ctx)
    page.goto(report.as_uri())
    # the map: the seeds' places as visible dots, and movements into Al-Tanf as arrows
    page.locator("#map").scroll_into_view_if_needed()
    dots = page.locator("#map svg.map circle.dot")
    names = [t.split(" · ")[0] for t in page.locator("#map svg.map circle.dot title").all_text_contents()]
    for place in ("Al-Tanf", "Deir ez-Zor", "Ghwayran prison", "Damascus"):
        assert place in names
        box = dots.nth(names.index(place)).bounding_box()
        assert box is not None and box["width"] > 2, place
    arrows = page.locator("#map svg.map path.move title").all_text_contents()
    assert sum("→ Al-Tanf" in a for a in arrows) >= 2, arrows
    assert page.locator("#map svg.map path.move").first.bounding_box() is not None
    # the provenance graph: Press TV cites Sputnik
    edges = page.locator("#provenance svg.graph g.edge title").all_text_contents()
    assert any(e.startswith("Press TV → Sputnik") for e in edges), edges
    for outlet in ("Press TV", "Sputnik"):
        node = page.locator("#provenance svg.graph g.node text", has_text=f"{outlet} ·").first
        assert node.is_visible(), outlet
    _no_script_ran(page)
    watch.check()
    assert watch.requests == [report.as_uri()]
    ctx.close()


def test_report_prints_with_folded_sections_open(browser: Browser, report: Path) -> None:
    ctx = browser.new_context(offline=True)
    page = ctx.new_page()
    page.goto(report.as_uri())
    folded = page.locator("details:not([open]) > :not(summary)").first
    assert not folded.is_visible()  # on screen, a folded section hides its body
    page.emulate_media(media="print")
    assert folded.is_visible()  # printed, nothing stays folded away
    assert page.locator("header nav").is_hidden()
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    ctx.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(examples_db: Path, tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Iterator[str]:
    """``headwater serve`` on loopback, with writes enabled, over a copy of the examples' database."""
    db = tmp_path_factory.mktemp("served") / "headwater.db"
    shutil.copy(examples_db, db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, TOKEN, resources=resources,
                                                      allowed_hosts=["127.0.0.1", "localhost"]),
                                           host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_served_app_search_map_graph_and_article(browser: Browser, app_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    watch = Watch(allowed=app_url + "/")
    watch.attach(ctx)
    page = watch.page(ctx)
    page.goto(app_url + "/")
    page.get_by_role("link", name="search", exact=True).click()
    page.locator("input[name=q]").fill("Ghwayran")
    page.get_by_role("button", name="search").click()
    page.wait_for_url("**/search?q=Ghwayran")
    hits = page.locator("table a[href^='/articles/']")
    assert hits.count() >= 2
    assert "Ghwayran" in page.locator("table").inner_text()
    hits.first.click()  # the article view: the text with its evidence marked
    assert page.locator("article.art mark.pl").count() > 3
    assert page.locator("article.art mark.cl").count() >= 1
    page.goto(app_url + "/map")
    assert any(t.startswith("Al-Tanf ·") for t in page.locator("svg.map circle.dot title").all_text_contents())
    assert any("→ Al-Tanf" in t for t in page.locator("svg.map path.move title").all_text_contents())
    page.goto(app_url + "/narratives")
    page.locator("table a[href^='/narratives/']").first.click()
    edges = page.locator("svg.graph g.edge title").all_text_contents()
    assert any(e.startswith("Press TV → Sputnik") for e in edges), edges
    twin = page.goto(app_url + "/map.json")
    assert twin is not None and json.loads(twin.text())["places"]
    watch.check()
    ctx.close()


def test_hostile_article_runs_nothing_in_the_report(browser: Browser, tmp_path: Path, resources: Resources) -> None:
    (tmp_path / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "hostile.jsonl").write_text(json.dumps({
        "url": "javascript:window.__pwned='url'", "title": HOSTILE_TITLE,
        "text": "Port officials said the harbour in Valletta reopened on Monday after a storm closed it for three days. "
                "<img src=x onerror=\"window.__pwned='jsonl'\"> Ferries resumed their schedules, the ministry said."}) + "\n")
    out = tmp_path / "out"
    result = headwater.analyze([str(tmp_path / "hostile.html"), str(tmp_path / "hostile.jsonl")], out, resources=resources)
    assert result.summary["articles"] == 2
    ctx = browser.new_context(offline=True)
    uri = (out / "report.html").as_uri()
    watch = Watch(allowed=uri)
    watch.attach(ctx)
    page = watch.page(ctx)
    page.goto(uri)
    assert page.get_by_text("window.__pwned", exact=False).count() > 0  # shown as text, not run
    for link in page.get_by_text("full statement").all():
        link.click()
    _no_script_ran(page)
    watch.check()
    ctx.close()


def test_hostile_article_added_through_the_form_runs_nothing(browser: Browser, app_url: str) -> None:
    ctx = browser.new_context()
    watch = Watch(allowed=app_url + "/")
    watch.attach(ctx)
    page = watch.page(ctx)
    page.goto(app_url + "/add")
    page.locator("textarea[name=text]").fill(HOSTILE_TEXT)
    page.locator("input[name=token]").fill("wrong")
    page.get_by_role("button", name="analyze").click()
    assert "wrong token" in page.locator("p.error").inner_text()
    assert [e for e in watch.errors if "401" not in e] == []  # the refusal is a 401, which Chromium logs
    watch.errors.clear()
    page.locator("input[name=token]").fill(TOKEN)
    page.get_by_role("button", name="analyze").click()
    assert "1 analyzed" in page.locator("p.done").inner_text()
    page.goto(app_url + "/search?q=Piraeus")
    page.locator("table a[href^='/articles/']").first.click()
    assert "window.__pwned" in page.locator("article.art .text").inner_text()
    for link in page.get_by_text("details", exact=True).all():
        if link.is_visible():
            link.click()
    _no_script_ran(page)
    headers: dict[str, Any] = page.goto(page.url).all_headers()  # type: ignore[union-attr]
    assert "script-src" not in headers["content-security-policy"] and "default-src 'none'" in headers["content-security-policy"]
    watch.check()
    ctx.close()


def test_served_map_zooms_pans_and_shows_the_al_tanf_arrows_offline(browser: Browser, app_url: str) -> None:
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    watch = Watch(allowed=app_url + "/")  # the network is off but for the app itself
    watch.attach(ctx)
    page = watch.page(ctx)
    response = page.goto(app_url + "/explore")
    assert response is not None
    csp = response.all_headers()["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src")).split()[1:]
    assert script_src == ["'self'"]  # only the app's own script files
    page.wait_for_function("() => window.headwaterMap !== undefined", timeout=20000)
    # the movements into Al-Tanf are drawn as arrows (a line and its head) and named in their tooltips
    routes = page.evaluate("() => headwaterMap.data.arrows.filter(r => r.destination === 'Al-Tanf')"
                           ".map(r => r.events.length)")
    assert routes and sum(routes) >= 2, routes
    lines = page.locator("path.hw-arrow")
    assert lines.count() >= len(routes) and page.locator("path.hw-arrowhead").count() == lines.count()
    box = lines.first.bounding_box()
    assert box is not None and box["width"] + box["height"] > 5
    tips = page.evaluate("() => { const t = []; headwaterMap.arrows.eachLayer(l => l.getTooltip && l.getTooltip()"
                         " && t.push(l.getTooltip().getContent().textContent)); return t; }")
    assert any("→ Al-Tanf" in t for t in tips), tips
    assert page.locator("path.hw-country").count() > 100  # outlines shipped with the app
    # zoom with the control and the wheel; pan by dragging, from a spot where no mark is under the mouse
    idle = "() => !headwaterMap.map._animatingZoom && !headwaterMap.map._panAnim?._inProgress"
    free_spot = """() => { const box = document.getElementById('explore').getBoundingClientRect();
        for (let y = box.top + 80; y < box.bottom - 60; y += 37) for (let x = box.left + 80; x < box.right - 220; x += 41) {
            const hit = document.elementFromPoint(x, y);
            if (hit && !hit.closest('.leaflet-interactive, .leaflet-marker-icon, .leaflet-control')) return [x, y]; }
        return null; }"""
    zoom = page.evaluate("() => headwaterMap.map.getZoom()")
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function(f"() => headwaterMap.map.getZoom() > {zoom}")
    page.wait_for_function(idle)
    zoomed = page.evaluate("() => headwaterMap.map.getZoom()")
    x, y = page.evaluate(free_spot)
    page.mouse.move(x, y)
    for _ in range(3):
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(150)
    page.wait_for_function(f"() => headwaterMap.map.getZoom() > {zoomed}")
    page.wait_for_function(idle)
    before = page.evaluate("() => headwaterMap.map.getCenter()")
    x, y = page.evaluate(free_spot)
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y - 90, steps=8)
    page.mouse.up()
    page.wait_for_function(idle)
    after = page.evaluate("() => headwaterMap.map.getCenter()")
    assert abs(after["lng"] - before["lng"]) + abs(after["lat"] - before["lat"]) > 0.01, (before, after)
    # a point on click shows the article behind it, with a link to the article's page
    # a point of its own, shown alone: the view set on it at the closest zoom (markercluster's
    # zoomToShowLayer waits for an icon, which a circle marker never has: its callback may not come)
    shown = page.evaluate("""async () => {
        const layers = headwaterMap.places.getLayers(), seen = {};
        layers.forEach(m => { const k = m.getLatLng().toString(); seen[k] = (seen[k] || 0) + 1; });
        for (const m of layers.filter(m => seen[m.getLatLng().toString()] === 1)) {
            headwaterMap.map.setView(m.getLatLng(), headwaterMap.map.getMaxZoom(), { animate: false });
            await new Promise(done => setTimeout(done, 250));
            if (m._path !== undefined && m._map) { window.__point = m; return true; }
        }
        return false;
    }""")
    assert shown, "no place point could be shown on its own"
    page.wait_for_timeout(300)
    point = page.evaluate_handle("() => window.__point._path").as_element()
    assert point is not None
    point.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    href = popup.locator("a[href^='/articles/a']").first.get_attribute("href")
    assert href is not None
    assert page.evaluate("() => window.__pwned") is None  # article strings were set as text
    page.goto(app_url + href)
    assert page.locator("article.art").count() == 1
    watch.check()
    ctx.close()
