"""Events: who moved, trained, attacked, killed, detained or released whom, how many, where, when.

One pass over the article's dependency parse. A trigger word (data/event_types.yaml) opens an
event; its roles are read from the parse (``roles``); casualty clauses are attached to the
attack they report ("an airstrike killed 12"); later mentions of a movement that share its origin
or destination fill in what the first one left out ("transferred 750 ... to Dayr al-Zawr").

Each event: ``type`` (transfer, training, recruitment, attack, casualties, detention, release) and
``subtype``; ``trigger``/``start``/``end``; ``actor`` (canonical, data/event_actors.yaml) and
``actor_text`` (as written); ``target``; ``count``/``count_qualifier``/``count_text``; ``killed``,
``injured`` and their ``*_by_category``; ``origin``, ``destination``, ``location``, ``via`` (place
dicts from article.places); ``means``; ``date``/``date_basis`` (+ ``date_year``, ``date_since``);
``attribution``; ``acled``; ``cameo``; and flags: ``planned`` (threatened, not reported as done),
``cumulative`` (a war's toll, not an incident's), ``headline`` (the article's main toll; see
event_headline.py), ``sentence`` (offsets), ``mentions`` (later triggers folded into this one).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.doctext import sent_of, sents
from headwater.enrich.events.casualties import attach_casualties, casualty_counts
from headwater.enrich.events.headline import mark_headline
from headwater.enrich.events.places import assign_places, merge_movements
from headwater.enrich.events.roles import (
    COVER,
    LIGHT,
    Ctx,
    Event,
    actor_from,
    actor_of,
    agent_of,
    np_text,
    passive,
    patient_of,
    refine_subtype,
    subject_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from headwater.model import Article

# Verbs whose subject is what moves or dies, not who acts on it.
SELF_MOVING = frozenset("escape flee arrive enter withdraw infiltrate die travel head return march go fly".split())
WEAPONS = frozenset("rocket rockets missile missiles shell shells mortar mortars round rounds bullet bullets fire "
                    "shot shots grenade grenades".split())
# A toll for a whole war, not one incident: "more than 300,000 killed since the conflict began in 2011".
_WAR = r"(?:civil war|war|conflict|uprising|revolt|crisis)"
CUMULATIVE = re.compile(
    rf"\bsince (?:the (?:start|beginning|outbreak) of )?(?:the |\w+s )?{_WAR}"
    rf"|\b{_WAR}(?: in \w+)?,? (?:which |that )?(?:has |had )?(?:since )?"
    r"(?:began|started|erupted|broke out|has claimed|has killed|killed|left)"
    r"|\bsince (?:march |early |mid-)?20\d\d\b"
    r"|\b(?:\w+-year|years? of|multi-front|ongoing|protracted)[ -]+(?:old )?(?:war|conflict)\b"
    rf"|\b(?:over|during|in|throughout|from) (?:(?:the|this|its|\w+s) )?(?:course of the )?(?:[\w-]+ ){{0,3}}{_WAR}\b"
    r"(?! (?:zone|crimes?|monitor|observatory|planes?|jets?))", re.I)
# What one enters or leaves without moving anywhere.
ABSTRACT = frozenset("conflict war fray talks negotiations agreement deal race competition stage phase year month "
                     "week day force service office power market government coalition alliance politics".split())
# Nouns that state a toll themselves: "15 deaths", "the killing of one person", "4 martyrs".
TOLL_NOUNS = frozenset("toll casualty death killing injury martyr life".split())
# Tokens around a trigger searched for that: a clause ("have been killed since the war began in 2011").
CUMULATIVE_REACH = 12
# Verbs of intent: what they govern has not happened (yet).
INTENT = frozenset("plan aim intend prepare threaten seek want try attempt order call vow pledge hope expect "
                   "decide agree propose mean need urge demand ask".split())
# Named things a trigger noun may be part of: "the Islamic Movement of Uzbekistan" is no movement.
NAME_LABELS = frozenset("ORG FAC WORK_OF_ART LAW EVENT PRODUCT".split())


def find_events(doc: Doc, article: Article) -> list[dict[str, Any]]:
    """Every event the article reports, as JSON-ready dicts (see the module docstring)."""
    ctx = Ctx(doc, article)
    events: list[Event] = []
    for sent in sents(doc):
        found = [ev for tok in sent if (ev := _event_at(tok, ctx)) is not None]
        events.extend(attach_casualties(found, ctx))
    events = [e for e in merge_movements(events) if _substantial(e)]
    out, seen = [], set()
    for e in events:
        d = _to_dict(e, ctx)
        key = (d["type"], d["subtype"], d["killed"], d["injured"], d["count"], d["actor"],
               (d["location"] or {}).get("place_id"), (d["destination"] or {}).get("place_id"))
        if key in seen and (d["killed"] or d["count"] or d["destination"]):
            continue  # the same toll or movement told twice (a headline repeated in the body)
        seen.add(key)
        out.append(d)
    return mark_headline(out, doc, article)


# triggers ----------------------------------------------------------------------------------
def _spec(tok: Token, ctx: Ctx) -> tuple[str, str, str] | None:
    """(type, subtype, part of speech) when the token opens an event."""
    lex = ctx.lex
    lem, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("NOUN", "PROPN"):
        noun = lem if lem in lex.nouns else low[:-1] if low.endswith("s") and low[:-1] in lex.nouns else None
        if noun is None and low.endswith("es") and low[:-2] in lex.nouns:
            noun = low[:-2]
        if noun == "life" and tok.head.lemma_.lower() not in ("claim", "take", "cost", "lose"):
            return None
        if noun is not None:
            if tok.dep_ == "compound" and noun != "death":
                return None  # "training camps", "attack helicopters"
            if noun == "death" and tok.dep_ == "compound":
                return None
            if tok.ent_type_ in NAME_LABELS and tok.is_title and len(_ent(tok)) >= 3:
                return None
            return (*lex.nouns[noun], "noun")
    if tok.pos_ == "ADJ" and low in lex.adjectives:
        return (*lex.adjectives[low], "adj")
    if tok.pos_ == "VERB" and lem in lex.verbs:
        return (*lex.verbs[lem], "verb")
    if tok.pos_ in ("PROPN", "ADJ", "NOUN", "VERB") and (v := lex.trigger_verb(low)) is not None:
        if tok.pos_ == "NOUN" and not tok.is_title:
            return None
        return (*lex.verbs[v], "verb")
    if lem == "fire" and tok.pos_ == "VERB":
        return ("attack", "shelling", "verb")
    return None


def _ent(tok: Token) -> list[Token]:
    for e in tok.doc.ents:
        if e.start <= tok.i < e.end:
            return list(e)
    return []


def _event_at(tok: Token, ctx: Ctx) -> Event | None:
    spec = _spec(tok, ctx)
    if spec is None:
        return None
    typ, sub, pos = spec
    ev = Event(typ, sub, tok, mentions=[tok])
    if pos == "verb":
        _verb_roles(ev, tok, ctx)
    elif pos == "noun":
        _noun_roles(ev, tok, ctx)
    else:
        _adj_roles(ev, tok, ctx)
    if ev.subtype in ("execution", "massacre") and ev.killed is None and ev.target is not None and ev.count is None:
        obj = patient_of(tok) if pos == "verb" else None
        if obj is not None and not ctx.counts_people(obj):
            return None  # "executed a covert operation": carried it out
    if ev.type in ("attack", "casualties"):
        obj = patient_of(tok) if pos == "verb" else None
        near = [t.text for t in tok.children] + [tok.text, tok.head.text] + [t.text for t in tok.lefts]
        near += [t.text for t in obj.subtree] if obj is not None else []
        ev.subtype = refine_subtype(ev.subtype, near)
        if ev.subtype == "attack" and sub != "attack":
            ev.subtype = sub
    if typ == "attack" and tok.lemma_.lower() == "fire" and pos == "verb":
        obj = patient_of(tok)
        if obj is None or obj.lemma_.lower() not in WEAPONS:
            return None  # "fired" from a job
        if obj.lower_ == "fire":
            ev.subtype = "shooting"
    ev.planned = _planned(tok)
    assign_places(ev, ctx)
    ev.date = ctx.date_of(tok)
    return ev


def _planned(tok: Token) -> bool:
    """Is the event something planned or threatened ("to carry out attacks") rather than reported?

    "is said to have relocated" is reported: an infinitive counts only under a verb of intent."""
    t = tok
    for _ in range(4):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "shall"):
                return True
            if c.dep_ == "aux" and c.lower_ == "to" and (t.dep_ in ("advcl", "acl", "relcl") or t.head.lemma_.lower() in INTENT):
                return True
        if t.head.i == t.i or t.dep_ not in ("dobj", "xcomp", "pobj", "prep", "compound", "conj"):
            return False
        t = t.head
    return False


def _set_actor(ev: Event, head: Token | None, ctx: Ctx) -> None:
    if head is None or ev.actor is not None:
        return
    actor, surface = actor_of(head, ctx)
    if actor is not None:
        ev.actor, ev.actor_text = actor, surface


def _theme(ev: Event, patient: Token | None, ctx: Ctx) -> None:
    """What the event concerns: its count, and for casualties the toll by category."""
    if patient is None:
        if ev.type == "casualties":
            casualty_counts(ev, ev.trigger, ctx)  # the parse lost the victims: read next to the verb
        if ev.type in ("transfer", "training", "recruitment", "detention", "release"):
            ev.theme_ok = ev.type in ("transfer",)
        return
    if ev.type == "casualties" or ev.subtype in ("execution", "massacre"):
        casualty_counts(ev, patient, ctx)
        if ev.type == "attack":
            ev.target = ev.target or np_text(patient)
        return
    q, noun = ctx.count_of(patient)
    people = ctx.counts_people(noun) or noun.lemma_.lower() in ctx.lex.themes or noun.lower_ in ctx.lex.themes
    if ev.type == "attack":
        ev.target = np_text(patient)
        return
    ev.theme_ok = people
    if people and (q is not None or patient.i in ctx.qty_at):
        ev.count = q if q is not None else ctx.qty_at[patient.i]
    ev.target = np_text(noun)


def _verb_roles(ev: Event, verb: Token, ctx: Ctx) -> None:
    lem = ctx.lex.trigger_verb(verb.lower_) or verb.lemma_.lower()
    subj = subject_of(verb)
    if passive(verb):
        _set_actor(ev, agent_of(verb), ctx)
        patient = patient_of(verb)
        if patient is None and subj is not None:
            patient = subj
        if ev.actor is None:  # "transported under the protection of Americans"
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "under":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in COVER:
                            found = actor_from(list(g.subtree))
                            if found:
                                ev.actor, ev.actor_text = found, np_text(g)
    elif lem in ("enter", "leave") and (obj := patient_of(verb)) is not None and obj.i not in ctx.place_at \
            and obj.lemma_.lower() in ABSTRACT:
        ev.theme_ok = False  # "entered the conflict", "left the talks"
        return
    elif lem in SELF_MOVING:
        patient = patient_of(verb) if lem in ("withdraw",) else None
        if lem != "die":
            _set_actor(ev, subj, ctx)
        patient = patient or subj
    else:
        _set_actor(ev, subj, ctx)
        patient = patient_of(verb)
    if ev.actor is None and subj is not None and ev.type == "casualties" and lem != "die" and not passive(verb):
        # "A suicide bomber killed four people": the subject names who, even without a known name
        head = subj
        if head.lemma_.lower() not in ("attack", "strike", "airstrike", "explosion", "blast", "shelling"):
            _set_actor(ev, head, ctx)
    _theme(ev, patient, ctx)


def _noun_roles(ev: Event, noun: Token, ctx: Ctx) -> None:
    lem = noun.lemma_.lower()
    by = agent_of(noun)
    _set_actor(ev, by, ctx)
    for c in noun.children:
        if c.dep_ == "poss":
            _set_actor(ev, c, ctx)
    if ev.actor is None:  # "Russian airstrikes", "regime shelling", "US deployment"
        mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
        toks = [t for m in mods for t in m.subtree]
        found = actor_from(toks) if toks else None
        if found:
            ev.actor, ev.actor_text = found, " ".join(t.text for t in toks)
    for c in noun.children:  # "airstrikes carried out by the US-led coalition"
        if ev.actor is None and c.dep_ == "acl" and c.lemma_.lower() in LIGHT:
            _set_actor(ev, agent_of(c), ctx)
    head = noun.head
    if ev.actor is None and noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in LIGHT:
        _set_actor(ev, subject_of(head), ctx)  # "the army carried out airstrikes"
    patient = None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "against", "on", "targeting"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj and (c.lower_ == "of") == (ev.type != "attack"):
                patient = pobj[0]
                break
    if patient is not None and lem in ("withdrawal", "escape", "arrival", "jailbreak") and ev.actor is None:
        _set_actor(ev, patient, ctx)  # "the withdrawal of US forces": they moved themselves
    if lem in TOLL_NOUNS:
        casualty_counts(ev, patient or noun, ctx, noun_trigger=noun)
        return
    if patient is None and ev.type != "attack":
        q = ctx.qty_at.get(noun.i - 1) if noun.i else None
        if q is not None and q.is_count:
            ev.count = q
    _theme(ev, patient, ctx)


def _adj_roles(ev: Event, adj: Token, ctx: Ctx) -> None:
    casualty_counts(ev, adj.head if adj.dep_ == "amod" else adj, ctx, noun_trigger=adj)


def _substantial(e: Event) -> bool:
    """Drop triggers that report nothing: "bring peace", "a statement released", a bare "attack"."""
    if not e.theme_ok:
        return False
    roles = any(e.roles.get(r) for r in ("origin", "destination", "via"))
    if e.subtype == "movement":
        return roles  # "taken from Raqqa to Hasakah", not "took part"
    if e.type == "transfer":
        return roles or e.count is not None or e.target is not None
    if e.type == "casualties":
        return e.killed is not None or e.injured is not None or e.count is not None or e.target is not None
    return any([e.actor, e.target, e.count, e.killed, e.injured, roles, e.roles.get("location"), e.date])


def _cumulative(t: Token) -> bool:
    """Is this a toll for a whole war? Read in the trigger's clause, not the whole sentence: an
    unpunctuated copy runs a headline, a dateline and the lead into one "sentence"."""
    sent = sent_of(t)
    window = t.doc[max(sent.start, t.i - CUMULATIVE_REACH):min(sent.end, t.i + CUMULATIVE_REACH + 1)]
    return bool(CUMULATIVE.search(window.text))


def _to_dict(e: Event, ctx: Ctx) -> dict[str, Any]:
    t = e.trigger
    maps = ctx.lex.mappings.get(e.subtype) or ctx.lex.mappings.get(e.type) or {}
    acled = maps.get("acled")
    q = e.count
    d: dict[str, Any] = {
        "type": e.type, "subtype": e.subtype, "trigger": t.text, "start": t.idx, "end": t.idx + len(t.text),
        "actor": e.actor, "actor_text": e.actor_text, "target": e.target,
        "count": q.value if q is not None and not q.vague else None,
        "count_qualifier": q.qualifier if q is not None else None,
        "count_text": q.text if q is not None else None,
        "killed": e.killed, "injured": e.injured,
        "killed_by_category": dict(e.killed_by_category) or None,
        "injured_by_category": dict(e.injured_by_category) or None,
        "origin": e.roles.get("origin"), "destination": e.roles.get("destination"),
        "location": e.roles.get("location"), "via": e.roles.get("via"), "means": e.means,
        "date": e.date.date if e.date else None, "date_basis": e.date.basis if e.date and e.date.date else None,
        "attribution": ctx.attribution_of(t.idx),
        "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        "cameo": maps.get("cameo"),
        "planned": e.planned,
        "cumulative": all(_cumulative(m) for m in e.mentions),
        "sentence": {"start": sent_of(t).start_char, "end": sent_of(t).end_char},
    }
    if e.date is not None and e.date.year is not None and (e.date.date is None or e.date.precision != "day"):
        d["date_year"] = e.date.year
    if e.date is not None and e.date.since:
        d["date_since"] = True
    if len(e.mentions) > 1:
        d["mentions"] = [{"trigger": m.text, "start": m.idx, "end": m.idx + len(m.text)} for m in e.mentions[1:]]
    return d


__all__ = ["Event", "find_events"]
