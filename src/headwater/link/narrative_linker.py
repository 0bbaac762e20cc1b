"""The narratives linker (``narratives/3``): every level of narrative over the corpus, and its update.

A full link (``link_narratives``) finds event frames asserted across articles (``link.narratives``),
claims retold (fine) and themes (``link.claims``), shared themes (``link.broad``, merged across
languages where the claim vectors cross them) and, with a codebook, known narratives (``link.codebook``,
``link.known_narratives``); then the contradictions between retellings and each narrative's
provenance. An update (``update_narratives``) adds new articles to what the last link kept
(``link.narratives_update``, ``link.broad_update``) and returns only what changed.
"""
from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import replace
from typing import Any

from headwater.embed import crosses_languages
from headwater.link.broad import across_languages, broad_narratives
from headwater.link.broad_grown import grown_provenance
from headwater.link.broad_update import STATE as BROAD_STATE
from headwater.link.broad_update import add_broad, keep_broad
from headwater.link.claims import cluster_claims, described
from headwater.link.codebook import codebook_narratives
from headwater.link.contradictions import retold_contradictions
from headwater.link.known import match
from headwater.link.known_narratives import label_narratives, match_claims, taxonomy_narratives
from headwater.link.narratives import contradictions, narratives, provenance
from headwater.link.narratives_update import STATE, add_fine, add_frames, add_themes, keep_narratives, place
from headwater.link.previous import Changed, Previous
from headwater.link.registry import LinkContext, Rows
from headwater.link.taxonomy import Matcher
from headwater.model import Article, key, row_of


def link_narratives(ctx: LinkContext) -> dict[str, Rows]:
    arts = ctx.by_row()
    found, ids = narratives(ctx.articles, dict(ctx.state.get("narrative_keys") or {}))
    known = ctx.state.get("known_claims") or []
    for n in found:
        n["level"] = "frame"
        n["known_narrative"] = None
        n["known_claims"] = match(n, arts, known) if known else []
    claims = {row: a.findings.get("claims", []) for row, a in ctx.articles}
    clustered = cluster_claims(claims)
    themes, by_claims = described(clustered, arts) if clustered is not None else ([], [])
    # the broad level: the stories articles share that no claim of theirs retells (merged across
    # languages where the claim vectors cross them)
    broad = broad_narratives(arts, _held(found + by_claims))
    across = clustered is not None and crosses_languages(clustered.rows[0].claim.get("_embedder"))
    if clustered is not None and across:
        broad = across_languages(broad, arts, clustered.means)
    if ctx.index is not None:
        keep_broad(ctx.index, ctx.articles, across)
    by_claims += broad
    taxonomy, embedder = ctx.state.get("taxonomy"), ctx.state.get("embedder")
    if taxonomy and embedder is not None:
        matcher = Matcher(taxonomy, embedder)  # the entries embedded once, for both ways of matching
        matches = match_claims(claims, matcher)
        label_narratives(themes + by_claims, taxonomy, matches)
        by_articles = codebook_narratives(claims, arts, matcher)
        by_claims += by_articles if by_articles is not None else taxonomy_narratives(claims, arts, taxonomy, matches)
    _give_ids(themes + by_claims, ids)
    ctx.state["narrative_keys"] = ids
    if ctx.index is not None:
        keep_narratives(ctx.index, ctx.articles, clustered, themes)
    by_n = {(key(row), c.get("n")): c for row, cl in claims.items() for c in cl}
    story_of = {str(a): str(s["id"]) for s in ctx.results.get("stories", []) for a in s["article_ids"]}
    contra = [c for n in found for c in contradictions(n, arts)]
    contra += retold_contradictions(by_claims, lambda a, n: by_n.get((a, n)), story_of)
    # the codebook the narratives were matched to: without one, no narrative's entry is news
    codebook = [{"entries": len(taxonomy), "top_level": sum(1 for e in taxonomy if e.parent is None)}] \
        if taxonomy and embedder is not None else []
    return {"narratives": found + by_claims, "themes": themes, "contradictions": contra, "codebook": codebook,
            "provenance": [provenance(n, arts) for n in found + by_claims]}


