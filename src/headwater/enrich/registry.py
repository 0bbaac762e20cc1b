"""Enrichers: per-article stages, declared like spaCy's factories and checked before anything runs.

An enricher names what it ``requires`` (shared resources such as ``nlp`` or ``gazetteer``, or fields
an earlier enricher ``assigns``) and what it ``assigns``. ``check_pipeline`` refuses an order in which
a requirement is not met or a field is assigned twice, with a message naming both. Fields the
``Article`` model has are set on it; any other name becomes a generic finding (``Article.findings``),
which the store, the document and the exports carry without code of their own.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

from headwater.enrich.parse import parse
from headwater.lang import DEFAULT_LANGUAGE, LanguagePack, Parser, ensure_languages, language_notice, pack_for
from headwater.model import Article
from headwater.registry import Registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class EnrichResources(Protocol):
    """What enrichers may ask for by name; ``headwater.resources.Resources`` provides it."""

    names: frozenset[str]

    @property
    def nlp(self) -> Language: ...

    def get(self, name: str) -> Any: ...

    def parser(self, code: str | None) -> Parser: ...


# The article's own fields, there before any enricher runs.
BASE_FIELDS = frozenset({"text", "title", "url", "outlet", "wire", "published", "published_basis", "site_name",
                         "language", "source", "input_kind"})


class Context:
    """Per-article scratch shared by the enrichers of one article: the parse is made once, by the
    parser of the article's language (``lang``); ``pack`` is None for English and unknown languages."""

    def __init__(self, article: Article, resources: EnrichResources) -> None:
        self.article = article
        self.resources = resources

    @cached_property
    def pack(self) -> LanguagePack | None:
        code = self.article.language or DEFAULT_LANGUAGE
        ensure_languages()
        return None if code == DEFAULT_LANGUAGE else pack_for(code)

    @property
    def english(self) -> bool:
        return (self.article.language or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE

    def parse(self, text: str) -> Doc:
        """A text of the article's language parsed (the title, say)."""
        return self.resources.parser(self.article.language)(text)

    @cached_property
    def title_doc(self) -> Doc:
        """The title parsed by the English pipeline (English attributions read headlines with it)."""
        return self.resources.nlp(self.article.title or "")

    @cached_property
    def doc(self) -> Doc:
        if self.english:
            return parse(self.resources.nlp, self.article.text)  # in pieces when long
        return self.parse(self.article.text)

    def assign(self, name: str, value: Any) -> None:
        """Set a typed field of the article, or store ``value`` as the generic finding ``name``."""
        if name in TYPED_FIELDS:
            setattr(self.article, name, value)
        else:
            self.article.findings[name] = list(value)


TYPED_FIELDS = frozenset(f.name for f in fields(Article)) - {"findings"}


@dataclass(frozen=True)
class Enricher:
    """A per-article stage. ``name`` is versioned ("places/1"): stored results say which version made them.
    ``run`` must be a module-level function (it is sent to worker processes)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Context], None]
    description: str = ""


ENRICHERS: Registry[Enricher] = Registry("enricher")


class PipelineError(ValueError):
    """Enrichers in an order that cannot work: a requirement unmet, a field assigned twice."""


def check_pipeline(enrichers: Sequence[Enricher], resources: frozenset[str]) -> None:
    """Check every requirement against the resources and what earlier enrichers assign (spaCy's
    ``analyze_pipes``); raise PipelineError naming the enricher and the missing piece."""
    assigned: dict[str, str] = {}
    for e in enrichers:
        for need in e.requires:
            if need not in resources and need not in BASE_FIELDS and need not in assigned:
                later = next((x.name for x in enrichers if need in x.assigns), None)
                hint = (f"; {later} assigns it but runs later: put it first" if later else
                        f"; no enricher assigns it and it is not a resource ({', '.join(sorted(resources))})")
                raise PipelineError(f"enricher {e.name} requires {need!r}{hint}")
        for f in e.assigns:
            if f in assigned:
                raise PipelineError(f"{e.name} and {assigned[f]} both assign {f!r}")
            if f in BASE_FIELDS:
                raise PipelineError(f"{e.name} assigns {f!r}, which extraction sets")
            assigned[f] = e.name


def producers(enrichers: Sequence[Enricher]) -> dict[str, str]:
    """Field -> the enricher that assigns it."""
    return {f: e.name for e in enrichers for f in e.assigns}


def run_enrichers(article: Article, resources: EnrichResources, enrichers: Sequence[Enricher],
                  doc: Doc | None = None, title_doc: Doc | None = None) -> Article:
    """Run the enrichers on the article. ``doc``, ``title_doc``: its text and title parsed already (a
    batch parse, as ``work.process_batch`` makes), the very Docs ``Context.doc``/``title_doc`` make."""
    ctx = Context(article, resources)
    if doc is not None:
        ctx.__dict__["doc"] = doc  # the cached properties' cache
    if title_doc is not None:
        ctx.__dict__["title_doc"] = title_doc
    for e in enrichers:
        e.run(ctx)
    if enrichers and not ctx.english:
        article.notes.append(language_notice(article.language))  # never an empty result in silence
    return article
