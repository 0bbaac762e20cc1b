"""Attributions: who the article says a claim comes from, and whom that source cites.

Over the dependency parse: reporting verbs with their subjects ("X said", "X told Y that"),
"according to X", statements ("an SVR statement reads"), quotes with the speaker after them, quotes
that run on into the next sentence, and speakers named by pronoun or role ("he added", "the Russian
envoy said") resolved to the named source earlier in the article. Chains: "Y, which cited X",
"Y, citing X", "X told Y (an outlet) that" give Y then X. Sentences without a source are the
article's own claims, kept apart (``unattributed_claims``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from headwater.enrich.sources import ANONYMOUS_HEADS, OFFICIAL_ROLES, SourceRegistry, describe

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from headwater.model import Article

REPORT_VERBS = frozenset(
    "say tell add note claim report accuse deny confirm admit warn announce stress state insist argue explain "
    "reveal disclose allege assert emphasize emphasise believe think suggest indicate write describe urge blame "
    "acknowledge estimate predict conclude declare promise pledge vow complain criticize criticise charge contend "
    "maintain observe recall tweet post respond reply testify concede demand propose recommend signal hint fear "
    "hope expect agree dismiss reject quote cite attribute read inform mention point reiterate underline "
    "show find call threaten boast lament talk discuss comment joke tout slam blast praise question wonder see "
    "want push predict concede defend repeat echo counter rebut dispute brag decry denounce condemn hail welcome "
    "applaud caution advise rail insist intend plan feel know support back appear seem document".split())
# Verbs whose subject reports only when they govern a clause ("polls show that", "the study found that").
CLAUSE_ONLY = frozenset("show find think believe hope expect fear agree point read see want intend plan feel know support "
                        "back appear seem document".split())
# Verbs that are speech whoever their subject is; with the others an inanimate subject does not
# speak ("the plan calls for", "the attack drew condemnation").
SPEECH = frozenset("say tell add note claim report ask write announce warn explain argue insist confirm deny admit "
                   "state reveal allege stress emphasize emphasise describe accuse blame urge suggest believe think "
                   "tweet post testify reply respond comment".split())
CITE_VERBS = frozenset("cite quote".split())
# Nouns that carry what someone said or believes when a clause hangs on them: "Trump's claim that ...".
SPEECH_NOUNS = frozenset(
    "claim claims statement statements allegation allegations assertion argument accusation accusations suggestion "
    "warning promise pledge insistence belief view answer response comment comments remark remarks "
    "acknowledgement acknowledgment denial call demand assessment prediction contention charge".split())
HEDGES = re.compile(r"\b(reportedly|allegedly|purportedly|apparently|is said to|are said to|was said to|were said to|"
                    r"is believed to|are believed to|rumou?red|unconfirmed|unverified)\b", re.I)
QUOTES = "\"“”«»"
# Characters between a quote and its speaker and verb: '…,” Zhuravlev said' (a comma and a space).
QUOTE_GAP = 4
# A short name, a colon, an opening quote: how headlines and transcripts attribute.
COLON_QUOTE = re.compile(r"^\s*([A-Z][^:“\"\n]{1,60}?)\s*:\s*[“\"]")
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}


@dataclass
class Found:
    claim_start: int
    claim_end: int
    cue: str
    cue_start: int
    chain: list[dict[str, Any]]
    speaker_start: int | None = None
    quote: bool = False
    nested: bool = False  # inside what another source says: "the envoy said the UN must demand ..."
    hedges: list[str] = field(default_factory=list)


class Memory:
    """What earlier sentences said: for pronouns, roles and "the sources" later on."""

    def __init__(self) -> None:
        self.chains: list[list[dict[str, Any]]] = []

    def same_person(self, src: dict[str, Any]) -> dict[str, Any]:
        """"Polyanskiy" later in the article is the "Dmitry Polyanskiy" with a role met before."""
        name = str(src.get("name") or "")
        for chain in reversed(self.chains):
            for s in chain:
                other = str(s.get("name") or "")
                if s.get("kind") == "person" and other != name and (other.endswith(" " + name) or name.endswith(" " + other)):
                    return s if len(other) >= len(name) else {**s, "name": name}
        return src

    def remember(self, chain: list[dict[str, Any]]) -> None:
        if chain:
            self.chains.append(chain)

    def resolve(self, words: str, registry: SourceRegistry) -> list[dict[str, Any]] | None:
        """The chain an anaphoric speaker ("he", "the sources", "the Russian envoy") refers to."""
        w = words.lower().strip()
        kind = PRONOUNS.get(w)
        chains: list[list[dict[str, Any]]] = self.chains
        for chain in reversed(chains):
            head = chain[0]
            if kind == "person" and head.get("kind") == "person" and head.get("name"):
                return [head]
            if kind in ("plural", "thing") and head.get("kind") != "person":
                return list(chain)
            toks = re.findall(r"[a-z]+", w)
            if toks and toks[0] in ("the", "this", "these", "those") and toks[-1] in ANONYMOUS_HEADS:
                for i, s in enumerate(chain):
                    if s.get("kind") == "anonymous" and s["name"].lower().split()[-1][:5] == toks[-1][:5]:
                        return list(chain[: i + 1])
            if toks and toks[0] == "the" and set(toks) & OFFICIAL_ROLES and head.get("kind") == "person" \
                    and head.get("state_affiliated"):
                cc = registry.country_of(words)
                if cc is None or cc == head.get("country"):
                    return [head]
        return None


def _core(tok: Token) -> list[Token]:
    """The noun phrase of a speaker without clauses hanging on it (relative clauses, appositions)."""
    drop = {"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "prep"}
    keep = [tok]
    for child in tok.children:
        if child.dep_ not in drop or (child.dep_ == "prep" and child.i < tok.i):
            keep.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("of", "to", "for") and all(
                t.pos_ in ("PROPN", "DET", "ADP", "NOUN", "ADJ", "PART") for t in child.subtree):
            keep.extend(child.subtree)  # "Foreign Intelligence Service of Russia", "Representative to the UN"
    return sorted(set(keep), key=lambda t: t.i)


def _source(tok: Token, registry: SourceRegistry, memory: Memory) -> list[dict[str, Any]]:
    """The chain a speaker token starts: itself (resolved) then whom it cites."""
    doc = tok.doc
    words = _core(tok)
    text = doc[words[0].i: words[-1].i + 1].text
    if tok.pos_ == "PRON" or (tok.lower_ in ("which", "who") and tok.dep_.startswith("nsubj")):
        if tok.lower_ in ("which", "who") and tok.head.dep_ == "relcl":
            return _source(tok.head.head, registry, memory)
        found = memory.resolve(tok.lower_, registry)
        return found or [{"name": tok.text, "kind": "anonymous", "country": None, "state_affiliated": None,
                          "text": tok.text, "unresolved": True}]
    if words[0].lower_ == "the" and (tok.lower_ in ANONYMOUS_HEADS or tok.lower_ in OFFICIAL_ROLES) and \
            not any(t.pos_ == "PROPN" for t in words):
        found = memory.resolve(text, registry)
        if found:
            return found
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start >= words[0].i and e.end <= words[-1].i + 1), None)
    if person is None:  # "Russia's ambassador, Vassily Nebenzya, told": the name stands in apposition
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        named = next((e for e in doc.ents if e.label_ == "PERSON" and appos is not None and e.start <= appos.i < e.end), None)
        if named is not None:
            src = describe(text, registry, person=named.text, role=text)
            return [memory.same_person(src)]
    if person is None and tok.pos_ == "PROPN" and tok.dep_ == "nsubj":
        # a second subject or a compound carries the role: "Russia's ambassador to the UN, Vassily Nebenzya"
        other = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i != tok.i), None)
        if other is not None and {t.lower_ for t in other.subtree} & OFFICIAL_ROLES:
            role_words = _core(other)
            role_text = doc[role_words[0].i: role_words[-1].i + 1].text
            if not registry.body(text) and not registry.outlets.by_name(text):
                return [memory.same_person(describe(text, registry, person=text, role=role_text))]
    ner = next((e.label_ for e in doc.ents if e.start <= tok.i < e.end), None)
    role = None
    if person is not None:
        role = doc[words[0].i: person.start].text.strip(" ,") or _appos_text(tok) or None
    has_name = any(t.pos_ == "PROPN" and registry.country_of(t.text) is None for t in words)
    src = describe(text, registry, ner=ner, person=person.text if person is not None else None, role=role,
                   has_name=has_name)
    if src["kind"] == "person":
        src = memory.same_person(src)
    chain = [src]
    for t in tok.subtree:  # "SANA, which cited anonymous local sources"; "Y, citing X"
        if t.lemma_ in CITE_VERBS and t.i != tok.i:
            obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj", "attr")), None)
            if obj is not None:
                chain.extend(_source(obj, registry, memory))
    return chain


def _appos_text(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "appos":
            return tok.doc[c.left_edge.i: c.right_edge.i + 1].text
    return None


def _subject(verb: Token) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or its governing verb's subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "Russia's ambassador to the UN, Vassily Nebenzya told": the name
        return next((c for c in reversed(subjects) if c.pos_ == "PROPN"), subjects[-1])
    for c in verb.children:
        if c.dep_ in ("nsubj",):
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted passages of a text (offsets of what is inside the marks), paired across sentences but
    never across paragraphs: “ opens, ” closes, a straight quote toggles."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        opened = None
        for m in re.finditer(r"[\"“”«»]", para.group(0)):
            ch, i = m.group(0), para.start() + m.start()
            if opened is None and ch != "”" and ch != "»":
                opened = i
            elif opened is not None and ch != "“" and ch != "«":
                spans.append((opened + 1, i))
                opened = None
    return spans


def _quote_spans(sent: Span) -> list[tuple[int, int]]:
    """The quoted passages that touch a sentence."""
    doc_quotes = getattr(sent.doc, "_quotes", None)
    if doc_quotes is None:
        doc_quotes = quote_spans(sent.doc.text)
    return [q for q in doc_quotes if q[0] < sent.end_char and sent.start_char < q[1]]


def _in_quotes(tok: Token, quotes: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in quotes)


def _content(verb: Token, subj: Token, sent: Span, quotes: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """Offsets of what the verb reports: the quote beside it ('“…,” Zhuravlev said', 'He added, “…”'),
    its clause, or the sentence."""
    left = min(verb.idx, subj.left_edge.idx)
    right = max(verb.idx + len(verb), subj.right_edge.idx + len(subj.right_edge))
    near = [q for q in quotes if q[1] - q[0] > 10 and (0 <= left - q[1] <= QUOTE_GAP or 0 <= q[0] - right <= QUOTE_GAP)]
    if near:
        best = min(near, key=lambda q: min(abs(left - q[1]), abs(q[0] - right)))
        if best[1] <= left:  # '“Part one,” Sanders said. “Part two.”': the quote goes on after the tag
            text = verb.doc.text
            tag_end = verb.sent.end_char
            after = [q for q in getattr(verb.doc, "_all_quotes", quote_spans(text))
                     if 0 <= q[0] - tag_end <= QUOTE_GAP and "\n" not in text[tag_end:q[0]]]
            if after and _is_tag_only(verb.sent, best):
                return best[0], after[0][1], True
        return best[0], best[1], True
    before, after_tag = left - sent.start_char, sent.end_char - right
    if before > 15 and after_tag > 15 and sent.text[max(0, before - 3):before].strip().endswith(","):
        return sent.start_char, sent.end_char, False  # "Take action now, they said, and you risk...": all of it
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.right_edge.i - c.left_edge.i >= 2:
            if c.i > verb.i:  # "X told Y that C1 and C2.": the rest of the sentence is what X said
                end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
                return c.left_edge.idx, max(end, c.right_edge.idx + len(c.right_edge)), False
            return sent.start_char, c.right_edge.idx + len(c.right_edge), False
    for c in verb.children:  # "calling for X", "talk about X", "called the charges unsubstantiated"
        target: Token | None = c if c.dep_ == "dobj" else None
        if c.dep_ == "prep" and c.lower_ in ("for", "about", "on", "against", "over", "to"):
            target = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if target is not None and target.right_edge.i - target.left_edge.i >= 2 and target.i > verb.i:
            end = sent.end_char - (1 if sent.text.rstrip()[-1:] in ".!" else 0)
            return target.left_edge.idx, max(end, target.right_edge.idx + len(target.right_edge)), False
    return sent.start_char, sent.end_char, False


def _is_tag_only(sent: Span, quote: tuple[int, int]) -> bool:
    """True when what the sentence holds after the quote is only its speech tag: '…,” Sanders said.'"""
    rest = sent.doc.text[quote[1]:sent.end_char]
    return len(rest.split()) <= 8


def _sentence(sent: Span, registry: SourceRegistry, memory: Memory) -> list[Found]:
    found: list[Found] = []
    quotes = _quote_spans(sent)
    for tok in sent:
        # "according to X"
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            chain = _source(pobj, registry, memory)
            phrase_end = pobj.right_edge.idx + len(pobj.right_edge)
            if tok.idx - sent.start_char > 3:
                start, end = sent.start_char, tok.idx  # claim, according to X.
            else:
                start, end = phrase_end, sent.end_char  # According to X, claim.
            found.append(Found(start, end, "according to", tok.idx, chain, pobj.idx))
        elif tok.lemma_ in REPORT_VERBS and tok.pos_ in ("VERB", "AUX") and not _in_quotes(tok, quotes):
            nested = any(a.lemma_ in REPORT_VERBS and any(c.dep_ in ("ccomp", "xcomp") and (c == tok or c.is_ancestor(tok))
                                                          for c in a.children) for a in tok.ancestors)
            subj = _subject(tok)
            if subj is None or (tok.lemma_ in CITE_VERBS and (subj.lower_ in ("which", "who") or tok.dep_ == "advcl")):
                continue  # "SANA, which cited sources", "X, citing Y, said": links of a chain, not attributions
            if tok.lemma_ in CLAUSE_ONLY and not quotes and not any(
                    c.dep_ == "ccomp" or (c.dep_ in ("dobj", "xcomp") and c.right_edge.i - c.left_edge.i >= 2)
                    for c in tok.children):
                continue  # "polls show that", "a poll shows Sanders leading", "wants the law repealed"; not "I see"
            if subj.pos_ == "NOUN" and tok.lemma_ not in SPEECH and subj.lower_ not in ANONYMOUS_HEADS \
                    and not _names_speaker(subj):
                continue  # "the plan calls for", "the attack drew": not a source speaking
            chain = _source(subj, registry, memory)
            for c in tok.children:  # "X, citing Y, said": Y is X's source
                if c.dep_ == "advcl" and c.lemma_ in CITE_VERBS:
                    obj = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
                    if obj is not None:
                        chain = chain + _source(obj, registry, memory)
            if tok.lemma_ == "tell":  # "X told Y (an outlet) that ...": the outlet reports what X told it
                heard = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
                if heard is not None:
                    recipient = _source(heard, registry, memory)
                    if recipient[0]["kind"] in ("outlet", "agency"):
                        chain = recipient[:1] + chain
            start, end, is_quote = _content(tok, subj, sent, quotes)
            if (start, end) == (sent.start_char, sent.end_char) and not is_quote:
                rest = [t for t in sent if not t.is_punct and t.i not in range(subj.left_edge.i, subj.right_edge.i + 1)
                        and t.i != tok.i and not (t.head == tok and t.dep_ in ("prep", "npadvmod", "advmod"))
                        and not (t.head.head == tok and t.head.dep_ == "prep")]
                if len(rest) < 4:
                    continue  # "Clinton said to People.": only the tag, nothing said
            found.append(Found(start, end, tok.text, tok.idx, chain, subj.idx, is_quote, nested=nested))
        elif tok.lemma_.lower() in SPEECH_NOUNS and tok.pos_ == "NOUN" and not _in_quotes(tok, quotes):
            # "Trump's claim that ...", "the allegation by the ministry that ..."
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and
                           any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None:
                by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
                owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if clause is not None and owner is not None and owner.pos_ in ("PROPN", "NOUN", "PRON"):
                chain = _source(owner, registry, memory)
                start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
                found.append(Found(start, end, tok.text, tok.idx, chain, owner.idx))
    colon = COLON_QUOTE.match(sent.text)
    if colon and not found:
        # 'Breitbart News: "The administration is still reluctant..."': a speaker, a colon, a quote
        head = sent.doc.char_span(sent.start_char + colon.start(1), sent.start_char + colon.end(1), alignment_mode="expand")
        if head is not None and any(t.pos_ == "PROPN" for t in head):
            q = next((q for q in quotes if q[0] >= sent.start_char + colon.end(0) - 1), None)
            if q is not None:
                found.append(Found(q[0], q[1], ":", sent.start_char + colon.end(1), _source(head.root, registry, memory),
                                   head.start_char, True))
    text = sent.text
    for f in found:
        f.hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(text)})
    return found


def _names_speaker(tok: Token) -> bool:
    """A common-noun subject speaks when it is a statement or report of a named body or a role."""
    words = {t.lower_ for t in tok.subtree}
    return bool(words & OFFICIAL_ROLES) or tok.lower_ in ("statement", "report", "communique", "study", "poll", "polls",
                                                          "survey", "ministry", "government", "army", "military",
                                                          "agency", "council", "coalition", "committee", "office",
                                                          "spokesman", "spokeswoman", "spokesperson", "command")


def find_attributions(doc: Doc, article: Article, registry: SourceRegistry) -> list[dict[str, Any]]:
    """Attributed claims of one article (chains nearest first), then its own-voice claims marked
    ``"sources": []``; offsets index ``article.text``."""
    memory = Memory()
    out: list[dict[str, Any]] = []
    prev_quote: list[dict[str, Any]] | None = None
    text = article.text
    for sent in doc.sents:
        found = _sentence(sent, registry, memory)
        stripped = sent.text.strip()
        if not found and prev_quote and stripped[:1] in QUOTES and out and out[-1]["sources"] == \
                [_public(s) for s in prev_quote]:
            # a quote running on from the previous speaker is more of the same claim
            last = out[-1]
            last["end"] = sent.end_char
            last["claim"] = text[last["start"]:last["end"]].strip(" ,“”\"")
            last["continued"] = True
            continue
        prev_quote = None
        for f in found:
            if not f.nested:
                memory.remember(f.chain)
            claim = text[f.claim_start:f.claim_end].strip(" ,“”\"")
            if len(claim.split()) < 3:
                continue
            out.append({"claim": claim, "start": f.claim_start, "end": f.claim_end, "cue": f.cue,
                        "cue_start": f.cue_start, "sources": [_public(s) for s in f.chain],
                        "hedges": f.hedges, "sourcing": _sourcing(f.chain), "quote": f.quote,
                        "nested": f.nested})
            if f.quote or stripped[-1:] in QUOTES or stripped[:1] in QUOTES:
                prev_quote = f.chain
        if not found and len(stripped.split()) >= 6 and stripped[-1:] not in ("?", ":"):
            hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(stripped)})
            out.append({"claim": stripped, "start": sent.start_char, "end": sent.end_char, "cue": None,
                        "sources": [], "hedges": hedges, "sourcing": "unattributed", "quote": False})
    return out


def _public(s: dict[str, Any]) -> dict[str, Any]:
    keep = ("name", "canonical", "kind", "country", "state_affiliated", "role", "body", "text")
    return {k: s.get(k) for k in keep if k in s}


def _sourcing(chain: list[dict[str, Any]]) -> str:
    """How good the sourcing is, from where the chain ends."""
    last = chain[-1] if chain else None
    if last is None:
        return "unattributed"
    if last.get("kind") == "anonymous":
        name = str(last.get("name", "")).lower()
        return "single unnamed source" if re.search(r"\b(a|one|an?)\b.*\bsource\b|\bsource$", name) else "unnamed sources"
    return "named"
