"""A role and a name in a language read without an entity tagger: the name is the source's, the role
its role, and an office in a body the registry knows speaks for that body; bare Hindi names where only
a person stands are persons (hand-written sentences, no corpus)."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.resources import Resources
from tests.multilingual import attributions


def _sources(resources: Resources, lang: str, text: str) -> list[dict[str, Any]]:
    return [dict(s) for x in attributions(resources, lang, text) for s in x["sources"]]


# (language, sentence, the last source's name, its role, its kind, its affiliation)
ROLE_NAMES: list[tuple[str, str, str, str | None, str, str]] = [
    ("bg", "Заместник-председателката на Европейската комисия Мария Петрова заяви, че мерките са абсурдни.",
     "Мария Петрова", "Заместник-председателката на Европейската комисия", "person", "intergovernmental"),
    ("bg", "Министър-председателят Кирил Петков заяви, че бюджетът ще бъде приет.", "Кирил Петков",
     "Министър-председателят", "person", "state"),
    ("bg", "Прессекретарят на руския президент Дмитрий Песков каза, че преговорите са замразени.", "Дмитрий Песков",
     "Прессекретарят на руския президент", "person", "state"),
    ("pt", "A cidade vai recuperar depressa, afirmou o presidente da Câmara, David Almeida.", "David Almeida",
     "presidente da Câmara", "person", "unknown"),
    ("pt", "O Presidente Luiz Inácio Lula da Silva afirmou que a cimeira vai avançar.", "Luiz Inácio Lula da Silva",
     "Presidente", "person", "state"),
    # whose the role is, no person: the company, the country; a son is not his father
    ("pt", "O diretor da Tongaat Hulett disse que a fábrica vai fechar.", "diretor da Tongaat Hulett",
     "diretor da Tongaat Hulett", "person", "unknown"),
    ("pt", "A guerra vai acabar, disse o filho do presidente Lula da Silva aos jornalistas.",
     "filho do presidente Lula da Silva", "filho do presidente Lula da Silva", "person", "unknown"),
    # an envoy is a state's office; a state broadcaster a state's voice; an EU official the EU's
    ("bg", "Пратеникът на Русия заяви, че ракетите не могат да бъдат изстреляни без помощ.", "Пратеникът на Русия",
     "Пратеникът на Русия", "person", "state"),
    ("pt", "A emissora estatal LRT informou que a ponte vai reabrir.", "emissora estatal LRT", None, "organization",
     "state"),
    ("hi", "यूरोपीय आयोग के एक अधिकारी ने कहा कि बातचीत जारी रहेगी।", "यूरोपीय आयोग के एक अधिकारी", None, "person",
     "intergovernmental"),
    # a date before the speaker is no part of the name (the registry knows him then)
    ("bg", "Още в началото на годината Дейвид Петреъс заяви, че Русия ще продължи.", "Дейвид Петреъс", None,
     "person", "non_state"),
]


@pytest.mark.parametrize(("lang", "text", "name", "role", "kind", "affiliation"), ROLE_NAMES,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(ROLE_NAMES)])
def test_role_and_name_apart(resources: Resources, lang: str, text: str, name: str, role: str | None, kind: str,
                             affiliation: str) -> None:
    src = _sources(resources, lang, text)[-1]
    assert (src["name"], src.get("role"), src["kind"], src.get("affiliation")) == (name, role, kind, affiliation), src


# Hindi: a bare name the article makes the owner of a kinship word, gives an age or an honorific verb
HINDI_PEOPLE: list[tuple[str, str, str]] = [
    ("सुनीता के पति सेना में हैं। सुनीता ने कहा कि वह बहुत परेशान हैं।", "सुनीता", "person"),
    ("45 साल की सुनीता गांव में रहती हैं। सुनीता ने कहा कि वह बहुत परेशान हैं।", "सुनीता", "person"),
    ("सुनीता कहती हैं कि गांव में पानी नहीं है। सुनीता ने कहा कि वह बहुत परेशान हैं।", "सुनीता", "person"),
    # nothing says what it names: as before
    ("डीएमसीसी ने कहा कि इस साल व्यापार बहुत तेजी से बढ़ेगा।", "डीएमसीसी", "organization"),
    # the wife spoke to him: "ने" between the kinship word and the name
    ("उनकी पत्नी ने सुनीता को फोन किया। सुनीता ने कहा कि वह बहुत परेशान हैं।", "सुनीता", "organization"),
]


@pytest.mark.parametrize(("text", "name", "kind"), HINDI_PEOPLE, ids=[str(i) for i in range(len(HINDI_PEOPLE))])
def test_hindi_people_by_what_only_people_have(resources: Resources, text: str, name: str, kind: str) -> None:
    src = _sources(resources, "hi", text)[-1]
    assert (src["name"], src["kind"]) == (name, kind), src
