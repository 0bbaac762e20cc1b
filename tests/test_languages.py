"""Languages: detection, the packs, attributions and dates in Russian and Arabic (hand-made sentences),
and English untouched by any of it."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from headwater.enrich.attributions.multilingual import find_attributions_multilingual, quote_spans
from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.extract.dates import find_dates
from headwater.extract.language import LanguageDetector
from headwater.extract.outlets import norm
from headwater.lang import LANGUAGES, analysis_level, ensure_languages, language_notice, pack_for, vectors_notice
from headwater.model import Article
from headwater.resources import Resources

CASES = yaml.safe_load((Path(__file__).parent / "data" / "multilingual_sentences.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def detect() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(("code", "text"), [
    ("ru", "Президент России заявил, что переговоры продолжаются."),
    ("uk", "Президент України заявив, що переговори тривають."),
    ("bg", "Министърът заяви, че преговорите продължават."),
    ("ar", "قال الوزير إن المفاوضات مستمرة حتى الآن"),
    ("fa", "وزیر گفت که مذاکرات ادامه دارد و نتیجه مثبت است"),
    ("pt", "O ministro disse que as negociações continuam."),
    ("en", "The minister said the talks would continue next week."),
])
def test_detects_the_language_of_one_sentence(detect: LanguageDetector, code: str, text: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize(("code", "text"), [
    ("ro", "Guvernul a anunțat marți că va majora salariile profesorilor începând cu luna septembrie, "
           "potrivit ministrului educației."),
    ("vi", "Chính phủ cho biết sẽ tăng cường hợp tác kinh tế với các nước láng giềng trong năm tới, "
           "theo thông báo của Bộ Ngoại giao."),
    ("hu", "A kormány kedden bejelentette, hogy szeptembertől emeli a tanárok fizetését, közölte a miniszter."),
    ("el", "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι θα αυξήσει τους μισθούς των εκπαιδευτικών από τον Σεπτέμβριο."),
    ("sw", "Serikali imetangaza kuwa itaongeza mishahara ya walimu kuanzia mwezi Septemba, waziri wa elimu alisema."),
])
def test_a_language_without_a_pack_is_named_not_read_as_a_neighbour_with_one(
        detect: LanguageDetector, code: str, text: str) -> None:
    # these were read as Spanish, Italian, Turkish, nothing and French when only 23 languages were told apart
    assert detect(text) == code
    assert pack_for(code) is None and analysis_level(code) == "minimal"


@pytest.mark.parametrize("text", [
    "Brussels plans new tariffs on Chinese steel",  # read as Norwegian (Bokmål) by the quick models alone
    "Minister denies plans to close the border",  # German
    "The West plans a colour revolution in Armenia",  # French
    "Italian doctors protest vaccine mandates",  # Catalan
])
def test_an_english_headline_is_english(detect: LanguageDetector, text: str) -> None:
    assert detect(text) == "en"


@pytest.mark.parametrize(("code", "text"), [
    ("it", "Il ministro degli esteri ha incontrato ieri il suo omologo francese a Roma."),
    ("nl", "Het leger heeft de stad na drie dagen van gevechten verlaten."),
    ("pl", "Minister obrony powiedział, że wojska zostaną wycofane."),
    ("sv", "Försvarsministern sade att trupperna skulle dras tillbaka."),
    ("ro", "Ministrul apărării a declarat că trupele vor fi retrase."),
])
def test_a_short_text_without_a_pack_keeps_its_language(detect: LanguageDetector, code: str, text: str) -> None:
    # the second look compares the pack languages with the quick answer: it must not pull these into one
    assert detect(text) == code


@pytest.mark.parametrize("text", ["Moscow, Feb 25", "Лавров", "", "12:30 — 14:45", "OK"])
def test_short_or_uncertain_text_has_no_language(detect: LanguageDetector, text: str) -> None:
    assert detect(text) is None


def test_packs_register_with_their_data() -> None:
    ensure_languages()
    assert {"en", "ru", "uk", "ar", "fa", "bg", "pt"} <= set(LANGUAGES)
    ru, ar = pack_for("ru"), pack_for("ar")
    assert ru is not None and ar is not None
    assert ru.months()["февраля"] == 2 and ar.months()["شباط"] == 2
    assert ar.direction == "rtl" and ru.direction == "ltr"
    assert analysis_level("en") == "full" and analysis_level("ru") == "full"
    assert analysis_level("uk") == "partial" and analysis_level("it") == "minimal"
    assert "no language pack" in language_notice("it")
    assert "--vectors e5" in str(vectors_notice({"en": 3, "ru": 2}, "lexical"))
    assert vectors_notice({"en": 3, "ru": 2}, "e5") is None and vectors_notice({"en": 3, "unknown": 1}, "lexical") is None


@pytest.mark.parametrize(("code", "text", "iso"), [
    ("ru", "Это произошло 25 февраля 2022 года.", "2022-02-25"),
    ("uk", "Це сталося 3 березня 2023 року.", "2023-03-03"),
    ("ar", "في ٢٥ شباط/فبراير ٢٠٢٢ أعلنت الوزارة", "2022-02-25"),
    ("pt", "em 7 de setembro de 2021", "2021-09-07"),
    ("bg", "на 1 юни 2020 г.", "2020-06-01"),
    ("bg", "на 2-ри юни 2020 г.", "2020-06-02"),  # an ordinal's ending between day and month (day_month_joiners)
    ("ru", "Это произошло 25-го февраля 2022 года.", "2022-02-25"),
])
def test_dates_in_the_language(code: str, text: str, iso: str) -> None:
    ensure_languages()
    pack = pack_for(code)
    assert pack is not None
    found = find_dates(text, pack.months(), pack.day_month_joiners(), pack.month_year_joiners())
    assert [f.iso for f in found] == [iso]
    assert text[found[0].start:found[0].end] == found[0].text  # offsets index the text as written


def test_english_dates_ignore_other_languages_months() -> None:
    assert find_dates("on 25 февраля 2022") == []


def test_quote_marks_of_a_language() -> None:
    text = "Он сказал: «Мы „никогда“ не уйдем». Потом: „Да“."
    spans = [text[a:b] for a, b in quote_spans(text, (("«", "»"), ("„", "“")))]
    assert spans == ["Мы „никогда“ не уйдем", "Да"]


def test_outlets_by_their_own_names(resources: Resources) -> None:
    outlets = resources.outlets
    assert outlets.by_name("ТАСС") is not None and outlets.by_name("ТАСС").name == "TASS"  # type: ignore[union-attr]
    assert outlets.by_name("سانا") is not None
    assert norm("The Foo—Bar Zürich") == "foobar zurich"  # Latin names fold as before


@pytest.mark.parametrize(("name", "outlet_id", "country", "state"), [
    ("Агенция БТА", "bta", "BG", True), ("Българска телеграфна агенция", "bta", "BG", True), ("БНТ", "bnt", "BG", True),
    ("Суспільне", "suspilne", "UA", True), ("БелТА", "belta", "BY", True), ("Арменпресс", "armenpress", "AM", True),
    ("وكالة الأنباء السعودية", "spa", "SA", True), ("خبرگزاری فارس", "fars", "IR", True),
    ("Agência Lusa", "lusa", "PT", True), ("Agência Brasil", "ebc", "BR", True), ("Česká tisková kancelář", "ctk", "CZ", True),
    ("Radiotelevisión Española", "rtve", "ES", True), ("Österreichischer Rundfunk", "orf", "AT", True),
    ("新华社", "xinhua", "CN", True), ("연합뉴스", "yonhap", "KR", True), ("Рёнхап", "yonhap", "KR", True),
    ("Thông tấn xã Việt Nam", "vna", "VN", True), ("आकाशवाणी", "all_india_radio", "IN", True),
    ("Demirören Haber Ajansı", "dha", "TR", False), ("Europa Press", "europa_press", "ES", False),
])
def test_national_agencies_and_broadcasters_by_their_own_names(resources: Resources, name: str, outlet_id: str,
                                                                 country: str, state: bool) -> None:
    """The lookup the attribution finder uses knows a country's agency and public broadcaster by the
    names its own news gives them, with the facts the registry sources."""
    found = resources.sources.outlets.by_name(name)
    assert found is not None and (found.id, found.country, found.state_affiliated) == (outlet_id, country, state)


@pytest.mark.parametrize("word", ["Belga", "belga", "Granma", "Звезда", "الجزيرة", "Bta", "Antara", "AIR"])
def test_common_words_and_places_are_no_outlet(resources: Resources, word: str) -> None:
    """Bare words that also mean something else ('Belgian', a province, 'star', 'the island',
    'between', 'air') are left out; an all-caps acronym matches only in capitals."""
    assert resources.sources.outlets.by_name(word) is None


def _source_name(src: dict[str, Any]) -> str:
    return str(src.get("canonical") or src["name"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}{i}" for i, c in enumerate(CASES)])
def test_attribution_in_the_language(resources: Resources, case: dict[str, Any]) -> None:
    ensure_languages()
    pack = pack_for(case["lang"])
    assert pack is not None
    text = case["text"]
    article = Article(source="t", text=text, language=case["lang"])
    found = find_attributions_multilingual(resources.parser(case["lang"])(text), article, pack, resources.sources,
                                           headline=case.get("headline", False))
    attributed = [x for x in found if x["sources"]]
    if case["speaker"] is None:  # a cue that reports nothing here
        assert not attributed, attributed
        return
    assert attributed, found
    at = next((x for x in attributed if case["claim"] in x["claim"]), attributed[0])
    src = at["sources"][0]  # named as the text names them, or by the registry entry they are
    assert case["speaker"] in (_source_name(src), src["name"]), src
    assert case["claim"] in at["claim"]
    assert text[at["start"]:at["end"]].strip() == at["claim"]  # the claim points at its span
    if "quote" in case:
        assert at["quote"] is case["quote"]
    if "chain" in case:  # the publisher first, the deepest source last
        assert [_source_name(s) for s in at["sources"]] == case["chain"]
        assert len(attributed) == 1, attributed  # the citing phrase is no attribution of its own
    if "date" in case:
        assert [d["date"] for d in at.get("dates", [])] == [case["date"]]
    if "when" in case or "no_date" in case:  # what the claim step reads in the sentence (enrich.claims.claim_dates)
        stated = [(d.text, d.date) for d in find_claim_dates(text, case["lang"], case.get("published"))]
        if "when" in case:
            assert (case["when"][0], case["when"][1]) in stated, stated
        if "no_date" in case:
            assert not any(case["no_date"] in surface for surface, _ in stated), stated
    if "state" in case:  # typed by the role words the sentence gives, and only by them
        assert at["sources"][0].get("state_affiliated") is case["state"]
    if "not_claim" in case:
        assert not any(case["not_claim"] in x["claim"] for x in attributed), attributed


def test_own_voice_sentences_stay_unattributed(resources: Resources) -> None:
    ensure_languages()
    pack = pack_for("ru")
    assert pack is not None
    text = "В городе открылась новая школа на пятьсот учеников и большой стадион."
    found = find_attributions_multilingual(resources.parser("ru")(text), Article(source="t", text=text), pack,
                                           resources.sources)
    assert [x["sources"] for x in found] == [[]]


def test_articles_carry_language_and_level(tmp_path: Path, resources: Resources) -> None:
    import json

    import headwater

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ru.txt").write_text(
        "Песков: переговоры продолжатся\n\nПресс-секретарь президента Дмитрий Песков заявил, что переговоры "
        "продолжатся на следующей неделе. В Москве прошла встреча делегаций двух стран.\n", "utf-8")
    (tmp_path / "in" / "it.txt").write_text(
        "Il ministro ha detto che i negoziati continueranno la prossima settimana a Roma con le delegazioni.\n",
        "utf-8")
    (tmp_path / "in" / "en.txt").write_text(
        "The minister said on Monday that the talks would continue next week in Geneva with both delegations.\n",
        "utf-8")
    headwater.analyze([str(tmp_path / "in")], tmp_path / "out", resources=resources)
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text("utf-8"))
    by = {Path(a["source"]).name: a for a in doc["articles"]}
    assert {n: (a["language"], a["analysis_level"]) for n, a in by.items()} == {
        "ru.txt": ("ru", "full"), "it.txt": ("it", "minimal"), "en.txt": ("en", "full")}
    assert any("no language pack" in n for n in by["it.txt"]["notes"])
    ru_id = by["ru.txt"]["id"]
    names = {s["name"] for x in doc["attributions"] if x["article_id"] == ru_id for s in x["sources"]}
    assert "Дмитрий Песков" in names


def test_a_parse_with_a_cycle_gets_roots() -> None:
    from headwater.lang.parsers import _break_cycles

    heads, deps = [1, 2, 1, 3], ["nsubj", "obj", "obl", "ROOT"]  # 1 -> 2 -> 1: a cycle natasha sometimes gives
    _break_cycles(heads, deps)
    for j in range(len(heads)):  # every chain now ends at a root
        k, steps = j, 0
        while heads[k] != k and steps <= len(heads):
            k, steps = heads[k], steps + 1
        assert heads[k] == k and deps[k] == "ROOT"


def test_english_word_lists_live_in_the_english_pack() -> None:
    from pathlib import Path

    import yaml

    from headwater.enrich.attributions import cues, sources
    from headwater.lang import english_words

    folder = Path(cues.__file__).resolve().parents[2] / "lang" / "en"
    for name in ("cues", "sources", "event_roles", "event_words"):
        table = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))
        assert table and all(english_words(name, key) for key in table), name
    assert "say" in cues.REPORT_VERBS and ("point", "out") in cues.PHRASAL_CUES
    assert cues.SPEAKING_NOUNS > cues.PERSON_NOUNS and "ministry" in sources.OFFICIAL_ROLES


def test_natasha_runs_its_matrix_products_on_one_blas_thread_and_restores_the_count() -> None:
    from headwater.lang.blas import blas_threads, controller, one_blas_thread

    if blas_threads() is None:
        pytest.skip("numpy's BLAS is not one threadpoolctl knows here")
    with controller().limit(limits=2, user_api="blas"):
        with one_blas_thread():
            assert blas_threads() == 1
        assert blas_threads() == 2
        with pytest.raises(RuntimeError), one_blas_thread():
            raise RuntimeError("a parse that fails")
        assert blas_threads() == 2  # restored on the way out of a failure too
