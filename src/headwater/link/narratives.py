"""Narratives (a claim recurring across incidents), the contradictions between their retellings,
and their provenance: who cites whom, down to the primary sources the narrative rests on."""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from headwater.link.frames import FIGHTERS, ROLLUP, canonical, frames, groups_mentioned, label
from headwater.model import Article, ascribed_aim, key, outlet_label, row_of

Frame = tuple[str, str, str]
# Two mentions are one place when they are this close (km): a city and its province's centre, a
# prison and its town. Tuned on the spread of Syrian governorate centres (60-150 km apart).
SAME_PLACE_KM = 50
# Counts that differ by more than this share are divergent accounts ("750" vs "several thousand").
COUNT_TOLERANCE = 0.2


def narratives(corpus: list[tuple[int, Article]], known: dict[str, str]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Frames asserted by two or more articles, each a narrative with a stable id (``known`` maps
    frame keys to ids from earlier runs and is returned extended)."""
    by_frame: dict[Frame, list[int]] = defaultdict(list)
    for aid, a in corpus:
        for f in frames(a):
            by_frame[f].append(aid)
    ids = dict(known)
    out = []
    arts = dict(corpus)
    for f, aids in sorted(by_frame.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(aids) < 2:
            continue
        fkey = "|".join(f)
        if fkey not in ids:
            ids[fkey] = f"n{len(ids) + 1}"
        out.append(frame_narrative(f, aids, arts, ids[fkey]))
    return out, ids


def frame_narrative(f: Frame, aids: list[int], arts: dict[int, Article], nid: str) -> dict[str, Any]:
    """The narrative of a frame the articles ``aids`` assert."""
    dates = sorted(d for d in (arts[i].published for i in aids) if d)
    return {"id": nid, "key": "|".join(f), "label": label(f), "frame": {"actor": f[0], "action": f[1], "group": f[2]},
            "article_ids": [key(i) for i in aids], "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None}


def _frame_events(a: Article, f: Frame) -> list[dict[str, Any]]:
    actor, action, _ = f
    return [e for e in a.events
            if ROLLUP.get(str(e.get("type"))) == action and (canonical(e.get("actor")) or e.get("actor")) == actor]


def _km(p: dict[str, Any], q: dict[str, Any]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (p["lat"], p["lon"], q["lat"], q["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def same_place(p: dict[str, Any] | None, q: dict[str, Any] | None) -> bool:
    if not p or not q or p.get("lat") is None or q.get("lat") is None:
        return False
    if p.get("place_id") and p.get("place_id") == q.get("place_id"):
        return True
    return _km(p, q) <= SAME_PLACE_KM


def _where(e: dict[str, Any], role: str) -> str:
    p = e.get(role) or {}
    return str(p.get("surface") or p.get("name") or "?")


def contradictions(narrative: dict[str, Any], arts: dict[int, Article],
                   new: set[int] | None = None) -> list[dict[str, Any]]:
    """Divergent accounts between retellings, slot by slot: direction, destination, count (``new``: only
    between pairs of articles one of which is new, when the others were compared before)."""
    f = (narrative["frame"]["actor"], narrative["frame"]["action"], narrative["frame"]["group"])
    moves = {row_of(k): [e for e in _frame_events(arts[row_of(k)], f) if e.get("type") == "transfer"]
             for k in narrative["article_ids"]}
    out = []
    for x, y in combinations(sorted(moves), 2):
        if new is not None and x not in new and y not in new:
            continue
        for e in moves[x]:
            for g in moves[y]:
                found = None
                if same_place(e.get("origin"), g.get("destination")) and same_place(e.get("destination"), g.get("origin")):
                    found = ("direction", f"opposite directions: {_where(e, 'origin')} → {_where(e, 'destination')} "
                                          f"in {key(x)}, {_where(g, 'origin')} → {_where(g, 'destination')} in {key(y)}")
                elif same_place(e.get("origin"), g.get("origin")) and e.get("destination") and g.get("destination") \
                        and not same_place(e.get("destination"), g.get("destination")):
                    found = ("destination", f"moved out of {_where(e, 'origin')} to {_where(e, 'destination')} in {key(x)}, "
                                            f"to {_where(g, 'destination')} in {key(y)}")
                elif isinstance(e.get("count"), int) and isinstance(g.get("count"), int) and \
                        abs(e["count"] - g["count"]) > COUNT_TOLERANCE * max(e["count"], g["count"]):
                    found = ("count", f"{e['count']} in {key(x)}, {g['count']} in {key(y)}")
                if found:
                    out.append({"narrative_id": narrative["id"], "article_ids": [key(x), key(y)], "slot": found[0],
                                "description": found[1],
                                "spans": [{"article_id": key(x), "start": e.get("start"), "end": e.get("end")},
                                          {"article_id": key(y), "start": g.get("start"), "end": g.get("end")}]})
    return out


def _relevant_chains(a: Article, f: Frame) -> list[list[dict[str, Any]]]:
    """The source chains the article gives for the narrative's claim: those of its frame events, and
    of attributed claims that name the actor and the group (or fighters)."""
    chains = [list(e["attribution"]) for e in _frame_events(a, f) if e.get("attribution")]
    for at in a.attributions:
        if not at.get("sources"):
            continue
        names = groups_mentioned(str(at.get("claim") or ""))
        if f[0] in names and (f[2] in names or FIGHTERS.search(str(at.get("claim")))):
            chains.append(list(at["sources"]))
    return _unique(chains)


def _unique(chains: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The chains, each sequence of source names once, in the order met."""
    unique: list[list[dict[str, Any]]] = []
    for c in chains:
        if [s.get("name") for s in c] not in [[s.get("name") for s in u] for u in unique]:
            unique.append(c)
    return unique


def _claim_chains(narrative: dict[str, Any], a: Article, aid: str) -> list[list[dict[str, Any]]]:
    """The source chains of a claim narrative's member claims in one article: the attributions whose
    span is the member's (in the body, or the headline's)."""
    chains = []
    for c in narrative.get("claims") or []:
        if str(c.get("article_id")) != aid:
            continue
        for at in a.attributions:
            if not at.get("sources") or ascribed_aim(at):
                continue  # (an aim the article ascribes to someone is the article's claim, not theirs)
            if (c.get("field") == "title" and at.get("field") == "title") or \
                    (at.get("start"), at.get("end")) == (c.get("start"), c.get("end")):
                chains.append(list(at["sources"]))
    return _unique(chains)


def _node(source: dict[str, Any]) -> str:
    """A source's name in the graph: the registry's name where it has one, so "SVR statement" and
    "Russia's Foreign Intelligence Service" are one node."""
    return str(source.get("canonical") or source.get("name"))


def provenance(narrative: dict[str, Any], arts: dict[int, Article]) -> dict[str, Any]:
    """The citation graph of a narrative and the primary sources its retellings end with: the chains of
    its frame's events and claims (a frame narrative) or of its member claims (a claim narrative)."""
    frame = narrative.get("frame")
    f = (frame["actor"], frame["action"], frame["group"]) if frame else None
    edges: list[dict[str, Any]] = []
    primaries: dict[str, dict[str, Any]] = {}
    for aid in narrative["article_ids"]:
        a = arts[row_of(aid)]
        outlet = outlet_label(a.outlet.name if a.outlet else None, a.url, str(aid))
        chains = _relevant_chains(a, f) if f else _claim_chains(narrative, a, str(aid))
        if not chains:
            node = {"name": outlet if a.outlet else "unattributed", "kind": "outlet" if a.outlet else "unattributed",
                    "country": a.outlet.country if a.outlet else None,
                    "state_affiliated": a.outlet.state_affiliated if a.outlet else None,
                    "typed_by": f"outlet:{a.outlet.id}" if a.outlet else None}
            primaries.setdefault(str(node["name"]), {**node, "article_ids": []})["article_ids"].append(aid)
            continue
        for chain in chains:
            prev = outlet
            for s in chain:
                edges.append({"from": prev, "to": _node(s), "article_id": aid})
                prev = _node(s)
            last = chain[-1]
            node = {k: last.get(k) for k in ("kind", "country", "state_affiliated", "affiliation", "typed_by", "entity")
                    if k in ("kind", "country", "state_affiliated") or last.get(k) is not None}
            node["name"] = _node(last)
            if last.get("kind") == "anonymous" and len(chain) > 1:
                node["relayed_by"] = chain[-2].get("name")  # "anonymous local sources" as relayed by SANA
            primaries.setdefault(str(node["name"]), {**node, "article_ids": []})["article_ids"].append(aid)
    breakdown = independence(list(primaries.values()))
    return {"narrative_id": narrative["id"], "primary_sources": list(primaries.values()), "edges": edges,
            "independent_non_state_named_primary_sources": breakdown["independent"],
            "independence": breakdown}


def _group(p: dict[str, Any]) -> str:
    """Which count a primary source goes to: independent (named and non-state), state,
    intergovernmental, anonymous, unattributed (no source: also the article's own voice when neither
    its outlet nor its byline is known, kind ``author``), or unknown (named, affiliation not known)."""
    if p.get("kind") in ("anonymous", "unattributed"):
        return str(p["kind"])
    if p.get("kind") == "author":
        return "unattributed"
    if p.get("state_affiliated") is True:
        return "state"
    if p.get("state_affiliated") is False:
        return "independent"
    return "intergovernmental" if p.get("affiliation") == "intergovernmental" else "unknown"


def independence(primaries: list[dict[str, Any]]) -> dict[str, Any]:
    """The primary sources counted apart: an unknown one is never silently taken for a state (or
    an independent) one; ``independent_at_most`` says how many there could be if all were."""
    counts = {g: 0 for g in ("independent", "state", "intergovernmental", "anonymous", "unattributed", "unknown")}
    unknown = []
    for p in primaries:
        g = _group(p)
        counts[g] += 1
        if g == "unknown":
            unknown.append(str(p.get("name")))
    return {**counts, "independent_at_most": counts["independent"] + counts["unknown"], "unknown_names": unknown}
