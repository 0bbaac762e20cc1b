"""The headline toll: which casualty report is the article's main incident.

An article often states several tolls ("at least 25 killed"; "some said more than 40"; "15
deaths", and "more than 300,000 since 2011"). The headline total is the toll its title states, or
else the largest explicit toll in its lead; the event that gives it is marked ``headline: true``.
A title that states a toll the body never repeats becomes an event of its own (``in_title``: the
title has no offsets in the text). The title is read with patterns, not parsed: it is one line.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.doctext import sents as doc_sents
from headwater.enrich.events.lexicon import lexicon, match_actor
from headwater.enrich.events.roles import refine_subtype
from headwater.enrich.numbers import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.model import Article

_WORDS = r"(?:[\w'’.-]+\s+){0,3}?"
KILLED_AFTER = re.compile(rf"^\s*{_WORDS}(?:killed|dead|die[ds]?|deaths|martyrs|martyred|slain|massacred|executed|lives)\b",
                          re.I)
KILLED_BEFORE = re.compile(r"\b(?:kill(?:s|ed|ing)?|claim(?:s|ed|ing)?(?: the)?(?: lives of)?|leav(?:es|ing)|left|"
                           r"execut(?:es|ed|ing)|massacres?)\s+$", re.I)
INJURED_AFTER = re.compile(rf"^\s*{_WORDS}(?:injured|wounded|hurt)\b", re.I)
INJURED_BEFORE = re.compile(r"\b(?:injur(?:es|ed|ing)|wound(?:s|ed|ing)|hurt(?:s|ing)?)\s+$", re.I)
ATTACK_WORDS = re.compile(r"\b(?:air ?strikes?|strikes?|attacks?|bomb\w*|blasts?|explosions?|shelling|raids?|"
                          r"rockets?|mortars?|massacre|ambush|shooting|gunfire|suicide)\b", re.I)
# The lead: where a news story states its main incident (the inverted pyramid). Three sentences
# cover a lead that opens with a dateline or a date line, as FA-KES copies do.
LEAD_SENTENCES = 3


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.lower()).split())


def title_toll(title: str) -> dict[str, Any] | None:
    """The killed and injured counts a headline states ("Two Killed, Three Injured in ...")."""
    killed = injured = None
    verb_at = None
    for q in find_quantities(title):
        if q.vague or q.value is None or not q.is_count:
            continue
        after, before = title[q.end:], title[:q.start]
        if killed is None and (KILLED_AFTER.match(after) or KILLED_BEFORE.search(before)):
            killed = q.value
            m = KILLED_BEFORE.search(before)
            verb_at = m.start() if m else None
        elif injured is None and (INJURED_AFTER.match(after) or INJURED_BEFORE.search(before)):
            injured = q.value
    if killed is None:
        return None
    attack = ATTACK_WORDS.search(title)
    if verb_at is not None:  # "Syrian Army Kills 28 ISIL Terrorists": the actor is before the verb
        words = re.split(r"\s(?:in|near|at|on|of|from|outside|after|as)\s", title[:verb_at], maxsplit=1, flags=re.I)[0].split()
    elif attack is not None:  # "Eight Civilians Killed in US-Led Coalition Airstrike"
        words = title[max(0, title.rfind(" in ", 0, attack.start())):attack.end()].split()
    else:
        words = []
    actor = match_actor(_split(" ".join(words))) if words else None
    sub = refine_subtype("attack", _split(title)) if attack else "killed"
    return {"killed": killed, "injured": injured, "type": "attack" if attack else "casualties", "subtype": sub,
            "actor": actor[0] if actor else None, "actor_text": " ".join(words) if actor else None,
            "trigger": (attack.group(0) if attack else "killed")}


def _split(text: str) -> list[str]:
    return [w for w in re.split(r"\s+|(?<=\w)(?=-)|(?<=-)(?=\w)", text) if w]


def mark_headline(events: list[dict[str, Any]], doc: Doc, article: Article) -> list[dict[str, Any]]:
    """Mark the event that gives the headline toll; add the title's toll when the body lacks it."""
    for e in events:
        e["headline"] = False
    tolls = [e for e in events if e["type"] in ("attack", "casualties") and e["killed"]
             and not e["cumulative"] and not e["planned"]]
    title = article.title or ""
    in_body = bool(title) and _norm(title)[:60] in _norm(article.text[:len(title) + 400])
    stated = title_toll(title) if title else None
    if stated is not None:
        same = [e for e in tolls if e["killed"] == stated["killed"]]
        if same:
            same[0]["headline"] = True
            return events
        if not in_body:  # a copy whose body repeats its title has parsed it already
            return [_title_event(stated, title), *events]
    sents = doc_sents(doc)
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char if sents else 0
    lead = [e for e in tolls if int(e["start"]) < lead_end]
    pool = lead or tolls
    if pool:
        max(pool, key=lambda e: int(e["killed"]))["headline"] = True
    return events


def _title_event(stated: dict[str, Any], title: str) -> dict[str, Any]:
    maps = lexicon().mappings.get(stated["subtype"]) or {}
    acled = maps.get("acled")
    return {
        "type": stated["type"], "subtype": stated["subtype"], "trigger": stated["trigger"], "start": None, "end": None,
        "actor": stated["actor"], "actor_text": stated["actor_text"], "target": None,
        "count": stated["killed"], "count_qualifier": None, "count_text": None,
        "killed": stated["killed"], "injured": stated["injured"], "killed_by_category": None,
        "injured_by_category": None, "origin": None, "destination": None, "location": None, "via": None,
        "means": None, "date": None, "date_basis": None, "attribution": None,
        "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None, "cameo": maps.get("cameo"),
        "planned": False, "cumulative": False, "sentence": None, "in_title": True, "title": title, "headline": True,
    }
