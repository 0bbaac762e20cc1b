"""Sources resolved to who they are: the registry of officials and organizations, roles carried to
later mentions, the author's own voice, clauses that are not sources, entities across articles and
the independence breakdown."""
from __future__ import annotations

from importlib import resources as res
from pathlib import Path
from typing import Any

import pytest
import yaml

from headwater.enrich.attributions.find import find_attributions
from headwater.enrich.attributions.known import KnownSources
from headwater.link.entities import apply_entities, resolve_entities
from headwater.link.narratives import independence
from headwater.model import Article, Outlet
from headwater.resources import Resources


def sources(text: str, resources: Resources, **article: Any) -> list[list[dict[str, Any]]]:
    a = Article(source="t", text=text, **article)
    return [at["sources"] for at in find_attributions(resources.nlp(text), a, resources.sources) if at["sources"]]


def speaker(chains: list[list[dict[str, Any]]], name: str) -> dict[str, Any]:
    return next(s for c in chains for s in c if s["name"] == name)


def test_registry_entries_have_a_source_and_unique_names(resources: Resources) -> None:
    known = resources.known_sources
    assert len(known.entries) > 300
    assert all(e.id and e.name for e in known.entries)
    for f in ("officials.yaml", "organizations.yaml"):
        for e in yaml.safe_load(res.files("headwater.data").joinpath(f).read_text("utf-8")):
            assert str(e.get("source", "")).startswith("https://"), e["id"]


def test_a_registered_official_is_typed_by_the_registry(resources: Resources) -> None:
    chains = sources("Sergey Lavrov said the talks in Geneva had achieved nothing.", resources)
    s = speaker(chains, "Sergey Lavrov")
    assert (s["kind"], s["country"], s["state_affiliated"], s["affiliation"]) == ("person", "RU", True, "state")
    assert s["typed_by"] == "registry:ru-lavrov"


def test_surname_and_full_name_are_one_entity(resources: Resources) -> None:
    chains = sources("Lavrov told a press conference that the embargo would not change anything.", resources)
    s = speaker(chains, "Lavrov")
    assert s["canonical"] == "Sergey Lavrov" and s["entity"] == "ru-lavrov"


def test_a_role_given_once_carries_to_later_mentions(resources: Resources) -> None:
    text = ("Estonian Prime Minister Tiit Kaskmaa arrived in Brussels on Tuesday for the summit. "
            "Later that evening, Kaskmaa said the alliance had to double its air defences.")
    s = speaker(sources(text, resources), "Kaskmaa")
    assert (s["country"], s["state_affiliated"]) == ("EE", True)
    assert "Prime Minister" in str(s["typed_by"]) or s.get("role_from")


def test_roles_type_people_by_themselves(resources: Resources) -> None:
    text = ("Ukraine's defence minister Petro Hrytsenko said the shipment had arrived at the border. "
            "Former British ambassador Alan Marsh said the ceasefire would not hold for long. "
            "Maria Lopes, a professor of economics at a university in Lisbon, said the sanctions would hurt Europe.")
    chains = sources(text, resources)
    minister = speaker(chains, "Petro Hrytsenko")
    assert (minister["country"], minister["state_affiliated"]) == ("UA", True)
    assert speaker(chains, "Alan Marsh")["state_affiliated"] is False  # former: speaks for no state
    prof = speaker(chains, "Maria Lopes")
    assert prof["state_affiliated"] is False and "professor" in str(prof["typed_by"])


