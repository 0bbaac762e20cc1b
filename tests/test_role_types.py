"""Sources typed by each language's own role words (``role_types`` in the packs' ``cues.yaml``):
offices of a state, offices that are a state's only beside a state body or a country, roles that
speak for no state, former offices; and no typing where the words say nothing."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.enrich.attributions.multilingual_sources import WORD
from headwater.enrich.attributions.role_types import RoleWords, hits, type_by_role, with_parts
from headwater.lang import ensure_languages, pack_for
from headwater.model import Article
from headwater.resources import Resources

# (language, the words naming a source, state_affiliated, country): hand-written, one office, one
# qualified office with a country, one role of no state, one former office and one that says nothing.
PHRASES: list[tuple[str, str, bool | None, str | None]] = [
    ("bg", "Министърът на отбраната", True, None),
    ("bg", "руският президент Владимир Путин", True, "RU"),
    ("bg", "говорителят на компанията", None, None),
    ("bg", "политологът Иван Колев", False, None),
    ("bg", "бившият посланик Иван Петров", False, None),
    ("bg", "Иван Петров", None, None),
    ("bg", "украинските власти", True, "UA"),  # a country's authorities
    ("bg", "местните власти", None, None),  # whose: not said
    ("ru", "украинские власти", True, "UA"),
    ("pt", "as autoridades ucranianas", True, "UA"),
    ("pt", "as autoridades da empresa", None, None),
    ("pt", "as autoridades locais", True, None),  # authorities are a state's, whichever state
    ("bg", "властите", True, None),
    ("pt", "o ministro das Finanças", True, None),
    ("pt", "o porta-voz do governo russo", True, "RU"),
    ("pt", "o presidente da empresa", None, None),
    ("pt", "o analista político Bogdan Bezpalko", False, None),
    ("pt", "o ex-ministro da Defesa", False, None),
    ("pt", "a vizinha Ana Silva", None, None),
    ("hi", "रक्षा मंत्री", True, None),
    ("hi", "रूस के प्रवक्ता", True, "RU"),
    ("hi", "कंपनी के प्रवक्ता", None, None),
    ("hi", "विशेषज्ञों", False, None),
    ("hi", "पूर्व राजदूत", False, None),
    ("uk", "міністр оборони", True, None),
    ("uk", "речник МЗС України", True, "UA"),
    ("uk", "політолог Олег Петренко", False, None),
    ("uk", "колишній посол", False, None),
    ("fr", "le ministre des Affaires étrangères", True, None),
    ("fr", "le porte-parole du gouvernement russe", True, "RU"),
    ("fr", "le porte-parole de l'entreprise", None, None),
    ("fr", "l'ancien ambassadeur", False, None),
    ("es", "el ministro de Defensa", True, None),
    ("es", "la portavoz de la empresa", None, None),
    ("es", "el exministro de Economía", False, None),
    ("es", "el analista Juan Pérez", False, None),
    ("de", "Außenministerin Annalena Baerbock", True, None),
    ("de", "der russische Regierungssprecher", True, "RU"),
    ("de", "der Sprecher des Konzerns", None, None),
    ("de", "der Politikwissenschaftler Hans Müller", False, None),
    ("de", "der ehemalige Botschafter", False, None),
    ("tr", "Dışişleri Bakanı", True, None),
    ("tr", "Rusya Devlet Başkanı", True, "RU"),
    ("tr", "şirket sözcüsü", None, None),
    ("tr", "eski büyükelçi", False, None),
    ("ar", "وزير الخارجية الروسي", True, "RU"),
    ("ar", "المتحدث باسم الشركة", None, None),
    ("ar", "المحلل السياسي", False, None),
    ("ar", "السفير السابق", False, None),
    ("fa", "وزیر امور خارجه", True, None),
    ("fa", "سخنگوی دولت ایران", True, "IR"),
    ("fa", "کارشناس اقتصادی", False, None),
    ("fa", "سفیر سابق", False, None),
]


def _typed(lang: str, phrase: str) -> dict[str, Any]:
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    words = with_parts({w.lower() for w in WORD.findall(phrase)})
    src = {"name": phrase, "kind": "person", "country": None, "state_affiliated": None, "text": phrase}
    return type_by_role(src, words, RoleWords.of(pack), (phrase.lower(),))


@pytest.mark.parametrize(("lang", "phrase", "state", "country"), PHRASES,
                         ids=[f"{p[0]}-{i}" for i, p in enumerate(PHRASES)])
def test_role_words_of_each_language(lang: str, phrase: str, state: bool | None, country: str | None) -> None:
    src = _typed(lang, phrase)
    assert src["state_affiliated"] is state, src
    assert src["affiliation"] == {True: "state", False: "non_state", None: "unknown"}[state]
    if state is None:
        assert not src.get("typed_by")  # unknown stays unknown, and says no evidence
    else:
        assert str(src["typed_by"]).startswith(("role:", "state_body:"))  # the words that typed it
    if country is not None:
        assert src["country"] == country


def test_every_pack_with_a_finder_has_role_words() -> None:
    ensure_languages()
    for code in ("ru", "uk", "bg", "pt", "hi", "ar", "fa", "fr", "es", "de", "tr"):
        pack = pack_for(code)
        assert pack is not None, code
        rw = RoleWords.of(pack)
        assert rw.official and rw.qualified and rw.non_state and rw.state_bodies and rw.former, code


def test_stems_and_compound_heads() -> None:
    assert hits({"министърът", "каза"}, frozenset({"министър*"})) == ["министърът"]
    assert hits({"außenministerin"}, frozenset({"*minister*"})) == ["außenministerin"]
    assert hits({"regierungssprecher"}, frozenset({"*sprecher"})) == ["regierungssprecher"]
    assert hits({"sprecherin"}, frozenset({"*sprecher"})) == []
    assert hits({"министерство"}, frozenset({"министър*"})) == []


# End to end, in languages parsed without a model: the sentence's own words, the role the article
# gives the name elsewhere, and the registry of officials under the name the language writes.
SENTENCES: list[tuple[str, str, str, bool | None]] = [
    # a role then a name: the name is the source's, the role its role
    ("bg", "Политологът Иван Колев смята, че изборите ще бъдат честни.", "Иван Колев", False),
    ("bg", "Говорителят на Кремъл Дмитрий Песков каза, че преговорите са замразени.", "Дмитрий Песков", True),
    ("bg", "Зеленски заяви, че армията ще удържи.", "Зеленски", True),
    ("bg", "Иван Колев заяви, че изборите ще бъдат честни.", "Иван Колев", None),
    ("pt", "O porta-voz do Kremlin, Dmitri Peskov, esteve em Minsk. Peskov disse que as negociações vão parar.",
     "Peskov", True),
    ("pt", "O economista Rui Lopes, da Universidade do Porto, esteve em Lisboa. Lopes afirmou que a inflação vai cair.",
     "Lopes", False),
    ("pt", "A Rússia afirmou que não vai retirar as tropas.", "Rússia", True),
    ("pt", "Rui Lopes afirmou que a inflação vai cair.", "Rui Lopes", None),
    ("pt", "Segundo o portal Pacific Times, a inflação vai cair.", "portal Pacific Times", None),  # not "The Times"
    # another person's role does not carry: "Presidente" is Lula da Silva's, not Ana Silva's
    ("pt", "O Presidente Luiz Inácio Lula da Silva esteve em Roma. Ana Silva disse que a festa vai continuar.",
     "Ana Silva", None),
    # to whom a person spoke is not what they are
    ("pt", "Mais tarde, em declarações aos jornalistas, Rui Lopes sublinhou que a agricultura não é inimiga. "
     "Rui Lopes disse que o plano vai avançar.", "Rui Lopes", None),
    # a capital alone speaks for its state; a Latin-script country in a Hindi text; a Latin title before a name
    ("pt", "Moscovo afirmou que não vai retirar as tropas.", "Moscovo", True),
    ("bg", "Москва заяви, че преговорите ще бъдат трудни.", "Москва", True),
    ("hi", "PM मोदी ने कहा कि युद्ध जारी रहेगा।", "PM मोदी", True),
    # an ended office in an undated article: unknown, unless the text gives the office
    ("pt", "Lula afirmou que não vai retirar as tropas.", "Lula", None),
    ("pt", "O presidente Lula afirmou que não vai retirar as tropas.", "Lula", True),
    ("bg", "Президентът Байдън заяви, че преговорите ще бъдат трудни.", "Байдън", True),
    # a pronoun before anyone is quoted: the person the text named last (inferred)
    ("ru", "Министр иностранных дел России Сергей Лавров прибыл в Анкару во вторник. Он заявил, что переговоры "
     "будут трудными.", "Сергей Лавров", True),
    ("pt", "A ministra do Ambiente do Brasil, Marina Costa, recebeu o prémio. Marina Costa afirmou que o plano vai "
     "avançar.", "Marina Costa", True),
]


def _last_source(resources: Resources, lang: str, text: str) -> dict[str, Any]:
    """The last source the language's rules find in ``text`` (parsed as that language is)."""
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    found = find_attributions_multilingual(resources.parser(lang)(text), Article(source="t", text=text, language=lang),
                                           pack, resources.sources)
    sources = [s for x in found for s in x["sources"]]
    assert sources, found
    return dict(sources[-1])


