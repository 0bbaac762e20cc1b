"""A role named again without its holder's name, in a pack read without a parse (Bulgarian): "Министърът на
отбраната Иван Петров посети Варна. Министърът заяви, че …", "Говорителят на Кремъл Дмитрий Песков заяви …
Говорителят добави, че …". The role word carries the definite article ("министърът", "говорителят",
"премиерът"), which makes it a mention of someone the text named, not a name: it is the person the article
named with that role before, inferred and said so (as the English finder reads "the minister" after
"Defense Minister X"). The nearest person the text names before the mention (``multilingual_antecedents``) is
taken when the article gives them that role; else the latest person who spoke with it. Every word of the
mention must be in that role (by the word's stem, its article taken off): "Руският президент" is not the
"украинският президент" named before, "Военният министър" not a "министър на финансите". Nobody with the
role: None, and the mention stays a role-typed source with no name of its own.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_antecedents import antecedent
from headwater.enrich.attributions.multilingual_given_roles import role_in_text
from headwater.enrich.attributions.role_types import RoleWords, hits
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# A stem keeps at least this many letters when its article is taken off ("кмета" stays "кмета" rather than
# "кмет" being cut to three letters; "министъра" -> "министър").
MIN_STEM = 4


def _stem(word: str, endings: tuple[str, ...]) -> str:
    w = word.lower()
    for end in endings:  # longest first
        if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
            return w[:-len(end)]
    return w


def _bare_role(r: SourceReader, words: list[str]) -> bool:
    """Whether the words are a role and nothing else: a person's role word, with the definite article on the
    mention's first word (what a role named again carries), no capitalised word but the first and those a
    genitive mark owns ("говорителят на Кремъл")."""
    rw = RoleWords.of(r.pack)
    if not words or not hits({w.lower() for w in words}, rw.official | rw.qualified | rw.non_state):
        return False
    if not words[0].lower().endswith(r.cues.definite_endings):
        return False  # "министър Петров", "президент": no article, a title before a name or a bare noun
    # no name in it ("министърът Иван Петров" names its holder): a capital only right after a genitive mark
    return all(not w[:1].isupper() or words[i - 1].lower() in r.cues.genitives for i, w in enumerate(words[1:], 1))


def _holds(r: SourceReader, mention: list[str], role: str) -> bool:
    """Whether every word of the mention is a word of the role, by stems ("Министърът" in "министърът на
    отбраната"; "говорителят на Кремъл" in "Говорителят на Кремъл")."""
    ends = r.cues.article_endings
    have = {_stem(w, ends) for w in WORD.findall(role)}
    return bool(have) and all(_stem(w, ends) in have for w in mention)


def role_holder(r: SourceReader, s: int, e: int) -> dict[str, Any] | None:
    """The person a bare definite role at s:e stands for (inferred, and said so), or None."""
    if r.parsed or not r.cues.definite_endings:
        return None
    text = r.text[s:e].strip()
    words = WORD.findall(text)
    if not _bare_role(r, words):
        return None
    near = antecedent(r, s, text)
    if near is not None:
        src = near if isinstance(near, dict) else r.source(*near)
        name = str(src.get("name") or "")
        given = role_in_text(r, name) if name else None
        role = str(src.get("role") or "") or (given[0] if given else "")
        if src.get("kind") in ("person", "organization") and name != role and _holds(r, words, role):
            # a name read without an entity tagger may be typed an organization; one holding a person's role is a person
            return _as_mention({**src, "kind": "person", "role": role}, text)
    for src in reversed(r.people):
        name, role = str(src.get("name") or ""), str(src.get("role") or "")
        if name and name != role and not src.get("inferred") and re.search(r"[^\W\d_]", name) and \
                name[:1].isupper() and _holds(r, words, role):
            return _as_mention(src, text)
    return None


def _as_mention(src: dict[str, Any], text: str) -> dict[str, Any]:
    return {**src, "text": text, "resolved_from": text, "inferred": True,
            "inferred_from": "the person the article named with this role before"}
