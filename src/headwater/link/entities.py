"""Source entities across the corpus: one entity per real source, whatever each article calls it.

Each article already resolves its own mentions ("Putin" after "Russian President Vladimir
Putin"), and registry entries carry their id (``entity``). Here the mentions of all articles are
grouped: by registry id, else by the folded full name; a bare surname joins the one full name of
the corpus that ends with it (a surname two full names share stays apart). A group whose typed
mentions agree (same affiliation and country) types its untyped mentions, which say where the
typing came from (``typed_by: "corpus:…"``, ``typed_in``: the article and its evidence).
Mentions typed differently are left as they are: a role is a fact of the article that gave it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import Any

from headwater.enrich.attributions.known import UNDATED_TERM, KnownSources
from headwater.extract.outlets import norm
from headwater.link.text_roles import text_roles
from headwater.model import Article
from headwater.model import key as key_of

# Kinds that name a real, nameable source; anonymous, unresolved pronouns and authors do not.
NAMED_KINDS = frozenset(("person", "organization", "government", "military", "intelligence", "outlet", "agency",
                         "legislature", "judiciary"))
# Typing carries between articles only for these: a person or an organization named alike is one
# source; a body named by generic words ("Defence Ministry") may be another state's in another article.
CARRY_KINDS = frozenset(("person", "organization", "outlet", "agency"))


def mentions(a: Article) -> list[dict[str, Any]]:
    out = [s for at in a.attributions for s in at.get("sources") or []]
    out += [s for e in a.events for s in e.get("attribution") or []]
    return [s for s in out if s.get("kind") in NAMED_KINDS and not s.get("unresolved") and s.get("name")]


def _affiliation(s: dict[str, Any]) -> str:
    if s.get("affiliation"):
        return str(s["affiliation"])
    if s.get("state_affiliated") is True:
        return "state"
    return "non_state" if s.get("state_affiliated") is False else "unknown"


def mention_key(s: dict[str, Any]) -> str:
    """The key a source mention is grouped by: its registry id, else its folded name."""
    if s.get("entity"):
        return str(s["entity"])
    return "e:" + norm(str(s.get("canonical") or s.get("name")))


def resolve_entities(corpus: list[tuple[int, Article]]) -> list[dict[str, Any]]:
    """Group every named source mention into entities: id, name, names, kind, country, affiliation,
    mentions, articles, the mention keys the entity holds (``keys``) and, when its typed mentions agree,
    the typing it carries to its untyped ones (``carry``). Nothing is changed here: ``apply_entities``
    types the mentions, the same way for the linkers and for the document built from the store."""
    groups: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for aid, a in corpus:
        for s in mentions(a):
            groups[mention_key(s)].append((aid, s))
    keys = {k: {k} for k in groups}
    # a name the registry knows joins its entry's entity, when some mention carries the entry already:
    # "Зеленский" that reached the corpus untyped (a chain's later link) is the "Зеленский" the registry typed
    known = _known()
    for key in [k for k in groups if k.startswith("e:")]:
        entries = {e.id for _, s in groups[key] if s.get("kind") == "person"
                   and (e := known.get(str(s.get("name")))) is not None and e.kind == "person"}
        if len(entries) == 1 and (target := next(iter(entries))) in groups and \
                all(s.get("kind") == "person" for _, s in groups[key]):
            groups[target].extend(groups.pop(key))
            keys[target] |= keys.pop(key)
    # a bare surname ("e:lavrov") joins the one multi-word person entity ending with it
    by_last: dict[str, set[str]] = defaultdict(set)
    for key, ms in groups.items():
        for _, s in ms:
            words = norm(str(s.get("name"))).split()
            if s.get("kind") == "person" and len(words) > 1:
                by_last[words[-1]].add(key)
    for key in [k for k in groups if k.startswith("e:") and " " not in k]:
        targets = by_last.get(key[2:], set()) - {key}
        if len(targets) == 1 and all(s.get("kind") == "person" for _, s in groups[key]):
            target = next(iter(targets))
            groups[target].extend(groups.pop(key))
            keys[target] |= keys.pop(key)
    in_text = text_roles(corpus, _untyped_full_names(groups))
    entities = []
    for key, ms in sorted(groups.items()):
        typed = [(aid, s) for aid, s in ms if _affiliation(s) != "unknown" and s.get("typed_by")
                 and not str(s.get("typed_by")).startswith("corpus:")]
        views = {(_affiliation(s), s.get("country")) for _, s in typed}
        carry = None
        if not views and key in in_text:  # no mention typed, a role given in some article's text
            carry = {**in_text[key], "typed_by": f"corpus-text:{key}"}
            views = {(str(carry["affiliation"]), carry.get("country"))}
        elif len(views) == 1:
            aid0, s0 = typed[0]
            carry = {"country": s0.get("country"), "state_affiliated": s0.get("state_affiliated"),
                     "affiliation": _affiliation(s0), "typed_by": f"corpus:{key}",
                     "typed_in": {"article_id": key_of(aid0), "typed_by": s0.get("typed_by")},
                     **({"intergovernmental": True} if s0.get("intergovernmental") else {})}
        names = sorted({str(s.get("name")) for _, s in ms}, key=lambda n: (-len(n), n))
        aff = {_typed_as(s, key, carry) for _, s in ms}
        entities.append({
            "id": key, "name": str(ms[0][1].get("canonical") or names[0]), "names": names,
            "kind": _commonest([str(s.get("kind")) for _, s in ms]),
            "country": next(iter(views))[1] if len(views) == 1 else None,
            "affiliation": next(iter(aff)) if len(aff) == 1 else "mixed",
            "mentions": len(ms), "article_ids": [key_of(r) for r in sorted({aid for aid, _ in ms})],
            "keys": sorted(keys[key]), "carry": carry,
        })
    return entities


@cache
def _known() -> KnownSources:
    return KnownSources.load()


def _untyped_full_names(groups: dict[str, list[tuple[int, dict[str, Any]]]]) -> dict[str, str]:
    """A folded full name (two words or more) -> its entity, for the person entities no mention of
    which is typed: the names ``text_roles`` looks for in the corpus's text."""
    out: dict[str, str] = {}
    for key, ms in groups.items():
        if _commonest([str(s.get("kind")) for _, s in ms]) != "person" or any(
                _affiliation(s) != "unknown" or str(s.get("typing_note") or "").startswith(UNDATED_TERM) for _, s in ms):
            continue
        for _, s in ms:
            name = norm(str(s.get("canonical") or s.get("name")))
            if len(name.split()) > 1:
                out.setdefault(name, key)
    return out