def test_a_name_in_apposition_to_an_office_is_the_speaker(resources: Resources) -> None:
    """"The head of X, Jane Doe," is Jane Doe with that role, even where the parser hangs the name on X;
    a name beside a person ("the wife of John Smith, Mary,") is not taken for an office holder's."""
    text = ("The spokeswoman of Amnesty International, Jane Holloway, said the strike may be a war crime. "
            "The head of Greenpeace, Jonas Frei, said the pipeline leaked for a week. "
            "MEP Clare Daly said the vote had been rushed.")
    chains = sources(text, resources)
    amnesty = speaker(chains, "Jane Holloway")
    assert "Amnesty International" in amnesty["role"] and amnesty["state_affiliated"] is False
    assert speaker(chains, "Jonas Frei")["role"] == "The head of Greenpeace"
    assert speaker(chains, "MEP Clare Daly")["role"] == "MEP"
    mary = sources("The wife of John Smith, Mary Smith, said he was innocent.", resources)
    assert not any(s.get("role") == "The wife of John Smith" for c in mary for s in c)


def test_a_name_in_apposition_the_tagger_missed_is_the_speaker(resources: Resources) -> None:
    """A name in apposition to a person's role is the speaker when the tagger took it for a place or a
    body; a country in apposition is no name; a name beside a person named by a relation speaks with no
    role (his office is not hers)."""
    chains = sources("Amnesty's head, Agnes Callamard, said the strikes were unlawful.", resources)
    assert chains[0][0]["name"] == "Agnes Callamard" and chains[0][0]["kind"] == "person", chains
    assert chains[0][0]["role"] == "Amnesty's head"
    latvia = sources("Ukraine's ambassador, Latvia, said the talks went well.", resources)
    assert not any(s["name"] == "Latvia" for c in latvia for s in c), latvia
    mary = sources("The wife of President John Smith, Mary Smith, said he was innocent.", resources)
    assert (mary[0][0]["name"], mary[0][0]["kind"], mary[0][0].get("role")) == ("Mary Smith", "person", None), mary
    assert mary[0][0]["affiliation"] == "unknown"  # not typed by her husband's office
    wife = sources("The wife of John Smith, Mary, said he was innocent.", resources)
    assert wife[0][0]["name"] == "Mary", wife  # not "wife"


def test_a_body_named_after_a_person_is_the_body_not_the_person(resources: Resources) -> None:
    text = ("The Biden administration said the aid would arrive in May. "
            "Russian President Vladimir Putin said the West was to blame.")
    chains = sources(text, resources)
    assert not any(s["name"] == "Biden" or s.get("role") == "The" for c in chains for s in c)
    admin = chains[0][0]
    assert admin["kind"] == "government" and admin["country"] == "US" and admin["affiliation"] == "state"
    assert speaker(chains, "Vladimir Putin")["affiliation"] == "state"  # the name is the phrase's head


def test_non_state_organizations_count(resources: Resources) -> None:
    text = ("The Institute for the Study of War said the offensive had stalled near the river. "
            "Amnesty International said the strikes on the market may amount to war crimes.")
    chains = sources(text, resources)
    assert [c[0]["affiliation"] for c in chains] == ["non_state", "non_state"]


def test_unregistered_names_stay_unknown(resources: Resources) -> None:
    s = sources("Harold Pemberton-Vance said the harvest would be the worst in a decade.", resources)[0][0]
    assert s["state_affiliated"] is None and s["affiliation"] == "unknown" and s["typed_by"] is None


def test_the_authors_voice_is_not_the_last_person_named(resources: Resources) -> None:
    text = ("Senator Mitch McConnell said the pipeline was divisive. "
            "The reason I want the empire to collapse is that I do not believe it is compatible with freedom.")
    chains = sources(text, resources)
    assert all(s["name"] != "Mitch McConnell" for c in chains[1:] for s in c)
    assert chains[-1][0]["name"] == "the author" and chains[-1][0]["author_voice"] is True  # no outlet known
    outlet = Outlet("ex", "Example Post", "GB", False, "input")
    chains = sources(text, resources, outlet=outlet)
    author = chains[-1][0]
    assert author["name"] == "Example Post" and author["author_voice"] is True


