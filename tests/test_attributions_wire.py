"""English attributions in wire and newspaper shapes: figures given, "quoted as saying", refusals to
speak, the writer's comment on a claim, reports set against each other, times as subjects, sentence-case
headlines, and what kind of source "sources close to X", "X's office" and "state media" are.
(Sentences written for these tests.)"""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions.find import find_attributions
from headwater.model import Article
from headwater.resources import Resources


def attributed(text: str, resources: Resources) -> list[dict[str, Any]]:
    article = Article(source="t", text=text)
    return [a for a in find_attributions(resources.nlp(text), article, resources.sources) if a["sources"]]


def by_cue(text: str, resources: Resources) -> dict[str, dict[str, Any]]:
    return {a["cue"]: a for a in attributed(text, resources)}


@pytest.mark.parametrize(("text", "speaker", "claim"), [
    ("The health ministry put the death toll at 34, with dozens more wounded in the overnight shelling.",
     "health ministry", "the death toll at 34"),
    ("Local officials put the number of displaced families at more than 2,000.",
     "Local officials", "the number of displaced families at more than 2,000"),
])
def test_a_figure_given_is_a_statement_of_who_gave_it(text: str, speaker: str, claim: str,
                                                      resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert att["cue"] == "put" and att["sources"][0]["name"] == speaker and att["claim"].startswith(claim)


def test_the_put_of_a_deed_is_no_statement(resources: Resources) -> None:
    assert attributed("The ministry put the new rules into force at midnight on Sunday.", resources) == []


def test_quoted_as_saying_gives_the_speaker_and_whoever_quotes_them(resources: Resources) -> None:
    (att,) = attributed("The opposition leader was quoted as saying that the election had been stolen.", resources)
    assert [s["name"] for s in att["sources"]] == ["opposition leader"]
    assert att["sources"][0]["kind"] == "person" and att["claim"] == "that the election had been stolen"
    (att,) = attributed("The agency quoted the governor as saying that power had been restored to 80 percent of "
                        "homes.", resources)
    assert [s["name"] for s in att["sources"]] == ["agency", "governor"]
    assert att["claim"] == "that power had been restored to 80 percent of homes"


@pytest.mark.parametrize("text", [
    "The ministry declined to comment on the report.",
    "A government spokesman declined to say whether the talks would resume next month.",
    "The prosecutor refused to give details of the charges against the three men.",
    "A spokesman for the airline did not respond to a request for comment.",
])
def test_a_refusal_to_speak_says_nothing(text: str, resources: Resources) -> None:
    assert attributed(text, resources) == []


def test_speaking_with_someone_is_no_report(resources: Resources) -> None:
    atts = attributed("The president, who spoke by phone with his French counterpart on Monday, said the two "
                      "leaders agreed to coordinate.", resources)
    assert [(a["cue"], a["claim"]) for a in atts] == [("said", "the two leaders agreed to coordinate")]
    (att,) = attributed("Comedian Ana Lopez spoke briefly about the cancellation of her late night show.", resources)
    assert att["claim"] == "the cancellation of her late night show"


def test_the_writers_comment_on_a_claim_is_no_part_of_it(resources: Resources) -> None:
    (att,) = attributed("The defence ministry in Moscow said its troops had captured the village, a claim that "
                        "could not be independently verified.", resources)
    assert att["claim"] == "its troops had captured the village"


def test_a_report_set_against_another_is_not_part_of_it(resources: Resources) -> None:
    atts = attributed("Israel's military said it had struck 40 targets overnight, while Hamas said the strikes "
                      "had killed 12 civilians.", resources)
    got = {a["sources"][0]["name"]: a for a in atts}
    assert got["Israel's military"]["claim"] == "it had struck 40 targets overnight"
    assert got["Hamas"]["claim"] == "the strikes had killed 12 civilians" and not got["Hamas"]["nested"]


def test_a_pronoun_inside_a_report_is_its_speaker(resources: Resources) -> None:
    text = ("Prime Minister Ana Ruiz spoke on Monday. The company said in a filing with regulators that it "
            "expected profits to fall.")
    expected = by_cue(text, resources)["expected"]
    assert expected["sources"][0]["name"] == "company" and expected["sources"][0]["inferred"]


def test_a_cue_inside_another_report_has_no_sentence_of_its_own(resources: Resources) -> None:
    atts = attributed("The ministry's spokesperson, Lin Wei, said China firmly opposed the move.", resources)
    assert all(a["claim"] != "The ministry's spokesperson, Lin Wei, said China firmly opposed the move."
               for a in atts)
    assert [a["sources"][0]["name"] for a in atts if a["cue"] == "said"] == ["Lin Wei"]


def test_an_opening_participle_is_no_claim_and_the_economist_no_outlet(resources: Resources) -> None:
    (att,) = attributed("Writing in the Guardian, the economist warned that the recovery was fragile.", resources)
    assert att["cue"] == "warned" and att["claim"] == "that the recovery was fragile"
    assert att["sources"][0]["kind"] != "outlet"


@pytest.mark.parametrize(("text", "claim"), [
    ("The European Union called for restraint.", "called for restraint"),
    ("The prime minister has repeatedly denied any wrongdoing.", "denied any wrongdoing"),
    ("Aid groups have warned of a looming famine in the north.", "a looming famine in the north"),
])
def test_a_short_object_is_claimed_with_its_verb(text: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert att["claim"] == claim


@pytest.mark.parametrize("text", [
    "This year has shown that the alliance can act quickly when it must.",
    "The timing suggests that the government wanted the news buried before the holiday.",
    "What the minister said on Tuesday contradicted earlier statements by his office.",
])
def test_a_time_or_a_free_relative_is_no_source(text: str, resources: Resources) -> None:
    assert all(a["sources"][0]["name"].lower() not in ("this year", "timing", "minister")
               for a in attributed(text, resources))


def test_a_parenthetical_speaker_holds_the_sentence(resources: Resources) -> None:
    atts = attributed("The timing of the announcement, analysts said, suggested the government was worried "
                      "about the vote.", resources)
    assert [a["sources"][0]["name"] for a in atts] == ["analysts"]


def test_a_headline_claim_ends_at_its_line(resources: Resources) -> None:
    text = "Kremlin says sanctions have failed to dent economy\n\nThe Kremlin said on Monday that sanctions had not worked."
    says = by_cue(text, resources)["says"]
    assert says["claim"] == "sanctions have failed to dent economy"


@pytest.mark.parametrize(("text", "speaker", "claim"), [
    ("Kremlin: Western sanctions have failed to dent the economy\n\nMOSCOW - Officials met on Monday.",
     "Kremlin", "Western sanctions have failed to dent the economy"),
    ("Zelensky: we will not give up any land\n\nKYIV - Talks resumed on Sunday in the capital.",
     "Zelensky", "we will not give up any land"),
    ("Ukraine: Russian troops advance near Kharkiv\n\nRussian forces pushed forward on Sunday.", None, None),
])
def test_a_sentence_case_headline_with_a_colon(text: str, speaker: str | None, claim: str | None,
                                               resources: Resources) -> None:
    heads = [a for a in attributed(text, resources) if a["cue"] == ":"]
    assert [(a["sources"][0]["name"], a["claim"]) for a in heads] == ([(speaker, claim)] if speaker else [])


def test_what_kind_of_source_the_words_name(resources: Resources) -> None:
    text = ("Sources close to the defence minister said he was considering resigning. "
            "The prime minister's office said the meeting had been postponed because of the storm. "
            "North Korea's state media said on Monday that the country had tested a new cruise missile. "
            "The judge ruled that the evidence had been obtained illegally. "
            "The WHO estimates that 1.2 million people lack access to clean water in the region. "
            "According to a statement from the prosecutor's office, the suspect was detained at the airport.")
    first = [a["sources"][0] for a in attributed(text, resources)]
    assert (first[0]["kind"], first[0]["affiliation"]) == ("anonymous", "unknown")
    assert (first[1]["kind"], first[1]["affiliation"]) == ("government", "state")
    assert (first[2]["kind"], first[2]["country"], first[2]["affiliation"]) == ("outlet", "KP", "state")
    assert first[3]["kind"] == "person"
    assert first[4]["name"] == "WHO" and first[4]["kind"] == "organization"
    assert first[5]["name"] == "prosecutor's office" and first[5]["kind"] == "government"


def test_a_role_in_apposition_makes_a_name_a_person(resources: Resources) -> None:
    (att,) = attributed("\"We will not back down,\" said Amara Diallo, the country's foreign minister.", resources)
    src = att["sources"][0]
    assert (src["name"], src["kind"], src["affiliation"]) == ("Amara Diallo", "person", "state")


def test_cited_as_saying_chains_the_agency_and_its_source(resources: Resources) -> None:
    (att,) = attributed("Xinhua cited an unnamed official as saying the factory would reopen next month.", resources)
    assert [s["name"] for s in att["sources"]] == ["Xinhua", "unnamed official"]
    assert att["claim"] == "the factory would reopen next month"


def test_adding_after_a_quote_claims_its_own_clause(resources: Resources) -> None:
    got = by_cue("\"This is not over,\" the senator said in an interview on Sunday, adding that he would appeal.",
                 resources)
    assert got["said"]["claim"] == "This is not over" and got["adding"]["claim"] == "that he would appeal"


def test_asking_not_to_be_named_says_nothing(resources: Resources) -> None:
    atts = attributed("The spokesman, who asked not to be named, said the decision would be announced on Friday.",
                      resources)
    assert [(a["cue"], a["claim"]) for a in atts] == [("said", "the decision would be announced on Friday")]


def test_a_that_clause_hung_on_the_statement_is_what_was_said(resources: Resources) -> None:
    (att,) = attributed("The Interior Ministry said in a statement posted on its website that 14 people had been "
                        "detained.", resources)
    assert att["claim"] == "that 14 people had been detained"


def test_officials_in_a_capital_speak_for_its_state(resources: Resources) -> None:
    (att,) = attributed("Officials in Kyiv said the strike had hit a residential building.", resources)
    src = att["sources"][0]
    assert (src["name"], src["kind"], src["country"], src["affiliation"]) == ("Officials in Kyiv", "anonymous", "UA",
                                                                             "state")


@pytest.mark.parametrize(("text", "claim"), [
    ("The mayor, who said the budget was balanced, resigned on Monday.", "the budget was balanced"),
    ("The minister, who has said the war will end soon, left the capital on Monday.", "the war will end soon"),
    # a relative clause that closes the sentence keeps all it says
    ("Reporters met the mayor, who said the budget was balanced and the city would grow.",
     "the budget was balanced and the city would grow"),
])
def test_what_a_relative_clause_says_ends_with_the_clause(text: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert att["cue"] == "said" and att["claim"] == claim


@pytest.mark.parametrize(("text", "outlet", "speaker", "claim"), [
    ("Speaking to Reuters on Tuesday, the Turkish foreign minister said the grain deal could still be saved.",
     "Reuters", "Turkish foreign minister", "the grain deal could still be saved"),
    ("In an interview with Lusa, the Portuguese foreign minister said Lisbon would back the proposal.",
     "Lusa", "Portuguese foreign minister", "Lisbon would back the proposal"),
    ("The Turkish foreign minister said in an interview with Reuters that the deal could still be saved.",
     "Reuters", "Turkish foreign minister", "that the deal could still be saved"),
])
def test_the_outlet_a_speaker_spoke_to_comes_first_and_the_participle_says_nothing(
        text: str, outlet: str, speaker: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert att["claim"] == claim
    assert [s["name"] for s in att["sources"]][:2] == [outlet, speaker]
    assert att["sources"][0]["kind"] in ("outlet", "agency")


def test_speaking_to_reporters_names_no_outlet(resources: Resources) -> None:
    (att,) = attributed("Speaking to reporters in Ankara, the minister said the talks would resume.", resources)
    assert att["claim"] == "the talks would resume" and att["sources"][0]["kind"] not in ("outlet", "agency")
