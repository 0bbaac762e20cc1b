"""The built-in linkers, registered through the same hook a plugin uses (``register_linkers``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from headwater.link.copies import add_copies, find_copies
from headwater.link.entities import entities_of, resolve_entities, typer, typer_from
from headwater.link.entities_update import add_entities, keep_entities
from headwater.link.narrative_linker import link_narratives, update_narratives
from headwater.link.previous import Changed
from headwater.link.registry import LinkContext, Linker, Rows, run_linkers
from headwater.link.stories import incident_stories
from headwater.link.stories_update import NEXT as STORY_NEXT
from headwater.link.stories_update import add_stories, stories_kept
from headwater.model import Article, key
from headwater.registry import Registry


def _copies(ctx: LinkContext) -> dict[str, Rows]:
    return {"copies": find_copies(ctx.articles, ctx.index)}


def _add_copies(ctx: LinkContext) -> dict[str, Changed] | None:
    if ctx.index is None:
        return None
    new = ctx.new_articles()
    found = add_copies(new, ctx.index, ctx.size() - len(new), ctx.fetch)
    return None if found is None else {"copies": Changed(found)}


def _stories(ctx: LinkContext) -> dict[str, Rows]:
    if ctx.index is not None:
        return {"stories": stories_kept(ctx.articles, ctx.results["copies"], ctx.index)}
    return {"stories": incident_stories(ctx.articles, ctx.results["copies"])}


def _add_stories(ctx: LinkContext) -> dict[str, Changed] | None:
    if ctx.index is None:
        return None
    new = ctx.new_articles()
    if ctx.index.kept(STORY_NEXT) is None and "stories" in ctx.before:  # linked by an earlier version: once
        numbers = [int(str(s["id"])[1:]) for s in ctx.before["stories"] if str(s["id"])[1:].isdigit()]
        ctx.index.keep(STORY_NEXT, max(numbers, default=0) + 1)
    found = add_stories(new, lambda rows: ctx.before.holding("stories", map(key, rows)),
                        lambda rows: ctx.current("copies", map(key, rows)), ctx.index, ctx.size() - len(new))
    return None if found is None else {"stories": Changed(*found)}


def _entities(ctx: LinkContext) -> dict[str, Rows]:
    if ctx.index is not None:  # the states kept, for the next run to add its articles to
        entities = entities_of(*keep_entities(ctx.articles, ctx.index))
    else:
        entities = resolve_entities(ctx.articles)
    ctx.type_with(typer(entities))  # the later linkers see each mention typed as its entity is
    return {"entities": entities}


def _add_entities(ctx: LinkContext) -> dict[str, Changed] | None:
    if ctx.index is None:
        return None
    got = add_entities(ctx.new_articles(), lambda keys: ctx.before.keyed("entities", keys), ctx.before.any("entities"),
                       ctx.index)
    if got is None:
        return None
    change = Changed(*got)
    made = {k: e for e in change.added for k in e.get("keys") or [e["id"]]}

    def find(keys: set[str]) -> dict[str, dict[str, Any]]:
        """The entities holding these mention keys: made by this update, else as stored."""
        found = {k: made[k] for k in keys if k in made}
        for e in ctx.before.keyed("entities", keys - found.keys()):
            if str(e["id"]) not in change.removed:
                found.update({k: e for k in e.get("keys") or [e["id"]] if k in keys and k not in made})
        return found
    ctx.type_with(typer_from(find))  # what the later linkers read, as they read it
    return {"entities": change}


ENTITIES = Linker("entities/2", (), ("entities",), _entities,
                  "one entity per real source across articles; agreed typing carried to untyped mentions", _add_entities)
COPIES = Linker("copies/1", (), ("copies",), _copies, "articles that largely repeat an earlier one", _add_copies)
STORIES = Linker("stories/1", ("copies",), ("stories",), _stories, "articles reporting one incident", _add_stories)
NARRATIVES = Linker("narratives/3", ("entities", "stories"), ("narratives", "themes", "contradictions", "provenance",
                                                           "codebook"),
                    link_narratives, "claims retold across articles (frames, claim clusters, shared themes, known "
                    "narratives), themes, where retellings disagree, and whom they rest on", update_narratives)
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
