"""Broad narratives without a codebook: articles grouped by the distinctive words of their claims."""
from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.link.broad import BROAD_SIM, average_linkage, broad_narratives, said, words
from headwater.model import Article, key


def naive_average_linkage(sim: np.ndarray, cut: float) -> set[frozenset[int]]:
    """The textbook algorithm: join the two groups with the highest mean similarity while it is >= cut."""
    groups = [[i] for i in range(len(sim))]
    while len(groups) > 1:
        best, pair = -np.inf, None
        for a, b in itertools.combinations(range(len(groups)), 2):
            m = float(np.mean([sim[i, j] for i in groups[a] for j in groups[b]]))
            if m > best:
                best, pair = m, (a, b)
        if best < cut or pair is None:
            break
        a, b = pair
        groups[a] += groups.pop(b)
    return {frozenset(g) for g in groups}


def test_average_linkage_joins_as_the_textbook_algorithm_does() -> None:
    rng = np.random.default_rng(3)
    for n, cut in ((2, 0.1), (7, 0.2), (12, 0.35), (18, 0.3)):
        x = rng.normal(size=(n, 5))
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        sim = x @ x.T
        got = {frozenset(g) for g in average_linkage(sim, cut)}
        assert got == naive_average_linkage(sim, cut)
        assert sorted(i for g in got for i in g) == list(range(n))  # a partition


def test_words_keep_the_marks_of_their_script() -> None:
    # Devanagari vowel signs are combining marks: without them "रूस" would fall apart
    assert words("रूस ने कहा कि यूक्रेन") == ("रूस", "ने", "कहा", "कि", "यूक्रेन")
    assert words("The 2024 report, «Газпром»!") == ("the", "report", "газпром")


STORY_A = [  # one story retold over three incidents, in new sentences each time
    "The mayor of Ostrava said the lithium refinery poisoned the Oder river fishermen.",
    "Fishermen on the Oder blame the lithium refinery for the dead fish, the mayor said.",
    "Another lithium spill from the refinery reached the Oder, fishermen told reporters.",
]
STORY_B = [
    "The orchestra of Tallinn cancelled its winter tour after the violinists strike.",
    "Striking violinists forced the Tallinn orchestra to cancel concerts in winter.",
    "The Tallinn orchestra said the violinists strike would end before the winter tour.",
]
NOUNS = "bakery pier museum library tram ferry choir stadium orchard bridge market theatre clinic garden".split()
DOERS = "volunteers nurses students farmers pilots bakers divers sailors miners tailors poets judges clerks monks".split()


def background(i: int) -> str:
    """Two sentences of local news of their own (content words no other article uses; the function
    words every article uses, as in real news)."""
    return (f"The {NOUNS[i]} of the town was opened on a Monday by the {DOERS[i]}. "
            f"In the spring the {DOERS[i]} will be back at the {NOUNS[i]} for a day and a night.")


OTHERS = [  # (a tiny corpus cannot tell a function word from a rare one: these share none with the stories)
    "The harbour of Split was rebuilt once the earthquake had passed.",
    "A rare owl was seen nesting in the old bell tower of the church.",
]


def _corpus(sents: list[str], language: str = "en", local: bool = True) -> dict[int, Article]:
    arts = {}
    for row, s in enumerate(sents, 1):
        text = f"{s} {background(row - 1)}" if local and language == "en" else s
        a = Article(source=f"{row}.txt", title=None, text=text, language=language)
        a.findings["claims"] = find_claims(a, HashingEmbedder())
        arts[row] = a
    return arts


def test_articles_telling_one_story_are_one_broad_narrative_with_spans() -> None:
    arts = _corpus(STORY_A + STORY_B + OTHERS)  # and two articles of their own
    found = broad_narratives(arts)
    groups = {frozenset(n["article_ids"]) for n in found}
    assert groups == {frozenset(key(r) for r in (1, 2, 3)), frozenset(key(r) for r in (4, 5, 6))}
    for n in found:
        assert n["level"] == "broad" and n["label"]
        for c in n["claims"]:  # every cited claim points at its sentence
            text = arts[int(c["article_id"][1:])].text
            assert text[c["start"]:c["end"]] == c["text"]
    oder = next(n for n in found if key(1) in n["article_ids"])
    assert "Oder" in oder["label"] or "lithium" in oder["label"]


