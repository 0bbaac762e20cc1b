"""Common nouns as sources: documents and bodies named by what they are, things that are no source,
counted groups, offices of a state by themselves; Hindi pronouns and documents (hand-written text)."""
from __future__ import annotations

from typing import Any

from headwater.enrich.attributions.find import find_attributions
from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.lang import ensure_languages, pack_for
from headwater.model import Article
from headwater.resources import Resources


def by_claim(text: str, resources: Resources) -> dict[str, list[dict[str, Any]]]:
    found = find_attributions(resources.nlp(text), Article(source="t", text=text), resources.sources)
    return {f["claim"]: f["sources"] for f in found}


def first(found: dict[str, list[dict[str, Any]]], words: str) -> dict[str, Any]:
    return next(s[0] for c, s in found.items() if words in c and s)


def test_unnamed_documents_and_bodies_are_described_not_named(resources: Resources) -> None:
    found = by_claim("A new study found that coffee drinkers sleep less than others. "
                     "The organization said that its members would vote in June.", resources)
    study = first(found, "coffee drinkers")
    assert (study["kind"], study["described"], study["affiliation"]) == ("anonymous", "document", "unknown")
    body = first(found, "its members")
    assert (body["kind"], body["described"]) == ("anonymous", "collective")


def test_a_body_named_before_speaks_again_as_the_group(resources: Resources) -> None:
    found = by_claim("Greenpeace criticized the plan on Monday, saying it was far too weak. "
                     "The group said that the plan would fail within a year.", resources)
    group = first(found, "would fail")
    assert (group["name"], group["canonical"], group["inferred"]) == ("group", "Greenpeace", True)
    assert group["affiliation"] == "non_state"


def test_an_outlet_named_before_by_its_last_word(resources: Resources) -> None:
    found = by_claim("The Washington Post first reported the deal on Monday. "
                     "The Post reported that the talks would go on next week.", resources)
    post = first(found, "talks would go on")
    assert (post["kind"], post["inferred"]) == ("outlet", True) and post["typed_by"].startswith("outlet:")


def test_a_thing_is_no_source_and_a_counted_group_is_its_people(resources: Resources) -> None:
    found = by_claim("The increase suggests that the old model was wrong all along. "
                     "A number of economists say that the recession will come soon. "
                     "The airline said that the pilot had flown for years.", resources)
    increase = first(found, "old model was wrong")  # evidence the article reads: unnamed, never a name
    assert (increase["kind"], increase["described"]) == ("anonymous", "evidence")
    assert first(found, "the pilot")["name"] == "airline"  # a verb of speech: its subject speaks
    economists = first(found, "recession")
    assert (economists["name"], economists["affiliation"]) == ("economists", "non_state")


def test_authorities_and_police_are_a_states(resources: Resources) -> None:
    found = by_claim("More than 4,000 people were told to leave their homes, authorities said on Sunday.", resources)
    assert first(found, "4,000")["affiliation"] == "state"


def test_honorifics_before_a_name_give_no_role_a_role_word_does(resources: Resources) -> None:
    found = by_claim("Professor Dame Ana Whitcombe warned that the fever would spread to the north. "
                     "Blogger Ilya Sokolov wrote that the army had left the town.", resources)
    assert first(found, "fever")["affiliation"] == "unknown"
    blogger = first(found, "left the town")
    assert (blogger["affiliation"], blogger["typed_by"]) == ("non_state", "role:blogger")


def multilingual(text: str, lang: str, resources: Resources) -> list[dict[str, Any]]:
    ensure_languages()
    pack = pack_for(lang)
    assert pack is not None
    article = Article(source="t", text=text, language=lang)
    return [x for x in find_attributions_multilingual(resources.parser(lang)(text), article, pack, resources.sources)
            if x["sources"]]