@pytest.mark.parametrize(("lang", "text", "name", "state"), SENTENCES, ids=[f"{s[0]}-{i}" for i, s in enumerate(SENTENCES)])
def test_sources_typed_in_the_language(resources: Resources, lang: str, text: str, name: str,
                                       state: bool | None) -> None:
    src = _last_source(resources, lang, text)
    assert src["name"] == name
    assert src.get("state_affiliated") is state, src
    if state is None:
        assert src.get("affiliation") == "unknown"


def test_registry_names_in_other_scripts_join_the_entry(resources: Resources) -> None:
    ensure_languages()
    pack = pack_for("bg")
    assert pack is not None
    text = "Зеленски заяви, че армията ще удържи."
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    src = found[0]["sources"][0]
    assert src["entity"] == "ua-zelensky" and src["country"] == "UA"
    assert src["typed_by"] == "registry:ua-zelensky"


def test_hindi_registry_names_and_impersonal_tags(resources: Resources) -> None:
    ensure_languages()
    pack = pack_for("hi")
    assert pack is not None

    def found(text: str) -> list[dict[str, Any]]:
        return [s for x in find_attributions_multilingual(resources.parser("hi")(text),
                                                          Article(source="t", text=text, language="hi"),
                                                          pack, resources.sources) for s in x["sources"]]
    putin = found("पुतिन ने कहा कि युद्ध जारी रहेगा।")[0]  # a script without case: the name's last word
    assert (putin["entity"], putin["state_affiliated"], putin["country"]) == ("ru-putin", True, "RU")
    assert found("कहा जाता है कि युद्ध जारी रहेगा।") == []  # "it is said that": nobody speaks


