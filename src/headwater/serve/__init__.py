"""``headwater serve``: a local web app over a headwater database.

Every page has a JSON twin from the same view: append ``.json`` to the path (``/narratives/n1.json``;
``/index.json`` for the overview). ``/openapi.json`` describes the JSON API. The map, the provenance
graphs and the marked-up article text are the report's own views (``headwater.report``), drawn from the
stored corpus's analysis document (``serve.analysis``); ``/report`` is the whole report. Writes (``POST
/analyze`` for programs, the form at ``/add`` for people) need the token the app was started with.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from headwater.model import ascribed_aim
from headwater.pipeline import ensure_linked
from headwater.report.doc import Doc
from headwater.report.sources import source_index
from headwater.resources import Resources
from headwater.serve import pages, queries
from headwater.serve.analysis import AnalysisCache, article_page, map_document, narrative_page, provenances
from headwater.serve.explore import EXPLORE_CSP, explore_data, explore_page
from headwater.serve.openapi import openapi
from headwater.serve.queries import HTTPError
from headwater.serve.write import MAX_BODY, Writer, check_origin, check_token, form_fields, parse_body, parse_form
from headwater.store import Store

__all__ = ["CSP", "create_app"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'"
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

View = Callable[[sqlite3.Connection, Request], dict[str, Any]]


class SecurityHeaders:
    """Adds the CSP and friends to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.endswith(".json") or request.method != "GET":
        return JSONResponse({"error": message}, status_code=status)
    title, body = pages.error(status, message)
    return HTMLResponse(pages.layout(title, body, request.url.path + ".json"), status_code=status)