def test_a_clause_is_not_a_source(resources: Resources) -> None:
    text = ("Fearing he would not survive the winter in the camp, the prisoner agreed to join the unit "
            "in exchange for a pardon. During the drill a cheap chip malfunctioned, prompting the screens "
            "to show that missiles were on their way.")
    names = [s["name"] for c in sources(text, resources) for s in c]
    assert not any("Fearing" in n or "chip" in n for n in names)


def test_affiliation_follows_the_articles_date(resources: Resources) -> None:
    text = "Angela Merkel said the pipeline was a purely commercial project."
    in_office = speaker(sources(text, resources, published="2018-05-01"), "Angela Merkel")
    after = speaker(sources(text, resources, published="2023-05-01"), "Angela Merkel")
    assert in_office["state_affiliated"] is True and after["state_affiliated"] is False
    assert "former" in after["typing_note"]


def test_known_sources_load_from_a_given_file(tmp_path: Path) -> None:
    f = tmp_path / "people.yaml"
    f.write_text("- {id: xx-doe, name: Jan Doe, aliases: [Doe], kind: person, country: XX, state_affiliated: true,"
                 " terms: [[2001, 2004]], source: 'https://example.org'}\n", "utf-8")
    known = KnownSources.load([f])
    k = known.get("doe")
    assert k is not None and k.affiliated_in(2002) == (True, "registry, in office")
    assert k.affiliated_in(2010)[0] is False


def _article(aid: int, name: str, **typing: Any) -> tuple[int, Article]:
    src = {"name": name, "kind": "person", "country": None, "state_affiliated": None, "affiliation": "unknown",
           "typed_by": None, **typing}
    return aid, Article(source=f"{aid}.txt", text="x", attributions=[{"claim": "c", "sources": [src]}])


def test_typing_carries_across_articles_when_it_agrees() -> None:
    corpus = [_article(1, "Nadia Orlova", country="XX", state_affiliated=True, affiliation="state",
                       typed_by="role:Xland's deputy minister"),
              _article(2, "Orlova"), _article(3, "Nadia Orlova")]
    entities = resolve_entities(corpus)
    apply_entities(corpus, entities)
    (ent,) = [e for e in entities if e["mentions"] == 3]
    assert ent["affiliation"] == "state" and ent["country"] == "XX"
    carried = corpus[1][1].attributions[0]["sources"][0]
    assert carried["state_affiliated"] is True and carried["typed_by"].startswith("corpus:")
    assert carried["typed_in"]["article_id"] == "a1"


def test_an_entity_kind_tie_is_decided_the_same_way_every_run() -> None:
    corpus = [_article(1, "Syrian Observers", kind="organization"), _article(2, "Syrian Observers")]
    (ent,) = resolve_entities(corpus)
    assert ent["kind"] == "organization"  # one "organization", one "person": the first alphabetically
    corpus.append(_article(3, "Syrian Observers"))
    (ent,) = resolve_entities(corpus)
    assert ent["kind"] == "person"  # the kind most mentions give


def test_conflicting_typings_do_not_carry() -> None:
    corpus = [_article(1, "Ivo Grant", state_affiliated=True, affiliation="state", typed_by="role:minister"),
              _article(2, "Ivo Grant", state_affiliated=False, affiliation="non_state", typed_by="role:former minister"),
              _article(3, "Ivo Grant")]
    apply_entities(corpus, resolve_entities(corpus))
    assert corpus[2][1].attributions[0]["sources"][0]["affiliation"] == "unknown"


@pytest.mark.parametrize(("primaries", "independent", "unknown", "at_most"), [
    ([{"kind": "person", "state_affiliated": None}], 0, 1, 1),
    ([{"kind": "organization", "state_affiliated": False}, {"kind": "person", "state_affiliated": True}], 1, 0, 1),
    ([{"kind": "anonymous", "state_affiliated": None},
      {"kind": "organization", "state_affiliated": None, "affiliation": "intergovernmental"}], 0, 0, 0),
])
def test_independence_reports_unknown_apart(primaries: list[dict[str, Any]], independent: int, unknown: int,
                                            at_most: int) -> None:
    got = independence([{"name": f"s{i}", **p} for i, p in enumerate(primaries)])
    assert (got["independent"], got["unknown"], got["independent_at_most"]) == (independent, unknown, at_most)


