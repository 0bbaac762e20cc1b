"""The outlet a speaker told, in languages read without a parse: the outlet first in the chain and the speaker
after it, as the English "X told Reuters" (sentences written for these tests, not taken from any corpus)."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.resources import Resources
from tests.multilingual import attributions


def _chain(resources: Resources, lang: str, text: str) -> tuple[list[tuple[str | None, str]], str]:
    (at,) = [x for x in attributions(resources, lang, text) if x["sources"]]
    assert text[at["start"]:at["end"]] == at["claim"]
    return [(s["text"], s["kind"]) for s in at["sources"]], at["claim"]


def _told(src: list[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    """The outlet told and the speaker's words, from a chain of two."""
    assert len(src) == 2, src
    outlet, speaker = src
    assert outlet[1] in ("outlet", "agency")
    return outlet[0], speaker[0]


@pytest.mark.parametrize(("lang", "text", "outlet", "speaker", "claim"), [
    ("fr", "Le ministre a déclaré à l'agence Reuters que les troupes resteraient dans la région.",
     "agence Reuters", "ministre", "les troupes resteraient dans la région"),
    ("fr", "Dans un entretien au journal Le Monde, le maire a affirmé que la réforme serait votée en mai.",
     "journal Le Monde", "maire", "la réforme serait votée en mai"),
    ("fr", "Les négociations reprendront lundi prochain, a déclaré à l'AFP le porte-parole du ministère.",
     "AFP", "porte-parole du ministère", "Les négociations reprendront lundi prochain"),
    ("fr", "Le ministre a déclaré au Figaro que la réforme serait votée en mai.",
     "Figaro", "ministre", "la réforme serait votée en mai"),
    ("pt", "O ministro disse à SIC que as obras vão começar em março do próximo ano.",
     "SIC", "ministro", "as obras vão começar em março do próximo ano"),
    ("pt", "O ministro disse à agência Lusa que as obras vão começar em março.",
     "agência Lusa", "ministro", "as obras vão começar em março"),
    ("pt", "As negociações vão continuar na próxima semana, disse à Lusa o porta-voz do ministério.",
     "Lusa", "porta-voz do ministério", "As negociações vão continuar na próxima semana"),
    ("pt", "Em entrevista à Lusa, o presidente da câmara afirmou que as obras estão atrasadas.",
     "Lusa", "presidente da câmara", "as obras estão atrasadas"),
    ("es", "El ministro dijo a la agencia EFE que el acuerdo se firmará la próxima semana.",
     "agencia EFE", "ministro", "el acuerdo se firmará la próxima semana"),
    ("es", "En declaraciones a EFE, la alcaldesa aseguró que las obras terminarán en junio.",
     "EFE", "alcaldesa", "las obras terminarán en junio"),
    ("bg", "Министърът заяви пред БТА, че ремонтът на моста ще започне през март.",
     "БТА", "Министърът", "ремонтът на моста ще започне през март"),
    ("bg", "Премиерът каза в интервю за БНТ, че изборите ще бъдат през есента.",
     "БНТ", "Премиерът", "изборите ще бъдат през есента"),
    ("bg", "В интервю за БНТ премиерът заяви, че изборите ще бъдат през есента.",
     "БНТ", "премиерът", "изборите ще бъдат през есента"),
    ("ar", "قال وزير الخارجية لوكالة الأنباء السورية إن المحادثات ستستأنف الأسبوع المقبل.",
     "وكالة الأنباء السورية", "وزير الخارجية", "المحادثات ستستأنف الأسبوع المقبل"),
    ("ar", "وقال الوزير في مقابلة مع قناة الجزيرة إن المفاوضات مع الجانب الآخر مستمرة.",
     "قناة الجزيرة", "الوزير", "المفاوضات مع الجانب الآخر مستمرة"),
    ("tr", "Bakan Yılmaz, yeni köprünün gelecek yıl açılacağını Anadolu Ajansına açıkladı.",
     "Anadolu Ajansı", "Bakan Yılmaz", "yeni köprünün gelecek yıl açılacağını"),
    ("tr", "Vali Demir, AA muhabirine yaptığı açıklamada yeni hastanenin mart ayında açılacağını söyledi.",
     "AA", "Vali Demir", "yeni hastanenin mart ayında açılacağını"),
    ("tr", "AA muhabirine konuşan Vali Ahmet Demir, yeni hastanenin mart ayında açılacağını söyledi.",
     "AA", "Vali Ahmet Demir", "yeni hastanenin mart ayında açılacağını"),
    ("tr", "Vali Demir, Hürriyet gazetesine yaptığı açıklamada yeni hastanenin mart ayında açılacağını söyledi.",
     "Hürriyet gazetesi", "Vali Demir", "yeni hastanenin mart ayında açılacağını"),
    ("ru", "Министр обороны заявил РИА Новости, что учения продлятся до конца месяца.",
     "РИА Новости", "Министр обороны", "учения продлятся до конца месяца"),
    ("ru", "Накопление сил на этом участке продолжается, сказал в эфире телеканала Киселев.",
     "телеканала", "Киселев", "Накопление сил на этом участке продолжается"),
], ids=["fr-agence", "fr-entretien", "fr-inverted", "fr-article", "pt-media", "pt-agencia", "pt-inverted",
        "pt-entrevista", "es-agencia", "es-declaraciones", "bg-pred", "bg-interview", "bg-opening", "ar-prefix", "ar-interview",
        "tr-before-verb", "tr-reporter", "tr-participle", "tr-paper", "ru-parse", "ru-name-after-noun"])
