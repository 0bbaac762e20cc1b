"""headwater serve: pages and their JSON twins, filters, search, errors, security headers, token-gated writes."""
from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from headwater.cli import main
from headwater.resources import Resources
from headwater.serve import CSP, create_app

with warnings.catch_warnings():  # Starlette 1.x prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TOKEN = "s3cret-token"
HOSTILE = ("<script>alert(1)</script> Harbour reopens after storm\n\n"
           "The harbour in Valletta reopened on Monday after a storm closed it for three days, port officials said. "
           "Ferries resumed their schedules and fishing boats returned to sea. <img src=x onerror=alert(2)> "
           "The officials said repairs would continue through the week.\n")


@pytest.fixture(scope="module")
def db(examples_db: Path) -> Path:
    return examples_db


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture()
def writable(db: Path, tmp_path: Path, resources: Resources) -> Iterator[TestClient]:
    """A client with writes enabled, over a copy of the database."""
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with TestClient(create_app(copy, TOKEN, resources=resources)) as c:
        yield c


def _links(html: str, prefix: str) -> set[str]:
    return set(re.findall(rf'href="/{prefix}/([^"/?]+)"', html))


def test_pages_and_json_twins_agree(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    data = client.get("/index.json").json()
    assert data["counts"]["articles"] == 5
    assert _links(home.text, "narratives") == {n["id"] for n in data["narratives"]} == {"n1"}
    assert data["narratives"][0]["independent_non_state_named_primary_sources"] is not None

    page, arts = client.get("/articles"), client.get("/articles.json").json()
    assert _links(page.text, "articles") == {str(a["id"]) for a in arts["articles"]} and arts["total"] == 5
    narratives = client.get("/narratives.json").json()["narratives"]
    assert _links(client.get("/narratives").text, "narratives") == {n["id"] for n in narratives}

    n1 = client.get("/narratives/n1.json").json()
    assert len(n1["articles"]) == 5 and n1["contradictions"] and n1["provenance_edges"]
    assert {"known_claims", "independent_non_state_named_primary_sources"} <= n1.keys()
    assert _links(client.get("/narratives/n1").text, "articles") >= {str(a["id"]) for a in n1["articles"]}

    a3 = client.get("/articles/3.json").json()
    assert a3["places"] and a3["claims"] and a3["narratives"][0]["id"] == "n1"
    assert client.get("/articles/a3.json").json()["id"] == 3
    html = client.get("/articles/3").text
    assert "Ghwayran" in html and a3["places"][0]["name"] in html

    places = client.get("/places.json").json()["places"]
    assert places and all(p["articles"] >= 1 for p in places)
    assert "Syria" in client.get("/places").text


def test_search_finds_and_bad_query_is_400(client: TestClient) -> None:
    hits = client.get("/search.json", params={"q": "Ghwayran"}).json()["results"]
    assert len(hits) == 1 and "Daesh" in hits[0]["title"]
    assert "[Ghwayran]" in client.get("/search", params={"q": "Ghwayran"}).text
    for path in ("/search.json", "/articles.json"):
        r = client.get(path, params={"q": '"unterminated'})
        assert r.status_code == 400 and "bad full-text query" in r.json()["error"]
    r = client.get("/search", params={"q": "AND OR"})
    assert r.status_code == 400 and "bad full-text query" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/search.json").json() == {"q": "", "results": []}


def test_article_filters(client: TestClient) -> None:
    def ids(**params: str) -> list[int]:
        r = client.get("/articles.json", params=params)
        assert r.status_code == 200, r.text
        return [a["id"] for a in r.json()["articles"]]

    press = client.get("/articles.json", params={"outlet": "Press TV"}).json()["articles"]
    assert len(press) == 1 and press[0]["outlet_name"] == "Press TV"
    assert ids(country="IR") == [2, 3]
    assert ids(state="true") == [1, 2, 3] and ids(state="false") == []
    assert ids(since="2022-02-25") == [1] and ids(until="2022-02-24") == [] and ids(since="2022", until="2022-02") == [1]
    assert ids(narrative="n1") == [1, 2, 3, 4, 5] and ids(narrative="n999") == []
    assert 1 in ids(place="Al Hasakah") or 1 in ids(place="Al-Hasakah")
    assert ids(q="Ghwayran") == [3] and ids(q="Ghwayran", outlet="Sputnik") == []
    assert ids(limit="2", offset="1") == [2, 3]
    for bad in ({"state": "maybe"}, {"since": "last week"}, {"limit": "-1"}):
        r = client.get("/articles.json", params=bad)
        assert r.status_code == 400 and r.json()["error"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    r = client.get("/articles/999.json")
    assert r.status_code == 404 and "no article" in r.json()["error"]
    r = client.get("/articles/999")
    assert r.status_code == 404 and "no article" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/articles/not-an-id.json").status_code == 404
    assert client.get("/narratives/n999.json").status_code == 404
    assert client.get("/no/such/page.json").json()["error"]


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/articles.json", "/articles/999", "/openapi.json", "/search?q=%22"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.post("/analyze", json={"texts": ["x"]}).headers["content-security-policy"] == CSP
    home = client.get("/").text
    assert "<script" not in home and "http://" not in home and "https://" not in home  # no script, no external resource


def test_openapi_describes_the_json_endpoints(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert {"/index.json", "/articles.json", "/articles/{id}.json", "/narratives/{id}.json", "/places.json",
            "/search.json", "/analyze"} <= doc["paths"].keys()


def test_writes_need_the_token(db: Path, client: TestClient, writable: TestClient) -> None:
    body = {"texts": [HOSTILE]}
    assert client.post("/analyze", json=body).status_code == 403  # started without a token: read-only
    assert writable.post("/analyze", json=body).status_code == 401
    assert writable.post("/analyze", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/index.json").json()["counts"]["articles"] == 5


def test_analyze_adds_articles_and_escapes_hostile_text(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/analyze", json={"texts": [HOSTILE]}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["analyzed"] == 1 and r.json()["articles"] == 6
    assert writable.get("/index.json").json()["counts"]["articles"] == 6
    new = writable.get("/articles.json", params={"q": "Valletta"}).json()["articles"]
    assert len(new) == 1 and new[0]["title"].startswith("<script>")
    for page in (f"/articles/{new[0]['id']}", "/articles", "/search?q=Valletta"):
        html = writable.get(page).text
        assert "<script>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_analyze_refuses_private_urls_and_bad_bodies(writable: TestClient, site: tuple[str, Path]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    base, root = site
    (root / "a.html").write_text("<html><head><title>Local</title></head><body><p>" + "Local text. " * 50 + "</p></body></html>")
    r = writable.post("/analyze", json={"urls": [f"{base}/a.html"]}, headers=auth)
    assert r.status_code == 422
    errors = r.json()["errors"]
    assert len(errors) == 1 and errors[0]["source"] == f"{base}/a.html"
    assert re.search(r"private|loopback|not allowed|refus", errors[0]["reason"], re.I), errors[0]["reason"]
    assert writable.get("/index.json").json()["counts"]["articles"] == 5
    bad: object
    for bad in ({"urls": ["/etc/passwd"]}, {"urls": ["-"]}, {"texts": []}, {"other": 1}, {"texts": [1]}, [1]):
        r = writable.post("/analyze", json=bad, headers=auth)
        assert r.status_code == 400 and r.json()["error"], bad
    r = writable.post("/analyze", content=b"not json", headers=auth)
    assert r.status_code == 400


def test_report_views_map_graph_and_marked_text(client: TestClient) -> None:
    m = client.get("/map.json").json()
    assert {a["id"] for a in m["articles"]} == {f"a{i}" for i in range(1, 6)}
    assert any(p["name"] == "Al-Tanf" for p in m["places"]) and any(e.get("destination") for e in m["events"])
    page = client.get("/map").text
    assert '<svg class="map"' in page and "Al-Tanf ·" in page and 'class="move"' in page
    n1 = client.get("/narratives/n1").text
    assert '<svg class="graph"' in n1 and "Press TV → Sputnik" in n1
    assert client.get("/narratives/n1.json").json()["analysis"]["provenance"][0]["narrative_id"] == "n1"
    a1 = client.get("/articles/1.json").json()
    assert a1["analysis"]["articles"][0]["id"] == "a1" and a1["analysis"]["places"]
    assert a1["narratives"][0]["independent_non_state_named_primary_sources"] == 0
    assert '<mark class="pl' in client.get("/articles/1").text
    sources = client.get("/sources.json").json()["sources"]
    assert sources and sum(len(g["claims"]) for g in sources) >= 40
    page = client.get("/sources").text
    assert 'href="/articles/1"' in page and sources[0]["key"] in page
    report = client.get("/report")
    assert report.status_code == 200 and '<section id="provenance">' in report.text
    assert len(client.get("/report.json").json()["articles"]) == 5


def test_add_form_needs_the_token_and_refreshes_the_views(client: TestClient, writable: TestClient) -> None:
    assert "takes no writes" in client.get("/add").text
    assert client.post("/add", data={"text": HOSTILE, "token": TOKEN}).status_code == 403
    r = writable.post("/add", data={"text": HOSTILE, "token": "wrong"})
    assert r.status_code == 401 and "wrong token" in r.text
    assert "Valletta" in r.text and "&lt;script&gt;" in r.text and "<script>" not in r.text  # the text is kept, escaped
    assert writable.post("/add", data={"urls": "file:///etc/passwd", "token": TOKEN}).status_code == 400
    assert writable.post("/add", data={"token": TOKEN}).status_code == 400
    before = len(writable.get("/map.json").json()["articles"])
    r = writable.post("/add", data={"text": HOSTILE, "token": TOKEN})
    assert r.status_code == 200 and "1 analyzed" in r.text
    assert len(writable.get("/map.json").json()["articles"]) == before + 1  # the cached analysis was rebuilt
    assert len(writable.get("/report.json").json()["articles"]) == before + 1


def test_serve_command_help_and_missing_db(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "Example: headwater serve --db out/headwater.db" in result.output
    assert "127.0.0.1" in result.output and "8765" in result.output
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "does not exist" in result.output