def _commonest(kinds: list[str]) -> str:
    """The kind most mentions give; a tie goes to the first in alphabetical order (the same every run:
    a max over a set followed string hashing, so "Syrian Observatory" was a person one run, an
    organization the next)."""
    counts = Counter(kinds)
    return min(counts, key=lambda k: (-counts[k], k))


def _carries(s: dict[str, Any], entity_id: str) -> bool:
    """Whether an entity's agreed typing carries to this untyped mention: a person, an organization, an
    outlet or agency, or any mention of a registry entry."""
    if str(s.get("typing_note") or "").startswith(UNDATED_TERM):
        return False  # an ended office in an undated article: another article's date or role says nothing of this one's
    return _affiliation(s) == "unknown" and (s.get("kind") in CARRY_KINDS or entity_id[:2] != "e:")


def _typed_as(s: dict[str, Any], entity_id: str, carry: dict[str, Any] | None) -> str:
    """The affiliation a mention has once its entity's typing is carried."""
    return str(carry["affiliation"]) if carry and _carries(s, entity_id) else _affiliation(s)


def apply_entities(corpus: list[tuple[int, Article]], entities: list[dict[str, Any]]) -> None:
    """Type the mentions of ``corpus`` as ``entities`` say (in place, marked ``typed_by: corpus:…``): each
    mention gets its entity's id; an untyped one of a person, organization or registry entity gets the
    typing its entity's typed mentions agree on."""
    by_key = {k: e for e in entities for k in e.get("keys") or [e["id"]]}
    for _, a in corpus:
        for s in mentions(a):
            ent = by_key.get(mention_key(s))
            if ent is None:
                continue
            s["entity"] = ent["id"]
            carry = ent.get("carry")
            if carry and _carries(s, str(ent["id"])):
                s.update(carry)
