"""Shapes of English reporting that the verb lists alone miss or misread:

- "X was quoted as saying Y", "the agency quoted X as saying Y": X said Y (and the agency reports it);
  the verb "quoted" itself carries nothing of its own (``quoted_as``, ``quotes_as``).
- "the ministry put the death toll at 34": a figure given is a statement of whoever gave it
  (``gives_figure``).
- "X declined to comment", "refused to say whether", "who asked not to be named": X said nothing
  (``declines_to_speak``).
- "X, who spoke by phone with Y": speaking with someone is a deed; only speaking about, of or on
  something, or a quote or clause, reports (``speaks_of_nothing``).
- "X said A, while Hamas said B": B is Hamas's, set against A, no part of what X said (``contrasting``).
- "This year has shown", "the timing suggests": a time is no source (``a_time``).
- "Speaking to Reuters, X said", "X said in an interview with the BBC": the one X spoke to
  (``spoken_to``), first in the chain when it is an outlet, as with "X told Reuters".
- "its troops took the village, a claim that could not be verified": the writer's comment on a claim
  is no part of it (``comment_start``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.enrich.attributions.cues import INTERVIEW_NOUNS, INTERVIEW_VERBS, REPORT_VERBS, SPEECH
from headwater.lang import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that pass on another's words: "quoted X as saying", "cited X as saying".
QUOTING = frozenset(("quote", "cite"))
# Verbs that give a figure ("put the toll at 34", "placed the cost at $3 billion") and the nouns of
# figures they give (lang/en/cues.yaml).
FIGURE_VERBS = english_words("cues", "figure_verbs")
FIGURE_NOUNS = english_words("cues", "figure_nouns")
TIME_NOUNS = english_words("cues", "time_nouns")
# What one declines or refuses to do when one says nothing: "declined to comment", "refused to give
# details", "declined to elaborate" (besides the verbs of speech).
SILENT_AFTER_DECLINE = SPEECH | frozenset(("comment", "elaborate", "give", "provide", "specify", "discuss",
                                           "speculate", "disclose", "identify", "name", "discuss", "answer"))
# Verbs that report only with a topic, a clause or a quote: "spoke about", "talked of"; not "spoke
# by phone with his counterpart", "talked with reporters".
TOPIC_VERBS = frozenset(("speak", "talk"))
TOPIC_PREPS = frozenset(("about", "of", "on", "against", "for", "out", "up", "to"))


def quoted_as(verb: Token) -> tuple[Token, Token | None] | None:
    """For the "saying" of "X was quoted as saying" / "Y quoted X as saying" / "Y cited X as saying":
    (X, Y or None)."""
    as_ = verb.head
    if verb.dep_ != "pcomp" or as_.lower_ != "as" or as_.head.lemma_ not in QUOTING:
        return None
    quote = as_.head
    speaker = next((c for c in quote.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if speaker is None:
        return None
    quoter = next((c for c in quote.children if c.dep_ == "nsubj"), None) if speaker.dep_ == "dobj" else None
    return speaker, quoter


def quotes_as(verb: Token) -> bool:
    """Whether a verb is the "quoted" of "quoted (X) as saying": the saying carries the claim."""
    return verb.lemma_ in QUOTING and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.lemma_ in REPORT_VERBS for g in c.children)
        for c in verb.children)


def gives_figure(verb: Token) -> bool:
    """"The ministry put the death toll at 34": a verb of figures with a figure for object and "at"."""
    return verb.lemma_ in FIGURE_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS
                                               for c in verb.children) and \
        any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


def declines_to_speak(verb: Token) -> bool:
    """"Declined to comment", "refused to say whether": a refusal to speak, which reports nothing; as
    "asked not to be named", "requested anonymity" (a source kept unnamed, nothing said)."""
    if verb.lemma_ in ("decline", "refuse") and any(c.dep_ == "xcomp" and c.lemma_ in SILENT_AFTER_DECLINE
                                                    for c in verb.children):
        return True
    return verb.lemma_ in ("ask", "request", "speak") and any(
        t.lemma_ in ("name", "identify", "anonymity") for c in verb.children if c.dep_ in ("xcomp", "dobj", "prep")
        for t in c.subtree)


def speaks_of_nothing(verb: Token) -> bool:
    """"Spoke by phone with his counterpart", "talked with reporters": speaking with no topic, clause or
    object reports nothing (the quote beside a tag is read before this)."""
    if verb.lemma_ not in TOPIC_VERBS:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "dobj") or (c.dep_ in ("prep", "prt") and c.lower_ in TOPIC_PREPS
                                                            and not _when(c)) for c in verb.children)


def _when(prep: Token) -> bool:
    """"On Monday", "on Tuesday night": a preposition of time, not of a topic."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def comment_start(first: Token, last: Token) -> int | None:
    """Where the writer's comment on a claim begins inside tokens first..last: ", a claim that could
    not be verified", ", an allegation it denies" (a noun of speech in apposition, set off by a comma,
    brought in by "a"/"an", a clause hanging on it); None when there is none."""
    doc = first.doc
    for t in doc[first.i:last.i + 1]:
        if t.text != "," or t.i + 2 > last.i:
            continue
        det, noun = doc[t.i + 1], next((n for n in doc[t.i + 2:min(last.i, t.i + 4) + 1] if n.pos_ == "NOUN"), None)
        if det.lower_ in ("a", "an") and noun is not None and noun.lemma_.lower() in COMMENT_NOUNS and \
                any(c.dep_ in ("relcl", "acl") for c in noun.children):
            return t.idx
    return None


# Nouns the writer sums up a claim with: ", a claim that could not be verified".
COMMENT_NOUNS = frozenset(("claim", "assertion", "allegation", "accusation", "charge", "statement", "figure",
                           "account", "version", "report", "contention"))


# Conjunctions that set one report against another: "X said A, while Y said B".
CONTRAST_MARKS = frozenset(("while", "whereas", "although", "though"))


def contrasting(verb: Token) -> bool:
    """A reporting verb with a subject of its own brought in by "while", "whereas", "though" or ", but":
    another's report set against the one it hangs on, not part of it."""
    if verb.lemma_ not in REPORT_VERBS or verb.dep_ not in ("advcl", "conj") or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.head.children)


def a_time(subj: Token) -> bool:
    """A subject that is a time ("this year", "last week", "the timing"): it says nothing; what the
    sentence reads into it is the writer's. (Not any date: "the 30-year-old" speaks.)"""
    return subj.pos_ == "NOUN" and subj.text.islower() and subj.lemma_ in TIME_NOUNS and not any(
        t.pos_ in ("PROPN", "NUM") for t in subj.subtree)  # ("13 Hours", a film, speaks)


def _object_of(head: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of ``head``'s preposition among ``preps`` ("to" in "speaking to Reuters")."""
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in preps:
            obj = next((g for g in p.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def spoken_to(verb: Token) -> Token | None:
    """Whom the speaker of ``verb`` spoke to, as the sentence frames the report: "Speaking to Reuters,
    X said" (an opening participle), "In an interview with Lusa, X said" / "X said in an interview with
    the BBC" (a phrase of the cue); None when the sentence says no such thing."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.lemma_ in INTERVIEW_VERBS:
            obj = _object_of(c, ("to", "with"))
            if obj is not None:
                return obj
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            noun = next((g for g in c.children if g.dep_ == "pobj" and g.lemma_ in INTERVIEW_NOUNS), None)
            obj = _object_of(noun, ("with", "to")) if noun is not None else None
            if obj is not None:
                return obj
    return None
