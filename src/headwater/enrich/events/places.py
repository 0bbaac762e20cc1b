"""Where an event happened, and for movements where from, where to and by which way.

Directions come from prepositions ("from X to Y", "out of X", "through X", "X-to-Y"), looked for
in the trigger's clause; a place where the moved people were held ("militants held in X", "who
surrendered in X") is their origin. Attacks and casualties are placed "in/at/near X", else at the
nearest place their sentence names, not a country named as whose something is or who acts ("a US
helicopter was shot down", "Americans wanted to raid", "Russia attacked"). A later mention of a movement that shares its origin or
destination is folded into the first (``merge_movements``).
"""
from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.doctext import sent_of, text
from headwater.enrich.events.roles import (
    AT,
    DIRECTION,
    STATE_VERBS,
    VEHICLES,
    Ctx,
    base_lemma,
    governing_verb,
    np_text,
    place_ref,
)
from headwater.lang import english

if TYPE_CHECKING:
    from spacy.tokens import Token

    from headwater.enrich.events.roles import Event

X_TO_Y = re.compile(r"^\s*(?:-|–|—)?\s*to\s*(?:-|–|—)?\s*$", re.I)
MEANS_PREPS = frozenset("by on aboard in using via board inside".split())
# Kinds of places a name may qualify and still say where: "a Syrian village", "the Homs countryside".
PLACE_NOUNS = frozenset(str(w) for key in ("before", "after") for w in english("places")[key])


def _is_trigger(tok: Token, ctx: Ctx) -> bool:
    lem = tok.lemma_.lower()
    return (tok.pos_ == "VERB" and lem in ctx.lex.verbs) or (tok.pos_ == "NOUN" and lem in ctx.lex.nouns
                                                             and tok.dep_ != "compound")


def _region(trigger: Token, ctx: Ctx) -> list[Token]:
    """The trigger's subtree; for a noun, also the other modifiers of the verb that governs it."""
    toks = list(trigger.subtree)
    if trigger.pos_ in ("NOUN", "PROPN", "ADJ"):
        verb = governing_verb(trigger)
        if verb is not None and not _is_trigger(verb, ctx):
            inside = {t.i for t in toks}
            for c in verb.children:
                if c.i in inside or c.dep_ not in ("prep", "advmod", "npadvmod", "agent", "advcl", "dative"):
                    continue
                toks.extend(c.subtree)  # a nested event's own phrases are left to it by _owner
    # where the actor is ("US forces in Syria have been training") is not where the event is
    subj = {t.i for c in trigger.children if c.dep_ in ("nsubj", "csubj") for t in c.subtree}
    return [t for t in toks if t.i not in subj]


def _owner(prep: Token, trigger: Token, ctx: Ctx) -> bool:
    """Is the trigger the nearest event word above the preposition (not a nested event's)?"""
    t = prep.head
    for _ in range(12):
        if t.i == trigger.i:
            return True
        if t.i != prep.i and _is_trigger(t, ctx):
            return False
        if t.head.i == t.i:
            return True
        t = t.head
    return True


def _follow(prep: Token, ctx: Ctx) -> dict[str, Any] | None:
    """A place in the preposition's phrase, or just after it when the parse hung it elsewhere
    ("from detention centers maintained by the SDF in Deir ez-Zor")."""
    p = ctx.best_place(prep.subtree)
    if p is not None:
        return p
    sent = sent_of(prep)
    for t in prep.doc[prep.i + 1:sent.end]:
        if t.lower_ in DIRECTION or (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod", "relcl")):
            return None
        if t.i in ctx.place_at:
            return place_ref(ctx.place_at[t.i])
    return None


def _held_in(ev: Event, region: list[Token], ctx: Ctx) -> dict[str, Any] | None:
    for t in region:
        if base_lemma(t) in STATE_VERBS and t.i != ev.trigger.i:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "near"):
                    p = _follow(c, ctx)
                    if p is not None:
                        return p
    return None


def _x_to_y(ev: Event, ctx: Ctx) -> tuple[dict[str, Any], dict[str, Any]] | None:
    sent = sent_of(ev.trigger)
    ps = ctx.places_in(sent)
    for a, b in itertools.pairwise(ps):
        gap = text(ctx.doc)[int(a["end"]):int(b["start"])]
        before = text(ctx.doc)[max(0, int(a["start"]) - 6):int(a["start"])].lower()
        if X_TO_Y.match(gap) and "from" not in before:
            return place_ref(a), place_ref(b)
    return None


def _same(found: dict[str, Any] | None, place: dict[str, Any]) -> bool:
    """No destination yet, or the one found is the Y of "X-to-Y" (parsed as "to Y")."""
    return found is None or (found.get("start"), found.get("end")) == (place.get("start"), place.get("end"))


