"""Enrich: per-article stages that find places, attributions and events in a clean article.

Each enricher declares what it ``requires`` (resources such as ``nlp``) and what it ``assigns``
(fields of ``Article``); ``run_enrichers`` checks that nothing is assigned twice. Enrichers are pure
functions of one article and the shared read-only resources, so they run in worker processes.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from headwater.model import Article
from headwater.resources import Resources

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.lang import LanguagePack


class Context:
    """Per-article scratch shared by the enrichers of one article: the parse is made once, by the
    parser of the article's language (``lang``); ``pack`` is None for English and unknown languages."""

    def __init__(self, article: Article, resources: Resources) -> None:
        self.article = article
        self.resources = resources

    @cached_property
    def pack(self) -> LanguagePack | None:
        from headwater.lang import DEFAULT_LANGUAGE, ensure_languages, pack_for

        code = self.article.language or DEFAULT_LANGUAGE
        ensure_languages()
        return None if code == DEFAULT_LANGUAGE else pack_for(code)

    @property
    def english(self) -> bool:
        return (self.article.language or "en") == "en"

    def parse(self, text: str) -> Doc:
        return self.resources.parser(self.article.language)(text)

    @cached_property
    def doc(self) -> Doc:
        return self.parse(self.article.text)


@dataclass(frozen=True)
class Enricher:
    name: str  # versioned, e.g. "places/1": stored results say which version made them
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Context], None]


def _places(ctx: Context) -> None:
    from headwater.enrich.places.resolve import find_places

    a = ctx.article
    places, metonyms, focus = find_places(a.text, ctx.doc, ctx.resources.gazetteer, a.title)
    a.places = places + [{**m, "metonymy": True} for m in metonyms]
    a.focus = focus


def _attributions(ctx: Context) -> None:
    if not ctx.english:
        _attributions_other(ctx)
        return
    from headwater.enrich.attributions.find import find_attributions

    a = ctx.article
    found = find_attributions(ctx.doc, a, ctx.resources.sources)
    if a.title:
        # Headlines attribute too ("…, Russian Military Says"): kept with offsets into the title
        # (``field: title``), so nothing marks the body with them.
        headline = Article(source=a.source, text=a.title)
        for at in find_attributions(ctx.resources.nlp(a.title), headline, ctx.resources.sources):
            if at["sources"]:
                found.append({**at, "field": "title", "title_start": at["start"], "title_end": at["end"],
                              "start": None, "end": None, "cue_start": None})
    a.attributions = found


def _attributions_other(ctx: Context) -> None:
    """Another language: its pack's cue words and quote marks; a language without a pack: none."""
    from headwater.enrich.attributions.multilingual import find_attributions_multilingual

    a, pack = ctx.article, ctx.pack
    if pack is None:
        a.attributions = []
        return
    found = find_attributions_multilingual(ctx.doc, a, pack, ctx.resources.sources)
    if a.title:
        headline = Article(source=a.source, text=a.title, language=a.language, published=a.published)
        people = {s["name"]: s for x in found for s in x["sources"] if s.get("kind") == "person"}
        for at in find_attributions_multilingual(ctx.parse(a.title), headline, pack, ctx.resources.sources):
            if at["sources"]:
                # "Лавров: …" over an article that names Сергей Лавров: the same person
                said = at["sources"][0]["name"]
                same = next((p for n, p in people.items() if n == said or n.endswith(" " + said)), None)
                if same is not None:
                    at["sources"] = [{**same, "text": at["sources"][0].get("text")}, *at["sources"][1:]]
                found.append({**at, "field": "title", "title_start": at["start"], "title_end": at["end"],
                              "start": None, "end": None, "cue_start": None})
    a.attributions = found


def _events(ctx: Context) -> None:
    if not ctx.english:
        ctx.article.events = []  # the event finder reads English only
        return
    from headwater.enrich.events.find import find_events

    ctx.article.events = find_events(ctx.doc, ctx.article)


PLACES = Enricher("places/1", ("nlp", "gazetteer"), ("places", "focus"), _places)
ATTRIBUTIONS = Enricher("attributions/1", ("nlp", "sources"), ("attributions",), _attributions)
EVENTS = Enricher("events/1", ("nlp",), ("events",), _events)  # reads places and attributions


def default_enrichers() -> list[Enricher]:
    """The built-in enrichers, in the order they run (later ones may read earlier ones' fields)."""
    return [PLACES, ATTRIBUTIONS, EVENTS]


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
    ctx = Context(article, resources)
    for e in enrichers:
        e.run(ctx)
    if enrichers and not ctx.english:
        from headwater.lang import language_notice

        article.notes.append(language_notice(article.language))
    return article
