"""Known claims: databases of already-debunked claims, and the narratives that repeat them.

Formats read: the EUvsDisinfo case list (CSV: date, id = case URL, title, countries, keywords,
languages, outlets; several values joined by "+") and schema.org ClaimReview (JSON: one object, a
list, or a DataFeed, as fact-checkers publish it). A narrative matches a case when the case's title
asserts the same frame (actor, action, group after alias resolution: "US trains ISIS in Syria"),
ranked by the words the case and the narrative's articles share.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from headwater.link.frames import STATES, actor_table, groups_mentioned
from headwater.model import Article, row_of

# Verbs with which a claim says an actor aids a group (CAMEO's material and military cooperation).
AIDS = re.compile(r"\b(train|trains|trained|training|arm|arms|armed|fund|funds|funded|financ\w*|support\w*|back\w*|"
                  r"help\w*|aid\w*|assist\w*|creat\w*|protect\w*|shelter\w*|transport\w*|transfer\w*|"
                  r"mov(?:e|es|ed|ing)|relocat\w*|evacuat\w*|smuggl\w*|deploy\w*|recruit\w*|suppl\w*|cooperat\w*|"
                  r"collaborat\w*|us(?:e|es|ed))\b", re.I)
ATTACKS = re.compile(r"\b(attack\w*|bomb\w*|strik\w*|shell\w*|kill\w*|shot|shoot\w*)\b", re.I)
STOP = frozenset("the a an of in on to and or for with by from is are was were be that this it its as at".split())
# Share of the score that comes from the frame; the rest ranks frame matches by shared words.
FRAME_WEIGHT = 0.7
# A match must at least assert the narrative's frame (0.7) and share some words.
MIN_SCORE = 0.72


def read_claims(path: str | Path) -> list[dict[str, Any]]:
    """Known claims from an EUvsDisinfo-style CSV or a ClaimReview JSON file, each with its frame."""
    claims = _read(Path(path))
    for c in claims:
        c["frame"] = list(claim_frame(c["text"]) or []) or None
    return claims


def _read(p: Path) -> list[dict[str, Any]]:
    text = p.read_text(encoding="utf-8")
    if p.suffix.lower() == ".csv" or text.lstrip()[:1] not in "[{":
        rows = csv.DictReader(text.splitlines())
        return [{"id": r.get("id") or r.get("url") or f"{p.name}:{n}", "url": r.get("id") or r.get("url"),
                 "date": r.get("date") or None, "text": (r.get("title") or r.get("claim") or "").strip(),
                 "keywords": [k for k in (r.get("keywords") or "").split("+") if k],
                 "countries": [c for c in (r.get("countries") or "").split("+") if c],
                 "outlets": [o for o in (r.get("outlets") or "").split("+") if o], "rating": None,
                 "origin": p.name} for n, r in enumerate(rows, 2) if (r.get("title") or r.get("claim"))]
    data = json.loads(text)
    items: list[Any] = (data.get("dataFeedElement") or data.get("@graph") or [data]) if isinstance(data, dict) \
        else data if isinstance(data, list) else []
    out = []
    for n, it in enumerate(items):
        it = it.get("item", it) if isinstance(it, dict) else {}
        if not isinstance(it, dict) or not it.get("claimReviewed"):
            continue
        rating = it.get("reviewRating") or {}
        author = ((it.get("itemReviewed") or {}).get("author") or {})
        out.append({"id": it.get("url") or f"{p.name}:{n}", "url": it.get("url"), "date": it.get("datePublished"),
                    "text": str(it["claimReviewed"]).strip(), "keywords": [], "countries": [],
                    "outlets": [author.get("name")] if isinstance(author, dict) and author.get("name") else [],
                    "rating": rating.get("alternateName") if isinstance(rating, dict) else None, "origin": p.name})
    return out


def claim_frame(text: str) -> tuple[str, str, str] | None:
    """The frame a short claim asserts: its first actor, the action, the group it names."""
    named = [n for n, _ in sorted(groups_mentioned(text).items(), key=lambda kv: _first(text, kv[0]))]
    if len(named) < 2:
        return None
    actor = named[0]
    group = next((n for n in named[1:] if n not in STATES), None)
    action = "aids" if AIDS.search(text) else "attacks" if ATTACKS.search(text) else None
    if group is None or action is None:
        return None
    return actor, action, group


def _first(text: str, name: str) -> int:
    positions = [m.start() for pat, n in actor_table() if n == name for m in [pat.search(text)] if m]
    return min(positions) if positions else len(text)


def _words(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP)


def match(narrative: dict[str, Any], arts: dict[int, Article], claims: list[dict[str, Any]],
          top: int = 5) -> list[dict[str, Any]]:
    """The known claims a narrative repeats, best first, each with its score (0..1)."""
    frame = (narrative["frame"]["actor"], narrative["frame"]["action"], narrative["frame"]["group"])
    words = Counter[str]()
    for k in narrative["article_ids"]:
        a = arts[row_of(k)]
        words.update(_words((a.title or "") + " " + a.text[:600]))
    found = []
    for c in claims:
        text = c["text"] + " " + " ".join(c.get("keywords", []))
        cf = c["frame"] if "frame" in c else claim_frame(c["text"])
        if not cf or tuple(cf) != frame:
            continue
        cw = _words(text)
        overlap = sum(1 for w in cw if w in words) / max(1, len(cw))
        score = FRAME_WEIGHT + (1 - FRAME_WEIGHT) * overlap
        if score >= MIN_SCORE:
            found.append({"id": c["id"], "url": c.get("url"), "claim": c["text"], "date": c.get("date"),
                          "rating": c.get("rating"), "origin": c.get("origin"), "score": round(score, 3)})
    return sorted(found, key=lambda x: -x["score"])[:top]