def test_he_is_the_person_the_previous_sentence_was_about(resources: Resources) -> None:
    text = ("Senator Ana Ruiz said the bill would pass by the end of the month. "
            "Governor Tom Bekele arrived in the capital on Monday for talks with the cabinet. "
            "He noted that the state budget could not absorb another cut.")
    chains = sources(text, resources)
    he = next(c[0] for c in chains if c[0].get("resolved_from") == "He")
    assert he["name"] == "Tom Bekele"


def test_an_organization_given_with_a_name_is_their_role(resources: Resources) -> None:
    text = ("Michael Carter of the Heritage Foundation spoke at the hearing on Monday. "
            "Carter said the subsidies would not lower prices.")
    s = speaker(sources(text, resources), "Carter")
    assert s["state_affiliated"] is False and "org-heritage" in str(s["typed_by"])


def test_offices_of_a_state_by_themselves(resources: Resources) -> None:
    # a state's office whichever state ("Rep.", "the Minister of Education"), country left unknown;
    # an opposition shadow minister and a company's president are no state's office; the president of
    # a company the registry knows speaks for that company
    text = ("Republican Rep. Ana Whitfield said the bill would fail in committee. "
            "The Minister of Education, Prof Tunde Bakare said the scholars would leave in November. "
            "Shadow climate minister Ed Harlow said the plan was a failure. "
            "Meta global affairs President Nick Harlan said the policy had changed.")
    chains = sources(text, resources)
    for name in ("Ana Whitfield", "Tunde Bakare"):
        s = next(s for c in chains for s in c if name in s["name"])
        assert (s["state_affiliated"], s["country"]) == (True, None), s
        assert str(s["typed_by"]).startswith("role:")
    s = speaker(chains, "Ed Harlow")
    assert s["affiliation"] == "unknown" and s["typed_by"] is None, s
    s = speaker(chains, "Nick Harlan")
    assert s["affiliation"] == "non_state" and "org-meta" in str(s["typed_by"]), s


def test_a_role_said_with_be_carries(resources: Resources) -> None:
    text = ("Barbara Lindqvist spoke in Brussels on Monday. Lindqvist is secretary of state of the capital region. "
            "Lindqvist said the region would fund research.")
    s = speaker(sources(text, resources), "Lindqvist")
    assert s["state_affiliated"] is True and "secretary of state" in str(s["typed_by"])
    text = "John Morrow is not a minister. Morrow said the dam was unsafe."
    assert speaker(sources(text, resources), "Morrow")["affiliation"] == "unknown"


def test_unnamed_experts_speak_for_no_state_officials_stay_unknown(resources: Resources) -> None:
    chains = sources("Energy analysts said prices would rise. Officials said the road was closed. "
                     "A French party leader said the aid was stolen.", resources)
    assert speaker(chains, "French party leader")["affiliation"] == "unknown"  # a party is no state
    assert speaker(chains, "Energy analysts")["state_affiliated"] is False
    assert speaker(chains, "Officials")["affiliation"] == "unknown"  # whose officials: not said


def test_the_authors_voice_goes_to_the_byline_else_counts_as_unattributed(resources: Resources) -> None:
    text = "The reason I want the empire to collapse is that I do not believe it is compatible with freedom."
    (author,) = sources(text, resources, author="Jane Roe")[-1][:1]
    assert (author["name"], author["kind"], author["affiliation"]) == ("Jane Roe", "person", "unknown")
    assert author["author_voice"] is True and author["typed_by"] is None  # named, whom she speaks for not known
    (own,) = sources(text, resources)[-1][:1]
    assert own["kind"] == "author"
    got = independence([{"name": "the author", **own}, {"name": "Jane Roe", **author}])
    assert (got["unattributed"], got["unknown"]) == (1, 1)  # the article's own voice is no source of unknown affiliation


