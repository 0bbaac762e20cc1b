"""Language-independent pieces: a sentence splitter and a script-and-stopword language guess.

Used where no parser covers the language; they need no model and no per-language code beyond a
few stopwords and the abbreviations of the language's pack (``lang/<code>/abbreviations.yaml``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from headwater.lang.sentences import abbreviated, of_language

# A sentence ends at . ! ? … or the Devanagari danda, before whitespace and a capital, a digit, an
# opening quote or bracket, or any non-Latin letter (scripts without case); single characters
# ("U.S.", "J. Smith") and the abbreviations of the text's language do not end one.
_END = re.compile(r"(?<=[.!?…।])[\"'”»)\]]*\s+(?=[\"'“«(\[]?[\d\wА-ЯЁЇІЄҐ])")
_INITIAL = re.compile(r"\b\w\.$")


def sentences(text: str, offset: int = 0, language: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (offsets shifted by ``offset``), blank lines splitting too;
    a dot of an abbreviation of ``language``'s pack ends none."""
    abbr = of_language(language) if language else None
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group(0)
        cut = 0
        for m in _END.finditer(chunk):
            head = chunk[cut:m.start()]
            nxt = chunk[m.end():m.end() + 1]
            dot = m.start() - 1  # the end mark (the match opens right after it)
            if _INITIAL.search(head) or (nxt.islower() and nxt.isascii()) or (
                    abbr is not None and chunk[dot] == "." and abbreviated(chunk, dot, abbr)):
                continue
            yield from _trimmed(text, start + cut, start + m.start(), offset)
            cut = m.end()
        yield from _trimmed(text, start + cut, start + len(chunk), offset)


def _trimmed(text: str, s: int, e: int, offset: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s + offset, e + offset


_STOP = {
    "en": "the and of to is that in it for was on are with as be this have not by".split(),
    "pt": "que não de para com uma os são do da em dos das por mais mas foi".split(),
    "es": "que el los las del por para con una es pero más fue se".split(),
    "fr": "le les des est et une pour dans que qui pas sur au du".split(),
    "de": "der die und das ist nicht ein eine mit den von zu sich auf".split(),
    "ru": "и в не что на он как это по но из его так то за же".split(),
    "bg": "и в не че на се да от за това са като но по ще беше".split(),
    "uk": "і в не що на як це та але з за його до від".split(),
}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, from its script and commonest words; None when unsure."""
    sample = text[:3000]
    counts = {"deva": len(re.findall(r"[\u0900-\u097F]", sample)), "cyr": len(re.findall(r"[\u0400-\u04FF]", sample)),
              "arab": len(re.findall(r"[\u0600-\u06FF]", sample)), "lat": len(re.findall(r"[A-Za-zÀ-ÿ]", sample))}
    script = max(counts, key=counts.__getitem__)
    if counts[script] < 20:
        return None
    if script == "deva":
        return "hi"
    if script == "arab":
        return "fa" if re.search(r"[پچژگ]", sample) else "ar"
    words = re.findall(r"\w+", sample.lower())
    pool = ("ru", "bg", "uk") if script == "cyr" else ("en", "pt", "es", "fr", "de")
    if script == "cyr" and re.search(r"[ієїґ]", sample.lower()):
        return "uk"
    scores = {lg: sum(1 for w in words if w in set(_STOP[lg])) for lg in pool}
    if script == "cyr":  # "ы" and "э" are Russian letters Bulgarian lacks; "ъ" mid-word is Bulgarian
        scores["ru"] += 3 * len(re.findall(r"[ыэё]", sample.lower()))
        scores["bg"] += 3 * len(re.findall(r"ъ(?=\w)", sample.lower()))
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else None