def test_words_keep_their_combining_marks() -> None:
    # Devanagari vowel signs are combining marks: a word goes on through them
    assert WORD.findall("अधिकारियों ने कहा") == ["अधिकारियों", "ने", "कहा"]


# A source name is a name: in languages read without a parse, the words a cue takes are cut to the
# name or role they hold (hand-written sentences).
FRAGMENTS: list[tuple[str, str, list[str]]] = [
    # "according to" running on into the claim with no comma: a pronoun alone, a document's word alone
    # a name the sentence before gives, though no source (inferred; multilingual_antecedents)
    ("bg", "Иван Колев е икономист. Според него инфлацията ще расте през есента.", ["Иван Колев"]),
    ("bg", "Цените растат бързо. Според него инфлацията ще расте през есента.", ["него"]),  # no one named before
    ("bg", "Според доклада горещите вълни ще убият хиляди хора до 2050 г.", ["доклада"]),
    ("bg", "Според Иван Колев Москва иска да спечели време за армията си.", ["Иван Колев"]),
    # a tag a comma closes keeps its words
    ("bg", "Според съвместния доклад на агенцията, наводненията са най-големият риск за региона.",
     ["съвместния доклад на агенцията"]),
    # conjunctions, relative pronouns and adverbs are no part of a speaker
    ("bg", "Преговорите ще продължат, въпреки че Киев обясни, че няма да отстъпи нито метър.", ["Киев"]),
    ("bg", "Годината е тежка за фермерите, каза още Петър Иванов пред журналисти.", ["Петър Иванов"]),
    ("bg", "Затова в никакъв случай не може да се твърди, че климатът е стабилен.", []),
    # a pronoun that ends the words before a cue is the speaker (the person named before it); the outlet of the
    # interview comes first in its chain, as "X told Reuters"
    ("bg", "Петър Иванов заяви, че цените ще растат. В интервю за Радио Варна той добави, че заплатите изостават от цените.",
     ["Петър Иванов", "Радио Варна", "Петър Иванов"]),
    # a title before a name ("д-р") keeps it a name a later pronoun stands for
    ("bg", "Според д-р Петър Иванов, цените ще растат и през есента. Той добави, че заплатите изостават от цените.",
     ["д-р Петър Иванов", "д-р Петър Иванов"]),
    ("hi", "इस दौरान राहुल वर्मा ने कहा कि बातचीत जारी रहेगी।", ["राहुल वर्मा"]),
    ("hi", "सम्मेलन में बोलते हुए राहुल वर्मा ने कहा कि बातचीत जारी रहेगी।", ["राहुल वर्मा"]),
    ("hi", "उन्होंने स्थानीय मीडिया से कहा कि समझौता जल्द होगा।", ["उन्होंने"]),  # no one named before it
]


