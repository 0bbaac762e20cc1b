"""Cues in the parse: a reporting verb with its speaker and what it reports ("X said", "X told Y that",
"“…,” X continued"), nouns ("Trump's claim that") and adjectives ("advisers were confident that") that carry a
claim; a negated speech act, a thing for subject or an order given reports nothing."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.claim_span import content, trailing
from headwater.enrich.attributions.cues import (
    CITE_VERBS,
    CLAUSE_ONLY,
    CLAUSE_REQUIRED,
    EVIDENCE,
    FORCEFUL,
    PERSON_NOUNS,
    QUOTE_TAG,
    REPORT_VERBS,
    SPEAKING_NOUNS,
    SPEECH,
    attitude_content,
    names_speaker,
    noun_content,
    noun_owner,
    phrasal_cue,
)
from headwater.enrich.attributions.found import Found
from headwater.enrich.attributions.sources import (
    ANONYMITY,
    ANONYMOUS_HEADS,
    SOURCE_NOUNS,
    Memory,
    SourceRegistry,
    typed,
)
from headwater.enrich.attributions.speaker import NOBODY_IN_PARTICULAR, core, counted, not_a_name, source_chain, subject
from headwater.enrich.attributions.verb_shapes import (
    a_time,
    comment_start,
    contrasting,
    declines_to_speak,
    quoted_as,
    quotes_as,
    speaks_of_nothing,
    spoken_to,
)
from headwater.enrich.doctext import ents as doc_ents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


OBLIGATION = frozenset(("must", "should", "ought"))
# Verbs that still report under a negation: "did not rule out that", "did not deny that", "did not hide
# that" say something; "did not say whether", "no official confirmed" say nothing. As Russian's negated_ok.
NEGATED_OK = frozenset(("rule", "deny", "hide", "conceal", "doubt", "exclude", "dispute", "rule out"))
# A subject that says no one spoke: "No official confirmed", "Neither Kyiv nor Moscow commented".
NO_ONE = frozenset(("no", "neither", "none", "nobody", "nor"))
# Participles that name what they follow ("a group called X", "a plan dubbed Y"): no one speaks.
NAMING = frozenset(("call", "name", "dub", "label", "brand", "term", "nickname", "title"))
# Verbs whose "it" is no one: "it seems", "it appears", "it turns out".
IMPERSONAL = frozenset(("seem", "appear", "turn", "emerge", "transpire"))


def verb_cue(tok: Token, sent: Span, quotes: list[tuple[int, int]], registry: SourceRegistry,
              memory: Memory) -> Found | None:
    """A reporting verb with its speaker: "X said", "X told Y that", "“…,” X continued"."""
    nested = not contrasting(tok) and any(
        a.lemma_ in REPORT_VERBS and any(c.dep_ in ("ccomp", "xcomp") and (c == tok or c.is_ancestor(tok))
                                         for c in a.children) for a in tok.ancestors)
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children):
        return None  # "the UN must demand a report": what someone should say has not been said
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "the aim is to examine the evidence, reveal the truth": "reveal" as "examine"
    if first.dep_ == "xcomp" and first.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return None  # "Washington was to blame", "the minister is to announce": no one has said anything
    if first is not tok and first.lemma_ == "be" and any(
            c.dep_ == "xcomp" and c.i < tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in first.children):
        return None  # the same list of aims, the parser hanging its later verbs on "is"
    if tok.lemma_ in NAMING and (tok.dep_ == "acl" or (
            any(c.dep_ == "oprd" for c in tok.children) and not any(c.dep_ == "dobj" for c in tok.children)
            and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and any(d.lower_ in ("a", "an") for d in c.children)
                    for c in tok.children))):
        return None  # "an organization called the Weimar Triangle": a name given, nothing said (not "X called Y a liar")
    if tok.dep_ == "relcl" and any(t.lemma_.lower() in ANONYMITY and (t.pos_ == "NOUN" or any(
            a.dep_ == "auxpass" for a in t.children)) for c in tok.children if c.dep_ in ("xcomp", "prep") and c.i > tok.i
            for t in c.subtree):
        # "who asked not to be named", "who spoke on condition of anonymity": a source kept anonymous (not "who
        # urged residents to identify the men": the passive of naming, or the noun)
        return None
    if tok.dep_ == "csubj" and any(c.dep_ == "dobj" and c.tag_ == "WP" and c.i < tok.i for c in tok.children):
        return None  # "What the minister said on Tuesday contradicted …": what was said is not given here
    if quotes_as(tok) or declines_to_speak(tok):
        return None  # "quoted X as saying": the saying carries it; "declined to comment": nothing said
    quoted = quoted_as(tok)  # "X was quoted as saying", "the agency quoted X as saying"
    subj = quoted[0] if quoted is not None else subject(tok)
    if subj is None or (tok.lemma_ in CITE_VERBS and (subj.lower_ in ("which", "who") or tok.dep_ == "advcl")):
        return None  # "SANA, which cited sources", "X, citing Y, said": links of a chain, not attributions
    if _unsaid(tok, subj):
        return None  # "the ministry did not say whether …", "no official confirmed …": nothing was said
    if tok.lemma_ in CLAUSE_REQUIRED and not quotes and not any(c.dep_ == "ccomp" for c in tok.children):
        return None
    if tok.lemma_ in CLAUSE_ONLY and not quotes and not any(
            c.dep_ == "ccomp" or (c.dep_ in ("dobj", "xcomp") and c.right_edge.i - c.left_edge.i >= 2)
            for c in tok.children):
        return None  # "polls show that", "a poll shows Sanders leading", "wants the law repealed"; not "I see"
    if not _speaks(tok, subj) or not_a_name(subj):
        return None
    if subj.lower_ == "it" and (tok.lemma_ in IMPERSONAL or subj.dep_ == "expl" or (
            subj.head.i != tok.i and (subj.head.lemma_ == "be" or subj.head.lower_ in ("'s", "’s", "is", "was"))
            and any(c.dep_ == "acomp" for c in subj.head.children))):
        return None  # "it seems our officials …", "It's important to note that …": no one, the writer's own voice
    if a_time(subj):
        return None  # "This year has shown", "the timing suggests": a time says nothing, the writer reads it
    thing = _thing(subj)
    if thing and any(c.dep_ == "parataxis" and c.lemma_ in REPORT_VERBS and c.i < tok.i for c in tok.children):
        return None  # "The move, analysts said, suggested …": the analysts' reading (their cue), no thing's
    if thing and tok.lemma_ not in SPEECH and tok.lemma_ not in EVIDENCE:
        # "a carbon tax seeks": a thing wants nothing, the article's own reasoning (a verb of speech
        # proper has a speaker for subject, whatever noun: "the airline said")
        return None
    chain = _outer_speaker(tok, subj, registry, memory) if nested else None
    chain = chain or source_chain(subj, registry, memory)
    if thing and tok.lemma_ in EVIDENCE:
        # "the increase suggests", "the outcome shows": evidence the article reads, unnamed, never a name
        words = core(subj)
        said = subj.doc[words[0].i: words[-1].i + 1].text
        chain = [typed({"name": re.sub(r"^(?:the|a|an)\s+", "", said, flags=re.I), "kind": "anonymous",
                        "described": "evidence", "country": None, "state_affiliated": None, "text": said}, None)]
    if any(c in str(chain[0].get("name")) for c in "|•»"):
        return None  # a page's menu the parser ran into the sentence ("Festival | Episode | News calls …")
    if str(chain[0].get("name")).lower() in NOBODY_IN_PARTICULAR:
        return None  # "anyone who says …": no one in particular
    if quoted is not None and quoted[1] is not None:  # "the agency quoted X as saying": the agency, then X
        chain = source_chain(quoted[1], registry, memory) + chain
    for c in tok.children:  # "X, citing Y, said": Y is X's source
        if c.dep_ == "advcl" and c.lemma_ in CITE_VERBS:
            obj = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                chain = chain + source_chain(obj, registry, memory)
    # "X told Y (an outlet) that ...", "Speaking to Y, X said", "X said in an interview with Y": the
    # outlet reports what X told it
    heard = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None) if tok.lemma_ == "tell" \
        else spoken_to(tok)
    if heard is not None:
        recipient = source_chain(heard, registry, memory)
        if recipient[0]["kind"] in ("outlet", "agency") and not recipient[0].get("inferred"):
            # (an outlet only inferred, "told the website", is not put ahead of the speaker the text names;
            # "_told": the speaker is who follows it, whom a later "he" or "she" stands for)
            chain = [{**recipient[0], "_told": True}, *chain]
    start, end, is_quote = content(tok, subj, sent, quotes)
    if not is_quote:  # the parse may run past a paragraph break ("Kremlin says X\n\nThe Kremlin said"): not the claim
        start, end = max(start, sent.start_char), min(end, sent.end_char)
    if tok.lemma_ in QUOTE_TAG and not is_quote:
        return None  # "the talks continued", "they sang together": no quote, nothing reported
    if not is_quote and speaks_of_nothing(tok):
        return None  # "the president, who spoke by phone with his counterpart": a call, nothing reported
    if (start, end) == (sent.start_char, sent.end_char) and not is_quote and tok.dep_ == "relcl":
        # "Cruz, who has proposed repealing the mandate, said …": what the relative clause says, not the
        # sentence around it; "who asked not to be named" says nothing (it keeps a source anonymous)
        # (to the comma that closes the clause, or the sentence's end: the parse of a relative clause's
        # object is often cut short, "called the mogul | turned candidate an obvious phony")
        right = []
        for t in sent[tok.i - sent.start + 1:]:
            if t.text in (",", ";") or (t.is_punct and t.i == sent.end - 1):
                break
            right.append(t)
        if not right or any(t.lemma_.lower() in ANONYMITY for t in right):
            return None
        start, end = right[0].idx, right[-1].idx + len(right[-1])
    if start <= sent.start_char and end >= _words_end(sent) and not is_quote and not trailing(tok, subj, sent) and (
            nested or (tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i < subj.i)):
        # a cue inside what another reports ("the spokesman said China opposed the move") or an opening
        # participle ("Writing in the Guardian, the economist warned …") with nothing of its own: the
        # sentence is the other cue's claim, not this one's
        return None
    if (start, end) == (sent.start_char, sent.end_char) and not is_quote:
        rest = [t for t in sent if not t.is_punct and t.i not in range(subj.left_edge.i, subj.right_edge.i + 1)
                and t.i != tok.i and not (t.head == tok and t.dep_ in ("prep", "npadvmod", "advmod"))
                and not (t.head.head == tok and t.head.dep_ == "prep")]
        if len(rest) < 4:
            return None  # "Clinton said to People.": only the tag, nothing said
    if not is_quote:  # "its troops took the village, a claim that could not be verified": the writer's comment
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        cut = comment_start(span[0], span[-1]) if span is not None and len(span) else None
        end = cut if cut is not None and cut > start else end
    return Found(start, end, tok.text, tok.idx, chain, subj.idx, is_quote, nested=nested)


def _words_end(sent: Span) -> int:
    """Where a sentence's words end (before its closing stop and quote marks): a claim running to
    there holds the whole sentence, whether its span took the stop or not."""
    words = [t for t in sent if not t.is_punct]
    return words[-1].idx + len(words[-1]) if words else sent.end_char


# What a pronoun inside another's report can stand for: "the company said it expected …" (not a
# person), "Mr. Lee said he believed …" (a person); "they" for either.
PRONOUN_KINDS = {"it": False, "its": False, "he": True, "she": True, "his": True, "her": True}


def _outer_speaker(verb: Token, subj: Token, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]] | None:
    """The speaker of the report a pronoun's cue stands inside, when the pronoun can be them: in "the
    company said it expected profits to fall" "it" is the company (inferred, and said so), not a
    source of an earlier sentence; None when the outer speaker is a pronoun too, or of another kind."""
    if subj.pos_ != "PRON" or subj.lower_ not in (*PRONOUN_KINDS, "they", "their"):
        return None
    outer = next((a for a in verb.ancestors if a.lemma_ in REPORT_VERBS and a.pos_ in ("VERB", "AUX")), None)
    speaker = subject(outer) if outer is not None else None
    if speaker is None or speaker.pos_ == "PRON" or not_a_name(speaker):
        return None
    chain = source_chain(speaker, registry, memory)
    person = chain[0].get("kind") == "person" or any(
        e.label_ == "PERSON" and e.start <= speaker.i < e.end for e in doc_ents(speaker.doc))
    plural = speaker.tag_ in ("NNS", "NNPS")
    if (subj.lower_ in ("they", "their") and not plural and chain[0].get("kind") not in ("government", "organization")) \
            or (subj.lower_ in PRONOUN_KINDS and (PRONOUN_KINDS[subj.lower_] != person or plural)):
        return None
    return [{**chain[0], "resolved_from": subj.text, "inferred": True}, *chain[1:]]


# Endings of nouns for people and agents ("supporter", "negotiator", "physician", "participant",
# "resident"): such a subject may speak though no list names it. Not "-ment" ("the movement").
AGENTIVE = re.compile(r"(?:[^m]er|or|ist|ian|ant|[^m]ent|eer|ee)s?$")


def _unsaid(verb: Token, subj: Token) -> bool:
    """A speech act negated, by the verb ("did not say", "never confirmed") or by its subject ("no
    official", "neither Kyiv nor Moscow"), says nothing; "did not rule out that …" still does."""
    if verb.lemma_ in NEGATED_OK:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and (verb.head.lemma_ in ("decline", "refuse") or (
            any(c.dep_ == "neg" for c in verb.head.children) and verb.head.lemma_ in ("want", "wish", "care", "bother"))):
        return True  # "declined to comment", "refused to say", "did not want to comment"
    return subj.lower_ in NO_ONE or any(c.dep_ in ("det", "preconj") and c.lower_ in NO_ONE for c in subj.children)


def _thing(subj: Token) -> bool:
    """A subject that names a thing, not a source: a common noun (no name, no entity) that is no
    noun of people, bodies, documents or evidence, nor an agent's ("the increase", "a carbon tax",
    "the move", "EVs")."""
    if subj.pos_ != "NOUN" or counted(subj) is not None:
        return False
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
        return False  # a name set off beside it speaks ("…, Minyon Moore, a senior adviser, called …")
    words = core(subj)
    if any(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in words) or \
            any(e.start <= subj.i < e.end for e in doc_ents(subj.doc)):  # ("Monday's vote" names no one)
        return False
    if subj.text[:1].isupper() and subj.i > subj.sent.start:
        return False  # a capitalised word inside a sentence is a name the tagger missed ("Fields said")
    lemma, low = subj.lemma_.lower(), subj.lower_
    nouns = SOURCE_NOUNS | PERSON_NOUNS | SPEAKING_NOUNS
    return lemma not in nouns and low not in nouns and not AGENTIVE.search(low) and len(low) > 2


def _speaks(verb: Token, subj: Token) -> bool:
    """Whether a verb's subject is a source: not "the plan calls for", "the attack drew"; but any
    subject of a speech verb, and "filings show that"."""
    if verb.lemma_ in FORCEFUL:  # "Trump attacked the plan", but "Russia attacked the city", "troops fired back"
        return subj.lower_ in ("he", "she", "i") or subj.lemma_.lower() in PERSON_NOUNS or any(
            e.label_ == "PERSON" and e.start <= subj.i < e.end for e in subj.doc.ents)
    if subj.pos_ != "NOUN" or verb.lemma_ in SPEECH | QUOTE_TAG or phrasal_cue(verb):
        return True
    evidence = verb.lemma_ in EVIDENCE and any(c.dep_ == "ccomp" for c in verb.children)
    return subj.lower_ in ANONYMOUS_HEADS or names_speaker(subj) or evidence


def noun_cue(tok: Token, registry: SourceRegistry, memory: Memory) -> Found | None:
    """"Trump's claim that ...", "the allegation by the ministry that ...", "her decision to run",
    "his support for the bill"."""
    held, owner = noun_content(tok), noun_owner(tok)
    if held is None or owner is None:
        return None
    end = held.right_edge.idx + len(held.right_edge)
    return Found(held.left_edge.idx, end, tok.text, tok.idx, source_chain(owner, registry, memory), owner.idx)


def adjective_cue(tok: Token, registry: SourceRegistry, memory: Memory) -> Found | None:
    """"advisers were optimistic that ...", "he was skeptical about ..."."""
    held = attitude_content(tok)
    subj = subject(tok.head) if held is not None else None
    if held is None or subj is None:
        return None
    end = held.right_edge.idx + len(held.right_edge)
    return Found(held.left_edge.idx, end, tok.text, tok.idx, source_chain(subj, registry, memory), subj.idx)