def test_an_ended_office_in_an_undated_article_is_unknown_unless_the_text_gives_it(resources: Resources) -> None:
    said = " said the sanctions would stay in place for years."
    undated = speaker(sources("Boris Johnson" + said, resources), "Boris Johnson")
    assert undated["affiliation"] == "unknown" and undated["entity"] == "gb-johnson"  # before, during or after office?
    assert "date decides" in undated["typing_note"]
    dated = speaker(sources("Boris Johnson" + said, resources, published="2020-03-01"), "Boris Johnson")
    assert dated["affiliation"] == "state"
    assert speaker(sources("Boris Johnson" + said, resources, published="2024-03-01"), "Boris Johnson")[
        "affiliation"] == "non_state"
    # the text gives the office: the text types it, the registry says whose
    burns = speaker(sources("CIA Director William Burns" + said, resources), "William Burns")
    assert (burns["affiliation"], burns["country"]) == ("state", "US")
    former = speaker(sources("Former CIA Director William Burns" + said, resources), "William Burns")
    assert former["affiliation"] == "non_state"
    nato = speaker(sources("NATO Secretary General Jens Stoltenberg" + said, resources), "Jens Stoltenberg")
    assert nato["affiliation"] == "intergovernmental"  # the international office the text gives
    # in office without a break since the first term: the registry's value stands, said undated
    putin = speaker(sources("Vladimir Putin" + said, resources), "Vladimir Putin")
    assert putin["affiliation"] == "state" and "not dated" in putin["typing_note"]


def test_undated_ended_offices_do_not_take_another_articles_typing() -> None:
    corpus = [_article(1, "Ivo Grant", state_affiliated=True, affiliation="state", typed_by="role:minister",
                       entity="xx-grant"),
              _article(2, "Ivo Grant", entity="xx-grant", typing_note="not dated: the registry's term ended in 2020")]
    apply_entities(corpus, resolve_entities(corpus))
    assert corpus[1][1].attributions[0]["sources"][0]["affiliation"] == "unknown"


def test_unnamed_officials_of_the_west_or_a_states_forces_are_the_states(resources: Resources) -> None:
    chains = sources("Western officials said the missiles were fired from the north. Defence officials said the "
                     "base was hit. Industry officials said prices would rise. A senior US official said the talks "
                     "had failed.", resources)
    for name in ("Western officials", "Defence officials"):
        s = speaker(chains, name)
        assert (s["affiliation"], s["country"]) == ("state", None), s
    assert speaker(chains, "Industry officials")["affiliation"] == "unknown"
    us = speaker(chains, "senior US official")
    assert (us["affiliation"], us["country"]) == ("state", "US")


def test_roles_a_name_begins_with_and_long_copula_roles(resources: Resources) -> None:
    chains = sources("Archbishop Ernest Ngboko said the church would help. Climatologist Ada Pell said the models "
                     "ran hot.", resources)
    assert speaker(chains, "Archbishop Ernest Ngboko")["affiliation"] == "non_state"
    assert speaker(chains, "Ada Pell")["affiliation"] == "non_state"
    text = ("Barbara Lindqvist spoke in Brussels. Lindqvist is secretary of state of the Brussels-Capital Region "
            "responsible for the economic transition and research. Lindqvist said the region would fund research.")
    assert speaker(sources(text, resources), "Lindqvist")["affiliation"] == "state"


def test_a_name_written_family_name_first_keeps_its_role(resources: Resources) -> None:
    text = ("Trade will keep growing, Cong Wei, a professor at the Tianjin University of Finance and Economics, "
            "told reporters. Cong said the tariffs would not last.")
    assert speaker(sources(text, resources), "Cong")["affiliation"] == "non_state"