@pytest.mark.parametrize(("lang", "text", "names"), FRAGMENTS, ids=[f"{s[0]}-{i}" for i, s in enumerate(FRAGMENTS)])
def test_sources_are_names_not_fragments(resources: Resources, lang: str, text: str, names: list[str]) -> None:
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    found = find_attributions_multilingual(resources.parser(lang)(text), Article(source="t", text=text, language=lang),
                                           pack, resources.sources)
    assert [s["name"] for x in found for s in x["sources"]] == names, found


def test_pronoun_before_anyone_quoted_is_the_registry_person_named_last(resources: Resources) -> None:
    ensure_languages()
    pack = pack_for("bg")
    assert pack is not None
    text = ("Руският президент Владимир Путин пристигна в Минск във вторник. Той заяви, че преговорите ще "
            "бъдат трудни.")
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    src = found[-1]["sources"][0]
    assert (src["entity"], src["inferred"], src["resolved_from"]) == ("ru-putin", True, "Той")
    text = "Иван Колев пристигна в Минск във вторник. Той заяви, че преговорите ще бъдат трудни."
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    src = found[-1]["sources"][0]  # no one the registry knows: the name before, by its letters ("в Минск" is a place)
    assert (src["name"], src["kind"], src["inferred"], src["resolved_from"]) == ("Иван Колев", "person", True, "Той")
    # a capitalised word the article writes in lower case elsewhere opens a sentence, it is no other name
    text = ("Главата на Чечения Рамзан Кадиров пристигна в Москва. Той заяви, че главата на републиката "
            "ще остане на поста си.")
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    assert found[-1]["sources"][0]["entity"] == "ru-kadyrov"
    # a name after a preposition is an owner or a place, not whom the pronoun stands for
    text = "Зеленски отказа да преговаря, наричайки условията на Путин ултиматум. Той добави, че армията ще удържи."
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    assert found[-1]["sources"][0]["entity"] == "ua-zelensky"
    # a word that may be another name (one capitalised word opening its sentence, nowhere else
    # capitalised) stands between: whose the pronoun is, the text does not say
    for text in ("Путин пристигна в Минск. Кепел нарече решението грешка. Той добави, че е скептичен към плана.",):
        found = find_attributions_multilingual(resources.parser("bg")(text),
                                               Article(source="t", text=text, language="bg"), pack, resources.sources)
        assert found[-1]["sources"][0].get("unresolved") is True, found