def test_broad_narratives_stay_within_a_language_and_leave_what_is_held() -> None:
    en = _corpus(STORY_A)
    ru = _corpus(["Мэр Остравы заявил, что литиевый завод отравил реку Одер.",
                  "Рыбаки на Одере обвиняют литиевый завод в гибели рыбы."], language="ru")
    arts = {**en, **{r + 10: a for r, a in ru.items()}}
    groups = [set(n["article_ids"]) for n in broad_narratives(arts)]
    assert all(len({arts[int(k[1:])].language for k in g}) == 1 for g in groups)
    assert broad_narratives(en, leave={1, 2}) == []  # one article left: no narrative of one
    assert BROAD_SIM > 0


def test_an_update_groups_again_only_where_new_articles_fall_and_agrees_with_a_full_link() -> None:
    from headwater.link.builtin import BUILTIN
    from tests.test_link_update import link_in_batches, pairs_of

    # (no local news: its templated sentences would be one claim retold, and hold every article)
    arts = _corpus(STORY_A[:2] + STORY_B[:2] + OTHERS + [STORY_A[2], STORY_B[2]], local=False)
    corpus = sorted(arts.items())
    full = link_in_batches(corpus, [len(corpus)], BUILTIN)
    added = link_in_batches(corpus, [6, len(corpus)], BUILTIN)  # the third retelling of each story comes later
    assert pairs_of(added["narratives"], "broad") == pairs_of(full["narratives"], "broad")
    assert frozenset({key(1), key(7)}) in pairs_of(added["narratives"], "broad")
    ids = [n["id"] for n in added["narratives"]]
    assert len(ids) == len(set(ids)) and {p["narrative_id"] for p in added["provenance"]} == set(ids)


def _with_vectors(lang: str, direction: np.ndarray, rows: range, rng: np.random.Generator) -> dict[int, Article]:
    from headwater.embed import pack

    arts = {}
    for row in rows:
        a = Article(source=f"{row}.txt", text="x", language=lang)
        v = direction + 0.05 * rng.normal(size=len(direction))
        a.findings["claims"] = [{"n": 0, "text": "x", "lang": lang, "_vector": pack(v / np.linalg.norm(v))}]
        arts[row] = a
    return arts


def _narrative(lang: str, rows: range) -> dict[str, Any]:
    """A broad narrative of one language over the given rows, as ``broad_narratives`` writes one."""
    return {"key": f"broad:{lang}{rows[0]}", "label": lang, "level": "broad", "article_ids": [key(r) for r in rows],
            "claims": [{"article_id": key(r), "claim_id": 0} for r in rows], "outlets": [], "countries": [],
            "languages": [lang], "first_seen": None, "last_seen": None, "known_narrative": None}


def test_narratives_of_two_languages_that_mean_the_same_are_merged_and_one_language_never_directly() -> None:
    from headwater.link.broad import across_languages

    rng = np.random.default_rng(0)
    east, west = np.eye(16)[0], np.eye(16)[1]
    arts = {**_with_vectors("en", east, range(1, 4), rng), **_with_vectors("ru", east, range(4, 7), rng),
            **_with_vectors("en", west, range(7, 10), rng), **_with_vectors("en", east, range(10, 12), rng)}

    found = [_narrative("en", range(1, 4)), _narrative("ru", range(4, 7)), _narrative("en", range(7, 10)),
             _narrative("en", range(10, 12))]
    merged = across_languages(found, arts, {})
    groups = sorted(sorted(n["article_ids"], key=lambda k: int(k[1:])) for n in merged)
    # the Russian group joins one English group of its meaning (not both: two English groups were kept apart)
    assert [key(r) for r in range(4, 7)] not in groups
    joined = next(g for g in groups if key(4) in g)
    assert set(joined) in ({key(r) for r in range(1, 7)}, {key(r) for r in (4, 5, 6, 10, 11)})
    assert [key(r) for r in range(7, 10)] in groups  # another meaning stays apart
    assert next(n for n in merged if key(4) in n["article_ids"])["languages"] == ["en", "ru"]