def test_no_one_in_particular_is_no_source(resources: Resources) -> None:
    text = "Anyone who says the climate is not changing is lying to the public. Everyone knows the sanctions failed."
    assert not any(s["name"].lower() in ("anyone", "everyone") for c in sources(text, resources) for s in c)


def _text_article(aid: int, text: str, *names: str, language: str = "en") -> tuple[int, Article]:
    srcs = [{"name": n, "kind": "person", "country": None, "state_affiliated": None, "affiliation": "unknown",
             "typed_by": None} for n in names]
    return aid, Article(source=f"{aid}.txt", text=text, language=language,
                        attributions=[{"claim": "c", "sources": [s]} for s in srcs])


def test_a_role_the_text_of_another_article_gives_carries() -> None:
    corpus = [_text_article(1, "On Monday Ukraine's deputy defence minister Hanna Kovalyk visited the front. "
                               "Later, Mykola Brenko, a political scientist, spoke."),
              _text_article(2, "Hanna Kovalyk said the attack had been repelled.", "Hanna Kovalyk"),
              _text_article(3, "Mykola Brenko said the war would last.", "Mykola Brenko"),
              # named beside a minister, but given no role herself
              _text_article(4, "The talks were held with Prime Minister Ivo Tamm and Olga Varga on Monday."),
              _text_article(5, "Olga Varga said the plan was dead.", "Olga Varga")]
    apply_entities(corpus, resolve_entities(corpus))
    hanna = corpus[1][1].attributions[0]["sources"][0]
    assert (hanna["affiliation"], hanna["country"]) == ("state", "UA")
    assert hanna["typed_by"].startswith("corpus-text:") and hanna["typed_in"]["article_id"] == "a1"
    start, end = hanna["typed_in"]["start"], hanna["typed_in"]["end"]
    assert corpus[0][1].text[start:end] == "Ukraine's deputy defence minister Hanna Kovalyk"
    assert corpus[2][1].attributions[0]["sources"][0]["affiliation"] == "non_state"
    assert corpus[4][1].attributions[0]["sources"][0]["affiliation"] == "unknown"


def test_roles_in_text_that_disagree_do_not_carry() -> None:
    corpus = [_text_article(1, "Defence minister Petr Volny arrived. Former defence minister Petr Volny left."),
              _text_article(2, "Petr Volny said the budget was cut.", "Petr Volny")]
    apply_entities(corpus, resolve_entities(corpus))
    assert corpus[1][1].attributions[0]["sources"][0]["affiliation"] == "unknown"


def test_an_untyped_mention_of_a_registered_name_joins_its_entry() -> None:
    corpus = [_article(1, "Зеленский", entity="ua-zelensky", country="UA", state_affiliated=True,
                       affiliation="state", typed_by="registry:ua-zelensky"),
              _article(2, "Зеленский")]
    apply_entities(corpus, resolve_entities(corpus))
    carried = corpus[1][1].attributions[0]["sources"][0]
    assert carried["entity"] == "ua-zelensky" and carried["affiliation"] == "state"


# Hand-written sentences: a document speaks for the author a preposition names, and "the report"
# later is the same author; "one might", "This suggests" are the writer's reasoning, no speaker;
# "according to him" is who "he" would be.
def test_document_author_and_reasoning_words(resources: Resources) -> None:
    text = ("Wildfires will double by 2050, according to a new report by the World Health Organization. "
            "The report said that cities must prepare for longer summers. This suggests that the plan is failing. "
            "One might hope the government would act. Maria Lopez, a minister, spoke on Monday. "
            "According to her, the budget is too small.")
    found = find_attributions(resources.parser("en")(text), Article(source="t", text=text, language="en"),
                              resources.sources)
    by_claim = {f["claim"]: f["sources"] for f in found}
    assert by_claim["Wildfires will double by 2050"][0]["name"] == "World Health Organization"
    later = by_claim["that cities must prepare for longer summers"][0]
    assert (later["name"], later["inferred"]) == ("World Health Organization", True)
    assert by_claim["This suggests that the plan is failing."] == []
    assert by_claim["One might hope the government would act."] == []
    assert by_claim["the budget is too small."][0]["name"] == "Maria Lopez"


