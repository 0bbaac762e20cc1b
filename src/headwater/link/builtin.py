"""The built-in linkers, registered through the same hook a plugin uses (``register_linkers``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from headwater.link.copies import find_copies
from headwater.link.entities import apply_entities, resolve_entities
from headwater.link.known import match
from headwater.link.narratives import contradictions, narratives, provenance
from headwater.link.registry import LinkContext, Linker, Rows, run_linkers
from headwater.link.stories import incident_stories
from headwater.model import Article
from headwater.registry import Registry


def _copies(ctx: LinkContext) -> dict[str, Rows]:
    return {"copies": find_copies(ctx.articles)}


def _stories(ctx: LinkContext) -> dict[str, Rows]:
    return {"stories": incident_stories(ctx.articles, ctx.results["copies"])}


def _entities(ctx: LinkContext) -> dict[str, Rows]:
    entities = resolve_entities(ctx.articles)
    apply_entities(ctx.articles, entities)  # the later linkers see each mention typed as its entity is
    return {"entities": entities}


def _narratives(ctx: LinkContext) -> dict[str, Rows]:
    arts = ctx.by_row()
    found, ids = narratives(ctx.articles, dict(ctx.state.get("narrative_keys") or {}))
    ctx.state["narrative_keys"] = ids
    known = ctx.state.get("known_claims") or []
    for n in found:
        n["known_claims"] = match(n, arts, known) if known else []
    return {"narratives": found, "contradictions": [c for n in found for c in contradictions(n, arts)],
            "provenance": [provenance(n, arts) for n in found]}


ENTITIES = Linker("entities/1", (), ("entities",), _entities,
                  "one entity per real source across articles; agreed typing carried to untyped mentions")
COPIES = Linker("copies/1", (), ("copies",), _copies, "articles that largely repeat an earlier one")
STORIES = Linker("stories/1", ("copies",), ("stories",), _stories, "articles reporting one incident")
NARRATIVES = Linker("narratives/1", ("entities",), ("narratives", "contradictions", "provenance"), _narratives,
                    "claims retold across articles, where retellings disagree, and whom they rest on")
BUILTIN = (ENTITIES, COPIES, STORIES, NARRATIVES)


def register_linkers(registry: Registry[Linker]) -> None:
    for ln in BUILTIN:
        registry.add(ln.name.split("/")[0], ln)


@dataclass
class CorpusLinks:
    """The built-in corpus-level results (``link_corpus``); the pipeline keeps them as document parts."""

    stories: list[dict[str, Any]] = field(default_factory=list)
    narratives: list[dict[str, Any]] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    provenance: list[dict[str, Any]] = field(default_factory=list)
    copies: list[dict[str, Any]] = field(default_factory=list)  # {article_id, derived_from, containment}
    narrative_ids: dict[str, str] = field(default_factory=dict)  # frame key -> stable narrative id


def link_corpus(corpus: list[tuple[int, Article]], known_narratives: dict[str, str] | None = None,
                known_claims: list[dict[str, Any]] | None = None) -> CorpusLinks:
    """The built-in linkers over a corpus (no store needed): for tests, benchmarks and library use.
    ``known_narratives`` (frame key -> id) keeps narrative ids stable; ``known_claims`` are matched."""
    ctx = LinkContext(corpus, state={"narrative_keys": dict(known_narratives or {}), "known_claims": known_claims or []})
    parts, _ = run_linkers(BUILTIN, ctx)
    return CorpusLinks(stories=parts["stories"], copies=parts["copies"], narratives=parts["narratives"],
                       contradictions=parts["contradictions"], provenance=parts["provenance"],
                       narrative_ids=ctx.state["narrative_keys"])
