"""headwater serve under malformed requests: 4xx with an error body, never a 500; writes check Origin."""
from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headwater.resources import Resources
from headwater.serve import create_app

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAGES = ["/", "/index.json", "/articles", "/articles.json", "/articles/1", "/articles/a1.json", "/narratives",
         "/narratives/n1.json", "/map", "/sources.json", "/places", "/search", "/search.json", "/report.json", "/add",
         "/openapi.json"]


@pytest.fixture(scope="module")
def app_client(examples_db: Path, tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Iterator[TestClient]:
    copy = tmp_path_factory.mktemp("serve") / "copy.db"
    shutil.copy(examples_db, copy)
    with TestClient(create_app(copy, TOKEN, resources=resources), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", ["/articles?offset=²", "/articles?limit=²", "/articles.json?offset=²",
                                  "/search?q=x&limit=²", "/search.json?q=x&limit=¹²", "/articles?limit=٣"])
def test_unicode_digits_are_a_400_not_a_500(app_client: TestClient, path: str) -> None:
    r = app_client.get(path)
    assert r.status_code == 400 and "whole number" in r.text


def test_nested_json_and_lone_surrogates_are_refused_with_400(app_client: TestClient) -> None:
    deep = b'{"texts": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    r = app_client.post("/analyze", content=deep, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 400 and "nested" in r.json()["error"]
    r = app_client.post("/analyze", content=b'{"texts": ["harbour \\ud800 reopens"]}', headers=AUTH)
    assert r.status_code == 400 and "Unicode" in r.json()["error"]
    r = app_client.post("/analyze", content=b'{"texts": ["x"]}', headers={**AUTH, "content-length": "abc"})
    assert 400 <= r.status_code < 500


def test_writes_from_another_origin_are_refused(app_client: TestClient) -> None:
    body = {"texts": ["Harbour reopens\n\nThe harbour reopened on Monday, officials said."]}
    r = app_client.post("/analyze", json=body, headers={**AUTH, "Origin": "https://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.json()["error"]
    r = app_client.post("/add", data={"token": TOKEN, "text": "Harbour reopens today, officials said."},
                        headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.text
    r = app_client.post("/add", data={"token": TOKEN, "text": "x"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    same = app_client.post("/add", data={"token": TOKEN, "urls": "ftp://x"}, headers={"Origin": "http://testserver"})
    assert same.status_code == 400  # past the Origin check, refused for its URL
    null = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}  # the app's own page under no-referrer
    assert app_client.post("/add", data={"token": TOKEN, "urls": "ftp://x"}, headers=null).status_code == 400
    assert app_client.post("/add", data={"token": TOKEN, "urls": "ftp://x"}, headers={"Origin": "null"}).status_code == 403


def test_posted_texts_are_stored_and_reported_without_server_paths(app_client: TestClient) -> None:
    text = "Harbour reopens after storm\n\nThe harbour reopened on Monday after a storm, port officials said."
    r = app_client.post("/analyze", json={"texts": [text, "\u00a0.\u00a0"]}, headers=AUTH)
    assert r.status_code == 200 and "/tmp" not in r.text and "headwater-serve" not in r.text
    assert all(e["source"].startswith("posted") for e in r.json()["errors"])
    newest = app_client.get("/articles.json?limit=1000").json()["articles"][-1]["id"]
    assert app_client.get(f"/articles/{newest}.json").json()["source"].startswith("posted-")


junk = st.lists(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    ["²", "٣", "\x00", "%", "%ED%A0%80", "..", "/", "?", "&", "=", "#", "\ufeff", "9" * 30, "-1", "1e9"]),
    max_size=8).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.sampled_from(PAGES), st.dictionaries(st.sampled_from(
    ["q", "limit", "offset", "outlet", "country", "state", "since", "until", "place", "narrative", "x"]), junk, max_size=4),
    junk)
def test_a_fuzzed_crawl_gets_no_500(app_client: TestClient, page: str, params: dict[str, str], tail: str) -> None:
    r = app_client.get(page, params=params)
    assert r.status_code < 500, (page, params, r.status_code)
    r = app_client.get(page.rstrip("/") + "/" + quote(tail, safe="/%?&="))
    assert r.status_code < 500, (page, tail, r.status_code)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.recursive(st.just(b"1"), lambda s: s.map(lambda b: b"[" + b + b"]"), max_leaves=200))
def test_fuzzed_write_bodies_get_no_500(app_client: TestClient, body: bytes) -> None:
    r = app_client.post("/analyze", content=body, headers=AUTH)
    assert 400 <= r.status_code < 500
    r = app_client.post("/add", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code < 500
