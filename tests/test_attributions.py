"""Attributions: speakers, chains nearest first, anaphora, quotes, and the article's own voice."""
from __future__ import annotations

from typing import Any

import pytest

from headwater.enrich.attributions.find import find_attributions, quote_spans
from headwater.model import Article
from headwater.resources import Resources

from .multilingual import attributions as attributions_in


def attributions(text: str, resources: Resources) -> list[dict[str, Any]]:
    article = Article(source="t", text=text)
    return find_attributions(resources.nlp(text), article, resources.sources)


def chain(att: dict[str, Any]) -> list[str]:
    return [s["name"] for s in att["sources"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials told Reuters that the convoy reached the border town on Monday.", ["Reuters", "Officials"]),
    ("According to the state news agency SANA, which cited local sources, the bridge was destroyed overnight.",
     ["state news agency SANA", "local sources"]),
    ("The ministry spokesman, citing field commanders, said the offensive had stalled near the river.",
     ["ministry spokesman", "field commanders"]),
])
def test_chains_nearest_first(text: str, expected: list[str], resources: Resources) -> None:
    (att,) = [a for a in attributions(text, resources) if a["sources"]]
    assert chain(att) == expected


def test_sources_are_typed_from_the_registries(resources: Resources) -> None:
    text = ("Russian Defense Ministry spokesman Igor Konashenkov said the strikes hit depots. "
            "According to Russia's Foreign Intelligence Service, the group was trained abroad. "
            "Sources told Russia's Sputnik news agency that hundreds of fighters were moved.")
    got = [a["sources"] for a in attributions(text, resources) if a["sources"]]
    assert got[0][0]["name"] == "Igor Konashenkov" and got[0][0]["kind"] == "person"
    assert got[0][0]["country"] == "RU" and got[0][0]["state_affiliated"] is True
    assert got[1][0]["kind"] == "intelligence" and got[1][0]["canonical"] == "Foreign Intelligence Service of Russia"
    assert [s["kind"] for s in got[2]] == ["agency", "anonymous"] and got[2][0]["state_affiliated"] is True


def test_quotes_across_sentences_and_anaphora(resources: Resources) -> None:
    text = ("“The convoy left at dawn. It reached the camp by noon,” Jane Doe, the agency's regional director, said. "
            "“Nobody was hurt.” She added that more trucks would follow.")
    atts = [a for a in attributions(text, resources) if a["sources"]]
    assert atts[0]["claim"].startswith("The convoy left at dawn. It reached the camp by noon")
    assert atts[0]["claim"].endswith("Nobody was hurt.")  # the quote runs on after the tag: one claim
    assert all(chain(a) == ["Jane Doe"] for a in atts), [chain(a) for a in atts]
    assert len(atts) == 2  # the quote, and what she added


def test_role_and_definite_references_resolve_to_the_named_source(resources: Resources) -> None:
    text = ("Syria's ambassador to the UN, Bassam Sabbagh, said the strikes were illegal. "
            "The envoy said Damascus would respond. The sources added that talks had stalled.")
    atts = [a for a in attributions(text, resources) if a["sources"]]
    assert chain(atts[1]) == ["Bassam Sabbagh"] and atts[1]["sources"][0]["country"] == "SY"


def test_own_voice_claims_have_no_sources_and_hedges_are_kept(resources: Resources) -> None:
    text = "Hundreds of fighters have reportedly been moved to the desert base in recent weeks."
    (att,) = attributions(text, resources)
    assert att["sources"] == [] and att["hedges"] == ["reportedly"] and att["sourcing"] == "unattributed"


def test_a_subject_that_does_not_speak_is_no_source(resources: Resources) -> None:
    text = "The plan calls for a ceasefire across the province by the end of the month."
    assert all(not a["sources"] for a in attributions(text, resources))


