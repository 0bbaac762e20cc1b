"""Sentences split without a parse: the dot of an abbreviation or an initial ends none, a question alone on
its line is a heading, and source kinds read from titles and role words where no entity tagger says who is
a person. Hand-written sentences (not from any corpus), both ways."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.lang import ensure_languages, pack_for
from headwater.lang.parsers import blank_parser
from headwater.lang.sentences import abbreviations, ends, heading_question, merge_spans
from headwater.model import Article
from headwater.resources import Resources

END = __import__("re").compile(r"[.!?…][\"»“”'’)]*\s+|\n\s*")


def _ends(code: str, text: str) -> list[str]:
    """The words each sentence end follows."""
    ensure_languages()
    return [text[:m.start()].split()[-1] for m in ends(END, text, 0, len(text), abbreviations(pack_for(code)))]


@pytest.mark.parametrize(("code", "text", "expected"), [
    # a title before a name, a street, an initial: no end
    ("bg", "Според ген. Иванов мостът е готов. Проф. Петров и ул. Раковски са тук. ", ["готов", "тук"]),
    ("ru", "В. Путин встретился с ген. Ивановым. Затем им. Пушкина назвали сквер. ", ["Ивановым", "сквер"]),
    # "г." after a year: no end before a word in lower case, an end before a capital
    ("bg", "През 2022 г. цените растат. До 2050 г. Тогава ще видим. ", ["растат", "г", "видим"]),
    # inside a sentence: "т.е." before a word in lower case
    ("ru", "Это т.е. главное. Конец. ", ["главное", "Конец"]),
    # a Hindi initial, as Hindi writes the letter's name
    ("hi", "विदेश मंत्री एस. जयशंकर ने कहा. बैठक खत्म हुई. ", ["कहा", "हुई"]),
    # a word that is no abbreviation ends its sentence
    ("bg", "Той дойде с генерал. Иванов остана. ", ["генерал", "остана"]),
])
def test_sentence_ends_skip_abbreviations(code: str, text: str, expected: list[str]) -> None:
    assert [w.rstrip(".") for w in _ends(code, text)] == expected


def test_the_blank_parser_keeps_a_title_with_its_name_and_ends_after_a_year() -> None:
    doc = blank_parser("bg")("Според ген. Иванов мостът е готов. До 2050 г. Тогава ще видим.")
    assert [s.text.strip() for s in doc.sents] == ["Според ген. Иванов мостът е готов.", "До 2050 г.",
                                                   "Тогава ще видим."]


def test_a_segmenters_cut_at_a_title_is_joined() -> None:
    ensure_languages()
    text = "Об этом сообщил ген. Иванов. Он добавил."
    cut = [(0, 20), (21, 28), (29, len(text))]  # what a segmenter without the list gives
    assert merge_spans(text, cut, abbreviations(pack_for("ru"))) == [(0, 28), (29, len(text))]
    assert merge_spans(text, cut, abbreviations(None)) == cut


@pytest.mark.parametrize(("text", "heading"), [
    ("Текст абзаца.\nЧто сказал министр?\nОн сказал.", True),
    ("विदेश मंत्रालय ने क्या कहा?\nउन्होंने कहा", True),
    # a paragraph that ends with a question, a question inside a line: no heading
    ("Текст абзаца. Что сказал министр?\nОн сказал.", False),
    ("Что сказал министр? Он сказал.", False),
])
def test_a_question_alone_on_its_line_is_a_heading(text: str, heading: bool) -> None:
    assert heading_question(text, text.index("?")) is heading


def _source(resources: Resources, lang: str, text: str) -> dict[str, Any]:
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    found = find_attributions_multilingual(resources.parser(lang)(text), Article(source="t", text=text, language=lang),
                                           pack, resources.sources)
    return next(x["sources"][-1] for x in found if x["sources"])


@pytest.mark.parametrize(("lang", "text", "name", "role"), [
    # a title first, in any pack
    # (the title is the role when it is an office or a profession; "д-р" is neither)
    ("bg", "Проф. Иван Колев заяви, че преговорите ще бъдат трудни.", "Проф. Иван Колев", "Проф."),
    ("bg", "Според ген. Петров преговорите ще бъдат трудни.", "ген. Петров", "ген."),
    ("bg", "Д-р Иван Колев заяви, че преговорите ще бъдат трудни.", "Д-р Иван Колев", None),
    ("hi", "श्री मिलर ने कहा कि बातचीत जारी रहेगी।", "श्री मिलर", None),
    # Hindi: a person's role word, its owner before it, then the name
    ("hi", "प्रधान सचिव संतोष कुमार मल्ल ने कहा कि बातचीत जारी रहेगी।", "संतोष कुमार मल्ल", "प्रधान सचिव"),
    ("hi", "मुख्यमंत्री एन. बीरेन सिंह ने कहा कि बातचीत जारी रहेगी।", "एन. बीरेन सिंह", "मुख्यमंत्री"),
    ("hi", "विदेश मंत्रालय के प्रवक्ता लिन जियान ने कहा कि बातचीत जारी रहेगी।", "लिन जियान", "विदेश मंत्रालय के प्रवक्ता"),
])
def test_a_person_told_by_title_or_role_without_an_entity_tagger(resources: Resources, lang: str, text: str,
                                                                  name: str, role: str | None) -> None:
    src = _source(resources, lang, text)
    assert (src["name"], src["kind"], src.get("role")) == (name, "person", role), src


@pytest.mark.parametrize("text", [
    # a body, a side, an organization: no person
    "रूस के रक्षा मंत्रालय ने कहा कि बातचीत जारी रहेगी।",
    "यूक्रेनी पक्ष ने कहा कि बातचीत जारी रहेगी।",
    "नाटो ने कहा कि बातचीत जारी रहेगी।",
])
def test_no_person_without_a_title_or_a_name_after_a_role(resources: Resources, text: str) -> None:
    src = _source(resources, "hi", text)
    assert src["kind"] != "person" and src["name"] == text.split(" ने ")[0], src


def test_a_role_whose_genitive_follows_it_keeps_it(resources: Resources) -> None:
    # Arabic: "the city's governor" is the source, not a person named "the city"
    src = _source(resources, "ar", "وقال محافظ المدينة في بيان إن الحريق أخمد بالكامل.")
    assert src["name"] == "محافظ المدينة", src


def test_according_to_an_unnamed_source_takes_its_noun(resources: Resources) -> None:
    # "according to some reports": the reports, not "some", nor the claim's first words
    src = _source(resources, "bg", "Според някои сведения обхватът на ракетата е голям.")
    assert (src["name"], src["kind"]) == ("някои сведения", "anonymous"), src


def test_a_caseless_name_takes_the_role_the_article_gives_it(resources: Resources) -> None:
    # Hindi: "White House spokesman John Kirby … Kirby said": a person with the role written before;
    # "world leaders laugh at Donald Trump": "leader" with no body or country is no office of his
    text = "व्हाइट हाउस के प्रवक्ता जॉन किर्बी ने बैठक की। किर्बी ने कहा कि बातचीत जारी रहेगी।"
    src = _source(resources, "hi", text)
    assert (src["name"], src["kind"], src.get("role")) == ("किर्बी", "person", "व्हाइट हाउस के प्रवक्ता"), src
    assert src["affiliation"] == "state"
    src = _source(resources, "hi", "इस पर विश्व नेता डोनाल्ड ट्रंप पर हंस रहे हैं। ट्रंप ने कहा कि बातचीत जारी रहेगी।")
    assert src["name"] == "ट्रंप" and not src.get("role"), src


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("pt", "As armas podem ser encontradas na Finlândia, declarou em Janeiro o ministro dos Negócios Estrangeiros da "
           "Rússia.", "ministro dos Negócios Estrangeiros da Rússia"),
    ("bg", "Украинските сили са отговорни за атаките срещу цивилни в региона. Това заяви на 26 юни постоянният "
           "представител на Русия пред журналисти.", "постоянният представител на Русия"),
])
def test_a_month_after_the_cue_is_when_not_who(resources: Resources, lang: str, text: str, speaker: str) -> None:
    assert _source(resources, lang, text)["name"] == speaker
