"""Words of the text as the geoparser reads them: the word pattern, a text's word spans, whether a
word's script has capitals, and the cached keys of words and names (as the gazetteer keys names)."""
from __future__ import annotations

import re
from functools import lru_cache

from headwater.enrich.places.translit import fold, key_token
from headwater.lang.marks import MARKS

# Sina'a is one word; Hasakah’s is Hasakah; U.S. and U.K. are words
# (a word goes on through its combining marks: Devanagari's vowel signs and viramas are no word
# characters for ``\w``, which cut "दिल्ली" into pieces no gazetteer name matches)
# (letters, then runs of marks each with the letters after it: the words of
# ``[^\W_](?:[^\W_]+|[MARKS]+)*``, but read a run of letters at a time instead of through an alternation
# a character at a time, a quarter less time over the peer corpora and the narratives set, same spans)
WORD = re.compile(rf"(?:[A-Z]\.){{2,}}|[^\W_]+(?:[{MARKS}]+[^\W_]*)*(?:['’ʿ](?![sS]\b)[^\W_]+(?:[{MARKS}]+[^\W_]*)*)?")


def cased_script(word: str) -> bool:
    """Whether the word's script has capitals (Latin, Cyrillic, Greek), where a capital marks a name."""
    return word[:1].isupper() or word[:1].islower()


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


# Words recur across articles: fold each once (bounded, so a long run keeps a steady footprint).
word_key = lru_cache(maxsize=200_000)(key_token)
# A name's key (``fold``), kept likewise: the resolver and the focus ask for the same names' keys again and again.
name_key = lru_cache(maxsize=100_000)(fold)
