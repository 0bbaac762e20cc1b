"""The words that attribute: reporting verbs, nouns and adjectives of speech, belief and intent,
and what each kind of cue carries in the parse.

News attributes far more than "said": what people want, plan, fear, support or attack is theirs
too ("Trump wants the law repealed", "her decision to run", "advisers were confident that ...").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from headwater.enrich.attributions.sources import OFFICIAL_ROLES

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of speech, thought, stance and intent whose subject is the source of what they govern.
REPORT_VERBS = frozenset(
    "say tell add note claim report accuse deny confirm admit warn announce stress state insist argue explain "
    "reveal disclose allege assert emphasize emphasise believe think suggest indicate write describe urge blame "
    "acknowledge estimate predict conclude declare promise pledge vow complain criticize criticise charge contend "
    "maintain observe recall tweet post respond reply testify concede demand propose recommend signal hint fear "
    "hope expect agree dismiss reject quote cite attribute read inform mention point reiterate underline "
    "show find call threaten boast lament talk discuss comment joke tout slam blast praise question wonder see "
    "want push defend repeat echo counter rebut dispute brag decry denounce condemn hail welcome "
    "applaud caution advise rail intend plan feel know support back appear seem document ask "
    # speech acts of stance and evaluation: "endorsed Clinton", "mocked the plan", "apologized for"
    "refer speak offer seek consider express view decide endorse oppose refuse worry favor prefer "
    "advocate order encourage attack mock label brand dub portray characterize liken compare remember "
    "recognize understand learn realize doubt suspect assume envision anticipate answer address highlight "
    "underscore remark speculate guess reckon determine decline swear guarantee assure reassure imply confess "
    "apologize thank congratulate laud commend celebrate regret mourn deplore rip lash assail chide scold rebuke "
    "fault challenge contest refute downplay justify debate detail outline recount proclaim unveil "
    "project forecast wish aim trust lobby appeal plead beg implore alert remind disagree focus share voice "
    "float pitch frame paint email message rule concur object protest grumble gripe insinuate".split())
# Verbs that report only as the tag of a quote beside them: '“…,” he continued', 'the crowd chanted, “…”'.
QUOTE_TAG = frozenset("continue sing chant shout yell scream quip muse retort exclaim interject marvel".split())
REPORT_VERBS |= QUOTE_TAG
# Verbs whose subject reports only when they govern a clause or a phrase ("polls show that", "she
# wants the law repealed"), not alone ("I see", "he remembered").
CLAUSE_ONLY = frozenset(
    "show find think believe hope expect fear agree point read see want intend plan feel know support back "
    "appear seem document remember recognize understand learn realize doubt suspect assume envision rule "
    "anticipate guess reckon determine decide wish trust consider view".split())
# Verbs that report only with a "that" clause or a quote: "the army declared a ceasefire" and "rebels
# maintain a presence" are deeds; "she maintained that ..." and "he declared that ..." are reports.
CLAUSE_REQUIRED = frozenset("maintain declare".split())
# Verbs that present evidence: any subject reports through them when they govern a clause
# ("filings show that", "the audit found that").
EVIDENCE = frozenset("show find indicate suggest reveal confirm demonstrate".split())
# Verbs that are speech whoever their subject is; with the others an inanimate subject does not
# speak ("the plan calls for", "the attack drew condemnation").
SPEECH = frozenset("say tell add note claim report ask write announce warn explain argue insist confirm deny admit "
                   "state reveal allege stress emphasize emphasise describe accuse blame urge suggest believe think "
                   "tweet post testify reply respond comment".split())
CITE_VERBS = frozenset("cite quote".split())
# Phrasal verbs of speech (verb, particle): "sounded off against", "went on about", "fired back".
PHRASAL_CUES = frozenset(tuple(p.split("+")) for p in (
    "sound+off go+on speak+out speak+up lash+out point+out fire+back push+back hit+back weigh+in chime+in "
    "call+out spell+out lay+out single+out play+down talk+up open+up come+out rail+against shoot+back "
    "brush+off shrug+off write+off rule+out back+down own+up pipe+up cry+out").split())
# Nouns that carry what someone said or believes when a clause hangs on them: "Trump's claim that ...".
SPEECH_NOUNS = frozenset(
    "claim claims statement statements allegation allegations assertion argument accusation accusations suggestion "
    "warning promise pledge insistence belief view answer response comment comments remark remarks "
    "acknowledgement acknowledgment denial call demand assessment prediction contention charge".split())
# Nouns of intent, carrying the infinitive that follows them: "her decision to run".
INTENT_NOUNS = frozenset("decision proposal plan hope pledge promise call demand refusal desire goal vow threat offer "
                         "bid push intention intent".split())
# Nouns of stance, carrying their object: "his support for the bill", "her criticism of the plan".
STANCE_NOUNS = frozenset("criticism support opposition praise condemnation endorsement".split())
CUE_NOUNS = SPEECH_NOUNS | INTENT_NOUNS | STANCE_NOUNS
# Adjectives of attitude, with "be": "advisers were optimistic that ...", "she is skeptical about ...".
ATTITUDE_ADJ = frozenset("optimistic pessimistic confident hopeful worried concerned convinced sure certain skeptical "
                         "sceptical adamant eager determined unsure uncertain doubtful fearful afraid wary critical "
                         "supportive proud angry upset furious happy pleased disappointed frustrated "
                         "open opposed willing reluctant".split())
# People news quotes by what they are ("the lawyer said", "voters want").
PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson lawyer attorney judge doctor voter supporter lawmaker leader candidate "
    "member worker student parent mother father wife husband friend nominee host moderator aide adviser advisor "
    "staffer strategist donor economist scholar historian professor researcher pollster democrat republican "
    "conservative liberal progressive activist woman man coach farmer author writer critic senator governor "
    "president minister ambassador envoy mayor secretary official".split())
# Common nouns that speak as subjects: statements and studies, bodies and organizations, people.
SPEAKING_NOUNS = PERSON_NOUNS | frozenset(
    "statement report communique study poll polls survey ministry government army military agency council "
    "coalition committee office command union party campaign group company court board organization association "
    "administration department commission panel firm team network newspaper magazine organizers".split())
# Verbs as often of force as of words ("Russia attacked the city", "troops fired back"): they
# report only with a person as subject ("Trump attacked the plan").
FORCEFUL = frozenset("attack hit fire push shoot target strike".split())
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