def test_an_aim_ascribed_to_someone_is_the_articles_claim(resources: Resources) -> None:
    from headwater.enrich.claims.records import find_claims
    from headwater.link.narratives import provenance

    text = ("NATO plans to attack Russia from the territory of the Baltic states. "
            "Moscow refused to withdraw its troops from the border. "
            "The ministry said the troops would stay at the border until spring.")
    found = attributions(text, resources)
    by_cue = {a["cue"]: a for a in found if a["sources"]}
    # kept as attributions (their holders hold the aim, as annotators mark it) and marked as aims
    assert by_cue["plans"].get("attitude") and by_cue["refused"].get("attitude")
    assert not by_cue["said"].get("attitude")
    article = Article(source="t.txt", text=text, attributions=found)
    claims = {c["text"]: c for c in find_claims(article)}
    aim = claims["NATO plans to attack Russia from the territory of the Baltic states."]
    assert aim["kind"] == "unattributed" and aim["speakers"] == []  # the whole sentence, the article's own
    refusal = claims["Moscow refused to withdraw its troops from the border."]
    assert refusal["negated"]  # a refusal says it will not happen
    said = next(c for c in claims.values() if c["speakers"])
    assert said["speakers"] == ["The ministry"] or said["speakers"][0].lower().endswith("ministry")
    narrative = {"id": "n1", "article_ids": ["a1"], "claims": [{**aim, "article_id": "a1"}]}
    prov = provenance(narrative, {1: article})
    assert [p["name"] for p in prov["primary_sources"]] == ["unattributed"]  # not NATO


def test_an_aim_is_marked_in_russian_too(resources: Resources) -> None:
    text = ("Вашингтон хочет, чтобы Киев продолжал войну до конца года. "
            "Министр обороны заявил, что войска останутся на границе.")
    found = attributions_in(resources, "ru", text)
    aims = {a["cue"]: bool(a.get("attitude")) for a in found if a["sources"]}
    assert aims == {"хочет": True, "заявил": False}


@pytest.mark.parametrize("text", [
    "The ministry did not say whether the talks would resume.",
    "No official confirmed that the convoy had been hit.",
    "Neither Kyiv nor Washington has commented on the attack.",
    "The army never said that the bridge was destroyed.",
])
def test_a_speech_act_negated_says_nothing(text: str, resources: Resources) -> None:
    assert all(not a["sources"] for a in attributions(text, resources))


def test_a_negation_that_still_reports_and_a_pair_of_speakers(resources: Resources) -> None:
    (kremlin,) = [a for a in attributions("The Kremlin did not rule out that talks could resume in May.", resources)
                  if a["sources"]]
    assert chain(kremlin) == ["Kremlin"]
    (both,) = [a for a in attributions("Both Russia and Ukraine have announced that they will treat ships as targets.",
                                       resources) if a["sources"]]
    assert chain(both)[0] == "Russia"  # not "Both Russia"


def test_quote_spans_pair_marks_within_paragraphs() -> None:
    text = '“One. Two,” he said.\n\n"Three'
    assert quote_spans(text) == [(1, 10)]  # "One. Two," inside the marks; the open quote of "Three is dropped


def test_headline_attributions_keep_title_offsets(resources: Resources) -> None:
    from headwater.enrich import run_enrichers
    from headwater.enrich.builtin import ATTRIBUTIONS

    article = Article(source="t", title="Militants moved to the desert base, Russian military says",
                      text="The convoy left on Monday and reached the base by night, residents said.")
    run_enrichers(article, resources, [ATTRIBUTIONS])
    (head,) = [a for a in article.attributions if a.get("field") == "title"]
    assert [s["name"] for s in head["sources"]] == ["Russian military"] and head["sources"][0]["state_affiliated"]
    assert head["start"] is None and article.title[head["title_start"]:head["title_end"]].startswith("Militants moved")


def attributed(text: str, resources: Resources) -> list[dict[str, Any]]:
    return [a for a in attributions(text, resources) if a["sources"]]


def test_two_apostrophes_mark_quotes(resources: Resources) -> None:
    assert quote_spans("''Yes, indeed,'' she said.") == [(2, 14)]
    (att,) = attributed("''We will rebuild the bridge by spring,'' the mayor said.", resources)
    assert att["claim"] == "We will rebuild the bridge by spring" and att["quote"]


