"""A language's attribution words (``lang/<code>/cues.yaml``), read once per pack, for the
multilingual finder (``attributions.multilingual``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from headwater.lang import LanguagePack, folder_data

# The words between a speaker and the edge of the tag: more and it is not a name or role any more
# ("Министр иностранных дел России Сергей Лавров" is 6; 8 leaves room for a title and an outlet).
MAX_SPEAKER_WORDS = 8


@dataclass(frozen=True)
class Cues:
    """A language's attribution words, read once from its pack."""

    lemmas: frozenset[str]
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]  # verbs of several words ("ifade etti", "a-t-il déclaré")
    according: tuple[str, ...]  # the source follows
    according_after: tuple[str, ...]  # the source precedes
    # words after which an according word is another word: Portuguese "segundo" is "second" after an
    # article or a preposition ("no segundo semestre", "pelo segundo ano")
    according_not_after: frozenset[str]
    # nouns of a publisher that stand for the outlet named before ("الوكالة", "агентство", "a agência")
    outlet_heads: frozenset[str]
    # nouns of a body, with the language's definite mark, that stand for the body named before ("الوزارة",
    # "министерството", "o ministério"): "the ministry added" after "the Defence Ministry said"
    body_heads: frozenset[str]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    clitics: tuple[str, ...]
    verb_first: bool
    # the verb closes the sentence and its speaker opens it (Turkish: "Bakan, … kötüleştiğini söyledi.")
    verb_last: bool
    # phrases that say where a verb-last speaker spoke, between the speaker and what was said ("yaptığı
    # açıklamada": in the statement he made): what was said begins after them
    statement_frames: tuple[str, ...]
    agent_marker: str | None
    anonymous: frozenset[str]
    roles: frozenset[str]
    stop: frozenset[str]
    back_references: frozenset[str]  # "об этом": the claim is the sentence before
    places_of_speech: frozenset[str]  # "сообщили в пресс-службе": prepositions before a source
    bodies: frozenset[str]  # words of state bodies: the source is a government
    unnamed: tuple[str, ...]  # phrases that are their own unnamed source ("по имеющимся данным")
    statement_verbs: frozenset[str]  # "сделал заявление", "приводит слова": a cue with a statement as object
    statement_nouns: frozenset[str]
    negated_ok: frozenset[str]  # "не исключил, что …" still reports; other cues under "не" do not
    demonstratives: frozenset[str]  # "такое", "это" заявление: the statement of the sentence before
    not_places: frozenset[str]  # "в понедельник", "в интервью": where a verb's place phrase names no source
    not_speakers: frozenset[str]  # "Фото: …", "Читайте также: …": words that open credits, not speakers
    clause_only: frozenset[str]  # "показал, что …": cues only with the clause they report
    relatives: frozenset[str]  # "издание X, которое …, отмечает": the relative clause of a speaker
    topic_prepositions: frozenset[str]  # "рассказал о …": the topic, not the claim
    topic_verbs: frozenset[str]
    openers: frozenset[str]  # introductory words: "кроме того", "между тем"
    speech_acts: frozenset[str]  # "выступил": a stand with "против"/"за", else a statement verb
    stance_prepositions: frozenset[str]
    outlets: frozenset[str]  # "телеканалу", "изданию": the dative of these is an outlet told, not a speaker
    citing_heads: frozenset[str]  # "со ссылкой на", "ссылаясь на": a source's own source
    citing_prepositions: frozenset[str]
    citing_phrases: tuple[str, ...]  # the same in words, for where the parse does not link them
    # words that never stand inside a speaker's name or role, for packs read without a parse:
    # conjunctions, relative pronouns, adverbs, participles ("въпреки че Киев обясни", "इस दौरान
    # कमला हैरिस ने कहा"): the speaker is the words after the last of them
    speaker_breaks: frozenset[str]
    genitives: frozenset[str]  # "o chefe do Governo", "говорителят на Кремъл": a role goes on past them
    auxiliaries: frozenset[str]  # "Петреъс е заявил": a cue's auxiliary between its speaker and it
    # common nouns of sources that are no names (``source_nouns``: documents, collectives), and the
    # genitive marks that join a document to its author ("SIPRI की रिपोर्ट", "доклад на СЗО")
    documents: frozenset[str] = frozenset()
    collectives: frozenset[str] = frozenset()
    owner_marks: frozenset[str] = frozenset()
    owner_first: bool = False  # the author stands before the mark (Hindi), not after it
    # the gender of a pronoun ("тя": f) and the endings that show a name's ("-ова": f), where the pack
    # gives them: a pronoun's antecedent must agree when both can be told
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    name_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # prepositions beyond the stop words (a name right after one is a place or an owner, no speaker),
    # and the words that put a place's name after them (``places.yaml`` before: "региона Сахел")
    prepositions: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    # the definite article written on a noun ("министърът", "говорителят": a role named again), and every
    # ending of the article, short forms too ("министъра"), to compare a role's words by their stems
    definite_endings: tuple[str, ...] = ()
    article_endings: tuple[str, ...] = ()
    # cues of intent, desire and decision ("хочет", "планирует", "отказался"): lemmas, forms, "*" endings
    attitude: frozenset[str] = frozenset()
    # verbs that also mean a deed, cues only with a complementizer, a colon or a quote after their
    # speaker (a pack read without a parse): Arabic "نقل" relays news, and moves people
    clause_required: frozenset[str] = frozenset()
    # words that join two statements in one sentence ("فيما", "بينما"): a claim read without a parse ends
    # before a reporting verb after one of them or written with a conjunction ("وأضاف")
    statement_joiners: frozenset[str] = frozenset()

    @classmethod
    def of(cls, pack: LanguagePack) -> Cues:
        return _cues(pack.folder)