def test_hindi_pronoun_is_the_agent_just_before(resources: Resources) -> None:
    text = "भारत के प्रधानमंत्री ने राष्ट्रपति को धन्यवाद दिया. उन्होंने कहा कि यह देश का सम्मान है."
    found = multilingual(text, "hi", resources)
    he = next(x for x in found if "सम्मान" in x["claim"])["sources"][0]
    assert he["resolved_from"] == "उन्होंने" and he["inferred"] is True
    assert "प्रधानमंत्री" in he["name"] and he["affiliation"] == "state"


def test_hindi_report_is_its_authors_or_an_unnamed_document(resources: Resources) -> None:
    found = multilingual("रिपोर्ट के मुताबिक, इस साल नदी में बहुत पानी आया है.", "hi", resources)
    report = found[0]["sources"][0]
    assert (report["kind"], report["described"]) == ("anonymous", "document")
    found = multilingual("रूस के रक्षा मंत्रालय की रिपोर्ट के मुताबिक, इस साल सेना ने बहुत भर्ती की है.", "hi", resources)
    owner = found[0]["sources"][0]
    assert owner["affiliation"] == "state" and "रिपोर्ट" in owner["document"]


def test_an_impersonal_it_is_the_writers_own_voice(resources: Resources) -> None:
    found = by_claim("The mosquito expert warned of fear on Monday. "
                     "But it seems our public officials will not miss a chance to scare us. "
                     "Greenpeace criticized the plan, saying it was weak. It said the plan would fail within a year.",
                     resources)
    assert found["But it seems our public officials will not miss a chance to scare us."] == []
    curly = by_claim("Greenpeace spoke on Monday. It’s important to note that this is the reality we live in.", resources)
    assert curly["It’s important to note that this is the reality we live in."] == []
    assert first(found, "fail within a year")["name"] == "Greenpeace"  # a referring "it" still speaks


def test_an_undated_article_naming_a_later_date_makes_an_ended_office_former(resources: Resources) -> None:
    # (gb-johnson: terms to 2023 in the registry) undated, no later date: unknown; a date after: former
    plain = first(by_claim("Boris Johnson said that the war must end soon.", resources), "war must end")
    assert plain["affiliation"] == "unknown"
    later = first(by_claim("Boris Johnson said on 12 March 2024 that the war must end soon.", resources), "war must end")
    assert later["affiliation"] == "non_state" and "2024" in later["typing_note"]
    dated = find_attributions(resources.nlp("Boris Johnson said that the war must end soon."),
                              Article(source="t", text="Boris Johnson said that the war must end soon.",
                                      published="2020-05-01"), resources.sources)
    assert dated[0]["sources"][0]["affiliation"] == "state"  # the article's own date decides first


def test_a_byline_the_registry_knows_is_typed_by_it(resources: Resources) -> None:
    text = "Senator Ana Ruiz said the pipeline was divisive. I believe that the empire will not last another decade."
    found = find_attributions(resources.nlp(text), Article(source="t", text=text, author="Philip Giraldi"),
                              resources.sources)
    own = next(f["sources"][0] for f in found if "empire" in f["claim"] and f["sources"])
    assert (own["name"], own["author_voice"], own["affiliation"]) == ("Philip Giraldi", True, "non_state")
    assert own["typed_by"] == "registry:np-giraldi"


def test_a_titled_surname_is_the_person_given_a_role_before(resources: Resources) -> None:
    found = by_claim("Director of the climate NGO Green Ledger Claire Snyder said the period was too long. "
                     "Ms Snyder said that the rules would fail.", resources)
    assert first(found, "rules would fail")["affiliation"] == "non_state"


def test_the_west_and_a_provincial_premier_are_states_a_headline_clause_no_role(resources: Resources) -> None:
    found = by_claim("The West says that the sanctions will stay until the war ends. "
                     "The left-leaning provincial premier said that the carbon tax would stay. "
                     "Top Mosquito Expert Blasts Dame Ana Whitcombe said that the claim was fiction.", resources)
    west = first(found, "sanctions will stay")
    assert (west["kind"], west["affiliation"], west["country"]) == ("government", "state", None)
    assert first(found, "carbon tax")["affiliation"] == "state"
    assert first(found, "was fiction")["affiliation"] == "unknown"  # seven words: a clause, no role and name
