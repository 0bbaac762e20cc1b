"""POST /analyze: add articles to the database, for callers holding the app's token only."""
from __future__ import annotations

import hashlib
import hmac
import json
import tempfile
import threading
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from headwater.ingest.bounded import LimitExceeded, loads_bounded
from headwater.pipeline import AnalyzeOptions, analyze
from headwater.resources import Resources
from headwater.serve.queries import HTTPError

MAX_BODY = 8 * 1024 * 1024
MAX_ITEMS = 100
MAX_DEPTH = 8  # {"texts": [...]} is 2 levels; anything deeper is not a write request


def check_token(expected: str | None, authorization: str | None) -> None:
    """403 when the app takes no writes (started without a token); 401 without the right bearer token."""
    if not expected:
        raise HTTPError(403, "this server takes no writes: start it with --token to enable POST /analyze")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPError(401, "missing or wrong token: send Authorization: Bearer <token>")


def check_origin(origin: str | None, fetch_site: str | None, own: str) -> None:
    """403 for a write a browser sends from another site. Browsers send Origin with every POST (and
    Sec-Fetch-Site where they support it); a program sends neither and is judged by its token alone."""
    site = (fetch_site or "").strip().lower()
    if site and site not in ("same-origin", "none"):
        raise HTTPError(403, f"cross-site write refused (Sec-Fetch-Site: {fetch_site[:40] if fetch_site else ''})")
    if origin is None:
        return
    given = origin.strip().lower().rstrip("/")
    # The app's pages send Referrer-Policy: no-referrer, under which a browser sends "Origin: null" even
    # to the page's own origin; Sec-Fetch-Site then says whether it is (a browser without it is refused).
    if given == own.lower() or (given == "null" and site == "same-origin"):
        return
    raise HTTPError(403, "cross-origin write refused: writes are taken from this app's own pages only")


def parse_body(raw: bytes) -> tuple[str, list[str]]:
    """The JSON body: {"urls": [...]} (http or https only) or {"texts": [...]}."""
    try:
        body = loads_bounded(raw.decode("utf-8"), MAX_DEPTH)
    except LimitExceeded as exc:
        raise HTTPError(400, f"body refused: {exc}") from None
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise HTTPError(400, f"body is not JSON: {str(exc)[:200]}") from None
    if not isinstance(body, dict) or len(body) != 1 or next(iter(body)) not in ("urls", "texts"):
        raise HTTPError(400, 'body must be {"urls": [...]} or {"texts": [...]}')
    kind, items = next(iter(body.items()))
    return kind, check_items(kind, items)


def check_items(kind: str, items: object) -> list[str]:
    """The URLs (http or https only) or texts of a write, or a 400 naming what is wrong."""
    if not isinstance(items, list) or not items or not all(isinstance(x, str) and x.strip() for x in items):
        raise HTTPError(400, f"{kind} must be a non-empty list of non-empty strings")
    if len(items) > MAX_ITEMS:
        raise HTTPError(400, f"at most {MAX_ITEMS} {kind} per request")
    for x in items:
        try:
            x.encode("utf-8")
        except UnicodeEncodeError as exc:  # JSON's \ud800 escapes decode to lone surrogates
            raise HTTPError(400, f"{kind} must be valid Unicode: {exc.reason} at character {exc.start}") from None
    if kind == "urls":  # never a file path or '-': the server's own files are not inputs
        bad = [u for u in items if not u.lower().startswith(("http://", "https://"))]
        if bad:
            raise HTTPError(400, f"only http(s) URLs are accepted, not {bad[0]!r}")
    return items


def form_fields(raw: bytes) -> dict[str, str]:
    """The HTML form's fields (urlencoded body), first value of each."""
    try:
        fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPError(400, f"form body unreadable: {exc}") from None
    return {k: v[0] for k, v in fields.items() if v}


def parse_form(fields: dict[str, str]) -> tuple[str, str, list[str]]:
    """The token, then the URLs (one per line) or the text of one article the form was sent with."""
    urls = [u.strip() for u in fields.get("urls", "").splitlines() if u.strip()]
    text = fields.get("text", "")
    if urls and text.strip():
        raise HTTPError(400, "give URLs or a text, not both")
    if urls:
        return fields.get("token", ""), "urls", check_items("urls", urls)
    if text.strip():
        return fields.get("token", ""), "texts", [text]
    raise HTTPError(400, "nothing to analyze: paste URLs or the text of an article")


class Writer:
    """Runs analyze() into the app's database, one run at a time."""

    def __init__(self, db_path: Path, resources: Resources | None) -> None:
        self.db_path = db_path
        self._resources = resources
        self._lock = threading.Lock()

    def run(self, kind: str, items: list[str]) -> dict[str, Any]:
        with self._lock, tempfile.TemporaryDirectory(prefix="headwater-serve-") as tmp:
            if self._resources is None:
                self._resources = Resources()
            inputs = items
            if kind == "texts":
                # One JSON line per text, each named by its content: the stored source (and any error)
                # says "posted-…", never the server's temporary folder.
                lines = Path(tmp) / "posted.jsonl"
                with lines.open("w", encoding="utf-8") as fh:
                    for text in items:
                        name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
                        fh.write(json.dumps({"text": text, "source": f"posted-{name}"}) + "\n")
                inputs = [str(lines)]
            opts = AnalyzeOptions(db_path=self.db_path, allow_private=False, workers=1, write_outputs=False)
            result = analyze(inputs, Path(tmp) / "out", opts, resources=self._resources)

            def public(s: str) -> str:  # the server's temporary folder is nobody's business
                return s.replace(str(lines) if kind == "texts" else tmp, "posted").replace(tmp, "<tmp>")

        return {"analyzed": result.analyzed, "skipped": result.skipped, "duplicates": result.duplicates,
                "errors": [{"source": public(err.source), "reason": public(err.reason)} for err in result.errors],
                "articles": result.summary["articles"], "narratives": result.summary["narratives"]}