def test_an_international_office_the_text_gives_types_an_undated_registry_person(resources: Resources) -> None:
    # (the registry's terms for Stoltenberg ended; with no date only the text's office can type him)
    from headwater.enrich.attributions.sources import describe

    found = describe("Secretary General Stoltenberg", resources.sources, person="Stoltenberg", role="Secretary General")
    assert (found["affiliation"], found["entity"]) == ("intergovernmental", "nato-stoltenberg")
    former = describe("former NATO Secretary General Jens Stoltenberg", resources.sources, person="Jens Stoltenberg",
                      role="former NATO Secretary General")
    assert former["affiliation"] == "non_state"
    bare = describe("Stoltenberg", resources.sources, person="Stoltenberg")
    assert bare["affiliation"] == "unknown"  # no date, no office in the text: the registry cannot say


def test_a_surname_after_a_name_with_a_generational_suffix(resources: Resources) -> None:
    from headwater.enrich.attributions.roles import surname

    assert surname("Robert F. Kennedy Jr.".split()) == "Kennedy"
    assert surname("Martin Luther King III".split()) == "King"
    assert surname("Ana Ruiz".split()) == "Ruiz"
    text = ("The minister of finance, Carlos Mendez Jr., spoke in Lima on Monday. "
            "Mendez said that the budget will grow next year.")
    found = find_attributions(resources.parser("en")(text), Article(source="t", text=text, language="en"),
                              resources.sources)
    src = next(s for f in found for s in f["sources"] if s["name"] == "Mendez")
    assert src["state_affiliated"] is True  # the role given to the full name carries to the surname


def test_a_role_is_read_as_written_not_as_laid_out(resources: Resources) -> None:
    from headwater.enrich.attributions.sources import describe

    s = describe("Pat Lee", resources.sources, person="Pat Lee", role="Resource officer at\n the council\n\n")
    assert s["role"] == "Resource officer at the council"


def claims_by(text: str, resources: Resources) -> dict[str, str]:
    """Each attributed claim by the name of its nearest source."""
    a = Article(source="t", text=text)
    return {at["sources"][0]["name"]: at["claim"] for at in find_attributions(resources.nlp(text), a, resources.sources)
            if at["sources"]}


def test_a_claim_ends_where_the_tag_around_it_begins(resources: Resources) -> None:
    said = claims_by("Defense Minister Sergei Shoigu said on Monday that 300 soldiers moved from Kherson to "
                     "Mykolaiv, RIA Novosti reported.", resources)
    assert said["Sergei Shoigu"] == "that 300 soldiers moved from Kherson to Mykolaiv"
    said = claims_by("Police chief Anna Berg told reporters that two suspects had been arrested, the BBC reported "
                     "on Tuesday.", resources)
    assert said["Anna Berg"] == "that two suspects had been arrested"
    said = claims_by("The mayor said the bridge had been closed since Friday, according to TASS.", resources)
    assert said["mayor"] == "the bridge had been closed since Friday"


def test_a_word_inside_the_claim_is_no_tag_to_cut_at(resources: Resources) -> None:
    said = claims_by("Russian President Vladimir Putin said the West was to blame.", resources)
    assert said["Vladimir Putin"] == "the West was to blame"


