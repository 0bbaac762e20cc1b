"""Combining marks, which ``\\w`` leaves out of words in every script that writes vowels or accents apart;
words with their marks, and the script a word is written in."""
from __future__ import annotations

import re
import unicodedata


def _mark_ranges() -> str:
    """Combining marks (Unicode M*) as a character class body: the vowel signs and viramas of
    Devanagari and the other Indic scripts, Arabic harakat, accents written apart. ``\\w`` leaves them
    out, which cut "अधिकारियों" into "अध", "क", "र"…; a word goes on through its marks."""
    out: list[str] = []
    start = prev = -2
    for c in range(0x300, 0x10000):
        if unicodedata.category(chr(c)).startswith("M"):
            if c != prev + 1:
                if start >= 0:
                    out.append(f"\\u{start:04x}-\\u{prev:04x}")
                start = c
            prev = c
    out.append(f"\\u{start:04x}-\\u{prev:04x}")
    return "".join(out) + "\\u200c\\u200d"  # zero-width (non-)joiners sit inside Indic and Persian words


MARKS = _mark_ranges()


# A word with its marks ("अधिकारियों", "Захарова", "d'Estaing"), not a number.
WORD = re.compile(r"[^\W\d_][\w'’\-" + MARKS + "]*")


def script_of(text: str) -> str:
    """The script of a text's first letter by its Unicode name ("LATIN", "CYRILLIC", "DEVANAGARI")."""
    ch = next((c for c in text if c.isalpha()), "")
    return unicodedata.name(ch, "").split(" ")[0] if ch else ""


# A case suffix after an apostrophe, as Turkish writes it after a proper name ("Ankara'da", "Suriye'ye",
# "Türkiye'nin", "Şam'daki", "Ajansı'na"; Göksel & Kerslake, Turkish: A Comprehensive Grammar, 2005, 2.1.2):
# the name is what stands before it. The locative, ablative, dative, genitive, accusative, instrumental and
# "-ki" forms only, so that "Shi'ite" and "O'Brien" keep their letters.
CASE_SUFFIX = re.compile(r"(?<=\w)['’](?:[dt][ae]|[dt][ae]n|[dt][ae]ki|n[dt][ae](?:n|ki)?|y?[ae]|y?[ıiuü]|n?[ıiuü]n|"
                         r"n[ae]|l[ae]|yl[ae])$")