def update_narratives(ctx: LinkContext) -> dict[str, Rows | Changed] | None:
    """The narratives the new articles make or change (``link.narratives_update``), the others left as
    stored; None (link whole) with a codebook, or when the index holds no narratives state."""
    before = ctx.before
    broad_state = ctx.index.kept(BROAD_STATE) if ctx.index is not None else None
    if ctx.index is None or ctx.state.get("taxonomy") or before.any("codebook") \
            or broad_state is None or broad_state.get("across"):
        return None  # (merged across languages, the broad narratives link whole: the merging is corpus-wide)
    new = dict(ctx.new_articles())
    got = place(sorted(new.items()), ctx.index)
    if got is None:
        return None
    placed, state = got
    # the articles this update reads, read once: the narratives a step changes are described again
    # from the same articles at the end (at +1,000 into 10,000, 3,000 articles read twice). They are
    # kept without their claims' vectors (``_slim``): only the steps placing claims in fine narratives
    # and themes use those (``with_vectors``: read again where needed). A claim's vector was half an
    # article's memory (~22 of ~40 KB traced); at +1,000 into 30,000 the update holds ~2,100 articles.
    read: dict[int, Article] = {}

    def fetch(rows: list[int]) -> dict[int, Article]:
        if missing := [r for r in rows if r not in read and r not in new]:
            read.update((r, _slim(a)) for r, a in ctx.fetch(missing).items())
        return {r: new[r] if r in new else read[r] for r in rows if r in new or r in read}

    def with_vectors(rows: list[int]) -> dict[int, Article]:
        got = ctx.fetch(missing) if (missing := [r for r in rows if r not in new]) else {}
        read.update((r, _slim(a)) for r, a in got.items() if r not in read)
        return {r: new[r] if r in new else got[r] for r in rows if r in new or r in got}
    # looked up and added to in place (the store's keys are read a key at a time, not whole)
    ids: MutableMapping[str, str] = ctx.state.setdefault("narrative_keys", {})

    def stored(level: str, rows: Iterable[int]) -> Rows:
        return [n for n in before.holding("narratives", map(key, rows)) if n.get("level") == level]

    found = add_frames(lambda keys: [n for n in before.by_key("narratives", keys) if n.get("level") == "frame"],
                       new, ctx.index, fetch, ids)
    retold, recurs = placed.compared()
    _, rebuilt, gone = add_fine(stored("fine", {r for pair in retold for r, _ in pair}), placed, retold, with_vectors)
    # the themes before the broad narratives (neither reads what the other writes): then the placed
    # claims (the new claims' vectors, the old claims of the blocks compared) are let go before the
    # broad update's peak (at +1,000 into 30,000 it starts at 51 MB traced instead of 108; peak RSS 461 -> 408 MB)
    themes = add_themes(lambda keys: before.by_key("themes", keys), placed, recurs, new, state, ctx.index,
                        with_vectors)
    del placed, got
    new = {r: _slim(a) for r, a in new.items()}
    made = found + rebuilt
    redone_ids = {str(n["id"]) for n in found}

    def leave(rows: set[int]) -> set[int]:
        """Those of these rows a frame or fine narrative holds once this update is stored."""
        now = [n for n in before.holding("narratives", map(key, rows)) if n.get("level") in ("frame", "fine")
               and str(n["id"]) not in gone | redone_ids] + made
        return rows & _held(now)
    grew: list[tuple[dict[str, Any], dict[str, Any]]] = []  # broad narratives described from stored ones
    regrouped, broad_gone = add_broad(lambda rows: stored("broad", rows), new, ctx.index, fetch, leave, grew)
    rebuilt += regrouped
    gone |= broad_gone
    ctx.index.keep(STATE, state)
    fresh = [t for t in themes if "id" not in t] + rebuilt
    _give_ids(fresh, ids, taken=_taken(before, fresh, gone) | {str(n["key"]) for n in found + themes if "id" in n})
    ctx.state["narrative_keys"] = ids
    redone = found + rebuilt
    # a broad narrative grown from a stored one keeps its old articles' provenance (``grown_provenance``):
    # only the articles that joined it are read
    was = {str(old["id"]): old for _, old in grew}
    kept_provenance = {str(p["narrative_id"]): p for p in before.keyed("provenance", sorted(was))}
    grown_from = {id(n): kept_provenance[str(old["id"])] for n, old in grew if str(old["id"]) in kept_provenance}
    held = {id(n): {row_of(k) for k in old["article_ids"]} for n, old in grew if id(n) in grown_from}
    arts = fetch(sorted({row_of(k) for n in redone for k in n["article_ids"]
                         if id(n) not in held or row_of(k) not in held[id(n)]}))
    known = ctx.state.get("known_claims") or []
    for n in found:
        n["level"], n["known_narrative"] = "frame", None
        n["known_claims"] = match(n, arts, known) if known else []
    # a frame's old retellings were compared before: only pairs with a new one are; a rebuilt narrative
    # of claims retold is compared anew (its claims are fewer than MAX_MEMBERS apart)
    stale = gone | {str(n["id"]) for n in rebuilt}
    by_n = {(key(row), c.get("n")): c for row, a in arts.items() for c in a.findings.get("claims", [])}
    # (only the narratives of a claim retold are compared for contradictions: their articles' stories)
    story_of = {str(a): str(s["id"]) for s in ctx.current("stories", {k for n in rebuilt if n.get("level") == "fine"
                                                                      for k in n["article_ids"]})
                for a in s["article_ids"]}
    contra = [c for n in found for c in contradictions(n, arts, set(new))]
    contra += retold_contradictions(rebuilt, lambda a, n: by_n.get((a, n)), story_of)
    remade = stale | {str(n["id"]) for n in redone}
    return {"narratives": Changed(redone, gone | {str(n["id"]) for n in redone}),
            "themes": Changed(themes, {str(t["id"]) for t in themes}),
            "contradictions": Changed(contra, stale), "codebook": [],
            "provenance": Changed([grown_provenance(n, grown_from[id(n)], arts) if id(n) in grown_from
                                   else provenance(n, arts) for n in redone], remade)}


