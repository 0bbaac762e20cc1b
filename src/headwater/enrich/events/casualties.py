"""Casualty tolls: "killing 12", "12 people were killed", "death toll rose to 58", "left 22 dead",
"killed 304 Daesh militants and injured 170", with the categories stated ("including 4 children").

A toll is only ever a number the article states: vague ones ("dozens of people were killed") keep
their words in ``count_text`` and leave ``killed`` null.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.enrich.doctext import sent_of
from headwater.enrich.events.roles import Ctx, conjuncts, np_text
from headwater.enrich.numbers import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from headwater.enrich.events.roles import Event

# Words that may stand between a toll and its verb in a headline or a passive clause:
# "58 Killed", "16 civilians killed", "seven people were killed", "20 Syrian soldiers have died".
BETWEEN = frozenset("were was are is have has had been being be reportedly also all others other more people "
                    "and".split())
# Prepositions that lead from a toll to its number: "rose to 58", "stood at 58", "a toll of 58".
TOLL_PREPS = frozenset("to at of around near over".split())
# How far (tokens) a toll may stand from its verb when the parse does not connect them; tuned on
# headline forms ("At Least 23 Syrian Soldiers Killed": 3 words between).
REACH_LEFT = 6
REACH_RIGHT = 4
# Casualty clauses further apart than this (tokens) in one sentence are not read as one incident
# ("seven people were killed and 72 others were injured" is 7 apart).
PAIR_REACH = 14


def _add(ev: Event, q: Quantity, noun: Token | None, ctx: Ctx) -> None:
    injured = ev.subtype == "injured"
    if q.vague or q.value is None:
        ev.count = ev.count or q
        return
    if injured:
        ev.injured = (ev.injured or 0) + q.value
    else:
        ev.killed = (ev.killed or 0) + q.value
    if ev.count is None or ev.count.vague:
        ev.count = q
    cat = ctx.lex.category_of(noun.lemma_) or ctx.lex.category_of(noun.lower_) if noun is not None else None
    if cat:
        book = ev.injured_by_category if injured else ev.killed_by_category
        book[cat] = book.get(cat, 0) + q.value


def _included(ev: Event, head: Token, ctx: Ctx) -> None:
    """Sub-counts: "48 people, including 10 children", "among them 5 women"."""
    book = ev.injured_by_category if ev.subtype == "injured" else ev.killed_by_category
    for t in head.subtree:
        if t.lower_ in ("including", "among", "includes", "included") and t.i != head.i:
            for g in t.subtree:
                if g.pos_ in ("NOUN", "PROPN") and g.i != t.i:
                    q, noun = ctx.count_of(g)
                    cat = ctx.lex.category_of(noun.lemma_) or ctx.lex.category_of(noun.lower_)
                    if q is not None and q.value is not None and cat and cat not in book:
                        book[cat] = q.value


def _scan(trig: Token, ctx: Ctx) -> tuple[Quantity, Token | None] | None:
    """A toll next to its verb where the parse does not link them: left for headlines and
    passives ("Two Killed", "16 civilians killed"), right for "killing at least 12"."""
    doc, sent = trig.doc, sent_of(trig)
    noun: Token | None = None
    i = trig.i - 1
    while i >= max(sent.start, trig.i - REACH_LEFT):
        t = doc[i]
        q = ctx.qty_at.get(i)
        if q is not None:
            return (q, noun) if q.is_count else None
        if t.pos_ in ("NOUN", "PROPN") and ctx.counts_people(t):
            noun = noun or t
        elif not (t.lower_ in BETWEEN or t.pos_ in ("ADJ", "ADV", "PROPN", "AUX") or t.text in ("-", "’s", "'s")):
            break
        i -= 1
    i = trig.i + 1
    while i < min(sent.end, trig.i + 1 + REACH_RIGHT):
        q = ctx.qty_at.get(i)
        if q is not None:
            if not q.is_count:
                return None
            j = doc.char_span(q.start, q.end, alignment_mode="expand")
            after = doc[j.end] if j is not None and j.end < sent.end else None
            if after is not None and after.pos_ in ("NOUN", "PROPN") and not ctx.counts_people(after):
                return None  # "destroyed 27 cars"
            return q, after if after is not None and after.pos_ in ("NOUN", "PROPN") else None
        if doc[i].pos_ not in ("ADV", "ADP", "DET", "PART"):
            break
        i += 1
    return None


def _toll_value(toll: Token, ctx: Ctx) -> Quantity | None:
    """The number a toll reaches: the object or "to/at/of" phrase of its verb, or its own "of" phrase.

    Not any number after it: "the death of a mother who had four children" states no toll of four."""
    verb = toll.head if toll.head.pos_ in ("VERB", "AUX") and toll.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    heads = {toll.i} | ({verb.i} if verb is not None else set())
    for t in sorted((verb or toll).subtree, key=lambda t: t.i):
        c = ctx.qty_at.get(t.i)
        if t.i <= toll.i or c is None:
            continue
        # the number itself, or the noun it counts, hangs from the verb or from its to/at/of/around
        anchor = t if t.pos_ == "NUM" or t.dep_ != "nummod" else t.head
        h = anchor.head
        reached = (h.i in heads and anchor.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "nummod")) or \
                  (h.lower_ in TOLL_PREPS and h.head.i in heads)
        # unpunctuated copies misparse "reached 330 overnight civil defence sources told": then the
        # number must follow the verb, or its "to/at/of", word for word
        span = t.doc.char_span(c.start, c.end, alignment_mode="expand")
        first = span.start if span is not None else t.i
        prev = t.doc[first - 1] if first > 0 else None
        if prev is not None and (prev.i in heads or (prev.lower_ in TOLL_PREPS and prev.i > 0
                                                     and t.doc[prev.i - 1].i in heads)):
            reached = True
        if not reached:
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        things = nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.i not in ctx.qty_at \
            and not ctx.counts_people(nxt)  # "three separate clashes"
        return c if c.is_count and not things else None
    return None


def casualty_counts(ev: Event, head: Token, ctx: Ctx, noun_trigger: Token | None = None) -> None:
    """Read the toll of a casualty clause whose victims are headed by ``head``."""
    if noun_trigger is not None and noun_trigger.lemma_.lower() in ("toll", "casualty", "death", "killing", "injury",
                                                                  "martyr", "life"):
        q, _ = ctx.count_of(noun_trigger)
        if q is None and head.i != noun_trigger.i:
            q, head = ctx.count_of(head)
        if q is None:  # "the death toll rose to 58", "put the toll at 58", "a toll of 58"
            q = _toll_value(noun_trigger, ctx)
        if q is not None:
            _add(ev, q, head if head.i != noun_trigger.i else None, ctx)
        return
    if noun_trigger is not None:  # "left 22 dead", "72 wounded"
        q, noun = ctx.count_of(head)
        if q is None:
            found = _scan(noun_trigger, ctx)
            if found is not None:
                q, noun = found[0], found[1] or noun
        if q is not None:
            _add(ev, q, noun if noun.i != noun_trigger.i else None, ctx)
        return
    victims = conjuncts(head) if head.i != ev.trigger.i else []
    any_count = False
    for v in victims:
        q, noun = ctx.count_of(v)
        if q is not None:
            any_count = True
            _add(ev, q, noun, ctx)
        if ctx.counts_people(noun) or noun.pos_ == "PROPN":
            ev.target = ev.target or np_text(noun)
    _included(ev, head, ctx)
    # read next to the verb only when the parse found no victims, or only a name that is not people
    # (a misparse of a page's leftovers): else "the father of two boys died" would count the boys
    if not any_count and (not victims or all(v.pos_ == "PROPN" and not ctx.counts_people(v) for v in victims)):
        found = _scan(ev.trigger, ctx)
        if found is not None:
            _add(ev, found[0], found[1], ctx)


def _linked(a: Token, b: Token) -> bool:
    return a in b.subtree or b in a.subtree or (a.head.i == b.head.i and a.head.i != a.i)


def _absorb(host: Event, e: Event) -> None:
    if e.killed is not None and (host.killed is None or e.killed > host.killed):
        host.killed = e.killed
        host.killed_by_category = e.killed_by_category or host.killed_by_category
    if e.injured is not None and (host.injured is None or e.injured > host.injured):
        host.injured = e.injured
        host.injured_by_category = e.injured_by_category or host.injured_by_category
    if host.count is None or (host.count.vague and e.count is not None and not e.count.vague):
        host.count = e.count
    for r, p in e.roles.items():
        if host.roles.get(r) is None and p is not None:
            host.roles[r] = p
    host.actor, host.actor_text = host.actor or e.actor, host.actor_text or e.actor_text
    host.target = host.target or e.target
    host.date = host.date or e.date
    host.mentions.extend(e.mentions)


def attach_casualties(found: list[Event], ctx: Ctx) -> list[Event]:
    """In one sentence: pair "N killed and M injured", then give each toll to the attack it reports."""
    out = list(found)
    for e in [x for x in out if x.type == "casualties" and x.subtype == "injured"]:
        hosts = [h for h in out if h.type == "casualties" and h.subtype != "injured" and h.injured is None
                 and h is not e and abs(h.trigger.i - e.trigger.i) <= PAIR_REACH]
        if hosts:
            hosts.sort(key=lambda h: (not _linked(h.trigger, e.trigger), abs(h.trigger.i - e.trigger.i)))
            _absorb(hosts[0], e)
            out.remove(e)
    attacks = [x for x in out if x.type == "attack"]
    for e in [x for x in out if x.type == "casualties"]:
        linked = [a for a in attacks if _linked(a.trigger, e.trigger)]
        if not linked and len([a for a in attacks if not a.planned]) == 1:
            linked = [a for a in attacks if not a.planned]
        if linked:
            linked.sort(key=lambda a: abs(a.trigger.i - e.trigger.i))
            host = linked[0]
            if e.subtype == "injured" and e.killed is None:
                host.injured = host.injured if host.injured is not None else e.injured
                host.injured_by_category = host.injured_by_category or e.injured_by_category
                host.mentions.extend(e.mentions)
            else:
                _absorb(host, e)
            out.remove(e)
    return out