def test_a_role_refers_back_only_to_a_person_holding_it(resources: Resources) -> None:
    text = ("Defense Minister Sergei Shoigu said 300 soldiers had moved to the border. "
            "The governor said the bridge had been closed since Friday. "
            "The army said 40 vehicles were destroyed. "
            "The minister added that the operation would go on.")
    chains = sources(text, resources)
    heads = [c[0] for c in chains]
    assert [h["name"] for h in heads] == ["Sergei Shoigu", "governor", "army", "Sergei Shoigu"]
    # the text has only "The minister" there: the person is inferred, and the output says so
    assert (heads[3].get("inferred"), heads[3].get("resolved_from")) == (True, "The minister")
    assert not heads[0].get("inferred")
    # every word of the office counts, not the last alone; a spelling of the same office does
    for other in ("prime minister", "foreign minister"):
        text = f"Defense Minister Sergei Shoigu said 300 soldiers had moved. The {other} said the bridge was closed."
        assert [c[0]["name"] for c in sources(text, resources)][1] != "Sergei Shoigu"
    text = "Defense Minister Sergei Shoigu said 300 soldiers had moved. The defence minister said the bridge was closed."
    assert [c[0]["name"] for c in sources(text, resources)] == ["Sergei Shoigu", "Sergei Shoigu"]
    text = ("Russia's UN Ambassador Vassily Nebenzia said the council had been misled. "
            "The Russian envoy added that the resolution would be vetoed.")
    assert [c[0]["name"] for c in sources(text, resources)] == ["Vassily Nebenzia", "Vassily Nebenzia"]


def test_an_outlet_has_one_home(registry: Any) -> None:
    """organizations.yaml holds the media the outlet registry does not: no name or alias of it names an outlet
    of outlets.yaml (folded as the look-ups fold them), so every outlet's facts live in one entry."""
    from headwater.extract.outlets import norm

    outlets = {norm(str(n)) for o in yaml.safe_load(res.files("headwater.data").joinpath("outlets.yaml").read_text("utf-8"))
               for n in [o["name"], *(o.get("aliases") or ())]}
    orgs = yaml.safe_load(res.files("headwater.data").joinpath("organizations.yaml").read_text("utf-8"))
    twice = [(e["id"], n) for e in orgs for n in [e["name"], *(e.get("aliases") or ())] if norm(str(n)) in outlets]
    assert twice == []


def test_a_person_described_by_what_they_are_is_the_last_speaker(resources: Resources) -> None:
    # "Gates said … The billionaire added": the person just quoted, inferred, and the output says so
    text = ('"This one is the 103rd," Bill Gates said during an interview in Sydney. '
            "The billionaire added that about six percent of emissions come from cows.")
    heads = [c[0] for c in sources(text, resources)]
    assert [h["name"] for h in heads] == ["Bill Gates", "Bill Gates"]
    assert (heads[1].get("inferred"), heads[1].get("resolved_from")) == (True, "The billionaire")
    # the article gives the role to someone else: it is theirs, not the last speaker's
    text = ("His lawyer, Jane Roe, filed the appeal on Monday. Senator John Smith said the case was political. "
            "The lawyer added that the court had erred.")
    assert [c[0]["name"] for c in sources(text, resources)][-1] != "John Smith"
    # no one named spoke last: the description stays a description
    text = "The ministry said 40 vehicles were destroyed. The billionaire added that the war would end soon."
    assert [c[0]["name"] for c in sources(text, resources)][-1] == "billionaire"


def test_an_unnamed_politician_is_a_person(resources: Resources) -> None:
    text = "A top French politician has claimed that a large part of Western aid is being embezzled."
    (head,) = [c[0] for c in sources(text, resources)]
    assert (head["name"], head["kind"]) == ("top French politician", "person")


def test_a_phrase_set_off_before_the_speaker_is_not_the_speaker(resources: Resources) -> None:
    text = ("The military has been rocked by several graft scandals in recent months. This winter, Ukraine’s SBU, "
            "the successor to the Soviet-era KGB, announced that it had uncovered a major embezzlement scheme.")
    (head,) = [c[0] for c in sources(text, resources)]
    assert head["name"] == "Ukraine’s SBU"
