"""Bylines: who wrote the article, only where the page or the text states it; ``None`` otherwise.

HTML: the author trafilatura reads from the page's metadata (``<meta name="author">``, JSON-LD,
``rel=author`` links, byline elements), cleaned. Plain text: a "By NAME" line near the top. A name is
kept only if it looks like a person's or a desk's name (capitalised words), never a sentence.
"""
from __future__ import annotations

import re

# How far down a saved text a byline can stand: scrapers put it under the headline and the date, so a
# dozen lines covers the header zone without reaching into the prose (a "by" there is a sentence).
HEAD_LINES = 12
# A name of more than this many words is a phrase ("By the time the convoy reached the border...").
MAX_NAME_WORDS = 5
MAX_AUTHORS = 4

_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]\s*(?P<rest>.+)$", re.IGNORECASE)
# The end of the name part of a byline: a comma, a pipe, a dash, a bullet, "and" joins names instead.
_CUT = re.compile(r"\s*(?:[,|•·—–]|\s-\s|\bin\s+[A-Z]|\bfor\s+[A-Z]|\bon\s+\w+day\b|\d|(?i:\b(?:published|updated|posted)\b)).*$")
# A word of a name, in any script: capitalised ("Jean-Luc", "O'Neil", "J.", "Ерофеева") or a short particle ("de", "van")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*)$")
_PARTICLE = re.compile(r"^[a-z]{1,3}(?:-\w+)?$")  # "de", "van", "al-Khatib"
_SPLIT = re.compile(r"\s*(?:;|\band\b|&|,)\s*")
_SPACE = re.compile(r"\s+")
_CUT_TAIL = re.compile(r"\s+(?:published|updated|posted)\b.*$", re.IGNORECASE)  # "Jane Doe Published 3 May"
# Words that start a sentence rather than a name ("By Monday...", "By this time"); "The" starts a name
# only before capitalised words ("By The Associated Press", a desk).
_NOT_NAME = frozenset("this that these those monday tuesday wednesday thursday friday saturday sunday "
                      "january february march april may june july august september october november december "
                      "then now far way contrast comparison default".split())


def _name(part: str) -> str | None:
    part = _CUT_TAIL.sub("", part)
    words = _SPACE.sub(" ", part).strip(" .:;").split(" ")
    if not words or not words[0] or len(words) > MAX_NAME_WORDS or words[0].lower() in _NOT_NAME:
        return None
    if words[0].lower() == "the" and (len(words) < 2 or not all(w[:1].isupper() for w in words[1:])):
        return None  # "The Associated Press", "The Water Coolest" (a desk, a pen name); not "the time it took"
    if not words[0][:1].isupper() or not all(_NAME_WORD.match(w) and (w[:1].isupper() or _PARTICLE.match(w)) for w in words):
        return None
    if not any(w[:1].isupper() and len(w.strip(".")) > 1 for w in words):
        return None
    return " ".join(words)


def _prose(part: str) -> bool:
    """Words of a phrase rather than a name: lower-case words longer than a particle ("defense ministries")."""
    words = part.split()
    return len(words) >= 2 and any(w.islower() and len(w) > 3 and not _PARTICLE.match(w) for w in words)


def clean_author(value: str | None) -> str | None:
    """Names from a metadata author field ("Jane Doe; John Roe", "By Jane Doe"), or None."""
    if not value:
        return None
    text = _SPACE.sub(" ", value).strip()
    m = _BY.match(text)
    if m:
        text = m.group("rest")
    names: list[str] = []
    parts = [p.strip() for p in _SPLIT.split(text)]
    if any(_prose(p) for p in parts):
        return None  # "The Russian; Syrian defense ministries": a phrase split up, not a list of names
    for part in parts:
        if not part or part.startswith(("http", "@")):
            continue
        name = _name(part) if " " in part or part[:1].isupper() else None
        if name and name not in names:
            names.append(name)
    return "; ".join(names[:MAX_AUTHORS]) or None


def byline_from_text(raw: str) -> str | None:
    """The names of a "By NAME" line among the first lines of a saved text, or None."""
    lines = [ln.strip() for ln in raw.replace("\r", "\n").split("\n") if ln.strip()][:HEAD_LINES]
    for ln in lines:
        m = _BY.match(ln)
        if not m or len(ln) > 120:
            continue
        rest = _CUT.sub("", m.group("rest"))
        names = [n for n in (_name(p) for p in _SPLIT.split(rest) if p.strip()) if n]
        if names:
            return "; ".join(dict.fromkeys(names[:MAX_AUTHORS]))
    return None