def create_app(db_path: str | Path, token: str | None = None, *, resources: Resources | None = None,
               allowed_hosts: list[str] | None = None) -> Starlette:
    """The app over the database at db_path (which must exist). With a token, POST /analyze takes writes from
    callers sending ``Authorization: Bearer <token>``. allowed_hosts, when given, refuses other Host headers
    (a guard against DNS rebinding); ``headwater serve`` sets it for loopback addresses."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}")
    with Store(path) as store:  # applies any migration the database lacks, so reads see every table
        ensure_linked(store)
    writer = Writer(path, resources)
    cache = AnalysisCache(path)

    def page(name: str, view: View) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            def run() -> dict[str, Any]:
                db = queries.connect(path)
                try:
                    return view(db, request)
                finally:
                    db.close()

            try:
                data = await run_in_threadpool(run)
            except HTTPError as exc:
                return _error(request, exc.status, exc.message)
            except UnicodeEncodeError:  # a lone surrogate (%ED%A0%80 and friends) in a path or query
                return _error(request, 400, "the request holds characters that are not valid Unicode")
            if request.url.path.endswith(".json"):
                return JSONResponse(data)
            title, body = pages.RENDERERS[name](data)
            json_href = "/index.json" if request.url.path == "/" else request.url.path + ".json"
            if request.url.query:
                json_href += "?" + request.url.query
            return HTMLResponse(pages.layout(title, body, json_href))

        return endpoint

    def params(request: Request) -> dict[str, str]:
        return {k: v for k, v in request.query_params.items()}

    def article(db: sqlite3.Connection, r: Request) -> dict[str, Any]:
        d = queries.article(db, r.path_params["id"])
        sliced = article_page(path, d["key"]) or {}
        provs = {str(p.get("narrative_id")): p for p in sliced.get("provenance", [])}
        d["narratives"] = queries.narrative_rows(db, provs, article=d["id"])
        d["places"] = [{k: p.get(k) for k in ("id", "surface", "start", "end", "name", "kind", "admin1", "country", "lat", "lon")}
                       for p in sliced.get("places", [])]
        # the document's claims, as the report shows them: attributed ones here, the article's own voice apart
        d["claims"] = [{"id": c.get("id"), "claim": c.get("claim"), "start": c.get("start"), "end": c.get("end"),
                        "sourcing": "aim ascribed by the article" if ascribed_aim(c)
                        else c.get("sourcing"), "quote": c.get("quote"),
                        "sources": [s.get("name") for s in c.get("sources") or []]} for c in sliced.get("attributions", [])]
        d["unattributed_claims"] = len(sliced.get("unattributed_claims", []))
        return {**d, "analysis": sliced}

    def narrative(db: sqlite3.Connection, r: Request) -> dict[str, Any]:
        nid = r.path_params["id"]
        d = queries.narrative(db, provenances(path, [nid]), nid)
        return {**d, "analysis": narrative_page(path, d["id"])}

    views: list[tuple[str, str, View]] = [
        ("overview", "/", lambda db, r: queries.overview(db, provenances(path), cache.summary())),
        ("articles", "/articles", lambda db, r: queries.articles(db, params(r))),
        ("article", "/articles/{id}", article),
        ("narratives", "/narratives", lambda db, r: queries.narratives(db, provenances(path))),
        ("narrative", "/narratives/{id}", narrative),
        ("map", "/map", lambda db, r: map_document(cache.get())),
        ("sources", "/sources", lambda db, r: {"sources": source_index(Doc.of(cache.get()))}),
        ("places", "/places", lambda db, r: queries.places(db)),
        ("search", "/search", lambda db, r: queries.search(db, params(r))),
    ]

    async def openapi_doc(request: Request) -> Response:
        return JSONResponse(openapi())

    async def report(request: Request) -> Response:
        doc = await run_in_threadpool(cache.get)
        if request.url.path.endswith(".json"):
            return JSONResponse(doc)
        return HTMLResponse(await run_in_threadpool(cache.report))

    async def body_of(request: Request) -> bytes:
        length = request.headers.get("content-length") or "0"
        if not length.isascii() or not length.isdigit():
            raise HTTPError(400, "Content-Length must be a whole number")
        if int(length) > MAX_BODY:
            raise HTTPError(413, f"body larger than {MAX_BODY} bytes")
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_BODY:
                raise HTTPError(413, f"body larger than {MAX_BODY} bytes")
        return raw

    def same_origin(request: Request) -> None:
        check_origin(request.headers.get("origin"), request.headers.get("sec-fetch-site"),
                     f"{request.url.scheme}://{request.url.netloc}")

    async def analyze_endpoint(request: Request) -> Response:
        try:
            same_origin(request)
            check_token(token, request.headers.get("authorization"))
            kind, items = parse_body(await body_of(request))
        except HTTPError as exc:
            return _error(request, exc.status, exc.message)
        result = await run_in_threadpool(writer.run, kind, items)
        status = 422 if result["errors"] and not (result["analyzed"] or result["duplicates"] or result["skipped"]) else 200
        return JSONResponse(result, status_code=status)

    async def add_page(request: Request) -> Response:
        data: dict[str, Any] = {"writable": bool(token)}
        status = 200
        if request.method == "POST":
            try:
                if not token:
                    raise HTTPError(403, "this server takes no writes: start it with --token")
                same_origin(request)
                fields = form_fields(await body_of(request))
                data.update(urls=fields.get("urls", ""), text=fields.get("text", ""))  # shown again if refused
                given, kind, items = parse_form(fields)
                check_token(token, f"Bearer {given}")
                data["result"] = await run_in_threadpool(writer.run, kind, items)
                data.update(urls="", text="")
            except HTTPError as exc:
                data["error"], status = exc.message, exc.status
        title, body = pages.add_form(data)
        return HTMLResponse(pages.layout(title, body, None), status_code=status)

    async def explore(request: Request) -> Response:  # the interactive map: the one page with (its own) scripts
        return HTMLResponse(explore_page(), headers={"content-security-policy": EXPLORE_CSP})

    async def explore_json(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(lambda: explore_data(cache.get())))

    routes = [Route("/explore", explore, methods=["GET", "HEAD"]),
              Route("/explore/data.json", explore_json, methods=["GET", "HEAD"]),
              Mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static"),
              Route("/openapi.json", openapi_doc), Route("/analyze", analyze_endpoint, methods=["POST"]),
              Route("/report", report, methods=["GET", "HEAD"]), Route("/report.json", report, methods=["GET", "HEAD"]),
              Route("/add", add_page, methods=["GET", "POST"])]
    for name, route, view in views:
        endpoint = page(name, view)
        twins = ["/index.json", "/.json"] if route == "/" else [route + ".json"]
        routes += [Route(t, endpoint, methods=["GET", "HEAD"], name=f"{name}-json") for t in twins]
        routes.append(Route(route, endpoint, methods=["GET", "HEAD"], name=name))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, exc.status_code, str(exc.detail))

    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error})
