"""Parsers of the language packs, each making a spaCy ``Doc`` so every enricher reads one kind of
parse: natasha for Russian (tokens, lemmas, a UD dependency parse and PER/LOC/ORG entities with
their dictionary forms), and a blank spaCy pipeline with a rule sentencizer for languages without a
model (tokens and sentences only). Weights ship inside the packages; nothing is downloaded.
"""
from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from headwater.lang import Parser
from headwater.lang.blas import one_blas_thread
from headwater.lang.sentences import Abbreviations, abbreviated, merge_spans, of_language

if TYPE_CHECKING:
    from spacy.tokens import Doc

# natasha's entity types as spaCy's English labels, so label checks read the same in every language.
NATASHA_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
# Dictionary forms of entities ("Москве" -> "Москва") by (start_char, end_char), in Doc.user_data.
NORMALS = "headwater_normals"
# natasha's sentences as (start_char, end_char), in Doc.user_data. spaCy derives sentences from the
# parse, and natasha's parse now and then leaves two roots in one sentence ("Завод закрылся …,
# пишет газета." parsed as two trees): spaCy then cuts the sentence in two and a reporting
# tag loses the words it reports. natasha's segmenter cuts at sentence ends only.
SENTENCES = "headwater_sentences"
# A sentence's end glued to the next one: a word in lower case (two letters or more), its end mark and any
# closing quote, then a capitalised word.
GLUED = re.compile(r"(?<=[a-zа-яё]{2})[.!?]+[\"»”]?(?=[A-ZА-ЯЁ][a-zа-яё])")


def blank_parser(code: str) -> Parser:
    """Tokens and sentences for a language spaCy tokenizes but has no model for (uk, ar, fa, tr...)."""
    import spacy

    try:
        nlp = spacy.blank(code)
    except (ImportError, KeyError):  # spaCy has no tokenizer rules for it: the multilingual ones
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "؟", "।", "…", "\n"]})
    abbr = of_language(code)
    nlp.max_length = 10_000_000
    if abbr.empty:
        return nlp  # type: ignore[no-any-return]

    def parse(text: str) -> Doc:
        return _join_abbreviations(nlp(text), abbr)

    return parse


def _join_abbreviations(doc: Doc, abbr: Abbreviations) -> Doc:
    """The sentencizer's sentences joined where one ends with the dot of an abbreviation or an initial
    ("ген." + "Иванов", "एस." + "जयशंकर"): the sentencizer ends a sentence at every dot token. And
    split after an abbreviation the tokenizer keeps whole with its dot that ends one ("до 2050 г.
    Тогава"): the sentencizer ends none there."""
    text = doc.text
    ending = abbr.after_numbers | abbr.inside
    for i in range(1, len(doc)):
        tok = doc[i]
        prev = doc[i - 1] if not doc[i - 1].is_space or i < 2 else doc[i - 2]
        dot = prev.idx + len(prev.text) - 1
        if text[dot:dot + 1] != "." or tok.is_space:
            continue
        if tok.is_sent_start:
            if abbreviated(text, dot, abbr):
                tok.is_sent_start = False
        elif len(prev.text) > 1 and prev.text[:-1].lower() in ending and not abbreviated(text, dot, abbr):
            tok.is_sent_start = True
    return doc


def _morph_vocab() -> Any:
    """natasha's MorphVocab, opened from the dictionary package's own path: pymorphy2 otherwise
    looks its dictionaries up through pkg_resources, which recent setuptools no longer ships."""
    import pymorphy2_dicts_ru
    from natasha import MorphVocab
    from natasha.morph.vocab import MorphForm
    from pymorphy2.analyzer import MorphAnalyzer

    class _Vocab(MorphVocab):  # type: ignore[misc]
        def __init__(self) -> None:
            MorphAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), lang="ru", result_type=MorphForm)

    return _Vocab()


def natasha_parser() -> Parser:
    """Russian through natasha: segmentation, morphology, syntax and NER (news models)."""
    import spacy
    from natasha import Doc as NDoc
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    segmenter, vocab = Segmenter(), _morph_vocab()
    emb = NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    svocab = spacy.blank("ru").vocab  # Russian lexical attributes: lower_, like_num, is_quote

    abbr = of_language("ru")

    def parse(text: str) -> Doc:
        nd = NDoc(text)
        nd.segment(segmenter)
        _split_glued(nd, abbr)
        with one_blas_thread():  # the models' small matrix products: threads cost more than they save
            nd.tag_morph(morph)
            nd.parse_syntax(syntax)
            nd.tag_ner(ner)
        return _to_spacy(svocab, text, nd, vocab)

    return parse


