"""The English words and patterns that name a source and say what kind it is: unnamed heads ("sources",
"officials"), role words of a state and of no state, offices, titles and honorifics, documents and bodies
named by what they are, pronouns. Most lists live in the English pack (``lang/en/sources.yaml``); the
source typing (``source_typing``) and the speaker readers of the English finder read them.
"""
from __future__ import annotations

import re

from headwater.lang import english, english_words

# Head nouns of sources that are not named: "sources told", "local residents said", "reports say".
ANONYMOUS_HEADS = english_words("sources", "anonymous_heads")
# Head nouns of people who speak without a name: "one of the terrorists said", "seized militants admitted".
UNNAMED_PEOPLE = english_words("sources", "unnamed_people")
SINGULAR_UNNAMED = re.compile(r"^(?:one|a|an|another)\b", re.I)
# Role words that make a person (or an unnamed speaker) a voice of a state.
OFFICIAL_ROLES = english_words("sources", "official_roles")
# Nouns of an office in a body, whichever body ("the head of Greenpeace, Jane Doe,").
OFFICE_NOUNS = english_words("sources", "office_nouns")
# Lemmas of a relative clause that keeps its source anonymous ("who asked not to be named").
ANONYMITY = english_words("sources", "anonymity")
# Role words naming a body ("the army"), and the groups of role words naming one office ("envoy",
# "ambassador"): what "the <role> said" may refer back to (``Memory.resolve``).
BODY_ROLES = english_words("sources", "body_roles")
SAME_OFFICE = [frozenset(str(g).split()) for g in english("sources")["same_office"]]
ANY_OFFICE = english_words("sources", "any_office")
# Every word that says which office: a role word, or one of an office's group ("prime").
OFFICE_WORDS = OFFICIAL_ROLES.union(*SAME_OFFICE)
# Words trailing an outlet's name in running text: "Russia's Sputnik news agency", "SANA news agency".
OUTLET_TAIL = re.compile(r"\s+(?:news\s+agency|news\s+channel|agency|newspaper|daily|tv|television|channel|"
                         r"website|broadcaster|radio|network|news)$", re.I)
# Pronouns as speakers, and what they can refer back to; possessives as their owners ("his claim").
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}
POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we", "my": "i"}
# Object pronouns after "according to": who "he" or "they" would be ("according to him"). Elsewhere an
# object is no speaker ("a clip showed him explaining", "uses them to support").
OBJECTS = {"him": "he", "them": "they"}
# Documents whose author a preposition names: "a report by the IPCC", "a study from the EPA" (the
# author speaks through it); "the report said" later is the same author's.
DOCUMENT_HEADS = english_words("sources", "document_heads")
# Nouns for a state's institutions and people speaking for it as a whole: "Russian authorities",
# "the Kyiv government", "the Polish side". With a country they are that state's voice (not when
# "opposition" qualifies them: "the Belarusian opposition leader").
STATE_NOUNS = english_words("sources", "state_nouns")
# Titles inside a name that give a role: "Professor Dame Jenny Harries", "Gen. Mark Milley".
# Only office titles type a person; honorifics (Professor, Dr, Dame, Sir) say nothing of whom
# they speak for (a chief medical officer is "Prof"), they are only stripped to look the name up.
TITLES = re.compile(r"^(?:(?:Prof\.?|Professor|Dr\.?|Dame|Sir|Lord|Baroness|Ms\.?|Mr\.?|Mrs\.?|Gen\.?|General|"
                    r"Col\.?|Colonel|Lt\.?|Maj\.?|Adm\.?|Admiral|Sen\.?|Senator|Rep\.?|Gov\.?|Governor|Mayor|"
                    r"President|Minister|Ambassador|Chancellor|Premier|Secretary|Speaker|MEP|MP)\s+)+")
