"""The words that attribute: reporting verbs, nouns and adjectives of speech, belief and intent,
and what each kind of cue carries in the parse.

News attributes far more than "said": what people want, plan, fear, support or attack is theirs
too ("Trump wants the law repealed", "her decision to run", "advisers were confident that ...").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.sources import OFFICIAL_ROLES
from headwater.lang import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# The English cue words live in lang/en/cues.yaml, with what each kind carries.
REPORT_VERBS = english_words("cues", "report_verbs")
QUOTE_TAG = english_words("cues", "quote_tag")
REPORT_VERBS |= QUOTE_TAG
CLAUSE_ONLY = english_words("cues", "clause_only")
CLAUSE_REQUIRED = english_words("cues", "clause_required")
EVIDENCE = english_words("cues", "evidence")
SPEECH = english_words("cues", "speech")
CITE_VERBS = english_words("cues", "cite_verbs")
INTERVIEW_VERBS = english_words("cues", "interview_verbs")
INTERVIEW_NOUNS = english_words("cues", "interview_nouns")
PHRASAL_CUES = frozenset(tuple(p.split("+")) for p in english_words("cues", "phrasal_cues"))
SPEECH_NOUNS = english_words("cues", "speech_nouns")
INTENT_NOUNS = english_words("cues", "intent_nouns")
STANCE_NOUNS = english_words("cues", "stance_nouns")
CUE_NOUNS = SPEECH_NOUNS | INTENT_NOUNS | STANCE_NOUNS
ATTITUDE_ADJ = english_words("cues", "attitude_adj")
PERSON_NOUNS = english_words("cues", "person_nouns")
SPEAKING_NOUNS = PERSON_NOUNS | english_words("cues", "speaking_nouns")
FORCEFUL = english_words("cues", "forceful")
ATTITUDE = english_words("cues", "attitude")
HEDGES = re.compile(r"\b(reportedly|allegedly|purportedly|apparently|is said to|are said to|was said to|were said to|"
                    r"is believed to|are believed to|rumou?red|unconfirmed|unverified)\b", re.I)


def phrasal_cue(verb: Token) -> bool:
    """A phrasal verb of speech: "sounded off against", "went on about", "weighed in on" ("went on"
    alone goes on doing something; it speaks only "about" something)."""
    if verb.lemma_ == "go" and not any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children):
        return False
    return any(c.dep_ == "prt" and (verb.lemma_, c.lower_) in PHRASAL_CUES for c in verb.children)


def noun_content(noun: Token) -> Token | None:
    """What a speech, intent or stance noun carries: its "that" clause ("the claim that ..."), the
    infinitive of an intent ("the decision to ..."), the object of a stance ("support for ...")."""
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
            return c
        if lemma in INTENT_NOUNS and c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
        if lemma in STANCE_NOUNS and c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "against"):
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def noun_owner(noun: Token) -> Token | None:
    """Whose the claim, decision or support is: "Trump's claim", "the claim by the ministry"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    return owner if owner is not None and owner.pos_ in ("PROPN", "NOUN", "PRON") else None


def attitude_content(adj: Token) -> Token | None:
    """What an attitude adjective holds: its clause ("confident that ..."), its infinitive ("eager to
    ..."), or its object ("worried about ...")."""
    for c in adj.children:
        if c.dep_ in ("ccomp", "xcomp"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("about", "of", "on", "over"):
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def names_speaker(tok: Token) -> bool:
    """A common-noun subject speaks when it is a statement or report of a named body or a role."""
    return bool({t.lower_ for t in tok.subtree} & OFFICIAL_ROLES) or tok.lemma_.lower() in SPEAKING_NOUNS
