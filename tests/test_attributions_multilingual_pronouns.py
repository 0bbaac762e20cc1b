"""Pronoun speakers in languages read without a parse (Bulgarian, Portuguese, Hindi) stand for the person
the text named last before them, nearby, also when that person was no source; inferred, and said so. In
Russian (parsed) with no person named nearby, for the role that is the subject before them.
Hand-written sentences (not from any corpus), both ways: a resolution, and what must stay unresolved."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.resources import Resources
from tests.multilingual import attributions


def _speakers(resources: Resources, lang: str, text: str) -> list[dict[str, Any]]:
    return [x["sources"][-1] for x in attributions(resources, lang, text) if x["sources"]]


RESOLVED: list[tuple[str, str, list[str]]] = [
    # a name no cue introduced, after a role word; both pronouns stand for it
    ("bg", "Бившият посланик Жорж Ламбер посочва, че преговорите закъсняват. Той добави, че зимата идва много рано. "
           "Според него цените ще растат през есента.", ["Жорж Ламбер", "Жорж Ламбер"]),
    # the name after a role word is preferred to a nearer one in a relative clause
    ("bg", "Американският журналист Джон Смит критикува плана, който Ханс Мюлер предложи. Според него планът е "
           "опасен за Европа.", ["Джон Смит"]),
    # gender told by the surname's ending: "тя" passes over the nearer man, "той" takes him
    ("bg", "Депутатката Мария Колева посрещна министъра Иван Петров. Тя заяви, че преговорите ще бъдат трудни.",
     ["Мария Колева"]),
    ("bg", "Депутатката Мария Колева посрещна министъра Иван Петров. Той заяви, че преговорите ще бъдат трудни.",
     ["Иван Петров"]),
    # a pronoun opening a paragraph, or the sentence after it, stands for the person of the paragraph before
    ("bg", "Бившият посланик Жорж Ламбер пристигна в София.\n\nЦените растат бързо. Според него цените ще "
           "растат и догодина.", ["Жорж Ламбер"]),
    ("bg", "Бившият посланик Жорж Ламбер пристигна в София.\n\nСпоред него цените ще растат през есента.",
     ["Жорж Ламбер"]),
    # Portuguese: the name set off after its role; the place after a preposition is no one
    ("pt", "A porta-voz do Governo, Ana Souto, falou aos jornalistas em Lisboa. Segundo ela, as negociações vão "
           "parar em breve.", ["Ana Souto"]),
    # an abbreviation's dot ends no sentence: "ген. Петров" does not open one, so it stands in the
    # sentence of the ambassador, whose role word puts him first
    ("bg", "Бившият посланик Жорж Ламбер посети щаба на ген. Петров в София. Той заяви, че преговорите ще бъдат "
           "трудни.", ["Жорж Ламбер"]),
    # Russian (parsed), no person named: the role that is the subject before the pronoun; a woman's office
    # named in the masculine takes "она"
    ("ru", "Накануне полпред президента приезжал в регион. Тогда он заявил, что в городе построят новые школы.",
     ["полпред президента"]),
    ("ru", "Министр обороны прибыл в Минск вечером. Она заявила, что переговоры будут трудными.", ["Министр обороны"]),
    # Hindi: an agent pronoun stands for what the one before it stood for
    ("hi", "इस दौरान राहुल वर्मा ने कहा कि बातचीत जारी रहेगी। उन्होंने कहा कि समझौता जल्द होगा। उन्होंने कहा कि "
           "युद्ध जल्द खत्म होगा।", ["राहुल वर्मा", "राहुल वर्मा", "राहुल वर्मा"]),
]


@pytest.mark.parametrize(("lang", "text", "names"), RESOLVED, ids=[f"{c[0]}-{i}" for i, c in enumerate(RESOLVED)])
def test_pronoun_stands_for_the_name_before_it(resources: Resources, lang: str, text: str, names: list[str]) -> None:
    speakers = _speakers(resources, lang, text)
    assert [s["name"] for s in speakers][-len(names):] == names, speakers
    for s in speakers[-len(names):]:
        if s.get("resolved_from"):  # a pronoun's: inferred, the words it was; "той", "ela" stand for a person
            assert s["inferred"] is True and not s.get("unresolved") and (lang == "hi" or s["kind"] == "person"), s
    assert any(s.get("resolved_from") for s in speakers)


UNRESOLVED: list[tuple[str, str]] = [
    # no one named nearby
    ("bg", "Цените на горивата растат бързо. Според него инфлацията ще расте през есента."),
    # the name is two paragraph breaks back, or before a heading
    ("bg", "Иван Колев пристигна в Минск.\n\nЦените растат.\n\nСпоред него инфлацията ще расте."),
    ("bg", "Иван Колев пристигна в Минск.\n\nЦените на горивата\n\nСпоред него инфлацията ще расте през есента."),
    # the only name is of the other gender
    ("bg", "Депутатът Иван Петров пристигна в Минск. Тя заяви, че преговорите ще бъдат трудни."),
    # a place and an owner after prepositions are no one
    ("bg", "Цените в Минск растат заради решението на Путин. Той заяви, че преговорите ще бъдат трудни."),
    ("pt", "O preço do gás subiu em Lisboa e no Porto. Segundo ele, o inverno vai ser difícil."),
    # a question alone on its line is a heading: its agent is not what the pronoun after it stands for
    ("hi", "विदेश मंत्रालय ने इस पर क्या कहा?\nउन्होंने कहा कि बातचीत जारी रहेगी।"),
    # Russian: a role that is no subject ("с министром"), a subject that is no role and of the other
    # gender, a role in another paragraph: no one the pronoun may stand for
    ("ru", "Журналисты встретились с министром обороны в Минске. Он заявил, что переговоры будут трудными."),
    ("ru", "Жительница села рассказала об обстрелах. Он заявил, что переговоры будут трудными."),
    ("ru", "Министр обороны прибыл в Минск вечером.\n\nОн заявил, что переговоры будут трудными."),
    # a neuter subject is no "он"
    ("ru", "Заявление министерства опубликовали вечером. Он заявил, что переговоры будут трудными."),
]


@pytest.mark.parametrize(("lang", "text"), UNRESOLVED, ids=[f"{c[0]}-{i}" for i, c in enumerate(UNRESOLVED)])
def test_pronoun_with_no_one_named_nearby_stays_unresolved(resources: Resources, lang: str, text: str) -> None:
    speakers = _speakers(resources, lang, text)
    assert speakers and speakers[-1].get("unresolved") is True and "resolved_from" not in speakers[-1], speakers


def test_a_role_resolution_says_it_is_inferred_from_a_role(resources: Resources) -> None:
    text = "Накануне полпред президента приезжал в регион. Тогда он заявил, что в городе построят новые школы."
    src = _speakers(resources, "ru", text)[-1]
    assert src["resolved_from"] == "он" and src["inferred"] is True and "role" in src["inferred_from"], src
    assert src["kind"] == "person" and src["role"] == "полпред президента", src