HONORIFICS = re.compile(r"\b(?:Prof\.?|Professor|Dr\.?|Dame|Sir|Lord|Baroness|Ms\.?|Mr\.?|Mrs\.?)(?:\s+|$)")
# Words of an international office: "NATO Secretary General", "EU foreign policy chief".
INTERNATIONAL = re.compile(r"\b(?:NATO|EU|European|UN|United Nations|Secretary[- ]General|Commission|Council|IAEA|WHO|IMF)\b")
# Role words of people who speak for no state: scholars, reporters, activists, business people.
# Only read when the role has no official word ("a professor at", "the company's chief executive").
NON_STATE_ROLES = english_words("sources", "non_state_roles")
# Offices and bodies that are a state's whichever state ("the Minister of Education", "Republican
# Rep."), unless a word makes them no state's ("shadow minister", "student government").
STATE_BY_THEMSELVES = english_words("sources", "state_by_themselves")
NOT_STATE_OFFICES = english_words("sources", "not_state_offices")
# Unnamed documents and evidence ("the study found", "the footage shows"), and bodies named by what
# they are ("the group said", "the channel reported"): kinds of source, never names.
EVIDENCE_HEADS = english_words("sources", "evidence_heads") | DOCUMENT_HEADS
COLLECTIVE_HEADS = english_words("sources", "collective_heads")
# The unnamed evidence among the anonymous heads ("reports say", "data show"): documents too.
EVIDENCE_WORDS = frozenset(("report", "reports", "data", "information", "evidence", "documents", "figures", "estimates"))
OUTLET_HEADS = english_words("sources", "outlet_heads")
PARTITIVE_HEADS = english_words("sources", "partitive_heads")
# Nouns of one person ("the judge", "the opposition leader"): a source they head is a person, unnamed.
PERSON_WORDS = english_words("cues", "person_nouns")
# Every common noun that can head a source: a noun outside them heading a subject is a thing, not a
# speaker ("the increase suggests", "a carbon tax seeks").
SOURCE_NOUNS = ANONYMOUS_HEADS | UNNAMED_PEOPLE | EVIDENCE_HEADS | COLLECTIVE_HEADS | OUTLET_HEADS | OFFICIAL_ROLES \
    | STATE_NOUNS | NON_STATE_ROLES | STATE_BY_THEMSELVES | english_words("sources", "people_nouns")
# A role and a name are a few words ("23-year-old TikTok creator Rimma" is 5); longer runs are a
# headline's clause ("Top Mosquito Expert Blasts Dame Jenny Harries"), no name.
ROLE_AND_NAME_WORDS = 6
# Role words that say nothing without the name they go with: "fellow Republicans", "the host country",
# "private citizens", "a key player".
LOOSE_ROLES = frozenset(("fellow", "host", "private", "player"))
# Who qualifies a body as no state's ("business leaders", "the Belarusian opposition leader").
NOT_STATE_QUALIFIERS = frozenset(("opposition", "party", "parties", "business", "industry", "religious", "community",
                                  "church", "civil", "tribal", "student", "union", "rebel", "rebels"))


STATE_OFFICE_PHRASES = re.compile(r"\b(?:" + "|".join(
    re.escape(p).replace("_", r"\s+") for p in sorted(english_words("sources", "state_office_phrases"))) + r")\b", re.I)


def state_by_itself(words: set[str], text: str = "") -> str | None:
    """The word (or phrase) of an office or body that is a state's by itself, when nothing says
    otherwise: "minister", "the government", "secretary of state"."""
    if words & NOT_STATE_OFFICES:
        return None
    m = STATE_OFFICE_PHRASES.search(text)
    return next(iter(sorted(words & STATE_BY_THEMSELVES)), None) or (m.group(0) if m else None)


# A former office-holder speaks for no state any more ("former US ambassador").
FORMER = re.compile(r"\b(?:former|ex-|retired|erstwhile|onetime|one-time)\b", re.I)
# Name endings that make an organization private: universities and companies.
NON_STATE_NAME = re.compile(r"(?:\bUniversity\b|\bCollege\b|^University of|\bFoundation$|\bInc\.?$|\bCorp\.?$|"
                            r"\bCorporation$|\bLtd\.?$|\bLLC$|\bplc$|\bGmbH$)")
GENERIC_STATEMENT = re.compile(r"\b(?:statement|report|communiqu[eé]|release|announcement|briefing|post|tweet)s?$", re.I)
