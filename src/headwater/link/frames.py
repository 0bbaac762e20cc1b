"""Claim frames: what an article asserts, normalized so retellings across incidents meet.

A frame is (actor, action, group): "the US moves Daesh fighters", "US forces train ISIS militants"
and "Americans transport ISIS militants" are all (United States, aids, Islamic State). Actions are
rolled up the way CAMEO rolls up verbs: moving, training, recruiting, arming or sheltering a group
is material aid to it; attacking and killing are attacks. Names go through the actor table
(``data/event_actors.yaml``: Daesh = ISIS = IS).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from headwater.model import Article
from headwater.yamldata import load_yaml

ROLLUP = {"transfer": "aids", "training": "aids", "recruitment": "aids", "release": "releases",
          "attack": "attacks", "casualties": "attacks", "detention": "detains"}
# People an actor moves or trains who make it aid to a group: not its own troops or civilians.
FIGHTERS = re.compile(r"\b(militants?|terrorists?|fighters?|jihadists?|extremists?|mercenar(?:y|ies)|insurgents?|"
                      r"gunmen|ringleaders?|elements|members|recruits|rebels?)\b", re.I)


@lru_cache(maxsize=1)
def actor_table() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, canonical name), longest alias first; short all-capital aliases match in capitals only."""
    data = load_yaml(resources.files("headwater.data").joinpath("event_actors.yaml").read_text("utf-8")) or {}
    pairs = sorted(((alias, name) for name, aliases in data.items() for alias in [name, *aliases]),
                   key=lambda p: -len(p[0]))
    out = []
    for alias, name in pairs:
        flags = 0 if alias.isupper() and len(alias) <= 4 else re.I
        out.append((re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", flags), name))
    return out


def canonical(text: str | None) -> str | None:
    """The canonical actor a phrase names, or None."""
    if not text:
        return None
    for pat, name in actor_table():
        if pat.search(text):
            return name
    return None


@lru_cache(maxsize=1)
def _one_pass() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """All aliases in one alternation, longest first (so overlaps go to the longest), with the
    canonical name of each: acronyms by their exact spelling, the rest case-folded."""
    data = load_yaml(resources.files("headwater.data").joinpath("event_actors.yaml").read_text("utf-8")) or {}
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for name, aliases in data.items():
        for alias in [name, *aliases]:
            if alias.isupper() and len(alias) <= 4:
                exact.setdefault(alias, name)
            else:
                folded.setdefault(alias.lower(), name)
    alts = sorted({*exact, *folded}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])", re.I)
    return pattern, exact, folded


def groups_mentioned(text: str) -> Counter[str]:
    """How often each canonical actor is named in a text (longest alias wins where aliases overlap)."""
    pattern, exact, folded = _one_pass()
    counts: Counter[str] = Counter()
    for m in pattern.finditer(text):
        word = m.group(0)
        name = exact.get(word) or folded.get(word.lower())
        if name is not None:  # "is" matched case-insensitively is not IS
            counts[name] += 1
    return counts


def frames(article: Article) -> set[tuple[str, str, str]]:
    """The (actor, action, group) frames an article's events assert."""
    mentioned: Counter[str] | None = None  # counted only when an event needs it
    out = set()
    for e in article.events:
        actor, action = e.get("actor"), ROLLUP.get(str(e.get("type")))
        actor = canonical(actor) or actor
        if not actor or not action:
            continue
        target = str(e.get("target") or "")
        group = canonical(target)
        if action == "aids":
            if group is None and (not target or FIGHTERS.search(target)):
                # "moved Daesh* militants" parsed as "militants": the group the article names most
                if mentioned is None:
                    mentioned = groups_mentioned(article.text + "\n" + (article.title or ""))
                armed = [(n, c) for n, c in mentioned.most_common() if n != actor and n not in STATES]
                group = armed[0][0] if armed else None
            if group is None or group in STATES or group == actor:
                continue
        elif group is None:
            continue
        out.add((str(actor), action, group))
    return out


# Canonical actors that are states: "the US moves US troops" is a deployment, not aid to a group.
STATES = frozenset("United States|Russia|Syrian government|Turkey|Iran|Israel|Iraq|Jordan|Ukraine|United Kingdom|"
                   "France|Saudi-led coalition|US-led coalition".split("|"))


def label(frame: tuple[str, str, str]) -> str:
    actor, action, group = frame
    verb = {"aids": "moves, trains or arms", "attacks": "attacks", "detains": "detains", "releases": "releases"}[action]
    return f"{actor} {verb} {group}"