@pytest.mark.parametrize(("text", "first", "last"), [
    # a tag between the two parts of one quote
    ("“The budget is tight,” the treasurer said, “but the schools will stay open.”", "The budget is tight",
     "the schools will stay open."),
    # a short quote, a long tag, and the quote going on in the next sentences to its closing mark
    ("“Never,” said Ruth Park, a farmer who has worked the valley for decades. “Not while I live here. "
     "Not while my children do.” The council meets again in May to decide the route.", "Never",
     "Not while my children do."),
    # a partial quote: what the sentence says before the tag is the claim
    ("The vote was “a farce from start to finish,” the senator said.", "The vote was", "a farce from start to finish"),
])
def test_a_quote_is_taken_with_all_its_parts(text: str, first: str, last: str, resources: Resources) -> None:
    att = attributed(text, resources)[0]
    assert att["claim"].startswith(first) and att["claim"].endswith(last), att["claim"]


def test_paragraphs_end_sentences_and_a_new_paragraph_of_a_quote_is_its_own_claim(resources: Resources) -> None:
    text = ("“Why should we wait?”\n\nThe council said it was doing its best to follow the rules.\n\n"
            "“We are ready,” Ana Lee said.\n\n“We have trained for months and the crews know every road.”")
    atts = attributed(text, resources)
    assert atts[0]["claim"] == "it was doing its best to follow the rules" and chain(atts[0]) == ["council"]
    assert [a["claim"] for a in atts[1:]] == ["We are ready", "We have trained for months and the crews know every road."]
    assert all(chain(a) == ["Ana Lee"] for a in atts[1:])


def test_a_tag_ending_in_a_colon_takes_the_quote_below(resources: Resources) -> None:
    (att,) = attributed("The governor said:\n\n“The roads will reopen on Monday morning.”", resources)
    assert att["claim"] == "The roads will reopen on Monday morning." and chain(att) == ["governor"]


def test_a_dash_signs_the_quote_before_it(resources: Resources) -> None:
    text = "“The new park changed our street for the better.” ― Maria Lopez\n“I feel safer walking home at night.” ― Tom Reyes"
    atts = attributed(text, resources)
    assert [(a["claim"], chain(a)) for a in atts] == [
        ("The new park changed our street for the better.", ["Maria Lopez"]),
        ("I feel safer walking home at night.", ["Tom Reyes"])]


