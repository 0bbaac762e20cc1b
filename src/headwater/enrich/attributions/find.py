"""Attributions: who the article says a claim comes from, and whom that source cites.

Over the dependency parse: reporting verbs of speech, belief, stance and intent with their subjects
("X said", "X told Y that", "X wants", "X endorsed"; the cue words are in ``cues``),
nouns and adjectives that carry a claim ("Trump's claim that", "her decision to", "advisers were
confident that"), "according to X", statements ("an SVR statement reads"), quotes beside their
speech tag with all their parts and running on into the next sentence (``attribution_quotes``),
a quote signed with a dash ("“…” ― Ana Ruiz"), headline shapes ("Poll: …", "X Says …";
``attribution_headlines``), and speakers named by pronoun or role ("he added", "the Russian envoy
said") resolved to the named source earlier in the article. Chains: "Y, which cited X", "Y, citing
X", "X told Y (an outlet) that" give Y then X. Sentences without a source are the article's own
claims, kept apart (``unattributed_claims``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.cues import (
    ATTITUDE,
    ATTITUDE_ADJ,
    CUE_NOUNS,
    HEDGES,
    REPORT_VERBS,
    phrasal_cue,
)
from headwater.enrich.attributions.found import Found
from headwater.enrich.attributions.headlines import headline_attributions, is_headline, line_attribution
from headwater.enrich.attributions.known import UNDATED_TERM, date_floor, former_by
from headwater.enrich.attributions.quotes import (
    QUOTES,
    doc_quotes,
    in_quotes,
    opens_quote,
    quote_spans,
    sentence_quotes,
    sentences,
    trim,
)
from headwater.enrich.attributions.roles import article_roles, full_names
from headwater.enrich.attributions.sources import (
    FORMER,
    OFFICIAL_ROLES,
    STATE_NOUNS,
    Memory,
    SourceRegistry,
    affiliation,
    from_known,
    typed,
)
from headwater.enrich.attributions.speaker import source_chain, span_source
from headwater.enrich.attributions.verb_cues import adjective_cue, noun_cue, verb_cue
from headwater.enrich.attributions.verb_shapes import gives_figure
from headwater.enrich.doctext import text
from headwater.extract.dates import find_dates

__all__ = ["find_attributions", "quote_spans"]

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from headwater.model import Article

# A short name, a colon, an opening quote: how headlines and transcripts attribute.
COLON_QUOTE = re.compile(r"^\s*([A-Z][^:“\"\n]{1,60}?)\s*:\s*[“\"]")
# A quote, a dash, a name, and nothing else: '“We deserve better.” ― Ana Ruiz'.
DASH_TAG = re.compile(r"[”\"]\s*(?P<dash>[―—–])\s*(?P<who>[A-Z][^\s,.;:!?]*(?:\s+[A-Z][^\s,.;:!?]*){0,4})[\s,.]*$")


def _sentence(sent: Span, registry: SourceRegistry, memory: Memory) -> list[Found]:
    """The attributions of one sentence: its cues in the parse, then the tag shapes that stand
    outside it (a colon, a dash, a headline)."""
    found: list[Found] = []
    quotes = sentence_quotes(sent)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            f = _according_to(tok, sent, registry, memory)
        elif in_quotes(tok, quotes):
            continue
        elif (tok.lemma_ in REPORT_VERBS or phrasal_cue(tok) or gives_figure(tok)) and tok.pos_ in ("VERB", "AUX"):
            f = verb_cue(tok, sent, quotes, registry, memory)
        elif tok.lemma_.lower() in CUE_NOUNS and tok.pos_ == "NOUN":
            f = noun_cue(tok, registry, memory)
        elif tok.lemma_.lower() in ATTITUDE_ADJ and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            f = adjective_cue(tok, registry, memory)
        else:
            continue
        if f is not None:
            found.append(f)
    if not found:
        f = _colon_quote(sent, quotes, registry, memory) or _dash_quote(sent, registry, memory)
        found = [f] if f is not None else []
    heads = headline_attributions(sent) if is_headline(sent) else []
    line = line_attribution(sent, registry) if not heads and not found else None
    heads += [line] if line is not None else []
    found = [Found(h.claim_start, h.claim_end, h.cue, h.cue_start, span_source(h.speaker, registry, memory),
                   h.speaker.start_char) for h in heads] or found
    for f in found:
        f.hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(sent.text)})
    return found


def _according_to(tok: Token, sent: Span, registry: SourceRegistry, memory: Memory) -> Found | None:
    """'According to X, claim.' and 'Claim, according to X.'"""
    pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    chain = source_chain(pobj, registry, memory)
    if tok.idx - sent.start_char > 3:
        # (up to the comma before "according": the claim's offsets span its own words)
        start, end = sent.start_char, sent.start_char + len(sent.text[:tok.idx - sent.start_char].rstrip(" ,;"))
    else:
        start, end = pobj.right_edge.idx + len(pobj.right_edge), sent.end_char
    return Found(start, end, "according to", tok.idx, chain, pobj.idx)



def _colon_quote(sent: Span, quotes: list[tuple[int, int]], registry: SourceRegistry, memory: Memory) -> Found | None:
    """'Breitbart News: "The administration is still reluctant..."': a speaker, a colon, a quote."""
    colon = COLON_QUOTE.match(sent.text)
    if not colon:
        return None
    head = sent.doc.char_span(sent.start_char + colon.start(1), sent.start_char + colon.end(1), alignment_mode="expand")
    q = next((q for q in quotes if q[0] >= sent.start_char + colon.end(0) - 1), None)
    if head is None or q is None or not any(t.pos_ == "PROPN" for t in head):
        return None
    return Found(q[0], q[1], ":", sent.start_char + colon.end(1), source_chain(head.root, registry, memory),
                 head.start_char, True)


def _dash_quote(sent: Span, registry: SourceRegistry, memory: Memory) -> Found | None:
    """'“We deserve better.” ― Ana Ruiz': an epigraph's quote and its speaker after a dash (who does
    not speak on into the next quote)."""
    doc = sent.doc
    base = max(0, sent.start_char - 3)  # the dash may start a sentence of its own
    dash = DASH_TAG.search(text(doc)[base:sent.end_char])
    if not dash:
        return None
    mark = base + dash.start()
    q = next((q for q in doc_quotes(doc) if q[1] == mark and text(doc)[q[0] - 1] in "“\""), None)
    who = doc.char_span(base + dash.start("who"), base + dash.end("who"), alignment_mode="expand")
    if q is None or who is None:
        return None
    return Found(q[0], q[1], dash.group("dash"), base + dash.start("dash"), span_source(who, registry, memory),
                 who.start_char, True, runs_on=False)


def find_attributions(doc: Doc, article: Article, registry: SourceRegistry) -> list[dict[str, Any]]:
    """Attributed claims of one article (chains nearest first), then its own-voice claims marked
    ``"sources": []``; offsets index ``article.text``."""
    memory = Memory(registry, article_roles(doc), full_names(doc))
    out: list[dict[str, Any]] = []
    prev_quote: list[dict[str, Any]] | None = None
    text = article.text
    places = {str(p.get("surface")): str(p["country"]) for p in article.places if p.get("country") and p.get("surface")}
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    floor = date_floor([d.iso for d in find_dates(text)]) if year is None else None
    for sent in sentences(doc):
        found = _tags_cut([f for f in (_voice(f, article, registry) for f in _sentence(sent, registry, memory))
                                 if f is not None], doc)
        for f in found:
            f.chain = [_placed(_dated(s, year, registry, floor), places) for s in f.chain]
        stripped = sent.text.strip()
        last = out[-1] if out and out[-1]["sources"] else None
        if not found and last is not None and sent.end_char <= last["end"] + 2:
            continue  # inside the quote the last claim already holds
        if not found and prev_quote and opens_quote(stripped) and last is not None and last["sources"] == \
                [_public(s) for s in prev_quote]:
            # a quote running on from the previous speaker is more of the same claim, to its closing mark
            ends = [q[1] for q in doc_quotes(doc) if sent.start_char <= q[0] <= sent.start_char + 3]
            if "\n" in text[last["end"]:sent.start_char]:  # a new paragraph of the quote: a claim of its own
                out.append({**last, "start": sent.start_char, "end": sent.end_char})
                last = out[-1]
            last["end"] = max(last["end"], sent.end_char, *ends)
            last["claim"] = trim(text[last["start"]:last["end"]])
            last["continued"] = True
            continue
        prev_quote = None
        for f in found:
            if not f.nested:
                # the outlet a speaker told, remembered before the speaker: "he said" later is the
                # speaker, "the agency said" may still be the outlet
                told = [s for s in f.chain[:1] if s.get("_told")]
                if told:
                    memory.remember(told)
                memory.remember(f.chain[len(told):] or f.chain)
            claim = trim(text[f.claim_start:f.claim_end])
            if len(claim.split()) < 3:
                continue
            out.append({"claim": claim, "start": f.claim_start, "end": f.claim_end, "cue": f.cue,
                        "cue_start": f.cue_start, "sources": [_public(s) for s in f.chain],
                        "hedges": f.hedges, "sourcing": _sourcing(f.chain), "quote": f.quote,
                        "nested": f.nested, **({"attitude": True} if _attitude(doc, f) else {})})
            if f.runs_on and (f.quote or stripped[-1:] in QUOTES or opens_quote(stripped) or stripped.endswith("''")):
                prev_quote = f.chain
        if not found and len(stripped.split()) >= 6 and stripped[-1:] not in ("?", ":"):
            hedges = sorted({m.group(0).lower() for m in HEDGES.finditer(stripped)})
            out.append({"claim": stripped, "start": sent.start_char, "end": sent.end_char, "cue": None,
                        "sources": [], "hedges": hedges, "sourcing": "unattributed", "quote": False})
    return out


def _attitude(doc: Doc, f: Found) -> bool:
    """Whether the cue says what its holder wants, plans or decided ("wants to", "refused to", "her
    decision to"), not what the holder said (``cues.ATTITUDE``)."""
    if f.quote:
        return False  # a quote is speech whatever the verb beside it
    span = doc.char_span(f.cue_start, f.cue_start + len(f.cue), alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].lemma_.lower() in ATTITUDE


# A tag trails a claim when at most this many words follow its cue to the claim's end ("…, Reuters
# reported on Tuesday, citing a statement."); a cue with more after it heads a clause of its own
# ("Speaking at the council, Sabbagh attributed the attacks to …": no tag to cut at).
# Measured on PolNeAR (visible part, 508 articles, content F1 / matched attributions / source accuracy, all
# else as of review10): 8: 0.743 / 8,314 / 0.877; 6: 0.746 / 8,342; 4: 0.747 / 8,359 / 0.876; 3: 0.748 / 8,363;
# 2: 0.748 / 8,367; 1 and 0: 0.748 / 8,370-8,371 / 0.877. 4 kept over 8 (set by hand before). Below 4 the
# gains are a mix of 40 claims each way: "In the meantime, X pushed Y" no longer cut at its opener, but
# "…, according to exit polling data" and "…, Hollande said Tuesday in Paris" left inside their claims.
TAG_TAIL_WORDS = 4


def _tags_cut(found: list[Found], doc: Doc) -> list[Found]:
    """A claim ends where a tag trailing it begins: in "X said that Y, Reuters reported" X's claim is
    "that Y", not "that Y, Reuters reported", and Reuters' is "X said that Y" (a tag: a speaker and
    cue set off by a comma at the end of a claim that starts at or before the claim it cuts). "X said
    A, adding that B" is two claims of X's: A, then B."""
    text = doc.text

    def cut_at(g: Found) -> int | None:
        """Where a claim ends that g's tag trails: at the comma before its speaker as written, or before its
        cue ("according to"); None when it does not trail (more words after the cue, or a verb of their
        own: "Bob, they said, ordered them to wait") or is not set off by a comma."""
        end = g.cue_start + len(g.cue)
        tail = doc.char_span(end, max(end, g.claim_end), alignment_mode="expand")
        if tail is not None and (len([t for t in tail if not t.is_punct]) > TAG_TAIL_WORDS or any(
                t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in tail)):
            return None
        head = min(g.cue_start, g.speaker_start if g.speaker_start is not None else g.cue_start)
        written = str(g.chain[0].get("text") or "") if g.chain else ""
        at = text.rfind(written, g.claim_start, end + len(written) + 1) if written else -1
        at = at if g.claim_start <= at <= head else head
        lead = text[:at].rstrip()
        return len(lead) - 1 if lead.endswith(",") else None  # (the comma: the claim's span ends where its text does)

    for f in found:
        for g in found:
            if g is not f and g.claim_start <= f.claim_start < g.cue_start < f.claim_end:
                at = cut_at(replace(g, claim_end=f.claim_end))
                if at is not None and at > f.claim_start:
                    f.claim_end = at
            elif g is not f and g.chain == f.chain and f.claim_start < g.cue_start < f.claim_end <= g.claim_end and \
                    text[f.claim_start:g.cue_start].rstrip().endswith(","):
                f.claim_end = text.rindex(",", f.claim_start, g.cue_start)  # "X said A, adding that B": A, then B
        if not f.quote and f.claim_start < f.cue_start < f.claim_end:
            at = cut_at(f)
            if at is not None and at > f.claim_start:
                f.claim_end = at
    return found


def _voice(f: Found, article: Article, registry: SourceRegistry) -> Found | None:
    """The author's own voice goes to the outlet when the article shows it, else to its byline (a
    named person, affiliation unknown), else to "the author": the article's own voice, no source
    of unknown affiliation but no source at all (counted as unattributed); never to the last
    person named."""
    if not f.chain or not f.chain[0].get("author"):
        return f
    if article.outlet is None:
        byline = (article.author or "").strip()
        k = registry.known.get(byline) if byline and ";" not in byline else None
        if k is not None and k.kind == "person":  # a byline the registry knows ("Philip Giraldi"): typed by it
            known = from_known(k, byline, f.chain[0]["text"])
            f.chain = [{**known, "resolved_from": f.chain[0]["text"], "inferred": True, "author_voice": True},
                       *f.chain[1:]]
            return f
        f.chain = [typed({"name": byline or "the author", "kind": "person" if byline else "author",
                          "country": None, "state_affiliated": None,
                          "text": f.chain[0]["text"], "resolved_from": f.chain[0]["text"], "inferred": True,
                          "author_voice": True}, None), *f.chain[1:]]
        return f
    o = article.outlet
    outlet = typed({"name": o.name, "kind": "outlet", "country": o.country, "state_affiliated": o.state_affiliated,
                    "text": f.chain[0]["text"], "resolved_from": f.chain[0]["text"], "inferred": True,
                    "author_voice": True}, f"outlet:{o.id}")
    f.chain = [outlet, *f.chain[1:]]
    return f


def _placed(src: dict[str, Any], places: dict[str, str]) -> dict[str, Any]:
    """An official whose role names a place the article placed: "the Belgorod governor" is Russia's."""
    words = str(src.get("role") or src.get("name") or "")
    if src.get("affiliation") not in ("unknown", "state") or src.get("country") or not \
            set(re.findall(r"[a-z]+", words.lower())) & (OFFICIAL_ROLES | STATE_NOUNS) or FORMER.search(words):
        return src
    cc = next((cc for surface, cc in places.items() if re.search(rf"\b{re.escape(surface)}\b", words)), None)
    if cc is None:
        return src
    return typed({**src, "country": cc, "state_affiliated": True}, f"role:{words} (place: {cc})")


def _dated(src: dict[str, Any], year: int | None, registry: SourceRegistry, floor: int | None = None) -> dict[str, Any]:
    """A registry person's affiliation in the article's year: in office, or former; in an undated
    article, former when the text names a date after their last term ended (``known.former_by``)."""
    k = registry.known.get(str(src.get("canonical") or "")) if src.get("entity") else None
    if k is None or not str(src.get("typed_by") or "").startswith("registry:"):
        return src
    if year is None:
        note = former_by(k, floor) if str(src.get("typing_note") or "").startswith(UNDATED_TERM) else None
        if note is None:
            return src
        out = {**src, "state_affiliated": False, "typing_note": note}
        out["affiliation"] = affiliation(out)
        return out
    state, basis = k.affiliated_in(year)
    out = {**src, "state_affiliated": state, "typing_note": f"{basis} in {year}"}
    out["affiliation"] = affiliation(out)
    return out


def _public(s: dict[str, Any]) -> dict[str, Any]:
    keep = ("name", "canonical", "kind", "country", "state_affiliated", "role", "body", "text",
            "resolved_from", "inferred", "unresolved",  # a pronoun resolved to an earlier speaker says so
            "entity", "typed_by", "affiliation", "intergovernmental", "typing_note", "role_from", "author_voice",
            "described")
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