def _split_glued(nd: Any, abbr: Abbreviations) -> None:
    """natasha's sentences cut where the text lost the space after a sentence's end ("войны.Демонтаж",
    "Бужанский.Сидор": 39 times in the narratives set's 94 Russian articles, scraped headings run into the
    text). A cut falls at a token's start only (natasha tokenizes "войны", ".", "Демонтаж"), never after the
    dot of one of the pack's abbreviations ("ул.Ленина")."""
    from natasha.doc import DocSent

    starts = {int(t.start) for t in nd.tokens}
    out: list[Any] = []
    for sent in nd.sents:
        cuts = [int(sent.start) + m.end() for m in GLUED.finditer(sent.text)
                if int(sent.start) + m.end() in starts and not abbreviated(nd.text, int(sent.start) + m.start(), abbr)]
        if not cuts:
            out.append(sent)
            continue
        bounds = [int(sent.start), *cuts, int(sent.stop)]
        out.extend(DocSent(a, b, nd.text[a:b]) for a, b in pairwise(bounds))
    if len(out) != len(nd.sents):
        nd.sents = out
        nd.envelop_sent_tokens()


def _lemma(vocab: Any, tok: Any) -> str:
    # Only words that carry meaning for the enrichers are looked up (verbs for cues, nouns and names
    # for sources and places): lemmatizing every token doubles natasha's time for nothing.
    if tok.pos in ("VERB", "NOUN", "PROPN", "ADJ"):
        tok.lemmatize(vocab)
        return str(tok.lemma)
    return str(tok.text).lower()


def _to_spacy(svocab: Any, text: str, nd: Any, vocab: Any) -> Doc:
    """natasha's tokens, parse and entities as a spaCy Doc whose text is exactly ``text``: what stands
    between tokens other than one space (new lines, double spaces) becomes a whitespace token hung on
    the word before it, so offsets index the article text."""
    from spacy.tokens import Doc as SDoc

    toks = [t for sent in nd.sents for t in sent.tokens]
    where: dict[str, int] = {}  # natasha token id -> position in the Doc
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    lemmas: list[str] = []
    morphs: list[str] = []
    deps: list[str] = []
    raw_heads: list[tuple[str, str] | int] = []  # (sentence prefix, head id) for words, an index for gaps

    def gap(chunk: str) -> None:
        words.append(chunk)
        spaces.append(False)
        pos.append("SPACE")
        lemmas.append(chunk)
        morphs.append("")
        deps.append("dep")
        raw_heads.append(max(len(words) - 2, 0) if len(words) > 1 else 1)

    if toks and toks[0].start > 0:
        gap(text[:toks[0].start])
    for i, t in enumerate(toks):
        where[t.id] = len(words)
        words.append(t.text)
        end = t.start + len(t.text)
        nxt = toks[i + 1].start if i + 1 < len(toks) else len(text)
        one_space = nxt > end and text[end] == " "
        spaces.append(one_space)
        pos.append(t.pos or "X")
        lemmas.append(_lemma(vocab, t))
        morphs.append("|".join(f"{k}={v}" for k, v in sorted((t.feats or {}).items())))
        deps.append("ROOT" if t.rel == "root" else t.rel or "dep")
        raw_heads.append((t.id, t.head_id))
        rest = text[end + (1 if one_space else 0):nxt]
        if rest:
            gap(rest)
    heads: list[int] = []
    for j, h in enumerate(raw_heads):
        if isinstance(h, int):
            heads.append(min(h, len(words) - 1))
            continue
        head = where.get(h[1])
        if head is None:  # natasha's root (head "s_0"), or a head outside the sentence
            deps[j] = "ROOT"
            head = j
        heads.append(head)
    _break_cycles(heads, deps)
    doc = SDoc(svocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
                morphs=morphs)
    ents: list[Any] = []
    normals: dict[tuple[int, int], str] = {}
    for span in nd.spans:
        s = doc.char_span(span.start, span.stop, label=NATASHA_LABELS.get(span.type, span.type),
                          alignment_mode="expand")
        if s is None or any(s.start < e.end and e.start < s.end for e in ents):
            continue
        ents.append(s)
        span.normalize(vocab)
        normals[(s.start_char, s.end_char)] = str(span.normal or span.text)
    doc.ents = ents
    doc.user_data[NORMALS] = normals
    # natasha's segmenter ends a sentence at "ген." before a name: joined by the pack's abbreviations
    doc.user_data[SENTENCES] = merge_spans(text, [(int(s.start), int(s.stop)) for s in nd.sents], of_language("ru"))
    return doc


def _break_cycles(heads: list[int], deps: list[str]) -> None:
    """Make every chain of heads end at a root (in place). natasha's parse now and then links two words
    to each other; spaCy takes such a tree but fails later (E039) when anything asks for a span's root,
    which sank 9 of 94 Russian articles of a news corpus. A word where a cycle closes becomes a root."""
    for j in range(len(heads)):
        seen: set[int] = set()
        k = j
        while heads[k] != k:
            if k in seen:
                heads[k], deps[k] = k, "ROOT"
                break
            seen.add(k)
            k = heads[k]