def test_pronoun_stands_for_the_name_before_it_without_a_parse(resources: Resources) -> None:
    ensure_languages()
    pack = pack_for("bg")
    assert pack is not None
    text = "Зеленски заяви, че армията ще удържи. Той добави, че помощта от съюзниците закъснява."
    found = find_attributions_multilingual(resources.parser("bg")(text), Article(source="t", text=text, language="bg"),
                                           pack, resources.sources)
    later = found[-1]["sources"][0]
    assert (later["entity"], later["inferred"], later["resolved_from"]) == ("ua-zelensky", True, "Той")


# "according to" with a verb after it names the verb's subject; "the same one" is the person before
# (hand-written sentences)
ACCORDING_VERB: list[tuple[str, str, str, bool | None]] = [
    # (the registry knows AFP as 'France-Presse' too, with its state affiliation)
    ("pt", "A ponte vai reabrir em maio, segundo avança a agência France-Presse.", "agência France-Presse", True),
    ("pt", "O porta-voz Dmitri Peskov disse que a reunião acabou em Minsk. Segundo o mesmo, as negociações vão parar.",
     "Dmitri Peskov", True),
    ("pt", "Segundo a ONU, o número de refugiados vai crescer este ano.", "ONU", None),
    ("bg", "Според СЗО горещините убиват хиляди хора всяка година.", "СЗО", None),
    # a role goes on past its genitive, and a name set off after it by a comma is its holder's
    ("pt", "A reunião foi adiada, disse o chefe do Governo húngaro, acrescentando que a data vai mudar.",
     "chefe do Governo húngaro", True),
    ("pt", "As negociações vão parar, disse o porta-voz do Kremlin, Dmitri Peskov.", "Dmitri Peskov", True),
    ("bg", "Преговорите са замразени, каза говорителят на Кремъл Дмитрий Песков пред журналисти.",
     "Дмитрий Песков", True),
    # a name after a genitive whose head is no role is whose the speaker is, not who speaks
    ("bg", "Украинският език е навсякъде, каза съпругата на Владимир Зеленски пред журналисти.",
     "съпругата на Владимир Зеленски", None),
    ("pt", "A guerra vai acabar, disse o filho do presidente Lula da Silva aos jornalistas.",
     "filho do presidente Lula da Silva", None),
]


@pytest.mark.parametrize(("lang", "text", "name", "state"), ACCORDING_VERB,
                         ids=[f"{s[0]}-{i}" for i, s in enumerate(ACCORDING_VERB)])
def test_according_to_names_its_source(resources: Resources, lang: str, text: str, name: str,
                                       state: bool | None) -> None:
    src = _last_source(resources, lang, text)
    assert src["name"] == name
    assert src.get("state_affiliated") is state


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "قالت وزارة الدفاع الروسية يوم الثلاثاء إن القوات تقدمت نحو المدينة من الشمال. وأضافت الوزارة أن ثلاث قرى سقطت."),
    ("bg", "Министерството на отбраната на Русия заяви, че войските са напреднали. "
           "Министерството добави, че са превзети три села."),
    ("pt", "O Ministério da Defesa da Rússia afirmou que as tropas avançaram. "
           "O ministério acrescentou que três aldeias foram tomadas."),
    ("es", "El Ministerio de Defensa de Rusia afirmó que las tropas avanzaron. El ministerio añadió que tomaron tres aldeas."),
])
def test_a_body_named_again_is_the_body_named_before(resources: Resources, lang: str, text: str) -> None:
    src = _last_source(resources, lang, text)
    assert (src.get("inferred"), src.get("country")) == (True, "RU"), src
    assert src["resolved_from"] in text


def test_a_body_noun_with_no_such_body_before_stays_unnamed(resources: Resources) -> None:
    src = _last_source(resources, "pt", "A agência Lusa afirmou que as tropas avançaram. O ministério acrescentou que três "
                                        "aldeias foram tomadas.")
    assert not src.get("inferred") and src.get("country") is None
