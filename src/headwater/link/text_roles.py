"""Roles the corpus gives a person anywhere in its text, for a person no article types.

Many people are quoted in one article with nothing said of who they are, while another article
of the corpus names them with their office: "Ukraine's deputy defence minister Hanna Malyar"
there, "Hanna Malyar said" here. Each article's own finder reads roles only in that article; here
the texts of the whole corpus are read once for the full names (two words or more) of the person
entities nothing typed, and the words right before a name ("… minister Hanna Malyar") or its
apposition ("Hanna Malyar, the deputy defence minister,") are typed as the finders type a role:
the English words of ``lang/en/sources.yaml``, the role words of each language pack. A name is
looked up by its words, so the time is the corpus's length, not names x articles.

A typing found this way says where: the article, the offsets of the name and the role's words.
Only a role that says something types; names of one word (a bare surname two people may share)
are never looked up.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, type_by_role, with_parts
from headwater.enrich.attributions.roles import ROLE_WORDS
from headwater.enrich.attributions.sources import SourceRegistry, describe
from headwater.extract.outlets import OutletRegistry, norm
from headwater.lang import ensure_languages, pack_for
from headwater.lang.marks import WORD
from headwater.model import Article, key

# Words looked at before a name, and in an apposition after it: a title is short ("Russia's
# deputy foreign minister"); beyond that the words are the sentence's, not the name's.
MAX_BEFORE = 6
MAX_APPOSITION = 12
LINKING = frozenset(("of", "for", "the", "to", "'s", "’s", "s"))  # inside a title: "Minister of Defence"


@cache
def _registry() -> SourceRegistry:
    return SourceRegistry(OutletRegistry.load())


def _role_words(lang: str | None) -> RoleWords | None:
    if not lang or lang == "en":
        return None
    ensure_languages()
    pack = pack_for(lang)
    return RoleWords.of(pack) if pack is not None else None


def _roleish(word: str, roles: RoleWords | None) -> bool:
    w = word.lower()
    if roles is None:
        return w in ROLE_WORDS or w in LINKING
    lists = roles.official | roles.qualified | roles.non_state | roles.state_bodies | roles.former
    return bool(hits({w}, lists)) or country_in({w}, roles) is not None


def _typed(name: str, role: str, roles: RoleWords | None) -> dict[str, Any] | None:
    """The typing a role gives a person, or None when it says nothing."""
    if roles is None:
        src = describe(f"{role} {name}", _registry(), person=name, role=role)
    else:
        words = with_parts({w.lower() for w in WORD.findall(role)})
        src = type_by_role({"name": name, "kind": "person", "country": None, "state_affiliated": None,
                            "text": role}, words, roles, (role.lower(),))
    if src.get("affiliation") in (None, "unknown") or not src.get("typed_by"):
        return None
    return src


def _role_at(text: str, words: list[re.Match[str]], i: int, j: int, roles: RoleWords | None) -> tuple[str, int] | None:
    """The role the words around the name at words[i:j] give: the title right before it (words
    with no punctuation between them, each a role word, a linking word or capitalised), else an
    apposition after it set off by commas. With where the role starts."""
    k = i
    while k > 0 and i - k < MAX_BEFORE and text[words[k - 1].end():words[k].start()].strip(" ") in ("", "'s", "’s") \
            and "\n" not in text[words[k - 1].end():words[k].start()] \
            and (_roleish(words[k - 1].group(0), roles) or words[k - 1].group(0)[:1].isupper()):
        k -= 1
    # capitalised words lead into a title only as its owner ("Ukraine's") or next to a role word
    # ("Pentagon spokesman"): "On Monday Ukraine's deputy minister" starts at "Ukraine's"
    while k < i and not _roleish(words[k].group(0), roles) and not _roleish(words[k + 1].group(0), roles) \
            and text[words[k].end():words[k].end() + 2] not in ("'s", "’s"):
        k += 1
    before = text[words[k].start():words[i].start()].strip() if k < i else ""
    if before and any(_roleish(w.group(0), roles) and w.group(0).lower() not in LINKING for w in words[k:i]):
        return before, words[k].start()
    end = words[j - 1].end()
    m = re.match(r",\s+([^,.;:\n()\"“”]{3,120}?)[,.;]", text[end:end + 140])
    if m and len(m.group(1).split()) <= MAX_APPOSITION and any(
            _roleish(w, roles) and w.lower() not in LINKING for w in WORD.findall(m.group(1))):
        return m.group(1).strip(), end + m.start(1)
    return None


# A word folded as names are (``norm``), remembered: the corpus's words repeat, and folding each of
# them anew was a quarter of a full link of the English peer set (138,000 calls, 1.6 s).
_fold = lru_cache(maxsize=1 << 16)(norm)


def text_roles(corpus: list[tuple[int, Article]], names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Entity id -> the typing a role in the corpus's text gives it, for ``names`` (a folded full
    name -> the entity id): the typing's fields and where it was read (``typed_in``). An entity
    whose roles disagree (a minister in one article, a former one in another) gets none."""
    longest = max((len(n.split()) for n in names), default=0)
    firsts = {n.split()[0] for n in names if n}  # only a name's first word can start one
    found: dict[str, list[dict[str, Any]]] = {}
    for aid, a in corpus if names else ():
        text = a.text or ""
        words = list(WORD.finditer(text))
        folded = [_fold(w.group(0)) for w in words]
        roles = _role_words(a.language)
        for i in range(len(words)):
            if folded[i] not in firsts:
                continue
            for n in range(min(longest, len(words) - i), 1, -1):
                entity = names.get(" ".join(folded[i:i + n]))
                if entity is None:
                    continue
                hit = _role_at(text, words, i, i + n, roles)
                if hit is not None:
                    src = _typed(text[words[i].start():words[i + n - 1].end()], hit[0], roles)
                    if src is not None:
                        found.setdefault(entity, []).append({
                            "state_affiliated": src.get("state_affiliated"), "country": src.get("country"),
                            "affiliation": src.get("affiliation"),
                            **({"intergovernmental": True} if src.get("intergovernmental") else {}),
                            "typed_in": {"article_id": key(aid), "start": min(hit[1], words[i].start()),
                                         "end": max(words[i + n - 1].end(), hit[1] + len(hit[0])),
                                         "role": hit[0], "typed_by": src.get("typed_by")}})
                break
    out = {}
    for entity, typings in found.items():
        if len({(t["affiliation"], t["country"]) for t in typings}) == 1:
            out[entity] = typings[0]
    return out