def test_with_multilingual_vectors_the_narratives_link_whole_on_an_update() -> None:
    from headwater.embed.e5 import E5Embedder
    from headwater.link.builtin import BUILTIN, NARRATIVES
    from headwater.link.index import MemoryIndex
    from headwater.link.registry import LinkContext, run_linkers

    rng = np.random.default_rng(1)
    arts = {**_with_vectors("en", np.eye(16)[0], range(1, 5), rng), **_with_vectors("ru", np.eye(16)[0], range(5, 9), rng)}
    for a in arts.values():
        a.findings["claims"][0]["_embedder"] = E5Embedder.name
    corpus = sorted(arts.items())
    index, state = MemoryIndex(), dict[str, object]()
    previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:6], index=index, state=state))
    ctx = LinkContext(corpus, new=[6, 7, 8], previous={k: list(v) for k, v in previous.items()}, index=index, state=state)
    run_linkers(BUILTIN, ctx)
    assert NARRATIVES.name not in ctx.updated  # merged across languages: linked whole
    lexical = {r: a for r, a in _corpus(STORY_A + STORY_B, local=False).items()}
    corpus = sorted(lexical.items())
    index, state = MemoryIndex(), {}
    previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:4], index=index, state=state))
    ctx = LinkContext(corpus, new=[5, 6], previous={k: list(v) for k, v in previous.items()}, index=index, state=state)
    run_linkers(BUILTIN, ctx)
    assert NARRATIVES.name in ctx.updated


def test_a_narrative_of_two_languages_says_which_told_it_first() -> None:
    from headwater.link.broad import _merged
    from headwater.link.claims import ClaimRow, describe
    from headwater.report.narratives import languages_words, narrative_facts

    dated = {1: ("ru", "2023-03-01"), 2: ("en", "2023-03-04"), 3: ("en", "2023-02-20"), 4: ("bg", None)}
    arts = {row: Article(source=f"{row}.txt", text="x", language=lang, published=day)
            for row, (lang, day) in dated.items()}
    rows = [ClaimRow(row, {"n": 0, "text": "x", "lang": arts[row].language}) for row in dated]
    x = np.ones((len(rows), 4), dtype=np.float32) / 2
    n = describe(list(range(len(rows))), rows, x, arts, "broad")
    # each language's earliest dated article; a language with no date is left out, not put last
    assert n["first_seen_by_language"] == {"en": "2023-02-20", "ru": "2023-03-01"}
    f = narrative_facts(n, None, 0, [])
    assert f["first_language"] == ("en", "2023-02-20")
    assert languages_words(f) == "bg, en, ru (first in en, 2023-02-20)"
    # merged across languages, the earliest of each language is kept
    other = {**n, "key": "broad:other", "first_seen_by_language": {"ru": "2023-01-05"}}
    assert _merged([n, other])["first_seen_by_language"] == {"ru": "2023-01-05", "en": "2023-02-20"}
    # one dated language says nothing of which came first
    one = narrative_facts({**n, "first_seen_by_language": {"en": "2023-02-20"}}, None, 0, [])
    assert one["first_language"] is None and languages_words(one) == "bg, en, ru"


def _stored(arts: dict[int, Article], last: int) -> tuple[Any, list[dict[str, Any]]]:
    """The index and the broad narratives (with ids) of rows 1..last stored, as an update finds them."""
    from headwater.link.broad_update import keep_broad
    from headwater.link.index import MemoryIndex

    old = {r: a for r, a in arts.items() if r <= last}
    index = MemoryIndex()
    keep_broad(index, sorted(old.items()), across=False)
    stored = broad_narratives(old)
    for i, n in enumerate(stored):
        n["id"] = f"n{i + 1}"
    return index, stored


def test_an_update_rewrites_only_the_narratives_new_articles_join() -> None:
    from headwater.link.broad_update import add_broad

    arts = _corpus(STORY_A[:2] + STORY_B[:2] + OTHERS + [STORY_A[2]], local=False)
    index, stored = _stored(arts, 6)
    assert frozenset({key(1), key(2)}) in {frozenset(n["article_ids"]) for n in stored} and len(stored) == 2

    def holding(rows: list[int]) -> list[dict]:
        return [n for n in stored if {key(r) for r in rows} & set(n["article_ids"])]

    made, gone = add_broad(holding, {7: arts[7]}, index, lambda rows: {r: arts[r] for r in rows}, lambda rows: set())
    assert [n["article_ids"] for n in made] == [[key(1), key(2), key(7)]]
    oder = next(n["id"] for n in stored if key(1) in n["article_ids"])
    assert gone == {oder}  # the orchestra's narrative is not rewritten


