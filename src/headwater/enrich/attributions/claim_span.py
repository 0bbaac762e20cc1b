"""What a reporting verb reports, as a span of the sentence: the quote beside its tag, its clause (up to
another's report set against it), the object of a stance ("called for restraint"), or the sentence; and
whether a tag trails the claim it closes ("…, RIA Novosti reported.")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.enrich.attributions.cues import CITE_VERBS
from headwater.enrich.attributions.quotes import quote_content
from headwater.enrich.attributions.verb_shapes import a_time, contrasting

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def content(verb: Token, subj: Token, sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """Offsets of what the verb reports: the quote beside it ('“…,” Zhuravlev said', 'He added, “…”'),
    its clause, or the sentence."""
    left = min(verb.idx, subj.left_edge.idx)
    right = max(verb.idx + len(verb), subj.right_edge.idx + len(subj.right_edge))
    borrowed = subj.head != verb and subj.i < verb.i and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    if borrowed:  # a speaker borrowed from the sentence ('“…,” the senator said, adding that he would appeal'):
        left, right = verb.idx, verb.idx + len(verb)  # the participle's own clause, not the quote by the tag
    quoted = quote_content(verb, sent, quotes, left, right)
    if quoted is not None:
        return quoted[0], quoted[1], True
    before, after_tag = left - sent.start_char, sent.end_char - right
    # (not when what opens the sentence only says when or how it was said and a clause follows the verb:
    # "In a statement, the ministry said Washington was to blame"; "Mr. Trump is reckless, the vice
    # president said, that …" is all of it)
    if not borrowed and before > 15 and after_tag > 15 and sent.text[max(0, before - 3):before].strip().endswith(",") and \
            not (any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) and _opener(verb, subj, sent)):
        return sent.start_char, sent.end_char, False  # "Take action now, they said, and you risk...": all of it
    inside = [c for c in verb.children if sent.start <= c.i < sent.end]
    # "X reported, citing Y, that Z": the parser may hang Z on "citing"; it is what X reported
    inside += [g for c in inside if c.dep_ == "advcl" and c.lemma_ in CITE_VERBS
               for g in c.children if g.dep_ == "ccomp" and g.i > c.i and sent.start <= g.i < sent.end]
    if not any(c.dep_ in ("ccomp", "xcomp") for c in inside):
        # "said in a statement posted on its website that 14 people …": the parser hangs the "that" clause
        # on the statement's participle; it is what was said
        inside += [g for c in inside if c.dep_ == "prep" and c.i > verb.i for g in c.subtree
                   if g.dep_ in ("ccomp", "acl") and g.i < sent.end and any(
                       m.dep_ == "mark" and m.lower_ == "that" for m in g.children) and any(
                       m.dep_ in ("nsubj", "nsubjpass") for m in g.children)][:1]
    for c in inside:
        if (c.dep_ in ("ccomp", "xcomp") or c.head != verb) and c.right_edge.i - c.left_edge.i >= 2:
            if c.i > verb.i:  # "X told Y that C1 and C2.": the rest of the sentence is what X said
                end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
                # from its "that" when the parser hangs something before it ("citing Y, that Z")
                mark = next((m for m in c.children if m.dep_ == "mark" and m.i < c.i), None)
                start = mark.idx if mark is not None and mark.i > c.left_edge.i and mark.i > verb.i else c.left_edge.idx
                end = max(end, c.right_edge.idx + len(c.right_edge))
                # up to what the speaker did next: "X said Y, but gave no details" (a comma and a
                # conjunction before it: "took advantage … and transferred" is more of what was said,
                # whatever the parser hangs it on)
                then = next((g for g in verb.children if g.dep_ == "conj" and g.i > c.right_edge.i), None)
                comma = then.doc[then.i - 2] if then is not None and then.i >= 2 else None
                if then is not None and comma is not None and comma.text == "," and comma.nbor().dep_ == "cc":
                    end = comma.idx
                # up to another's report set against it: "X said A, while Hamas said B"
                other = next((t for t in c.subtree if t.i > c.i and contrasting(t)), None)
                if other is not None and other.left_edge.idx > start:
                    mark = other.doc[other.left_edge.i - 1]
                    end = min(end, mark.idx if mark.text in (",", ";") else other.left_edge.idx)
                if (close := _closing_comma(verb)) is not None:  # "The mayor, who said the budget was balanced,
                    end = min(end, close.idx)  # resigned": what the relative clause says, up to its closing comma
                return start, end, False
            return sent.start_char, c.right_edge.idx + len(c.right_edge), False
    targets = [(c, t) for c in inside if (t := _target(c)) is not None and t.i > verb.i]
    for _, target in targets:  # "calling for X", "talk about X", "called the charges unsubstantiated"
        if target.right_edge.i - target.left_edge.i >= 2:
            end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
            return target.left_edge.idx, max(end, target.right_edge.idx + len(target.right_edge)), False
    if any(not (c.dep_ == "prep" and a_time(target)) for c, target in targets):
        # a short object ("called for restraint", "warns of 'catastrophe'", "denied any wrongdoing"):
        # the predicate, from the verb on, says what was said (fewer than three words are no claim:
        # "endorsed Cruz.")
        return verb.idx, sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0), False
    return sent.start_char, sent.end_char, False


def _closing_comma(verb: Token) -> Token | None:
    """The comma closing a relative clause set off by commas that the verb heads ("The mayor, who said …,
    resigned"), or None: not a relative clause, or one not closed by a comma right after it (a dash, a
    quote or the sentence's end may stand there while the parser's clause stops short of what was said)."""
    if verb.dep_ != "relcl":
        return None
    first, last = verb.left_edge, verb.right_edge
    if first.i == 0 or last.i + 1 >= len(verb.doc):
        return None
    before, after = verb.doc[first.i - 1], verb.doc[last.i + 1]
    return after if before.text == "," and after.text == "," else None


def _target(c: Token) -> Token | None:
    """What a verb's child makes the object of a stance: the object, or the object of "for", "about",
    "of", … ("calling for X", "talk about X", "warned of X")."""
    if c.dep_ == "dobj":
        return c
    if c.dep_ == "prep" and c.lower_ in ("for", "about", "on", "against", "over", "to", "of"):
        return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None



def trailing(verb: Token, subj: Token, sent: Span) -> bool:
    """Whether a cue is a tag set off at the end of a sentence: "…, RIA Novosti reported.", "…, said X"."""
    first = min(verb.i, subj.left_edge.i)
    after = [t for t in sent[max(verb.i, subj.right_edge.i) + 1 - sent.start:] if not t.is_punct]
    return first > sent.start and verb.doc[first - 1].text == "," and len(after) <= TAIL_WORDS and not any(
        t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in after)


# Words a tag may have after it and still trail, none a verb of its own: "…, Bill Clinton said this week
# at an event in Iowa." (with find.py's 4, such a tag counted as a cue inside the claim before it and lost its
# claim; PolNeAR content F1 0.745 -> 0.747 with 8 and three other fixes together, not measured apart)
TAIL_WORDS = 8


def _opener(verb: Token, subj: Token, sent: Span) -> bool:
    """Whether all that stands before the speaker modifies the verb: "In a statement, X said" (a
    phrase of when, where or how), not a clause of what was said."""
    mods = {t.i for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod", "advcl") and c.i < subj.i
            for t in c.subtree}
    return all(t.i in mods or t.is_punct for t in sent[:subj.left_edge.i - sent.start])
