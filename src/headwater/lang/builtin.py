"""The built-in language packs, registered through the same hook a plugin uses.

English is analyzed in full by the spaCy model; Russian in full by natasha (entities with their
dictionary forms, a dependency parse); the others partially: a blank spaCy pipeline gives tokens and
sentences, the pack's cue words, quote marks and month names give attributions and dates.
natasha is not used for Ukrainian: its Russian models read Ukrainian as misspelt Russian. Measured
on a hand-made Ukrainian sentence: "України Володимир Зеленський" tagged as one person, "Києві" (in
Kyiv) as a person and left unlemmatized, "заявив" parsed as an adverb, "отримає" unknown; so
Ukrainian gets the blank pipeline and its own cue words.
"""
from __future__ import annotations

from functools import partial

from headwater.lang import LanguagePack
from headwater.lang.parsers import blank_parser, natasha_parser
from headwater.registry import Registry

LATIN_QUOTES = (("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"))
# «…» first where it is the norm, „…“ (low-high) in Bulgarian, Ukrainian and German.
GUILLEMETS = (("\u00ab", "\u00bb"), ("\u201e", "\u201c"), ("\u201c", "\u201d"), ('"', '"'))
LOW_HIGH = (("\u201e", "\u201c"), ("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"'))

ENGLISH = LanguagePack(code="en", name="English", model="en_core_web_sm", level="full",
                       quote_pairs=(("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019")))
RUSSIAN = LanguagePack(code="ru", name="Russian", script="Cyrl", level="full", quote_pairs=GUILLEMETS,
                       parser=natasha_parser, parser_name="natasha 1.6")


def _partial(code: str, name: str, script: str = "Latn", quotes: tuple[tuple[str, str], ...] = LATIN_QUOTES,
             direction: str = "ltr") -> LanguagePack:
    return LanguagePack(code=code, name=name, script=script, level="partial", quote_pairs=quotes,
                        direction="rtl" if direction == "rtl" else "ltr",
                        parser=partial(blank_parser, code), parser_name=f"spacy.blank({code!r})")


PARTIAL = [
    _partial("uk", "Ukrainian", "Cyrl", GUILLEMETS),
    _partial("bg", "Bulgarian", "Cyrl", LOW_HIGH),
    _partial("ar", "Arabic", "Arab", GUILLEMETS, "rtl"),
    _partial("fa", "Persian", "Arab", GUILLEMETS, "rtl"),
    _partial("tr", "Turkish"),
    _partial("pt", "Portuguese"),
    _partial("es", "Spanish"),
    _partial("fr", "French", quotes=GUILLEMETS),
    _partial("de", "German", quotes=LOW_HIGH),
    _partial("hi", "Hindi", "Deva"),
]


def register_languages(registry: Registry[LanguagePack]) -> None:
    for pack in (ENGLISH, RUSSIAN, *PARTIAL):
        registry.add(pack.code, pack)