@pytest.mark.parametrize(("text", "cue", "speaker", "claim"), [
    ("The reporter asked whether the bridge would reopen this year.", "asked", "reporter",
     "whether the bridge would reopen this year"),
    ("“We will appeal the ruling,” the lawyer continued.", "continued", "lawyer", "We will appeal the ruling"),
    ("Court filings show that the company paid the fines late.", "show", "Court filings",
     "that the company paid the fines late"),
    ("The union endorsed the plan to rebuild the depot by the river.", "endorsed", "union",
     "the plan to rebuild the depot by the river"),
    ("The mayor's decision to close the old bridge came as a surprise.", "decision", "mayor",
     "to close the old bridge"),
    ("Engineers were confident that the dam would hold through the storm.", "confident", "Engineers",
     "that the dam would hold through the storm"),
    ("The coach went on about the referees who had missed the late foul.", "went", "coach",
     "the referees who had missed the late foul"),
    ("The senator weighed in on the dispute over the stadium lease.", "weighed", "senator",
     "the dispute over the stadium lease"),
    ("Senator Maria Cantu attacked the governor over his handling of the flood relief.", "attacked", "Maria Cantu",
     "his handling of the flood relief"),
])
def test_cues_of_speech_stance_and_intent(text: str, cue: str, speaker: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert (att["cue"], chain(att)[0], att["claim"].rstrip(".")) == (cue, speaker, claim)


@pytest.mark.parametrize("text", [
    "The talks continued for hours without a break.",  # a quote tag with no quote
    "The storm plans nothing, but the river rose by a metre overnight.",  # an inanimate subject
    "The northern army attacked the city overnight with drones and missiles.",  # force, not words
    "Government troops fired back at the rebels near the bridge.",
])
def test_no_attribution_without_a_speaker_or_a_quote(text: str, resources: Resources) -> None:
    assert attributed(text, resources) == []


@pytest.mark.parametrize(("title", "speaker", "claim"), [
    ("Poll: Voters Sour On Both Parties Before Midterms", "Poll", "Voters Sour On Both Parties Before Midterms"),
    ("Budget Deal Will Pass Before Friday, Senator Says", "Senator", "Budget Deal Will Pass Before Friday"),
    ("Senator Says Budget Deal Will Pass Before Friday", "Senator", "Budget Deal Will Pass Before Friday"),
])
def test_headline_shapes(title: str, speaker: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(title, resources)
    assert (chain(att), att["claim"]) == ([speaker], claim)


def test_pronouns_without_an_earlier_source_name_the_last_person(resources: Resources) -> None:
    text = ("Maria Lopez opened the bakery on Elm Street in 2010. She said business has doubled since then. "
            "Her claim that rents had tripled was disputed by the landlord.")
    atts = attributed(text, resources)
    assert [chain(a) for a in atts] == [["Maria Lopez"], ["Maria Lopez"]]


@pytest.mark.parametrize(("text", "speaker", "claim"), [
    ("“We tried everything we could,” said Okafor.", "Okafor", "We tried everything we could"),  # an inverted tag
    ("She joined a group that advocates for safer streets across the city.", "group",  # "that" speaks for its noun
     "safer streets across the city"),
    ("Many farmers want the council to delay the vote on the new depot.", "Many farmers",  # people by what they are
     "the council to delay the vote on the new depot"),
])
def test_speakers_the_parse_leaves_implicit(text: str, speaker: str, claim: str, resources: Resources) -> None:
    (att,) = attributed(text, resources)
    assert (chain(att), att["claim"].rstrip(".")) == ([speaker], claim)


def test_a_trailing_participle_speaks_for_the_sentence_subject(resources: Resources) -> None:
    text = ("The government in Baku has asked that all foreign observers who were not invited leave the region, "
            "accusing two neighbouring states of arming the separatists.")
    (att,) = [a for a in attributions(text, resources) if a["cue"] == "accusing"]
    assert att["sources"][0]["name"] != "all foreign observers who were not invited"
    assert "government" in att["sources"][0]["name"].lower()


def test_what_someone_must_say_is_not_reported(resources: Resources) -> None:
    text = "The council and its partners must demand a full account of the shelling from both armies, the envoy said."
    got = attributions(text, resources)
    assert [a["cue"] for a in got] == ["said"] and got[0]["sources"][0]["name"] == "envoy"


def test_unnamed_people_and_unnamed_evidence_are_anonymous(resources: Resources) -> None:
    text = ("Two captured rebel fighters admitted that they had been paid by a foreign intelligence service. "
            "According to leaked data, the payments began in 2019.")
    kinds = {a["sources"][0]["name"]: a["sources"][0]["kind"] for a in attributions(text, resources) if a["sources"]}
    assert kinds == {"Two captured rebel fighters": "anonymous", "leaked data": "anonymous"}


def test_a_pronoun_resolved_to_an_earlier_speaker_says_it_was_inferred(resources: Resources) -> None:
    text = ("“We crossed the river at night and waited for the trucks,” one of the fighters said. "
            "He added, “The trucks came from the south and took us to the camp.”")
    got = [a for a in attributions(text, resources) if a["sources"]]
    assert [chain(a) for a in got] == [["one of the fighters"], ["one of the fighters"]]
    assert "inferred" not in got[0]["sources"][0]
    assert got[1]["sources"][0]["inferred"] is True and got[1]["sources"][0]["resolved_from"] == "He"
    assert got[1]["sources"][0]["kind"] == "anonymous"


@pytest.mark.parametrize(("text", "reported"), [
    ("The army declared a week-long ceasefire over the holiday in the northern province.", False),
    ("Rebel units maintain a presence in a handful of positions on the edge of the old city.", False),
    ("The general declared that the ceasefire would hold through the holiday in the north.", True),
    ("She maintained that the convoy had never crossed into the northern province at all.", True),
    # an aim, not a report: "reveal" joined to "to examine" is as unsaid as "examine"
    ("The report was published in August by a group of engineers.\n\n****\n\nThe underlying objective is "
     "to examine the evidence, reveal the truth and uphold the rule of law.", False),
])
def test_deeds_are_not_reports(text: str, reported: bool, resources: Resources) -> None:
    assert bool([a for a in attributions(text, resources) if a["sources"]]) is reported


def test_a_menu_run_into_the_text_is_no_source(resources: Resources) -> None:
    text = "Film Festival | Episode | Showcase News calls for a political solution to the war in the north."
    assert [a for a in attributions(text, resources) if a["sources"]] == []


@pytest.mark.parametrize(("text", "expected"), [
    # an opening phrase set off by a comma is not part of what was said
    ("In a statement, the Russian Foreign Ministry said Washington was to blame for the impasse.",
     [("Russian Foreign Ministry", "Washington was to blame for the impasse")]),
    # "X reported, citing Y, that Z": Z, through X from Y
    ("The Wall Street Journal reported, citing people familiar with the matter, that a new aid package was "
     "being prepared.", [("Wall Street Journal", "that a new aid package was being prepared")]),
    # "X said A, adding that B": two claims
    ("Mykhailo Podolyak said in an interview that Kyiv would not cede territory, adding that the front line was "
     "stable.", [("Mykhailo Podolyak", "that Kyiv would not cede territory"),
                 ("Mykhailo Podolyak", "that the front line was stable")]),
    # what the speaker did next is not what was said
    ("Egypt's state-run Al-Ahram newspaper said mediators were close to a deal, but gave no details.",
     [("Egypt's state-run Al-Ahram newspaper", "mediators were close to a deal")]),
    # a relative clause's verb says nothing of the sentence around it
    ("A senior U.S. official, who asked not to be named, said Washington would send more air defence systems.",
     [("senior U.S. official", "Washington would send more air defence systems")]),
    # a relative clause that keeps its source anonymous says nothing, whatever the parse hangs on its verb
    ("The spokesman, who asked not to be identified, said the plan was dead.", [("spokesman", "the plan was dead")]),
    ("The official, who declined to be named, said the talks had stalled.", [("official", "the talks had stalled")]),
    ("Two officials, who spoke on condition of anonymity, said the talks had stalled.",
     [("Two officials", "the talks had stalled")]),
])
def test_claim_spans_leave_out_what_is_not_said(text: str, expected: list[tuple[str, str]],
                                                resources: Resources) -> None:
    got = [(a["sources"][0]["name"], a["claim"]) for a in attributions(text, resources) if a["sources"]]
    assert got == expected


def test_a_relative_clause_that_reports_is_no_anonymity(resources: Resources) -> None:
    """Only what the relative clause's own verb asks for ("not to be named") keeps a source anonymous: a word
    of naming inside what it reports does not."""
    text = "The mayor, who said the suspect was never identified by the police, resigned on Monday."
    got = [(a["sources"][0]["name"], a["claim"]) for a in attributions(text, resources) if a["sources"]]
    assert [n for n, _ in got] == ["mayor"]
    assert got[0][1].startswith("the suspect was never identified by the police")
    text = "The mayor, who urged residents to identify the two suspects, said the plan was dead."
    got = [(a["sources"][0]["name"], a["cue"]) for a in attributions(text, resources) if a["sources"]]
    assert ("mayor", "urged") in got  # naming asked of others, not of the source itself


@pytest.mark.parametrize("text", [
    "Officials said the toll, which rose to 40 overnight, was final, TASS reported.",
    "The mayor said the bridge had been closed since Friday, according to TASS.",
    "Police chief Anna Berg told reporters that two suspects had been arrested, the BBC reported on Tuesday.",
])
def test_a_claim_cut_at_a_trailing_tag_spans_its_own_words(text: str, resources: Resources) -> None:
    """The claim's offsets end where its words do, at the comma before the tag, not past it (the claim its
    cue heads, cut short by the tag after it; the tag's own claim is the sentence before its cue)."""
    cut = [a for a in attributions(text, resources) if a["sources"] and a["cue_start"] < a["start"]
           and a["end"] < len(text) - 1]
    assert cut
    for a in cut:
        assert text[a["start"]:a["end"]] == a["claim"]


def test_a_claim_before_according_to_spans_its_own_words(resources: Resources) -> None:
    text = "The bridge had been closed since Friday, according to TASS."
    (att,) = [a for a in attributions(text, resources) if a["sources"]]
    assert text[att["start"]:att["end"]] == att["claim"] == "The bridge had been closed since Friday"