def test_a_narrative_new_articles_join_is_described_from_its_stored_description_without_its_old_articles() -> None:
    from collections import Counter

    from headwater.link.broad import block_narratives
    from headwater.link.broad_update import add_broad

    # one sentence an article: each cites all its claims, so the stored evidence is what a full
    # description of the grown narrative cites, and the two must be the same narrative
    arts = _corpus(STORY_A[:2] + STORY_B[:2] + OTHERS + [STORY_A[2]], local=False)
    assert all(len(a.findings["claims"]) <= 2 for a in arts.values())
    index, stored = _stored(arts, 6)
    read: list[int] = []

    def fetch(rows: list[int]) -> dict[int, Article]:
        read.extend(rows)
        return {r: arts[r] for r in rows}

    made, _ = add_broad(lambda rows: [n for n in stored if {key(r) for r in rows} & set(n["article_ids"])],
                        {7: arts[7]}, index, fetch, lambda rows: set())
    assert read == [7]  # the narrative's old articles are not read again
    df = Counter(f"{a.language}\t{w}" for a in arts.values() for w in {w for ws in said(a) for w in ws})
    whole = block_narratives([1, 2, 7], arts, {k.split("\t")[1]: v for k, v in df.items()}, len(arts), whole=True)
    assert len(made) == 1 and len(whole) == 1
    for field, value in whole[0].items():
        assert made[0][field] == value, field


def test_the_provenance_of_a_grown_narrative_is_the_full_one_without_reading_its_old_articles() -> None:
    from headwater.link.broad_grown import grown_provenance
    from headwater.link.narratives import provenance
    from headwater.model import Outlet

    arts = _corpus(STORY_A + STORY_B[:1], local=False)
    for row, a in arts.items():  # each claim attributed: to a shared agency, a mayor, or nobody
        c = a.findings["claims"][0]
        chains = [[{"name": "Reuters", "kind": "agency"}], [{"name": f"Mayor {row}", "kind": "person"}]][: row % 3]
        a.attributions = [{"field": c["field"], "start": c["start"], "end": c["end"], "sources": s} for s in chains]
        a.outlet = Outlet(f"o{row}", f"Outlet {row}", "CZ", row == 2, "test")
    claims = [{"article_id": key(r), "claim_id": a.findings["claims"][0].get("n"), **{k: a.findings["claims"][0][k]
               for k in ("field", "start", "end", "text")}} for r, a in sorted(arts.items())]
    old = {"id": "n1", "article_ids": [key(r) for r in (1, 2, 4)], "claims": [c for c in claims if c["article_id"] != key(3)]}
    now = {"id": "n2", "article_ids": [key(r) for r in (1, 2, 3, 4)], "claims": claims}
    whole = provenance(now, arts)
    assert len(whole["primary_sources"]) >= 3 and whole["edges"]
    assert grown_provenance(now, provenance(old, arts), {3: arts[3]}) == whole  # article 3 joined, read alone


def test_themes_do_not_depend_on_the_order_the_claims_came_in() -> None:
    from headwater.link.claims import kmeans

    rng = np.random.default_rng(3)
    x = rng.normal(size=(60, 8)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels, _ = kmeans(x, 4)
    perm = rng.permutation(len(x))
    again, _ = kmeans(x[perm], 4)
    # the same rows grouped alike (label numbers may differ only if the centres came out in another order)
    same = {(int(a), int(b)) for a, b in zip(labels[perm], again, strict=True)}
    assert len(same) == len({int(a) for a in labels})


def test_a_narrative_holding_most_of_a_centred_language_is_not_merged_across_languages() -> None:
    from headwater.link.broad import across_languages

    rng = np.random.default_rng(2)
    east, west = np.eye(16)[0], np.eye(16)[1]
    arts = {**_with_vectors("hi", east, range(1, 4), rng), **_with_vectors("hi", west, range(4, 5), rng),
            **_with_vectors("en", east, range(5, 8), rng), **_with_vectors("en", west, range(8, 13), rng)}

    def groups(means: dict[str, np.ndarray]) -> list[list[str]]:
        found = [_narrative("hi", range(1, 4)), _narrative("en", range(5, 8))]
        return sorted(sorted(n["article_ids"]) for n in across_languages(found, arts, means))

    # Hindi not centred (too few claims): its three articles of four mean what the English ones do
    assert groups({}) == [sorted(key(r) for r in (1, 2, 3, 5, 6, 7))]
    # centred on its language's mean, a group of three of the four Hindi articles has no direction left
    assert groups({"hi": np.zeros(16, dtype=np.float32)}) == [sorted(key(r) for r in (1, 2, 3)),
                                                              sorted(key(r) for r in (5, 6, 7))]