@cache
def _cues(folder: Path) -> Cues:
    d: dict[str, Any] = folder_data(folder, "cues") or {}

    def low(key: str) -> list[str]:
        return [str(x).lower() for x in d.get(key) or ()]

    verbs = low("verbs")
    return Cues(
        lemmas=frozenset(low("lemmas")),
        exact=frozenset(v for v in verbs if not v.endswith("*") and " " not in v),
        prefixes=tuple(v[:-1] for v in verbs if v.endswith("*")),
        phrases=tuple(v for v in verbs if " " in v),
        according=tuple(sorted(low("according"), key=len, reverse=True)),
        according_after=tuple(sorted(low("according_after"), key=len, reverse=True)),
        according_not_after=frozenset(low("according_not_after")),
        outlet_heads=frozenset(low("outlet_heads")),
        body_heads=frozenset(low("body_heads")),
        complementizers=frozenset(low("complementizers")),
        pronouns=frozenset(low("pronouns")),
        clitics=tuple(low("clitics")),
        verb_first=d.get("order") == "verb-first",
        verb_last=d.get("order") == "verb-last",
        statement_frames=tuple(sorted(low("statement_frames"), key=len, reverse=True)),
        agent_marker=d.get("agent_marker"),
        anonymous=frozenset(low("anonymous")),
        roles=frozenset(low("roles")),
        stop=frozenset(str(x).lower() for x in folder_data(folder, "stopwords") or ()),
        back_references=frozenset(low("back_references")),
        places_of_speech=frozenset(low("places_of_speech")),
        bodies=frozenset(low("bodies")),
        unnamed=tuple(low("unnamed")),
        statement_verbs=frozenset(low("statement_verbs")),
        statement_nouns=frozenset(low("statement_nouns")),
        negated_ok=frozenset(low("negated_ok")),
        demonstratives=frozenset(low("demonstratives")),
        not_places=frozenset(low("not_places")),
        not_speakers=frozenset(low("not_speakers")),
        clause_only=frozenset(low("clause_only")),
        relatives=frozenset(low("relatives")),
        topic_prepositions=frozenset(low("topic_prepositions")),
        topic_verbs=frozenset(low("topic_verbs")),
        openers=frozenset(low("openers")),
        speech_acts=frozenset(low("speech_acts")),
        stance_prepositions=frozenset(low("stance_prepositions")),
        outlets=frozenset(low("outlets")),
        citing_heads=frozenset(low("citing_heads")),
        citing_prepositions=frozenset(low("citing_prepositions")),
        citing_phrases=tuple(sorted(low("citing_phrases"), key=len, reverse=True)),
        speaker_breaks=frozenset(low("speaker_breaks")),
        auxiliaries=frozenset(low("auxiliaries")),
        genitives=frozenset(low("genitives")),
        documents=frozenset(str(x).lower() for x in (d.get("source_nouns") or {}).get("documents") or ()),
        collectives=frozenset(str(x).lower() for x in (d.get("source_nouns") or {}).get("collectives") or ()),
        owner_marks=frozenset(str(x).lower() for x in (d.get("source_nouns") or {}).get("owner_marks") or ()),
        owner_first=bool((d.get("source_nouns") or {}).get("owner_first")),
        pronoun_genders={str(w).lower(): str(g) for g, ws in (d.get("pronoun_genders") or {}).items() for w in ws or ()},
        prepositions=frozenset(low("prepositions")),
        place_heads=frozenset(str(x).lower() for x in (folder_data(folder, "places") or {}).get("before") or ()),
        name_endings={str(g): tuple(str(x).lower() for x in ws or ()) for g, ws in (d.get("name_endings") or {}).items()},
        definite_endings=tuple(sorted(low("definite_endings"), key=len, reverse=True)),
        article_endings=tuple(sorted(low("article_endings"), key=len, reverse=True)),
        attitude=frozenset(low("attitude")),
        clause_required=frozenset(low("clause_required")),
        statement_joiners=frozenset(low("statement_joiners")),
    )


def is_attitude(cues: Cues, word: str, lemma: str | None) -> bool:
    """Whether a cue says what its holder wants, plans or decided, not what the holder said."""
    w = word.lower()
    return bool(lemma and lemma in cues.attitude) or w in cues.attitude or any(
        a.endswith("*") and len(w) > 3 and w.startswith(a[:-1]) for a in cues.attitude)


def word_forms(cues: Cues, word: str) -> list[str]:
    """A word, lower-cased, and the word without each conjunction the language writes on it ("وقال": "قال")."""
    w = word.lower()
    return [w] + [w[len(c):] for c in cues.clitics if w.startswith(c) and len(w) > len(c) + 1]


def is_verb(cues: Cues, word: str, lemma: str | None) -> bool:
    if lemma and lemma in cues.lemmas:
        return True
    return any(f in cues.exact or (len(f) > 3 and f.startswith(cues.prefixes)) for f in word_forms(cues, word))
