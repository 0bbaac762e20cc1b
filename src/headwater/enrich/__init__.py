"""Enrich: per-article stages that find places, attributions and events in a clean article.

Each enricher declares what it ``requires`` (resources such as ``nlp``) and what it ``assigns``
(fields of ``Article``); ``run_enrichers`` checks that nothing is assigned twice. Enrichers are pure
functions of one article and the shared read-only resources, so they run in worker processes.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from headwater.model import Article
from headwater.resources import Resources


@dataclass(frozen=True)
class Enricher:
    name: str  # versioned, e.g. "places/1": stored results say which version made them
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Article, Resources], None]


def default_enrichers() -> list[Enricher]:
    """The built-in enrichers, in the order they run (later ones may read earlier ones' fields)."""
    return []


def check_order(enrichers: Sequence[Enricher]) -> None:
    assigned: dict[str, str] = {}
    for e in enrichers:
        for f in e.assigns:
            if f in assigned:
                raise ValueError(f"{e.name} and {assigned[f]} both assign {f!r}")
            if not hasattr(Article, f) and f not in Article.__dataclass_fields__:
                raise ValueError(f"{e.name} assigns {f!r}, which Article does not have")
            assigned[f] = e.name


def run_enrichers(article: Article, resources: Resources, enrichers: Sequence[Enricher]) -> Article:
    for e in enrichers:
        e.run(article, resources)
    return article