def test_the_outlet_told_comes_first_and_the_speaker_after(resources: Resources, lang: str, text: str, outlet: str,
                                                           speaker: str, claim: str) -> None:
    src, said = _chain(resources, lang, text)
    assert _told(src) == (outlet, speaker)
    assert said == claim


# Interviews and questions of an outlet (each pack's told words): an opening phrase, the phrase after the verb,
# and the phrase set off by commas between the speaker and the verb
INTERVIEWS = [
    ("pt", "O ministro, em entrevista à Lusa, disse que as obras vão começar em março.",
     "Lusa", "ministro", "as obras vão começar em março"),
    ("pt", "O presidente da câmara, falando à Lusa, afirmou que as obras estão atrasadas.",
     "Lusa", "presidente da câmara", "as obras estão atrasadas"),
    ("pt", "Ouvido pela Lusa, o autarca disse que a estrada vai reabrir em maio.",
     "Lusa", "autarca", "a estrada vai reabrir em maio"),
    ("pt", "Contactado pelo Expresso, o ministro disse que as obras vão começar em março.",
     "Expresso", "ministro", "as obras vão começar em março"),
    ("es", "Consultado por EFE, el alcalde afirmó que las obras terminarán en junio.",
     "EFE", "alcalde", "las obras terminarán en junio"),
    ("es", "El alcalde, en una entrevista con EFE, aseguró que las obras terminarán en junio.",
     "EFE", "alcalde", "las obras terminarán en junio"),
    ("fr", "Interrogé par l'AFP, le ministre a affirmé que la réforme serait votée en mai.",
     "AFP", "ministre", "la réforme serait votée en mai"),
    ("fr", "Le ministre, interrogé par l'AFP, a affirmé que la réforme serait votée en mai.",
     "AFP", "ministre", "la réforme serait votée en mai"),
    ("bg", "Министърът, в интервю за БТА, заяви, че ремонтът на моста ще започне през март.",
     "БТА", "Министърът", "ремонтът на моста ще започне през март"),
    ("bg", "Министърът заяви в разговор с БТА, че ремонтът ще започне през март.",
     "БТА", "Министърът", "ремонтът ще започне през март"),
    ("bg", "Министърът каза в ефира на БНТ, че ремонтът ще започне през март.",
     "БНТ", "Министърът", "ремонтът ще започне през март"),
    ("ru", "Министр обороны заявил в комментарии РИА Новости, что учения продлятся до конца месяца.",
     "РИА Новости", "Министр обороны", "учения продлятся до конца месяца"),
    ("ru", "Министр обороны сказал в интервью для RT, что учения продлятся до конца месяца.",
     "RT", "Министр обороны", "учения продлятся до конца месяца"),
]


@pytest.mark.parametrize(("lang", "text", "outlet", "speaker", "claim"), INTERVIEWS,
                         ids=["pt-aside", "pt-falando", "pt-ouvido", "pt-contactado-article", "es-consultado",
                              "es-aside", "fr-interroge", "fr-aside", "bg-aside", "bg-razgovor", "bg-efir",
                              "ru-komentarii", "ru-interviu-dlya"])
def test_an_interview_puts_the_outlet_first(resources: Resources, lang: str, text: str, outlet: str, speaker: str,
                                            claim: str) -> None:
    src, said = _chain(resources, lang, text)
    assert _told(src) == (outlet, speaker)
    assert said == claim


