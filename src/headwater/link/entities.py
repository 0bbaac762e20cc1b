"""Source entities across the corpus: one entity per real source, whatever each article calls it.

Each article already resolves its own mentions ("Putin" after "Russian President Vladimir
Putin"), and registry entries carry their id (``entity``). Here the mentions of all articles are
grouped: by registry id, else by the folded full name; a bare surname joins the one full name of
the corpus that ends with it (a surname two full names share stays apart, and so does one whose full
name would itself join another). A group whose typed mentions agree (same affiliation and country)
types its untyped mentions, which say where the typing came from (``typed_by: "corpus:…"``,
``typed_in``: the article and its evidence). Mentions typed differently are left as they are: a role
is a fact of the article that gave it.

Everything an entity is made of is folded, per mention key, into a small JSON-able state
(``fold``): a full link folds every mention; linking new articles (``link.entities_update``) folds
only theirs into the states it kept, and builds again only the entities whose keys they touch. Both
build entities from states with the same code (``roots``, ``entity_of``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from headwater.enrich.attributions.known import UNDATED_TERM, packaged
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
State = dict[str, Any]


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
    """The key a source mention is grouped by: its registry id, else (a person the registry knows by this
    name, which reached the corpus untyped: a chain's later link) its entry's id, else its folded name."""
    if s.get("entity"):
        return str(s["entity"])
    if s.get("kind") == "person" and (e := packaged().get(str(s.get("name")))) is not None and e.kind == "person":
        return e.id
    return "e:" + norm(str(s.get("canonical") or s.get("name")))


def _undated_term(s: dict[str, Any]) -> bool:
    """An ended office in an undated article: another article's date or role says nothing of this one."""
    return str(s.get("typing_note") or "").startswith(UNDATED_TERM)


def bare(k: str) -> bool:
    """A key of one folded word ("e:lavrov"): a surname that may join a full name."""
    return k.startswith("e:") and " " not in k


def new_state(row: int, pos: int, s: dict[str, Any]) -> State:
    """The state of a key first met as the ``pos``-th mention of article ``row``."""
    return {"first": [row, pos], "canon": s.get("canonical"), "typed": None, "views": [], "names": [],
            "kinds": {}, "last": [], "affs": [], "uc": 0, "uo": 0, "ud": 0, "n": 0, "at": row}


def fold(st: State, row: int, s: dict[str, Any]) -> None:
    """Add one mention (of article ``row``, met after every mention already folded) to its key's state:
    mentions and articles, spellings, kind votes, the last words of full person names (what a bare
    surname joins by), affiliations (untyped ones counted by whether their kind carries typing), the
    typed views and the first typed mention (what an agreed typing is carried from)."""
    st["n"] += 1
    st["at"] = row  # the latest article folded (its articles themselves are kept apart: ``Rows``)
    name = str(s.get("name"))
    if name not in st["names"]:
        st["names"].append(name)
    kind = str(s.get("kind"))
    st["kinds"][kind] = st["kinds"].get(kind, 0) + 1
    words = norm(name).split()
    if s.get("kind") == "person" and len(words) > 1 and words[-1] not in st["last"]:
        st["last"].append(words[-1])
    aff = _affiliation(s)
    if aff not in st["affs"]:
        st["affs"].append(aff)
    if aff == "unknown":
        st["ud" if _undated_term(s) else "uc" if s.get("kind") in CARRY_KINDS else "uo"] += 1
    elif s.get("typed_by") and not str(s.get("typed_by")).startswith("corpus:"):
        view = [aff, s.get("country")]
        if view not in st["views"]:
            st["views"].append(view)
        if st["typed"] is None:
            st["typed"] = {"row": row, "country": s.get("country"), "state_affiliated": s.get("state_affiliated"),
                           "affiliation": aff, "typed_by": s.get("typed_by"),
                           "intergovernmental": bool(s.get("intergovernmental"))}


def fold_corpus(corpus: Iterable[tuple[int, Article]]) -> tuple[dict[str, State], dict[str, list[int]]]:
    """Every mention key's state and the rows of the articles that mention it, the corpus read in order."""
    states: dict[str, State] = {}
    rows: dict[str, list[int]] = {}
    for row, a in corpus:
        for pos, s in enumerate(mentions(a)):
            k = mention_key(s)
            if k not in states:
                states[k] = new_state(row, pos, s)
                rows[k] = []
            fold(states[k], row, s)
            if not rows[k] or rows[k][-1] != row:
                rows[k].append(row)
    return states, rows


def wants(k: str, st: State, by_last: Callable[[str], set[str]]) -> str | None:
    """The full name a bare surname key joins: the one key with a full person name ending in it, when
    every mention of the surname is a person's."""
    if not bare(k) or set(st["kinds"]) != {"person"}:
        return None
    targets = by_last(k[2:]) - {k}
    return next(iter(targets)) if len(targets) == 1 else None


def root_of(k: str, state: Callable[[str], State | None], by_last: Callable[[str], set[str]]) -> str:
    """The entity a key belongs to: the full name its surname joins, unless that full name is itself a
    surname joining another (a chain: kept apart, so that no order of reading decides), else itself."""
    st = state(k)
    target = None if st is None else wants(k, st, by_last)
    if target is None:
        return k
    tst = state(target)
    return target if tst is None or wants(target, tst, by_last) is None else k


def members(root: str, state: Callable[[str], State | None], by_last: Callable[[str], set[str]]) -> list[str]:
    """The keys of ``root``'s entity: itself, then the surnames that join it in the order first met."""
    st = state(root)
    joined = [b for b in ("e:" + w for w in (st or {}).get("last", [])) if b != root and state(b) is not None
              and root_of(b, state, by_last) == root]
    return [root, *sorted(set(joined), key=lambda b: tuple((state(b) or {})["first"]))]


def entity_of(root: str, states: list[State], keys: list[str], article_ids: list[str]) -> dict[str, Any]:
    """The entity of ``root`` from its keys' states (root's first) and the articles that mention them
    (in row order): id, name, names, kind, country,
    affiliation, mentions, articles, the mention keys it holds and, when its typed mentions agree, the
    typing it carries to its untyped ones (``carry``)."""
    typed = next((st["typed"] for st in states if st["typed"]), None)
    views = {(str(v[0]), v[1]) for st in states for v in st["views"]}
    carry = None
    if not views and states[0].get("text_role"):  # no mention typed, a role given in some article's text
        carry = {**states[0]["text_role"], "typed_by": f"corpus-text:{root}"}
        views = {(str(carry["affiliation"]), carry.get("country"))}
    elif len(views) == 1 and typed is not None:
        carry = {"country": typed["country"], "state_affiliated": typed["state_affiliated"],
                 "affiliation": typed["affiliation"], "typed_by": f"corpus:{root}",
                 "typed_in": {"article_id": key_of(int(typed["row"])), "typed_by": typed["typed_by"]},
                 **({"intergovernmental": True} if typed["intergovernmental"] else {})}
    names = sorted({n for st in states for n in st["names"]}, key=lambda n: (-len(n), n))
    registry = root[:2] != "e:"
    aff: set[str] = set()
    for st in states:
        aff |= set(st["affs"]) - {"unknown"}
        carried = st["uc"] + (st["uo"] if registry else 0)  # untyped mentions that take the carried typing
        if carry and carried:
            aff.add(str(carry["affiliation"]))
        if st["uc"] + st["uo"] + st.get("ud", 0) > (carried if carry else 0):
            aff.add("unknown")
    kinds: Counter[str] = Counter()
    for st in states:
        kinds.update(st["kinds"])
    return {
        "id": root, "name": str(states[0]["canon"] or names[0]), "names": names, "kind": _commonest(kinds),
        "country": next(iter(views))[1] if len(views) == 1 else None,
        "affiliation": next(iter(aff)) if len(aff) == 1 else "mixed",
        "mentions": sum(st["n"] for st in states),
        "article_ids": article_ids,
        "keys": sorted(keys), "carry": carry,
    }


def groups_of(states: dict[str, State]) -> dict[str, list[str]]:
    """Each entity's keys (``root_of``), by its root."""
    last: dict[str, set[str]] = defaultdict(set)
    for k, st in states.items():
        for w in st["last"]:
            last[w].add(k)
    by_last = lambda w: last.get(w, set())  # noqa: E731
    groups: dict[str, list[str]] = defaultdict(list)
    for k in states:
        groups[root_of(k, states.get, by_last)].append(k)
    return groups


def entities_of(states: dict[str, State], rows: dict[str, list[int]]) -> list[dict[str, Any]]:
    """Every entity of these states (and their keys' article rows), by id."""
    groups = groups_of(states)
    out = []
    for root in sorted(groups):
        keys = [root, *sorted((k for k in groups[root] if k != root), key=lambda b: tuple(states[b]["first"]))]
        ids = [key_of(r) for r in sorted({r for k in keys for r in rows[k]})]
        out.append(entity_of(root, [states[k] for k in keys], keys, ids))
    return out


def add_text_roles(corpus: list[tuple[int, Article]], states: dict[str, State]) -> None:
    """Give the root state of each person entity no mention of which is typed the role the corpus's text
    gives its full name anywhere (``link.text_roles``), kept as ``text_role`` (in place). A full link
    reads the whole corpus's text for it; an update keeps what the last full link found."""
    names: dict[str, str] = {}
    for root, keys in groups_of(states).items():
        sts = [states[k] for k in keys]
        kinds: Counter[str] = Counter()
        for st in sts:
            kinds.update(st["kinds"])
        if _commonest(kinds) != "person" or any(set(st["affs"]) - {"unknown"} or st.get("ud") for st in sts):
            continue
        for st in sts:
            for name in [st["canon"], *st["names"]]:
                folded = norm(str(name or ""))
                if len(folded.split()) > 1:
                    names.setdefault(folded, root)
    for root, carry in text_roles(corpus, names).items():
        states[root]["text_role"] = carry


def fold_with_roles(corpus: list[tuple[int, Article]]) -> tuple[dict[str, State], dict[str, list[int]]]:
    """``fold_corpus`` and ``add_text_roles``: what a full link builds entities from."""
    states, rows = fold_corpus(corpus)
    add_text_roles(corpus, states)
    return states, rows


def resolve_entities(corpus: list[tuple[int, Article]]) -> list[dict[str, Any]]:
    """Group every named source mention into entities (``entity_of``). Nothing is changed here:
    ``apply_entities`` types the mentions, the same way for the linkers and for the document built from
    the store."""
    return entities_of(*fold_with_roles(corpus))


def _commonest(counts: Counter[str]) -> str:
    """The kind most mentions give; a tie goes to the first in alphabetical order (the same every run:
    a max over a set followed string hashing, so "Syrian Observatory" was a person one run, an
    organization the next)."""
    return min(counts, key=lambda k: (-counts[k], k))


def _carries(s: dict[str, Any], entity_id: str) -> bool:
    """Whether an entity's agreed typing carries to this untyped mention: a person, an organization, an
    outlet or agency, or any mention of a registry entry; never an ended office in an undated article."""
    if _undated_term(s):
        return False
    return _affiliation(s) == "unknown" and (s.get("kind") in CARRY_KINDS or entity_id[:2] != "e:")


def apply_entities(corpus: list[tuple[int, Article]], entities: list[dict[str, Any]]) -> None:
    """Type the mentions of ``corpus`` as ``entities`` say (in place, marked ``typed_by: corpus:…``): each
    mention gets its entity's id; an untyped one of a person, organization or registry entity gets the
    typing its entity's typed mentions agree on."""
    typer(entities)(corpus)


def typer(entities: list[dict[str, Any]]) -> Callable[[list[tuple[int, Article]]], None]:
    """``apply_entities`` with these entities, their keys looked up once (for articles read a few at a time)."""
    by_key = {k: e for e in entities for k in e.get("keys") or [e["id"]]}
    return typer_from(lambda keys: {k: by_key[k] for k in keys if k in by_key})


def typer_from(find: Callable[[set[str]], dict[str, dict[str, Any]]]) -> Callable[[list[tuple[int, Article]]], None]:
    """``apply_entities`` with the entities ``find`` gives for the mention keys of the articles read
    (the entities of a corpus too large to hold, looked up in the store a batch of articles at a time)."""

    def apply(corpus: list[tuple[int, Article]]) -> None:
        by_key = find({mention_key(s) for _, a in corpus for s in mentions(a)})
        for _, a in corpus:
            for s in mentions(a):
                ent = by_key.get(mention_key(s))
                if ent is None:
                    continue
                s["entity"] = ent["id"]
                carry = ent.get("carry")
                if carry and _carries(s, str(ent["id"])):
                    s.update(carry)
    return apply
