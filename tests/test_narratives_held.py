"""What the narratives update holds of the articles it reads: everything but the claims' vectors."""
from __future__ import annotations

from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.link.narrative_linker import _slim
from headwater.model import Article


def test_an_article_is_held_without_its_claims_vectors_and_the_one_read_is_left_whole() -> None:
    a = Article(source="1.txt", title=None, language="en",
                text="The minister said that the new bridge will open in May. Officials said the cost doubled.")
    a.findings["claims"] = find_claims(a, HashingEmbedder())
    a.findings["notes"] = [{"text": "kept"}]
    assert a.findings["claims"] and all("_vector" in c for c in a.findings["claims"])
    held = _slim(a)
    assert all("_vector" not in c for c in held.findings["claims"])
    # every other field of every claim, and every other finding, as read
    assert held.findings["claims"] == [{k: v for k, v in c.items() if k != "_vector"} for c in a.findings["claims"]]
    assert held.findings["notes"] == a.findings["notes"] and held.text == a.text and held.source == a.source
    assert all("_vector" in c for c in a.findings["claims"])  # the article read (maybe shared) is untouched
