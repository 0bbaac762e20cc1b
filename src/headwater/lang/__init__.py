"""Language packs: everything headwater knows about one language, in one home per language.

``lang/<code>/`` holds a language's word lists and patterns as data files (cue words, quote marks,
number and date words, stop lists), read by one loader (``words``/``data``), and the pack itself: how to
parse the language (a spaCy pipeline or none) and how far headwater can analyze it. Packs are
registered in ``LANGUAGES`` by the built-in plugin (``lang.builtin``) exactly as a third party would.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from headwater.registry import Registry

HERE = Path(__file__).parent
AnalysisLevel = Literal["full", "partial", "minimal"]


@dataclass(frozen=True)
class LanguagePack:
    """One language: its code (ISO 639-1), script and direction, its parser, and its data folder."""

    code: str
    name: str
    script: str = "Latn"  # ISO 15924
    direction: Literal["ltr", "rtl"] = "ltr"
    model: str | None = None  # spaCy pipeline package; None: no parser for this language
    # full: parse + every enricher; partial: cue words, quotes, places from the gazetteer, dates;
    # minimal: sentences and places only. Shown to the user so an empty result is never silent.
    level: AnalysisLevel = "minimal"
    quote_pairs: tuple[tuple[str, str], ...] = (("\u201c", "\u201d"), ('"', '"'))
    data_dir: Path | None = None  # default: lang/<code>/
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.data_dir or HERE / self.code

    def data(self, name: str) -> Any:
        """A data file of this language (``<folder>/<name>.yaml``), parsed once; None when absent."""
        return load_data(str(self.folder / f"{name}.yaml"))

    def words(self, name: str) -> frozenset[str]:
        """A word list of this language (a YAML list, or a mapping whose keys are the words)."""
        value = self.data(name)
        return frozenset(value or ())


@cache
def load_data(path: str) -> Any:
    p = Path(path)
    if not p.is_file():
        return None
    with p.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def english(name: str) -> Any:
    """An English data file (``lang/en/<name>.yaml``): the word lists the English enrichers are built on."""
    value = load_data(str(HERE / "en" / f"{name}.yaml"))
    if value is None:
        raise FileNotFoundError(f"headwater's English data file {name}.yaml is missing")
    return value


LANGUAGES: Registry[LanguagePack] = Registry("language pack")


def pack_for(code: str | None) -> LanguagePack | None:
    """The registered pack of a language code ("en", "ru"), or None."""
    return LANGUAGES.get(code) if code and code in LANGUAGES else None
