"""Why a mention is no place whatever its readings (``rejected``: a label, a disease's or a street's
name, part of a longer name, a person's name, an ordinary word), and the article-wide marks it reads:
one sense per article for people's names and for ordinary words (``person_names``)."""
from __future__ import annotations

import itertools
import re

from headwater.enrich.places.annotate import Ents
from headwater.enrich.places.cues import function_words
from headwater.enrich.places.lists import LIST_SEPARATOR
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.prominence import fame as _fame
from headwater.enrich.places.words import name_key

# A person's age after the name, set off by commas, as news gives it: "Campbell, 42, was arrested".
AGE_AFTER = re.compile(r", \d{1,3},")
# The endings of nationality words and adjectives: "Syrian", "Lebanese", "Kurdish", "Iraqi", "Arabic".
DEMONYM_LIKE = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ds|ks)$")
# Names GeoNames holds for a town (spellings, languages) from which a PERSON label on its name alone,
# as the object of a verb or preposition, with no sign of a person anywhere in the article
# (``Mention.lone_person``), is taken for the parser's slip and costs no reading of the name anything:
# spaCy labels "Kharkiv" (46 names) and "Kherson" (40) PERSON after a verb of attack ("shelled Kharkiv").
# GeoVirus: no mention changes (88.1 either way); LGL: 80.6 either way, two mentions (Albuquerque, an
# Alexandria) keep their place with the label's cost gone.
WIDELY_NAMED = 40
# ...and an ORG label on a name alone, as the object of a verb or a preposition, for a town this big: "shelled
# Idlib" (Idlib, 28 names in GeoNames) was labelled ORG and lost to its -1.0. (Not for divisions: on LGL "the
# Southland" and "the Northwest" then became regions of New Zealand and Iceland.)
BIG_TOWN = 100_000


def rejected(m: Mention) -> str | None:
    if m.demonym:
        if m.ner in ("LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                     "WORK_OF_ART", "LAW"):
            return f"demonym labelled {m.ner}"  # "in French" is the language
        if m.ner in ("ORG", "FAC", "PRODUCT", "EVENT") and (m.heads_entity or m.inside_entity):
            return f"demonym in the name of an {m.ner}"  # "Canadian Food Inspection Agency" names a body
    elif m.ner in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE") \
            or (m.ner == "NORP" and DEMONYM_LIKE.search(m.surface)):
        return f"labelled {m.ner}"  # NORP on a word shaped like a nationality ("Syrian"), not on "Et-Tanf"
    if m.disease:
        return "part of a disease's name"
    if m.street and not any(p.kind in ("country", "admin_region") for p in m.candidates):
        # a town's name before "Street", "Avenue", "Road" names the street, found in any town (a
        # state's or county's may name its body: "Otter Tail County Road 80", "Lebanon Street Superintendent")
        return "a street's name"
    if m.inside_entity:
        return "part of a longer name"
    if m.person_context:
        return "after a personal title"
    if m.surname:
        return "a person's name in this article"
    if m.common_word:
        return "an ordinary word of this article, capitalised"
    return None



_WORDS4 = re.compile(r"\b[^\W\d_]{4,}\b")


def person_names(mentions: list[Mention], text: str, ents: Ents) -> None:
    """One sense per article for people (as CLIFF does): a word the article uses as the surname of a
    person it names in full ("Sheriff John Turner ... Turner said") is that person wherever it stands
    alone, unless the text marks it as a place ("in Turner", "Turner, Maine", "Turner County").
    So for a town named as an ordinary word the article also writes in lower case ("the minister")."""
    surnames = {name_key(text[a:b].split()[-1]) for a, b, label in ents.items if label == "PERSON" and " " in text[a:b]}
    # ...and a name followed by an age, as news gives people's ("Campbell, 42, was resisting arrest")
    surnames |= {m.key for m in mentions if AGE_AFTER.match(text, m.end)}
    # ...and, in a parse without entities, a word that ends a capitalised pair inside a sentence
    # ("disse Dmitri Peskov", "Дмитрий Песков"): "Peskov" alone elsewhere is the man too
    # (not a world city's name: "Москва" after "ЦСКА", "Брюксел" after another name, stays the city)
    surnames |= {m.key for m in mentions if m.after_name and not any(_fame(p) for p in m.candidates)}
    # the words of the people the article names in full, first names too ("Sydney Smith ... Sydney said"),
    # and the names a title stands before somewhere: what makes a name labelled PERSON alone a person's
    # (one that acts, the subject of "Austin told reporters", is taken for a person too: only what is
    # acted on, "shelled Kharkiv", "forces near Kherson", may be the parser's slip)
    person_words = {name_key(w) for a, b, label in ents.items if label == "PERSON" and " " in text[a:b]
                    for w in text[a:b].split()}
    titled = {m.key for m in mentions if m.person_context}
    # ...and people listed together: "Smith, Jackson and Lincoln" (a list with a place in it is a list of
    # places, ``lists.mark_lists``, and takes no PERSON cost anyway)
    people = [(a, b) for a, b, label in ents.items if label == "PERSON"]
    listed = {e for x, y in itertools.pairwise(people) if LIST_SEPARATOR.match(text[x[1]:y[0]]) for e in (x, y)}
    for m in mentions:
        m.lone_person = m.ner == "PERSON" and m.as_object and " " not in m.surface and m.key not in person_words \
            and m.key not in titled and m.key not in surnames \
            and ents.overlapping(m.start, m.end) == (m.start, m.end, "PERSON") and (m.start, m.end) not in listed \
            and any(p.kind == "city" and p.names >= WIDELY_NAMED for p in m.candidates)
        # (then for every reading of the name: the label was wrong about the word, whichever place it is)
        m.lone_org = m.ner == "ORG" and m.as_object and " " not in m.surface and not m.heads_entity \
            and ents.overlapping(m.start, m.end) == (m.start, m.end, "ORG") \
            and any(p.kind == "city" and p.population >= BIG_TOWN for p in m.candidates)
    # (any script with case: Portuguese "embora", "cerca", "segundo" open sentences as "Embora"; a
    # parse without parts of speech cannot tell them from names)
    lower: set[str] | None = None  # (the text's words in lower case, read when a name first needs them)

    def lower_words() -> set[str]:
        nonlocal lower
        if lower is None:
            lower = {w for w in _WORDS4.findall(text) if w.islower()}
        return lower
    function = function_words()
    for m in mentions:
        if m.surface.lower() in function and m.surface[:1].isupper() and not (
                m.cue_before or m.dateline or m.within is not None or any(x.within is m for x in mentions)):
            # a language's function word capitalised at a sentence's start ("Para a representante",
            # "Em Paris"): no division or country either, whatever GeoNames calls so
            m.common_word = True
            continue
        # (a division or country of that name stays, "Georgia" as "Jimmy Georgia", unless the word only
        # resembles its name: "Peskov" is a spelling variant of Pskov's, no name of it)
        if m.key in surnames and " " not in m.surface and not m.demonym \
                and (not m.exact or not any(p.kind in ("country", "admin_region") for p in m.candidates)) and not (
                m.cue_before or m.cue_after or m.dateline or m.within is not None
                or any(x.within is m for x in mentions)):
            m.surname = True
        # "the minister ... Minister Smith", "a university ... University": a town of that name needs a cue
        if " " not in m.surface and m.surface[:1].isupper() and not m.demonym \
                and not any(p.kind in ("country", "admin_region") for p in m.candidates) and not (
                m.cue_before or m.cue_after or m.dateline or m.within is not None or any(x.within is m for x in mentions)) \
                and m.surface.lower() in lower_words():
            m.common_word = True
