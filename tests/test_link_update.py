"""Linking what is new: copies and stories updated with new articles agree with a full relink."""
from __future__ import annotations

import base64
import contextlib
import dataclasses
import itertools
import random
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from headwater.cli import main
from headwater.embed.lexical import HashingEmbedder
from headwater.enrich.claims.records import find_claims
from headwater.link import claim_blocks, narratives_update, stories_update, term_bytes
from headwater.link.builtin import BUILTIN, COPIES, NARRATIVES, STORIES
from headwater.link.index import MemoryIndex
from headwater.link.registry import LinkContext, Linker, run_linkers
from headwater.link.stories_update import agreement
from headwater.model import Article, row_of
from headwater.pipeline import AnalyzeOptions, analyze
from headwater.store import Store
from tests.test_stories import generated_corpus

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def shuffled_with_copies(seed: int = 5) -> tuple[list[tuple[int, Article]], list[int]]:
    """The generated incidents in a random order (new articles join old incidents as well as start
    their own), with a light rewrite of every seventh article further on (a near-copy)."""
    corpus, truth = generated_corpus()
    rng = random.Random(seed)
    order = list(range(len(corpus)))
    rng.shuffle(order)
    arts = [corpus[i][1] for i in order]
    labels = [truth[i] for i in order]
    for i in range(0, len(arts), 7):
        words = arts[i].text.split()
        words[3:6] = ["quite", "another", "wording"]
        arts.append(Article(source="rewrite", text=" ".join(words)))
        labels.append(labels[i])
    return [(row, a) for row, a in enumerate(arts, 1)], labels


def link_in_batches(corpus: list[tuple[int, Article]], cuts: list[int],
                    linkers: tuple[Linker, ...] = (COPIES, STORIES)) -> dict[str, list[dict[str, Any]]]:
    """Link corpus[:cuts[0]] whole, then add each next slice as new articles (the linkers may not run
    whole then: the update must do it)."""
    index, previous, done = MemoryIndex(), dict[str, list[dict[str, Any]]](), 0
    state: dict[str, Any] = {}  # what the store keeps across runs (narrative ids)
    for upto in cuts:
        new = None if not previous else [row for row, _ in corpus[done:upto]]
        used = linkers if new is None else tuple(dataclasses.replace(ln, run=_whole) if ln.update else ln for ln in linkers)
        parts, _ = run_linkers(used, LinkContext(corpus[:upto], new=new, previous=previous, index=index, state=state))
        previous, done = {k: list(v) for k, v in parts.items()}, upto
    return previous


def _whole(ctx: LinkContext) -> dict[str, list[dict[str, Any]]]:
    raise AssertionError("linked the whole corpus where the new articles were to be added")


def partition(stories: list[dict[str, Any]]) -> set[frozenset[str]]:
    return {frozenset(s["article_ids"]) for s in stories}