def _slim(a: Article) -> Article:
    """The article without its claims' vectors (a copy: the one read may be shared)."""
    if not a.findings.get("claims"):
        return a
    claims = [{k: v for k, v in c.items() if k != "_vector"} for c in a.findings["claims"]]
    return replace(a, findings={**a.findings, "claims": claims})


def _taken(before: Previous, fresh: Rows, gone: set[str]) -> set[str]:
    """The keys of stored narratives and themes that keep theirs and that a ``fresh`` one could take
    (its key, or its key told apart by up to TOLD_APART "+")."""
    wanted = [str(n["key"]) + "+" * i for n in fresh for i in range(TOLD_APART)]
    return {str(n["key"]) for part in ("narratives", "themes") for n in before.by_key(part, wanted)
            if str(n.get("id")) not in gone}


# Narratives of one key told apart by "+" (``_give_ids``): the update looks this many up per key.
TOLD_APART = 8


def _held(narratives: list[dict[str, Any]]) -> set[int]:
    """The rows of the articles these narratives hold."""
    return {row_of(k) for n in narratives for k in n["article_ids"]}


def _give_ids(found: list[dict[str, Any]], ids: MutableMapping[str, str], taken: set[str] | None = None) -> None:
    """Stable ids from the narrative keys of earlier runs; a key met twice is told apart by its order
    (``taken``: keys of narratives that keep theirs)."""
    taken = set(taken or ())
    for n in found:
        while n["key"] in taken:
            n["key"] += "+"
        taken.add(n["key"])
        if n["key"] not in ids:
            ids[n["key"]] = f"n{len(ids) + 1}"
        n["id"] = ids[n["key"]]
        n["known_claims"] = []
