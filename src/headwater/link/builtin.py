"""The built-in linkers, registered through the same hook a plugin uses (``register_linkers``)."""
from __future__ import annotations

from headwater.link.registry import LinkContext, Linker, Rows
from headwater.registry import Registry


def _copies(ctx: LinkContext) -> dict[str, Rows]:
    from headwater.link import find_copies

    return {"copies": find_copies(ctx.articles)}


def _stories(ctx: LinkContext) -> dict[str, Rows]:
    from headwater.link.stories import incident_stories

    return {"stories": incident_stories(ctx.articles, ctx.results["copies"])}


def _narratives(ctx: LinkContext) -> dict[str, Rows]:
    from headwater.link.known import match
    from headwater.link.narratives import contradictions, narratives, provenance

    arts = ctx.by_row()
    found, ids = narratives(ctx.articles, dict(ctx.state.get("narrative_keys") or {}))
    ctx.state["narrative_keys"] = ids
    known = ctx.state.get("known_claims") or []
    for n in found:
        n["known_claims"] = match(n, arts, known) if known else []
    return {"narratives": found, "contradictions": [c for n in found for c in contradictions(n, arts)],
            "provenance": [provenance(n, arts) for n in found]}


COPIES = Linker("copies/1", (), ("copies",), _copies, "articles that largely repeat an earlier one")
STORIES = Linker("stories/1", ("copies",), ("stories",), _stories, "articles reporting one incident")
NARRATIVES = Linker("narratives/1", (), ("narratives", "contradictions", "provenance"), _narratives,
                    "claims retold across articles, where retellings disagree, and whom they rest on")
BUILTIN = (COPIES, STORIES, NARRATIVES)


def register_linkers(registry: Registry[Linker]) -> None:
    for ln in BUILTIN:
        registry.add(ln.name.split("/")[0], ln)