def assign_places(ev: Event, ctx: Ctx) -> None:
    trig = ev.trigger
    region = _region(trig, ctx)
    roles: dict[str, dict[str, Any] | None] = {}
    moving = ev.type == "transfer"
    for t in sorted(region, key=lambda t: t.i):
        if t.dep_ not in ("prep", "agent", "dative") and not (t.pos_ == "ADP" and t.lower_ in DIRECTION):
            continue
        word = t.lower_
        if t.head.lower_ in ("according", "due", "owing", "thanks", "next", "close", "prior", "addition", "response"):
            continue  # "according to Syria's news agency" is no direction
        if word == "of" and t.head.lower_ == "out":
            word = "from"  # "moved out of X"
        if not _owner(t, trig, ctx):
            continue
        if moving and word in DIRECTION:
            role = DIRECTION[word]
        elif word in AT:
            role = "location"
            if moving and base_lemma(t.head) in STATE_VERBS and t.head.i != trig.i:
                role = "origin"
        else:
            continue
        if roles.get(role) is None:
            place = _follow(t, ctx) if role != "location" else ctx.best_place(t.subtree)
            if place is not None:
                roles[role] = place
    if moving:
        if roles.get("origin") is None:
            roles["origin"] = _held_in(ev, region, ctx)
        if roles.get("origin") is None and (xy := _x_to_y(ev, ctx)) is not None \
                and _same(roles.get("destination"), xy[1]):
            roles["origin"], roles["destination"] = xy
        obj = [c for c in trig.children if c.dep_ == "dobj" and c.i in ctx.place_at]
        lem = trig.lemma_.lower()
        if obj and roles.get("destination") is None and lem in ("enter", "infiltrate"):
            roles["destination"] = place_ref(ctx.place_at[obj[0].i])
        if obj and roles.get("origin") is None and lem in ("leave", "flee", "evacuate"):
            roles["origin"] = place_ref(ctx.place_at[obj[0].i])
        ev.means = _means(region)
        if roles.get("location") is not None and roles.get("location") in (roles.get("origin"), roles.get("destination")):
            roles["location"] = None
    elif roles.get("location") is None and ev.type in ("attack", "casualties", "detention"):
        roles["location"] = _nearest(trig, ctx)
    ev.roles.update({k: v for k, v in roles.items() if v is not None})


def _nearest(trig: Token, ctx: Ctx) -> dict[str, Any] | None:
    """The place nearest the trigger in its sentence, a town before a country."""
    cands = [(t.i, p) for t in sent_of(trig) if (p := ctx.place_at.get(t.i)) is not None and not ctx.based(p)
             and not _whose_or_who(t, p, ctx)]
    if not cands:
        return None
    cands.sort(key=lambda c: (c[1].get("kind") == "country", abs(c[0] - trig.i)))
    return place_ref(cands[0][1])


def _whose_or_who(t: Token, p: dict[str, Any], ctx: Ctx) -> bool:
    """A country named as whose something is ("a US helicopter", "Russian warplanes", "Russia's army")
    or as who acts (the subject: "Americans wanted to raid", "Russia attacked Ukraine") says nothing of
    where it happened; "a Syrian village" still does. A town or a region named so mostly does: "Sheikh
    Maqsoud has been under bombardment", "the Aleppo bomb blast", "the Aleppo police command"."""
    if p.get("kind") != "country":
        return False
    root = t
    while root.head.i != root.i and ctx.place_at.get(root.head.i) is p:
        root = root.head  # the mention's last word: "United States" -> "States"
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Syrian and Russian warplanes": as the first of the list is
    if root.dep_ == "nsubj":
        return True
    return (root.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and root.head.i not in ctx.place_at
            and root.head.pos_ in ("NOUN", "PROPN", "VERB") and root.head.lemma_.lower() not in PLACE_NOUNS)


def _means(region: list[Token]) -> str | None:
    for t in sorted(region, key=lambda t: t.i):
        if t.lower_ in VEHICLES and t.pos_ == "NOUN":
            h, ok = t, False
            for _ in range(3):
                h = h.head
                if h.lower_ in MEANS_PREPS:
                    ok = True
                    break
            if ok:
                return np_text(t) if not any(c.dep_ == "conj" for c in t.children) else \
                    t.doc[min(x.i for x in t.subtree):max(x.i for x in t.subtree) + 1].text
    return None


# movements mentioned more than once ------------------------------------------------------
def _pid(p: dict[str, Any] | None) -> Any:
    return None if p is None else (p.get("place_id") or p.get("name"))


def merge_movements(events: list[Event]) -> list[Event]:
    """Fold a later mention of a movement into the first one that shares its origin or destination."""
    out: list[Event] = []
    for e in events:
        host = None
        if e.type == "transfer":
            for h in out:
                if h.type != "transfer" or (e.actor and h.actor and e.actor != h.actor):
                    continue
                same = [r for r in ("origin", "destination") if _pid(e.roles.get(r)) is not None
                        and _pid(e.roles.get(r)) == _pid(h.roles.get(r))]
                clash = [r for r in ("origin", "destination") if _pid(e.roles.get(r)) and _pid(h.roles.get(r))
                         and _pid(e.roles.get(r)) != _pid(h.roles.get(r))]
                if same and not clash:
                    host = h
                    break
        if host is None:
            out.append(e)
            continue
        for r, p in e.roles.items():
            if host.roles.get(r) is None:
                host.roles[r] = p
        if e.count is not None and e.count.value is not None and (host.count is None or host.count.value is None):
            host.count = e.count
        host.actor, host.actor_text = host.actor or e.actor, host.actor_text or e.actor_text
        host.means = host.means or e.means
        host.date = host.date or e.date
        host.mentions.extend(e.mentions)
    return out