def test_added_articles_give_the_copies_and_stories_of_a_full_link() -> None:
    corpus, _ = shuffled_with_copies()
    full = link_in_batches(corpus, [len(corpus)])
    n = len(corpus)
    added = link_in_batches(corpus, [n // 2, 3 * n // 4, n])
    assert len(full["copies"]) >= 10  # the rewrites were found...
    assert added["copies"] == full["copies"]  # ...and the same ones, old and new
    listed = sorted(k for s in added["stories"] for k in s["article_ids"])
    assert listed == sorted(f"a{row}" for row, _ in corpus)  # still a partition of every article
    assert agreement(added["stories"], full["stories"]) >= 0.97
    assert len(partition(added["stories"]) & partition(full["stories"])) >= 0.9 * len(full["stories"])


def joined_old(stories: list[dict[str, Any]], truth: list[int], cut: int) -> float:
    """The share of the articles after ``cut`` reporting an incident told before it that are in a story
    with one of its earlier reports."""
    where = {k: s["id"] for s in stories for k in s["article_ids"]}
    late = [i for i in range(cut, len(truth)) if truth[i] in set(truth[:cut])]
    joined = [i for i in late if any(where[f"a{i + 1}"] == where[f"a{j + 1}"] for j in range(cut) if truth[j] == truth[i])]
    return len(joined) / len(late)


def test_added_articles_join_old_stories_and_start_new_ones() -> None:
    corpus, truth = shuffled_with_copies()
    n = len(corpus)
    stories = link_in_batches(corpus, [n // 2, n])["stories"]
    # new reports of old incidents join their stories as often as a full link puts them together
    # (the one incident told by 40 articles is in pieces either way: more than a neighbour list holds)
    assert joined_old(stories, truth, n // 2) >= joined_old(link_in_batches(corpus, [n])["stories"], truth, n // 2) - 0.03
    assert joined_old(stories, truth, n // 2) >= 0.8
    where = {k: s["id"] for s in stories for k in s["article_ids"]}
    fresh = {truth[i] for i in range(n // 2, n)} - set(truth[:n // 2])
    assert fresh
    for inc in fresh:  # an incident first told by the new articles is a story of its own
        members = [f"a{i + 1}" for i in range(n) if truth[i] == inc]
        assert len({where[m] for m in members}) == 1
        assert set(next(s for s in stories if s["id"] == where[members[0]])["article_ids"]) == set(members)


WORDS = ("river harbour council budget railway minister grain tariff border pipeline summit treaty drone "
         "village factory court senator strike vaccine reactor bridge airport refinery tanker election "
         "protest satellite embassy convoy warehouse hospital").split()


def retold_claims(n: int = 48, seed: int = 7) -> tuple[list[tuple[int, Article]], list[str]]:
    """Articles each retelling two of eight claims (a word changed here and there) among sentences of
    their own, with their claim records; and the eight claims."""
    rng = random.Random(seed)

    def sentence(k: int = 11) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."

    told = [sentence() for _ in range(8)]
    corpus = []
    for row in range(1, n + 1):
        sents = [sentence() for _ in range(3)]
        for p in rng.sample(range(8), 2):
            words = told[p].rstrip(".").split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            sents.insert(rng.randrange(len(sents) + 1), " ".join(words) + ".")
        a = Article(source=f"c{row}.txt", title=sentence(6), text=" ".join(sents))
        a.findings["claims"] = find_claims(a, HashingEmbedder())
        corpus.append((row, a))
    return corpus, told


def pairs_of(narratives: list[dict[str, Any]], level: str) -> set[frozenset[str]]:
    return {frozenset((x, y)) for n in narratives if n.get("level") == level
            for x in n["article_ids"] for y in n["article_ids"] if x < y}


def test_added_articles_join_the_claims_they_retell() -> None:
    corpus, _ = retold_claims()
    n = len(corpus)
    full = link_in_batches(corpus, [n], BUILTIN)
    added = link_in_batches(corpus, [n // 2, 3 * n // 4, n], BUILTIN)
    whole = pairs_of(full["narratives"], "fine")
    assert len(whole) > 50  # the retold claims were found...
    got = pairs_of(added["narratives"], "fine")
    assert len(got & whole) >= 0.95 * len(whole) and len(got - whole) <= 0.05 * len(whole)  # ...as a full link finds them
    late = {f"a{row}" for row, _ in corpus[n // 2:]}
    assert any(set(p) & late for p in got)
    ids = [x["id"] for x in added["narratives"]]
    assert len(ids) == len(set(ids))
    assert {p["narrative_id"] for p in added["provenance"]} == set(ids)  # every narrative has its provenance
    themed = {k for t in added["themes"] for k in t["article_ids"]}
    assert themed & late  # new articles join themes


def test_every_builtin_linker_updates_without_reading_the_whole_corpus() -> None:
    corpus, _ = retold_claims()
    cut = len(corpus) // 2
    index, state = MemoryIndex(), dict[str, Any]()
    previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:cut], index=index, state=state))
    asked: list[list[int] | None] = []

    def loader(rows: list[int] | None) -> list[tuple[int, Article]]:
        asked.append(rows)
        return [(row, a) for row, a in corpus if rows is None or row in rows]

    ctx = LinkContext(loader=loader, total=len(corpus), new=[row for row, _ in corpus[cut:]], state=state,
                      previous={k: list(v) for k, v in previous.items()}, index=index)
    parts, _ = run_linkers(BUILTIN, ctx)
    assert ctx.updated == [ln.name for ln in BUILTIN] and None not in asked
    full = link_in_batches(corpus, [len(corpus)], BUILTIN)
    assert pairs_of(parts["narratives"], "fine") == pairs_of(full["narratives"], "fine")


def test_an_update_comparing_every_block_finds_the_pairs_of_a_full_link(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rule: a full link compares every pair of claims of a theme; an update compares a new claim
    # with the PROBE nearest blocks of its theme. With every block compared (EVERY_BLOCK) and one theme
    # (k = claims / CLAIMS_PER_THEME rounds to 1 here), blocking cannot split a pair: the same pairs.
    corpus, _ = retold_claims()
    n = len(corpus)
    monkeypatch.setattr(claim_blocks, "BLOCK", 6)  # many small blocks, so that probing would matter
    full = link_in_batches(corpus, [n], BUILTIN)
    monkeypatch.setattr(claim_blocks, "PROBE", claim_blocks.EVERY_BLOCK)
    every = link_in_batches(corpus, [n // 2, 3 * n // 4, n], BUILTIN)
    assert pairs_of(every["narratives"], "fine") == pairs_of(full["narratives"], "fine")
    # with the two nearest blocks of ~6 claims (of the theme's ~20 blocks), a pair is missed only where
    # a retelling's nearest blocks do not hold the other: few, and nothing a full link lacks is found
    monkeypatch.setattr(claim_blocks, "PROBE", 2)
    near = pairs_of(link_in_batches(corpus, [n // 2, 3 * n // 4, n], BUILTIN)["narratives"], "fine")
    whole = pairs_of(full["narratives"], "fine")
    assert len(near & whole) >= 0.9 * len(whole) and near <= whole


@pytest.mark.parametrize("parts", [1, 8])  # 1: a block's parts folded into it at its second join
def test_blocks_grown_by_updates_are_split_and_keep_every_claim(monkeypatch: pytest.MonkeyPatch, parts: int) -> None:
    corpus, _ = retold_claims(64)
    monkeypatch.setattr(claim_blocks, "BLOCK", 8)
    monkeypatch.setattr(claim_blocks, "SPLIT", 16)
    monkeypatch.setattr(claim_blocks, "MAX_PARTS", parts)
    index, state = MemoryIndex(), dict[str, Any]()
    cuts = [16, 32, 48, 64]
    previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:cuts[0]], index=index, state=state))
    fitted = len(index.keyed[claim_blocks.BLOCKS])
    for done, upto in itertools.pairwise(cuts):
        ctx = LinkContext(corpus[:upto], new=[row for row, _ in corpus[done:upto]], index=index, state=state,
                          previous={k: list(v) for k, v in previous.items()})
        previous, _ = run_linkers(BUILTIN, ctx)
        assert NARRATIVES.name in ctx.updated
    kept = index.keyed[claim_blocks.BLOCKS]
    subs = index.keyed[claim_blocks.SUBS].values()
    # a block is its record and the parts updates added to it (as many as its theme's record says)
    blocks = [[kept[b + n * claim_blocks.PART] for n in range(rec.get("p", {}).get(str(b), 0) + 1)]
              for rec in subs for b in rec["b"]]
    held = [(row, n) for b in blocks for part in b for row, n in zip(part["a"], part["n"], strict=True)]
    embedded = [(row, c["n"]) for row, a in corpus for c in a.findings["claims"] if c.get("_vector")]
    assert sorted(held) == sorted(embedded)  # every claim in one block, once
    assert len(blocks) > fitted  # the blocks grew past SPLIT and were split...
    sizes = [sum(len(part["a"]) for part in b) for b in blocks]  # ...into blocks of about BLOCK (k-means: some larger, none far)
    assert sum(sizes) / len(sizes) <= 1.5 * 8 and max(sizes) <= 2 * 16
    assert any(len(b) > 1 for b in blocks)  # an update wrote the claims it added as parts of their block
    assert max(len(b) for b in blocks) <= parts + 1
    assert sorted(k for rec in subs for k in rec["b"]) == sorted(k for k in kept if k < claim_blocks.PART)


def test_an_update_writes_the_claims_it_adds_not_the_blocks_they_join(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, _ = retold_claims(64)
    index, state, cut = MemoryIndex(), dict[str, Any](), 48
    previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:cut], index=index, state=state))
    before = dict(index.keyed[claim_blocks.BLOCKS])
    written: list[int] = []
    put = index.put_keyed

    def spy(name: str, items: Mapping[int, Any]) -> None:
        if name == claim_blocks.BLOCKS:
            written.extend(items)
        put(name, items)

    monkeypatch.setattr(index, "put_keyed", spy)
    ctx = LinkContext(corpus, new=[row for row, _ in corpus[cut:]], index=index, state=state,
                      previous={k: list(v) for k, v in previous.items()})
    run_linkers(BUILTIN, ctx)
    assert NARRATIVES.name in ctx.updated
    assert written and not set(written) & before.keys()  # no block kept before was written again
    added = [(row, c["n"]) for row, a in corpus[cut:] for c in a.findings["claims"] if c.get("_vector")]
    kept = index.keyed[claim_blocks.BLOCKS]
    assert sorted((row, n) for k in written for row, n in zip(kept[k]["a"], kept[k]["n"], strict=True)) == sorted(added)
    assert all(before[k] == kept[k] for k in before)


def _as_kept_before_round_8(index: MemoryIndex) -> None:
    """The blocks' vectors as base64 inside their JSON records, as kept until scale round 8."""
    assert all(index.blobs[name] for name in TERM_BYTES)
    for name, field in ((claim_blocks.SUBS, "c"), (claim_blocks.BLOCKS, "v")):
        for k, rec in index.keyed[name].items():
            raw = index.blobs[name].pop(k)
            if field == "c":
                rec["c"] = [base64.b64encode(raw[i:i + 2 * DIM]).decode() for i in range(0, len(raw), 2 * DIM)]
            else:
                rec["v"] = base64.b64encode(raw).decode()
    index.whole["narratives.state"]["blocks"].pop("blobs")
    for name in TERM_BYTES:  # and the profiles as JSON objects (the broad counts with their language)
        for row, blob in index.blobs.pop(name).items():
            kept = dict(zip(*term_bytes.decode(blob), strict=True))
            index.values[name][row] = ["en", kept] if name == "broad.raw" else kept


TERM_BYTES = ("stories.profile", "stories.raw", "broad.raw")


DIM = 1024  # HashingEmbedder's


@pytest.mark.parametrize("parts", [1, 8])  # 1: the old blocks the new claims join are folded at once
def test_vectors_and_profiles_kept_as_text_are_read_alike_and_moved_to_bytes_by_an_update(monkeypatch: pytest.MonkeyPatch,
                                                                             parts: int) -> None:
    corpus, _ = retold_claims(64)
    monkeypatch.setattr(claim_blocks, "BLOCK", 8)
    monkeypatch.setattr(claim_blocks, "MAX_PARTS", parts)
    runs = []
    for old in (False, True, None):  # None: kept as base64 and read as such (not moved first)
        if old is None:
            monkeypatch.setattr(narratives_update, "migrate", lambda *a: None)
            monkeypatch.setattr(term_bytes, "migrate", lambda *a: None)
        index, state = MemoryIndex(), dict[str, Any]()
        previous, _ = run_linkers(BUILTIN, LinkContext(corpus[:40], index=index, state=state))
        assert index.blobs[claim_blocks.BLOCKS] and "v" not in next(iter(index.keyed[claim_blocks.BLOCKS].values()))
        if old is not False:
            _as_kept_before_round_8(index)
        ctx = LinkContext(corpus, new=[row for row, _ in corpus[40:]], index=index, state=state,
                          previous={k: list(v) for k, v in previous.items()})
        parts_made, _ = run_linkers(BUILTIN, ctx)
        assert NARRATIVES.name in ctx.updated
        runs.append((parts_made, index))
    (new_parts, new_index), (old_parts, old_index), (read_parts, _) = runs
    for made in (old_parts, read_parts):
        assert all(made[p] == new_parts[p] for p in ("narratives", "themes", "stories", "contradictions"))
    for name in TERM_BYTES:  # moved to bytes, the same bytes
        assert not old_index.values[name] and old_index.blobs[name] == new_index.blobs[name]
    for name in (claim_blocks.SUBS, claim_blocks.BLOCKS):  # every record moved, the same bytes kept
        assert old_index.keyed[name] == new_index.keyed[name]
        assert old_index.blobs[name] == new_index.blobs[name]
        assert not any({"c", "v"} & rec.keys() for rec in old_index.keyed[name].values())
    assert old_index.kept("narratives.state")["blocks"]["blobs"] is True


def test_narratives_link_whole_without_their_kept_state() -> None:
    corpus, _ = retold_claims(24)
    previous = link_in_batches(corpus, [12], BUILTIN)
    ctx = LinkContext(corpus, new=[row for row, _ in corpus[12:]], previous=previous, index=MemoryIndex())
    run_linkers(BUILTIN, ctx)
    assert NARRATIVES.name not in ctx.updated


def test_an_update_without_a_kept_index_links_whole() -> None:
    corpus, _ = shuffled_with_copies()
    full = link_in_batches(corpus, [len(corpus)])
    previous = link_in_batches(corpus, [40])
    # an index that never saw the first 40 articles (a database linked by an older headwater)
    parts, _ = run_linkers((COPIES, STORIES), LinkContext(corpus, new=[row for row, _ in corpus[40:]],
                                                          previous=previous, index=MemoryIndex()))
    assert partition(parts["stories"]) == partition(full["stories"])
    assert parts["copies"] == full["copies"]


def test_an_update_reads_the_candidates_profiles_a_part_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # the profiles of the old articles the new ones are compared with are read PROFILE_PART at a time
    # (held all at once, they made the update's peak memory), and the stories are the same as read whole
    corpus, _ = shuffled_with_copies()
    n = len(corpus)
    whole = link_in_batches(corpus, [n // 2, n])
    asked: list[int] = []
    read_dicts = term_bytes.read_dicts

    def counted(index: Any, name: str, rows: Any) -> dict[int, dict[str, float]]:
        rows = list(rows)
        if name == stories_update.PROFILE:
            asked.append(len(rows))
        return read_dicts(index, name, rows)
    monkeypatch.setattr(term_bytes, "read_dicts", counted)
    monkeypatch.setattr(stories_update, "PROFILE_PART", 3)
    parts = link_in_batches(corpus, [n // 2, n])
    assert len(asked) > 1 and max(asked) <= 3
    assert parts["stories"] == whole["stories"] and parts["copies"] == whole["copies"]


def test_an_update_compares_the_new_claims_of_a_theme_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # the new claims are compared with the old (``place``) and with each other (``_Placed.compared``) in
    # ~300 small products: on the BLAS's default threads these waited on each other at times (0.08-1.54
    # CPU s at +1,000 into 60,000, 0.02-0.04 on one); the count before is restored, and the pairs are
    # those found on the default threads
    from headwater.lang.blas import blas_threads, controller

    if blas_threads() is None:
        pytest.skip("numpy's BLAS is not one threadpoolctl knows here")
    corpus, _ = retold_claims()
    n = len(corpus)
    with controller().limit(limits=2, user_api="blas"):
        threads: list[int | None] = []
        against = narratives_update._Placed.against

        def counted(self: Any, *a: Any) -> None:
            threads.append(blas_threads())
            against(self, *a)
        monkeypatch.setattr(narratives_update._Placed, "against", counted)
        added = link_in_batches(corpus, [n // 2, n], BUILTIN)
        assert threads and set(threads) == {1}
        assert blas_threads() == 2
    monkeypatch.setattr(narratives_update, "one_blas_thread", contextlib.nullcontext)
    with controller().limit(limits=2, user_api="blas"):
        spun = link_in_batches(corpus, [n // 2, n], BUILTIN)
    assert pairs_of(added["narratives"], "fine") == pairs_of(spun["narratives"], "fine")


def test_an_update_reads_only_the_new_articles_and_what_it_fetches() -> None:
    corpus, _ = shuffled_with_copies()
    full = link_in_batches(corpus, [len(corpus)])
    index, cut = MemoryIndex(), len(corpus) // 2
    previous, _ = run_linkers((COPIES, STORIES), LinkContext(corpus[:cut], index=index))
    asked: list[list[int] | None] = []

    def loader(rows: list[int] | None) -> list[tuple[int, Article]]:
        asked.append(rows)
        return [(row, a) for row, a in corpus if rows is None or row in rows]

    ctx = LinkContext(loader=loader, total=len(corpus), new=[row for row, _ in corpus[cut:]],
                      previous={k: list(v) for k, v in previous.items()}, index=index)
    parts, _ = run_linkers((COPIES, STORIES), ctx)
    assert ctx.updated == [COPIES.name, STORIES.name]
    assert asked and None not in asked  # the whole corpus was never read
    assert max(len(rows or ()) for rows in asked) < len(corpus)
    assert parts["copies"] == full["copies"] and agreement(parts["stories"], full["stories"]) >= 0.97


def test_store_keeps_what_linkers_index() -> None:
    with Store(":memory:") as store:
        for i in range(3):
            store.db.execute("INSERT INTO articles(id, content_hash, source, text, analyzer, added_at) "
                             "VALUES (?, ?, 's', 't', 'x', 'now')", (i + 1, str(i)))
        store.put("k.v", {1: {"a": 1.5}, 2: [1, 2]})
        assert store.get("k.v", [1, 2, 3]) == {1: {"a": 1.5}, 2: [1, 2]} and store.size("k.v") == 2
        store.post("k.p", [(7, 1), (7, 2), (7, 3), (8, 2)])
        assert store.postings("k.p", [7, 8, 9], cap=3) == {7: [1, 2, 3], 8: [2]}
        assert store.postings("k.p", [7, 8], cap=2) == {8: [2]}  # a key posted more than cap times is not followed
        store.count("k.df", {"x": 2, "y": 1})
        store.count("k.df", {"x": 1})
        assert store.counts("k.df", ["x", "y", "z"]) == {"x": 3, "y": 1, "z": 0}
        store.clear("k.v")
        assert store.size("k.v") == 0 and store.postings("k.p", [8], 3) == {8: [2]}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The examples analyzed in two runs into one database, and in one run with --relink."""
    base = tmp_path_factory.mktemp("update")
    files = sorted(EXAMPLES.glob("*.txt"))
    first, second = base / "first", base / "second"
    first.mkdir()
    second.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, (first if i < 3 else second) / f.name)
    db = base / "added.db"
    analyze([str(first)], base / "out1", AnalyzeOptions(db_path=db, workers=1, write_outputs=False))
    added = analyze([str(second)], base / "out2", AnalyzeOptions(db_path=db, workers=1, write_outputs=False)).linked
    assert added is not None and (added.articles, added.new) == (5, 2)
    assert added.updated == ["entities/2", "copies/1", "stories/1", "narratives/3"] and added.whole == []
    relinked = base / "relinked.db"
    shutil.copy(db, relinked)
    runner = CliRunner()
    out = runner.invoke(main, ["analyze", "--out", str(base / "out3"), "--db", str(relinked), "--relink", "--workers", "1"])
    assert out.exit_code == 0, out.output
    assert "5 articles in the corpus (0 new" in out.output and "all linkers over the whole corpus" in out.output
    return db, relinked


def test_analyze_needs_inputs_unless_it_relinks(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["analyze", "--out", str(tmp_path)])
    assert out.exit_code == 2 and "Missing argument 'INPUTS...'" in out.output and "--relink" in out.output


def test_a_second_run_adds_its_articles_to_the_links(two_runs: tuple[Path, Path]) -> None:
    added, relinked = two_runs
    with Store(added) as a, Store(relinked) as b:
        assert a.pending() == {} and b.pending() == {}
        assert a.size("stories.profile") == len(list(a.db.execute("SELECT id FROM articles")))
        sa, sb = a.links("stories")["stories"], b.links("stories")["stories"]
        assert partition(sa) == partition(sb)
        assert a.links("copies").get("copies", []) == b.links("copies").get("copies", [])
        # updated, as a whole link gives them (an update adds its rows after those it leaves as they were)
        assert by_id(a.links("entities")["entities"]) == by_id(b.links("entities")["entities"])
        na, nb = a.links("narratives")["narratives"], b.links("narratives")["narratives"]
        assert sorted((n["key"], n["article_ids"]) for n in na) == sorted((n["key"], n["article_ids"]) for n in nb)
        assert len(na) == 1 and len(na[0]["article_ids"]) == 5  # the seeds' narrative, added to
        ca, cb = a.links("contradictions")["contradictions"], b.links("contradictions")["contradictions"]
        assert sorted((c["slot"], c["article_ids"]) for c in ca) == sorted((c["slot"], c["article_ids"]) for c in cb)
        pa, pb = a.links("provenance")["provenance"], b.links("provenance")["provenance"]
        assert [sorted(p["name"] for p in x["primary_sources"]) for x in pa] == \
            [sorted(p["name"] for p in x["primary_sources"]) for x in pb]
        # the analysts' tables say what the links say, updated as made whole (story ids aside: kept, not renumbered)
        ta, tb = typed_tables(a), typed_tables(b)
        assert ta == typed_from_links(a) and tb == typed_from_links(b)
        assert {k: v for k, v in ta.items() if k != "stories"} == {k: v for k, v in tb.items() if k != "stories"}


def by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: str(r["id"]))


def typed_tables(store: Store) -> dict[str, Any]:
    """The typed link tables of a database, in a form that does not depend on the order rows were stored."""
    q = store.db.execute
    return {"narratives": sorted(tuple(r) for r in q("SELECT id, label FROM narratives")),
            "members": sorted(tuple(r) for r in q("SELECT narrative_id, article_id FROM narrative_articles")),
            "contradictions": sorted(tuple(r) for r in q("SELECT narrative_id, slot, article_id, other_article_id "
                                                          "FROM contradictions")),
            "edges": sorted(tuple(r) for r in q("SELECT narrative_id, source, cites, article_id FROM provenance_edges")),
            "stories": sorted(tuple(r) for r in q("SELECT id, article_id FROM stories"))}


def typed_from_links(store: Store) -> dict[str, Any]:
    """What the typed tables should hold, read from the links the document is built from."""
    links = store.links()
    ns, cs, ps = links.get("narratives", []), links.get("contradictions", []), links.get("provenance", [])
    return {"narratives": sorted((n["id"], n["label"]) for n in ns),
            "members": sorted((n["id"], row_of(k)) for n in ns for k in n["article_ids"]),
            "contradictions": sorted((c["narrative_id"], c.get("slot"), *(row_of(k) for k in c["article_ids"][:2]))
                                     for c in cs),
            "edges": sorted((p["narrative_id"], e["from"], e["to"], row_of(e["article_id"])) for p in ps for e in p["edges"]),
            "stories": sorted((s["id"], row_of(k)) for s in links.get("stories", []) for k in s["article_ids"])}


def test_an_article_re_analyzed_makes_the_next_link_whole(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    analyze([str(EXAMPLES)], tmp_path / "o", AnalyzeOptions(db_path=db, workers=1, write_outputs=False))
    with Store(db) as store:
        store.db.execute("INSERT INTO link_pending(article_id, status) VALUES (1, 'updated')")
        store.db.commit()
        store.clear("stories.profile")  # an update would have to give up: a whole link keeps it again
    analyze([], tmp_path / "o", AnalyzeOptions(db_path=db, workers=1, write_outputs=False))
    with Store(db) as store:
        assert store.pending() == {}
        assert store.size("stories.profile") == len(list(store.db.execute("SELECT id FROM articles")))


def test_an_update_reads_and_writes_only_the_rows_it_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from headwater import pipeline
    from headwater.link import previous as store_module

    corpus, _ = retold_claims()
    cut = len(corpus) // 2
    whole_reads: list[str] = []
    real = store_module.StoredPrevious.__getitem__
    monkeypatch.setattr(store_module.StoredPrevious, "__getitem__",
                        lambda self, part: whole_reads.append(part) or real(self, part))
    with Store(tmp_path / "h.db") as store:
        run = store.begin_run(["t"], "t")
        for _, a in corpus[:cut]:
            store.add_article(a, run, "t")
        pipeline.link(store, BUILTIN)
        before = {(r[0], r[1]): (r[2], r[3]) for r in store.db.execute("SELECT kind, position, key, data FROM links")}
        last = {k: max(p for kk, p in before if kk == k) for k, _ in before}
        for _, a in corpus[cut:]:
            store.add_article(a, run, "t")
        linked = pipeline.link(store, BUILTIN)
        after = {(r[0], r[1]): (r[2], r[3]) for r in store.db.execute("SELECT kind, position, key, data FROM links")}
    shutil.copy(tmp_path / "h.db", tmp_path / "whole.db")  # (closed: its log written back)
    assert linked.updated == [ln.name for ln in BUILTIN] and whole_reads == []  # no part read whole
    # a row stored before is left as it was or removed; the rows an update adds come after the others
    assert all(after[at] == row for at, row in before.items() if at in after)
    assert all(p > last.get(k, -1) for k, p in after if (k, p) not in before)
    # and the corpus is linked as a full link links it
    with Store(tmp_path / "whole.db") as store:
        pipeline.link(store, BUILTIN, full=True)
        full = store.links()
    with Store(tmp_path / "h.db") as store:
        added = store.links()
        assert typed_tables(store) == typed_from_links(store)
    assert pairs_of(added["narratives"], "fine") == pairs_of(full["narratives"], "fine")
    assert sorted(map(str, added.get("copies", []))) == sorted(map(str, full.get("copies", [])))
    assert agreement(added["stories"], full["stories"]) >= 0.97
    ids = [n["id"] for n in added["narratives"]]
    assert len(ids) == len(set(ids)) and {p["narrative_id"] for p in added["provenance"]} == set(ids)


def test_an_update_leaves_the_stories_it_does_not_touch_as_they_were(tmp_path: Path) -> None:
    from headwater import pipeline

    corpus, _ = shuffled_with_copies()
    for row, a in corpus:
        a.source = f"{row}.txt"  # (one source read twice is an article re-analyzed: the next link is whole)
    cut = len(corpus) - 10
    with Store(tmp_path / "h.db") as store:
        run = store.begin_run(["t"], "t")
        for _, a in corpus[:cut]:
            store.add_article(a, run, "t")
        pipeline.link(store, (COPIES, STORIES))
        before = {(r[0], r[1]): r[2] for r in store.db.execute("SELECT kind, position, data FROM links")}
        for _, a in corpus[cut:]:
            store.add_article(a, run, "t")
        assert pipeline.link(store, (COPIES, STORIES)).updated == [COPIES.name, STORIES.name]
        after = {(r[0], r[1]): r[2] for r in store.db.execute("SELECT kind, position, data FROM links")}
        stories = store.links("stories")["stories"]
    kept = [at for at in before if at in after]
    assert all(after[at] == before[at] for at in kept) and len(kept) > len(before) // 2  # most stories untouched
    ids = [s["id"] for s in stories]
    assert len(ids) == len(set(ids))  # new stories take new ids
    assert sorted(k for s in stories for k in s["article_ids"]) == sorted(f"a{row}" for row, _ in corpus)
