"""The throughput work (issue 16, item 5) changes no annotation and no finding: the fast attribute ruler
and lemmatizer annotate as spaCy's do, the batched per-article step gives what the one-by-one step gives,
and the cached lookups answer as the walks they replace."""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from headwater.enrich.doctext import span_ents
from headwater.enrich.registry import Context, Enricher
from headwater.lang.fastpipe import FastAttributeRuler, FastLemmatizer, speed_up
from headwater.model import InputError, RawInput
from headwater.pipeline import default_enrichers
from headwater.resources import Resources, load_nlp
from headwater.work import process, process_batch

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "seeds"

# Shapes the English ruler and lemmatizer have exceptions for: contractions, "gonna", "y'all", "ain't",
# pronouns as subject and object, expletive "there is", auxiliaries, whitespace tokens, dialect spellings.
TEXTS = [
    "I'd say they ain't gonna win, y'all.\n\nThere is nothin' left, said the mayor of Aleppo on Monday.",
    "She told him: \"We have been shelled since 2011.\"  The U.S. State Department said it had no comment.",
    "Let's go. Gotta see 'em. C'mon!   Is it true that the 12 soldiers were killed?",
    "The ministry didn't confirm whether the strikes, which hit Idlib, had killed civilians.",
]


def _annotations(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return load_nlp(fast=False), load_nlp()


def test_the_fast_components_annotate_as_spacys(pipelines: tuple[Any, Any]) -> None:
    stock, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    texts = TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for text in texts:
        assert _annotations(fast(text)) == _annotations(stock(text))
    # again, from the caches
    assert [_annotations(d) for d in fast.pipe(texts)] == [_annotations(stock(t)) for t in texts]


def test_a_ruler_of_every_supported_kind_matches_as_the_matcher_does() -> None:
    import spacy

    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"LOWER": {"IN": ["rebels", "forces"]}}]], "attrs": {"POS": "NOUN", "LEMMA": "force"}},
        {"patterns": [[{"LOWER": {"REGEX": "^al-"}}, {"IS_TITLE": True}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": "al-nusra"}, {"LOWER": "front"}]], "attrs": {"LEMMA": "Front"}, "index": 1},
        {"patterns": [[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [","]}}]], "attrs": {"POS": "PUNCT"}},
        {"patterns": [[{"IS_DIGIT": True}], [{"LIKE_NUM": True}]], "attrs": {"POS": "NUM", "MORPH": "NumType=Card"}},
        {"patterns": [[{"LOWER": "forces"}]], "attrs": {"LEMMA": "forces"}},  # later patterns win
    ]
    stock = spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(patterns)
    fast = spacy.blank("en")
    fast.add_pipe("attribute_ruler").add_patterns(patterns)
    assert speed_up(fast) == ["attribute_ruler"]
    for text in ["Rebels and al-Nusra Front forces took 12 villages, three towns.", "Forces, al-qaeda Men. 7!"]:
        assert _annotations(fast(text)) == _annotations(stock(text))


def test_a_ruler_with_patterns_it_cannot_read_is_left_to_spacy() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    assert speed_up(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_the_fast_pipeline_travels_to_workers(pipelines: tuple[Any, Any]) -> None:
    stock, fast = pipelines
    copy = pickle.loads(pickle.dumps(fast))
    assert _annotations(copy(TEXTS[0])) == _annotations(stock(TEXTS[0]))


def test_span_ents_are_the_spans_entities(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    doc = fast(" ".join(TEXTS))
    spans = [*doc.sents, doc[0:0], doc[3:9], doc[:], *(doc[e.start:e.end + 1] for e in doc.ents)]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in span_ents(span)] == [(e.start, e.end, e.label_) for e in span.ents]


def _fails_on_second(ctx: Context) -> None:
    if "second" in ctx.article.text:
        raise ValueError("this one fails")


FAILS = Enricher("fails/1", (), (), _fails_on_second)


def test_the_batched_step_gives_what_the_step_gives_one_by_one(resources: Resources) -> None:
    enrichers = default_enrichers()
    raws = [RawInput(p.name, p.read_text(encoding="utf-8"), "text") for p in sorted(EXAMPLES.glob("*.txt"))]
    raws += [RawInput("empty.txt", "", "text"),
             RawInput("ru.txt", "Министр обороны заявил, что войска отошли от Харькова.\n", "text"),
             RawInput("title.txt", "Rebels Say They Took the Town\n\nRebels said on Sunday they took the town.\n", "text")]
    one_by_one = [process(r, resources, enrichers) for r in raws]
    batched = process_batch(raws, resources, enrichers)
    assert any(isinstance(r, InputError) for r in one_by_one)  # the empty input: an error either way
    assert [repr(r) for r in batched] == [repr(r) for r in one_by_one]


def test_one_inputs_failure_in_a_batch_is_its_own(resources: Resources) -> None:
    raws = [RawInput(f"{n}.txt", f"The {n} story.\n\nOfficials said the {n} ferry left on time.\n", "text")
            for n in ("first", "second", "third")]
    out = process_batch(raws, resources, [*default_enrichers(), FAILS])
    assert [type(r).__name__ for r in out] == ["Article", "InputError", "Article"]
    assert isinstance(out[1], InputError) and "this one fails" in out[1].reason