# Quoted by an outlet after the tag ("цитиран от", "citado pela"): the outlet first, and the claim stops before
# the tag (it ran over the whole sentence, tag and outlet included)
QUOTED_BY = [
    ("bg", "Мостът ще бъде ремонтиран през март, каза министър Петров, цитиран от БТА.",
     "БТА", "министър Петров", "Мостът ще бъде ремонтиран през март"),
    ("bg", "Цените на горивата ще паднат, заяви министърката Петрова, цитирана от БНР.",
     "БНР", "министърката Петрова", "Цените на горивата ще паднат"),
    ("pt", "As obras vão começar em março, disse o ministro Costa, citado pela Lusa.",
     "Lusa", "ministro Costa", "As obras vão começar em março"),
    ("pt", "O ministro, citado pela agência Lusa, disse que as obras vão começar em março.",
     "agência Lusa", "ministro", "as obras vão começar em março"),
    # after "according to" the same: the outlet set off by commas after the source
    ("bg", "Според министър Петров, цитиран от БТА, мостът ще бъде ремонтиран.",
     "БТА", "министър Петров", "мостът ще бъде ремонтиран"),
    ("bg", "Мостът ще бъде ремонтиран, според министър Петров, цитиран от БТА.",
     "БТА", "министър Петров", "Мостът ще бъде ремонтиран"),
    ("pt", "Segundo o ministro, citado pela Lusa, as obras vão começar em março.",
     "Lusa", "ministro", "as obras vão começar em março"),
]


@pytest.mark.parametrize(("lang", "text", "outlet", "speaker", "claim"), QUOTED_BY,
                         ids=["bg-tail", "bg-tail-fem", "pt-tail", "pt-aside", "bg-according", "bg-according-tail",
                              "pt-segundo"])
def test_an_outlet_that_quoted_the_speaker_comes_first(resources: Resources, lang: str, text: str, outlet: str,
                                                       speaker: str, claim: str) -> None:
    src, said = _chain(resources, lang, text)
    assert _told(src) == (outlet, speaker)
    assert said == claim


def test_a_claim_around_its_tag_still_runs_on_past_it(resources: Resources) -> None:
    """Not an outlet after the tag's comma: the claim is the whole sentence, as before."""
    _, said = _chain(resources, "pt", "As negociações, disse o ministro, vão continuar na próxima semana.")
    assert said == "As negociações, disse o ministro, vão continuar na próxima semana"


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Consultado por los periodistas, el alcalde afirmó que las obras terminarán en junio."),
    ("pt", "Questionado pelo jornalista, o ministro disse que as obras vão começar em março."),
], ids=["es-journalists", "pt-journalist"])
def test_a_question_from_no_outlet_names_none(resources: Resources, lang: str, text: str) -> None:
    src, _ = _chain(resources, lang, text)
    assert len(src) == 1, src


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Le maire a dit au ministre que la route serait fermée pendant deux semaines."),
    ("pt", "O ministro disse ao presidente que o orçamento será aprovado em breve."),
    ("pt", "A empresa reviu em alta a previsão de entregas para este ano, avança a Reuters."),
    ("es", "El ministro dijo a los periodistas que el acuerdo se firmará pronto."),
    ("bg", "Министърът заяви пред журналисти, че ремонтът ще започне през март."),
    ("bg", "Кметът заяви за промяна на бюджета, че тя ще бъде приета скоро."),
    ("tr", "Bakan Yılmaz, yeni köprünün gelecek yıl Rusya'ya bağlanacağını söyledi."),
], ids=["fr-person", "pt-person", "pt-article", "es-journalists", "bg-journalists", "bg-topic", "tr-country"])
def test_no_outlet_told_where_none_is_named(resources: Resources, lang: str, text: str) -> None:
    src, _ = _chain(resources, lang, text)
    assert len(src) == 1, src


def test_told_by_a_subject_left_out_is_the_person_before(resources: Resources) -> None:
    text = ("O ministro João Costa afirmou que o plano está pronto. "
            "Disse à Lusa que o acordo será assinado amanhã de manhã.")
    found: list[dict[str, Any]] = [x for x in attributions(resources, "pt", text) if x["sources"]]
    last = found[-1]
    assert last["claim"] == "o acordo será assinado amanhã de manhã"
    outlet, speaker = last["sources"]
    assert outlet["text"] == "Lusa"
    assert speaker["kind"] == "person" and speaker.get("inferred") is True and "Costa" in str(speaker["name"])
