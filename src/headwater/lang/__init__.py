"""Language packs: everything headwater knows about one language, in one home per language.

``lang/<code>/`` holds a language's word lists and patterns as data files (cue words, quote marks,
number and date words, stop lists), read by one loader (``words``/``data``), and the pack itself: how to
parse the language (a spaCy pipeline or none) and how far headwater can analyze it. Packs are
registered in ``LANGUAGES`` by the built-in plugin (``lang.builtin``) exactly as a third party would.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from headwater.registry import Registry
from headwater.yamldata import load_yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

HERE = Path(__file__).parent
# "none": nothing language-specific ran (no text, or no enrichers); shown, never silent.
AnalysisLevel = Literal["full", "partial", "minimal", "none"]
# A parser: text in, a spaCy Doc out (sentences always; tokens, lemmas, entities and a dependency
# parse when the language has them). A pack's ``parser`` is a factory called once per process.
Parser = Callable[[str], "Doc"]


def folder_data(folder: Path, name: str) -> Any:
    """A language folder's data file (``<folder>/<name>.yaml``), parsed once; None when absent. What a
    reader caching its words by the pack's folder reads (a pack itself is not hashable)."""
    return load_data(str(folder / f"{name}.yaml"))


@dataclass(frozen=True)
class LanguagePack:
    """One language: its code (ISO 639-1), script and direction, its parser, and its data folder."""

    code: str
    name: str
    script: str = "Latn"  # ISO 15924
    direction: Literal["ltr", "rtl"] = "ltr"
    model: str | None = None  # spaCy pipeline package; None: no parser for this language
    # Makes the parser when ``model`` is not a spaCy package (natasha for Russian, a blank pipeline
    # with a sentencizer for the others); called lazily, once per process (``Resources.parser``).
    parser: Callable[[], Parser] | None = None
    parser_name: str | None = None  # what the parser is, for notices ("natasha 1.6", "spacy.blank")
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
        return folder_data(self.folder, name)

    def words(self, name: str) -> frozenset[str]:
        """A word list of this language (a YAML list, or a mapping whose keys are the words)."""
        value = self.data(name)
        return frozenset(value or ())

    def months(self) -> dict[str, int]:
        """Month words of this language (every form listed in ``months.yaml``), lowercased, to 1-12."""
        table = self.data("months") or {}
        return {str(w).lower(): int(m) for m, forms in table.items() for w in forms}

    def day_month_joiners(self) -> tuple[str, ...]:
        """What stands between a day's digits and its month word (``day_month_joiners`` in ``dates.yaml``):
        a word ("25 de abril") or an ordinal ending after a hyphen ("22-го июня", "9-ти септември")."""
        return tuple(str(w) for w in (self.data("dates") or {}).get("day_month_joiners") or ())

    def month_year_joiners(self) -> tuple[str, ...]:
        """What stands between a month word and its year (``month_year_joiners`` in ``dates.yaml``): "de" of
        "25 de abril de 2022", "del"; none in a language that writes the year right after its month."""
        return tuple(str(w) for w in (self.data("dates") or {}).get("month_year_joiners") or ())


@cache
def load_data(path: str) -> Any:
    p = Path(path)
    if not p.is_file():
        return None
    with p.open(encoding="utf-8") as f:
        return load_yaml(f)


def english(name: str) -> Any:
    """An English data file (``lang/en/<name>.yaml``): the word lists the English enrichers are built on."""
    value = load_data(str(HERE / "en" / f"{name}.yaml"))
    if value is None:
        raise FileNotFoundError(f"headwater's English data file {name}.yaml is missing")
    return value


def english_words(name: str, key: str) -> frozenset[str]:
    """A word list of an English data file: the words (space-separated) under ``key``."""
    return frozenset(str(english(name)[key]).split())


LANGUAGES: Registry[LanguagePack] = Registry("language pack")


def pack_for(code: str | None) -> LanguagePack | None:
    """The registered pack of a language code ("en", "ru"), or None."""
    return LANGUAGES.get(code) if code and code in LANGUAGES else None


def ensure_languages() -> Registry[LanguagePack]:
    """The language registry, filled with the built-in packs on first use."""
    if not len(LANGUAGES):
        from headwater.lang.builtin import register_languages

        register_languages(LANGUAGES)
    return LANGUAGES


# The pack articles of no detected language are analyzed with: the default pipeline, as before
# language detection existed (short or uncertain texts are mostly English in practice).
DEFAULT_LANGUAGE = "en"


def analysis_level(code: str | None) -> AnalysisLevel:
    """How far an article of this language is analyzed: its pack's level; a language without a
    pack gets sentences and gazetteer places only ("minimal")."""
    ensure_languages()
    pack = pack_for(code or DEFAULT_LANGUAGE)
    return pack.level if pack is not None else "minimal"


def language_notice(code: str | None) -> str:
    """What was done with an article of this language, for its notes and the summary."""
    ensure_languages()
    pack = pack_for(code or DEFAULT_LANGUAGE)
    if pack is None:
        return (f"language {code}: no language pack; minimal analysis (sentences and gazetteer places only, "
                f"no attributions or events)")
    how = pack.parser_name or pack.model or "no parser"
    events = pack.data("event_words") is not None  # trigger words: events are read in this language
    what = {"full": "places, attributions, dates and events" if events
            else "places, attributions and dates; no events in this language yet",
            "partial": "cue words, quote marks, gazetteer places and dates; " + (
                "events by trigger words (no actors); no entities" if events else "no entities or events"),
            "minimal": "sentences and gazetteer places only", "none": "nothing"}[pack.level]
    return f"language {code} ({pack.name}): {pack.level} analysis with {how}: {what}"


def languages_line(counts: Mapping[str, int]) -> str:
    """The summary of a corpus by language (article counts by code, "unknown" for none detected) and how far
    each was analyzed, with a notice for those without a pack: "languages: en 277 (full), ru 94 (full),
    it 2 (minimal: no pack)"."""
    parts = []
    for raw, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        code = None if raw == "unknown" else raw
        level = analysis_level(code)
        label = code or "unknown (analyzed as English)"
        note = ": no language pack, sentences and places only" if pack_for(code or DEFAULT_LANGUAGE) is None else ""
        parts.append(f"{label} {n} ({level}{note})")
    return "languages: " + (", ".join(parts) or "none")


def vectors_notice(counts: Mapping[str, int], vectors: str) -> str | None:
    """A notice when a corpus of several languages is analyzed with claim vectors that do not cross
    languages (``vectors``: the run's choice): its narratives stay within a language."""
    known = [c for c, n in counts.items() if c != "unknown" and n]
    if len(known) < 2 or vectors != "lexical":
        return None
    return (f"note      {len(known)} languages with lexical claim vectors: narratives stay within a language "
            "(--vectors e5 compares claims across languages, at about a quarter of the speed)")


def text_attrs(code: object) -> str:
    """HTML attributes for text written in a language: ``lang`` and its direction (Arabic and Persian
    right to left); text of no known language gets ``dir="auto"`` so the browser decides."""
    c = str(code or "")
    if not (2 <= len(c) <= 3 and c.isascii() and c.isalpha()):
        return ' dir="auto"'
    ensure_languages()
    pack = pack_for(c.lower())
    direction = pack.direction if pack is not None else ("rtl" if c.lower() in RTL else "ltr")
    return f' lang="{c.lower()}" dir="{direction}"'


# Right-to-left languages that may be detected without a pack of their own.
RTL = frozenset({"ar", "fa", "ur", "he", "ps", "yi", "ug", "ckb"})
