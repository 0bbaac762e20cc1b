"""Who a source is: an outlet, a state body, a person with a role, an organization or anonymous.

The registries are the outlet registry (``data/outlets.yaml``), the state bodies
(``data/state_bodies.yaml``) and the known officials and organizations (``data/officials.yaml``,
``data/organizations.yaml``, see ``known``); a person's country and state affiliation come from
their role as the text gives it ("Syria's Permanent Representative to the UN Bassam Sabbagh"), or
else from the registry. Every source says how it was typed (``typed_by``: the registry id or the
role words) and its ``affiliation``: state, non_state, intergovernmental or unknown. ``Memory``
resolves a speaker named by pronoun or role ("he", "the envoy") to the sources an article met
before, and carries a role given once to later mentions of the same person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from headwater.enrich.attributions.known import UNDATED_TERM, Known, KnownSources, packaged
from headwater.enrich.attributions.source_shapes import OFFICE, STATE_MEDIA, close_to
from headwater.extract.outlets import OutletRegistry, norm
from headwater.lang import english, english_words
from headwater.yamldata import load_yaml

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


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str
    country: str | None
    state_affiliated: bool | None


class SourceRegistry:
    """Outlets, state bodies and known people and organizations by every name they go by, and
    demonyms to countries."""

    def __init__(self, outlets: OutletRegistry, known: KnownSources | None = None) -> None:
        self.outlets = outlets
        self._known = known

    @cached_property
    def known(self) -> KnownSources:
        return self._known if self._known is not None else packaged()

    def _data(self, name: str) -> Any:
        return load_yaml(resources.files("headwater.data").joinpath(name).read_text("utf-8"))

    @cached_property
    def bodies(self) -> dict[str, Body]:
        index: dict[str, Body] = {}
        entries = self._data("state_bodies.yaml") or []
        by_id = {e["id"]: e for e in entries}
        for e in entries:
            if e.get("kind") == "role":
                body = by_id.get(e.get("body") or "")
                kind = "person"
            else:
                body, kind = e, e.get("kind") or "government"
            b = Body(e["id"], (body or e)["name"], kind if kind != "intergovernmental" else "organization",
                     e.get("country"), e.get("state_affiliated"))
            for n in (e["name"], *(e.get("aliases") or [])):
                index.setdefault(norm(n), b)
        return index

    @cached_property
    def demonyms(self) -> dict[str, str]:
        """Nationality words, possessives, country names and capitals (as metonyms) to countries."""
        rows = [r.split("\t") for r in resources.files("headwater.data").joinpath("country_points.tsv")
                .read_text("utf-8").splitlines() if r and not r.startswith("#")][1:]
        index = {norm(n): r[0] for r in rows if len(r) > 1 for n in (r[1], r[1] + "'s")}
        index.update({norm(d): cc for cc, ds in (self._data("country_aliases.yaml") or {}).items() for d in ds})
        index.update({norm(d): cc for cc, ds in (self._data("demonyms.yaml") or {}).items() for d in ds})
        return index

    def body(self, text: str) -> Body | None:
        return self.bodies.get(norm(text))

    def country_of(self, text: str) -> str | None:
        """The country a nationality word or possessive names: "Russian", "Syria's" (first found)."""
        runs = re.findall(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)*(?:['’]s)?", text)
        for w in runs + [x for r in runs for x in r.split()]:
            cc = self.demonyms.get(norm(w))
            if cc:
                return cc
        return None


def candidates(text: str) -> list[str]:
    """Ways to look a source's words up: whole, without possessor or article, without trailing kind
    words, and each run of capitalised words ("Syria's official news agency SANA" gives "SANA")."""
    t = re.sub(r"\s*\([^)]*\)", "", text).strip()
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    out = [t, re.sub(r"^[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s?\s+", "", t)]
    out += [OUTLET_TAIL.sub("", x) for x in out]
    out += re.findall(r"\(([^)]+)\)", text)  # "Foreign Intelligence Service (SVR)"
    out += [m.group(0) for m in re.finditer(r"(?:[A-Z][\w.’'-]*)(?:\s+(?:of|for|the|de|al|el)?\s*[A-Z][\w.’'-]*)*", t)]
    seen: list[str] = []
    for x in out:
        x = x.strip(" ,")
        if x and x not in seen:
            seen.append(x)
    return seen


def affiliation(src: dict[str, Any]) -> str:
    """state, non_state, intergovernmental or unknown: what the independence count reads."""
    if src.get("state_affiliated") is True:
        return "state"
    if src.get("state_affiliated") is False:
        return "non_state"
    return "intergovernmental" if src.get("intergovernmental") else "unknown"


def typed(src: dict[str, Any], by: str | None) -> dict[str, Any]:
    """The source with its evidence: ``typed_by`` only when something typed it."""
    out = {**src, "typed_by": by}
    out["affiliation"] = affiliation(out)
    if out["affiliation"] == "unknown" and out.get("country") is None:
        out["typed_by"] = None
    return out


def from_known(k: Known, name: str, text: str) -> dict[str, Any]:
    state, basis = k.affiliated_in(None)
    src = {"name": name, "canonical": k.name, "entity": k.id, "kind": k.kind, "country": k.country,
           "state_affiliated": state, "text": text}
    if "between terms" in basis:  # an undated article: in office or not, the registry cannot say
        src["typing_note"] = f"{UNDATED_TERM} in {k.ended}; the article's date decides"
        return typed(src, f"registry:{k.id}")  # the entity (and country), affiliation unknown
    if k.intergovernmental:
        src["intergovernmental"] = True
    if basis.endswith("undated"):
        src["typing_note"] = "not dated: the registry's usual affiliation"
    return typed(src, f"registry:{k.id}")


def _body_source(b: Body, name: str, text: str) -> dict[str, Any]:
    src = {"name": name, "canonical": b.name, "kind": b.kind, "country": b.country,
           "state_affiliated": b.state_affiliated, "text": text}
    if b.state_affiliated is None and b.country is None:
        src["intergovernmental"] = True  # the UN, NATO, the EU: neither a state voice nor independent
    return typed(src, f"state_body:{b.id}")


def describe(span_text: str, registry: SourceRegistry, *, ner: str | None = None, person: str | None = None,
             role: str | None = None, has_name: bool = False) -> dict[str, Any]:
    """A source dict for the words naming it: name, kind, country, state_affiliated, role, and how
    it was typed (``typed_by``, ``affiliation``)."""
    text = span_text.strip()
    if person:
        return _person(text, person, role, registry)
    name = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    if (who := close_to(text)) is not None:  # "sources close to the minister": the sources, whoever they know
        return {**describe(who, registry, ner=None if ner in ("PERSON", "ORG") else ner), "name": name, "text": text}
    cands = candidates(text)
    for cand in cands:
        o = registry.outlets.by_name(cand) if not cand.islower() else None  # ("the economist" is a person)
        if o is not None:
            return typed({"name": name, "canonical": o.name, "kind": "agency" if o.kind == "agency" else "outlet",
                          "country": o.country, "state_affiliated": o.state_affiliated, "text": text},
                         f"outlet:{o.id}")
        b = registry.body(cand)
        if b is not None and b.kind != "person":
            return _body_source(b, name, text)
        k = registry.known.get(cand)
        if k is not None and (k.kind != "person" or cand in cands[:4]):  # a person only by the whole name
            found = from_known(k, name, text)
            rest = text.replace(cand, "").strip(" ,") if cand in text else ""
            if k.kind == "person" and rest and str(found.get("typing_note") or "").startswith(UNDATED_TERM):
                return _person(text, cand, rest, registry)  # "CIA Director William Burns": the office the text gives
            return found
    words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w’']+", text.lower())]  # ("the prosecutor's office")
    if media := STATE_MEDIA.search(text):  # "Iranian state television", "North Korea's state media": a state's outlet
        return typed({"name": name, "kind": "outlet", "country": registry.country_of(text), "state_affiliated": True,
                      "text": text}, f"role:{media.group(0)}")
    # "officials in Kyiv": the speakers before the place that says whose they are
    placed = "in" in words[1:] and bool(re.search(r"\bin (?:the )?[A-Z]", text))
    speakers = words[words.index("in") - 1] if placed else words[-1] if words else ""
    if words and (speakers in ANONYMOUS_HEADS or GENERIC_STATEMENT.search(text)) and (placed or not has_name):
        country = registry.country_of(text)
        official = bool(country and set(words) & OFFICIAL_ROLES) or bool(state_by_itself(set(words), text))
        # "experts say", "energy analysts": unnamed, but their role speaks for no state (as a named
        # "expert Ana Ruiz" does); "officials", "sources" say nothing of whom they speak for
        head = speakers[:-1] if speakers.endswith("s") else speakers  # the speakers, not their report
        private = not official and not FORMER.search(text) and head in NON_STATE_ROLES
        state = True if official else False if private else None
        evidence = {"described": "document"} if speakers in EVIDENCE_HEADS | EVIDENCE_WORDS else {}
        return typed({"name": re.sub(r"^(?:the|a|an|some|other)\s+", "", text, flags=re.I), "kind": "anonymous",
                      "country": country, "state_affiliated": state, "text": text, **evidence},
                     f"role:{text}" if state is not None else None)
    if words and words[-1] in UNNAMED_PEOPLE and ner != "PERSON":  # "seized Daesh militants": unnamed people
        return typed({"name": re.sub(r"^(?:the|some|other)\s+", "", text, flags=re.I), "kind": "anonymous",
                      "country": registry.country_of(text), "state_affiliated": None, "text": text}, None)
    country = registry.country_of(text)
    itself = state_by_itself(set(words), text)
    # "the Russian side", "Polish leader": a state's voice; not "French Party Leader", the opposition's
    state_noun = country and set(words) & STATE_NOUNS and not set(words) & NOT_STATE_QUALIFIERS
    if set(words) & OFFICIAL_ROLES or state_noun or itself:
        role_body = next((b for c in cands if (b := registry.body(c)) is not None), None)
        country = country or (role_body.country if role_body else None)
        former = bool(FORMER.search(text))
        state = False if former else True if country or (role_body and role_body.state_affiliated) or itself else None
        kind = "person" if ner != "ORG" and not set(words) & STATE_NOUNS and not OFFICE.search(text) else "government"
        return typed({"name": name, "kind": kind, "country": country,
                      "state_affiliated": state, "role": text, "text": text},
                     f"state_body:{role_body.id}" if role_body and not former else f"role:{text}")
    kind = {"PERSON": "person", "GPE": "government", "NORP": "government"}.get(ner or "", "organization")
    if ner is None and words and words[-1] in PERSON_WORDS and not has_name:
        kind = "person"  # "the judge", "the opposition leader": a person, unnamed
    untitled = set(re.findall(r"[\w’']+", HONORIFICS.sub("", text).lower()))  # "Professor Dame X": a title, no role
    if norm(name) == "west" and text.lower().startswith("the "):
        # "the West says": the Western states speaking as one (as "Western officials" are), which ones unsaid
        return typed({"name": name, "kind": "government", "country": None, "state_affiliated": True, "text": text},
                     "role:the West (Western governments)")
    if kind != "government" and len(words) <= ROLE_AND_NAME_WORDS and \
            (role_word := sorted(untitled & NON_STATE_ROLES - LOOSE_ROLES)):
        # "Blogger Ilya Sokolov", "a local priest", "economics student": a role that speaks for no
        # state, as a person's role does (the official words were read above)
        what = "organization" if set(words) & COLLECTIVE_HEADS else \
            "person" if has_name or ner in ("PERSON", "ORG") else "anonymous"  # "Blogger Ilya Sokolov" (ORG to the tagger)
        return typed({"name": name, "kind": what,
                      "country": country, "state_affiliated": False, "role": text, "text": text},
                     f"role:{role_word[0]}")
    if not has_name and ner is None and words and words[-1] in EVIDENCE_HEADS | COLLECTIVE_HEADS | OUTLET_HEADS:
        # "the study", "the group", "the channel" with no name and nothing the article said before
        # (``Memory.resolve``): an unnamed source described as what it is
        described = "document" if words[-1] in EVIDENCE_HEADS else "collective"
        # someone's body ("his campaign", "the group's website") is that one's, not an unnamed source
        owned = described == "collective" and bool(re.match(r"(?:his|her|their|its|our)\b|\S+['’]s\b", text, re.I))
        return typed({"name": re.sub(r"^(?:the|a|an|some|other)\s+", "", text, flags=re.I),
                      "kind": "organization" if owned else "anonymous",
                      "described": described, "country": country, "state_affiliated": None, "text": text}, None)
    if kind == "organization" and NON_STATE_NAME.search(name):
        return typed({"name": name, "kind": kind, "country": country, "state_affiliated": False, "text": text},
                     f"name:{NON_STATE_NAME.search(name).group(0)}")  # type: ignore[union-attr]
    if kind != "government" and country and norm(name) in registry.demonyms:  # "Russia said", "Kyiv says"
        kind = "government"
    state = True if kind == "government" and country else None
    return typed({"name": name, "kind": kind, "country": country, "state_affiliated": state, "text": text},
                 f"country:{name}" if state else None)


# Words after a body's name that make it a person's office there: "CIA Director", "Pentagon spokesman".
OFFICE_TAIL = re.compile(r"(?:\s+(?:[Dd]irector|[Cc]hief|[Hh]ead|[Ss]pokes(?:man|woman|person)|[Cc]hair(?:man|woman)?|"
                         r"[Dd]eputy|[Ss]ecretary|[Aa]dviser|[Aa]dvisor|[Oo]fficial|[Cc]ommander))+$")


def _body_names(context: str) -> list[str]:
    """Ways to look up the body a role names: its candidates, and those without the office after
    the body's name ("CIA Director" -> "CIA")."""
    cands = candidates(context)
    return cands + [x for c in cands if (x := OFFICE_TAIL.sub("", re.sub(r"^(?:[Ff]ormer|[Ee]x-)\s*", "", c))) and x != c]


def _leading_role(name: str) -> str | None:
    """The role words a name begins with, when a name follows them ("Archbishop Ernest Ngboko")."""
    words = name.split()
    n = 0
    while n < len(words) - 1 and words[n].lower().strip(".,") in NON_STATE_ROLES | OFFICIAL_ROLES | STATE_BY_THEMSELVES:
        n += 1
    return " ".join(words[:n]) if n and words[n][:1].isupper() else None


def _person(text: str, person: str, role: str | None, registry: SourceRegistry) -> dict[str, Any]:
    """A named person; country and state affiliation from the role the text gives them, or else
    from the registry of officials; an outlet or organization the parser took for a person is that."""
    role = " ".join(role.split()).strip(" ,") if role else role  # as read, not as laid out ("officer at X\n\n")
    if role and not HONORIFICS.sub("", role).strip(" ,"):
        role = None  # "Professor Dame Jenny Harries": honorifics before the name, no role (a health chief is "Prof")
    title = TITLES.match(person)
    bare = person[title.end():] if title else person
    lead = _leading_role(bare)
    if lead and not role:  # "Archbishop Ernest Ngboko", "Climatologist Judith Curry": the name carries its role
        role, bare = lead, bare[len(lead):].strip()
    k = registry.known.get(person) or registry.known.get(bare)
    o = registry.outlets.by_name(person)
    if title and not role and HONORIFICS.sub("", title.group(0)).strip():  # "Senator Ana Ruiz": the title is a role
        role = HONORIFICS.sub("", title.group(0)).strip()
    if o is not None and not role:
        return describe(person, registry)
    if k is not None and k.kind != "person":
        return from_known(k, person, text)
    context = role or ""
    words = set(re.findall(r"[\w-]+", context.lower()))
    country = registry.country_of(context) if context else None
    body = next((b for c in _body_names(context) if (b := registry.body(c)) is not None), None) if context else None
    official = bool(words & OFFICIAL_ROLES)
    former = bool(FORMER.search(context))
    src: dict[str, Any] = {"name": person, "kind": "person", "country": country or (body.country if body else None),
                           "state_affiliated": None, "role": role or None, "body": body.name if body else None,
                           "text": text}
    if k is not None:
        src.update(canonical=k.name, entity=k.id)
    by: str | None = None
    if (official or state_by_itself(words, context) or (body is not None and body.state_affiliated)) and former:
        src["state_affiliated"], by = False, f"role:{context}"  # "former CIA Director": no state's voice now
    elif (body is not None and body.state_affiliated) or (official and country):
        src["state_affiliated"] = True
        by = f"state_body:{body.id}" if body is not None and body.state_affiliated else f"role:{context}"
    elif not former and k is None and state_by_itself(words, context) and not INTERNATIONAL.search(context):
        # "Republican Rep.", "the Minister of Education": a state's office, which state unsaid
        src["state_affiliated"], by = True, f"role:{context}"
    elif k is not None and k.national and official and not INTERNATIONAL.search(context):
        # "Prime Minister Mark Rutte": the national office of someone who later led an international body
        src.update(country=k.national, state_affiliated=True)
        by = f"registry:{k.id} (role: {context})"
    elif k is not None and (official or state_by_itself(words, context)) and not former and \
            str(from_known(k, person, text).get("typing_note") or "").startswith(UNDATED_TERM) and \
            not INTERNATIONAL.search(context):
        # "President Biden" in an undated article: the text says he holds an office, the registry whose
        src.update(canonical=k.name, entity=k.id, country=src["country"] or k.country, state_affiliated=True)
        by = f"role:{context} (registry:{k.id})"
    elif k is not None and body is not None and body.state_affiliated is None and body.country is None and \
            k.body and not former and str(from_known(k, person, text).get("typing_note") or "").startswith(UNDATED_TERM):
        # "NATO Secretary General Jens Stoltenberg" in an undated article: the international office the text gives
        src.update(canonical=k.name, entity=k.id, intergovernmental=True)
        by = f"state_body:{body.id} (registry:{k.id})"
    elif k is not None and k.body and not former and INTERNATIONAL.search(context) and \
            str(from_known(k, person, text).get("typing_note") or "").startswith(UNDATED_TERM):
        # "Secretary General Stoltenberg", "the EU's High Representative … Borrell" in an undated article:
        # the text gives an international office and the registry knows the person for one
        src.update(canonical=k.name, entity=k.id, intergovernmental=True)
        by = f"role:{context} (registry:{k.id})"
    elif k is not None:
        known = from_known(k, person, text)
        return {**known, "role": role or None, "body": body.name if body else None, "kind": "person"}
    elif context:
        org = next((x for c in candidates(context)[1:] if (x := registry.known.get(c)) and x.kind != "person"), None)
        if org is not None and (not official or org.state_affiliated is not None):
            # "an analyst at the Institute for the Study of War"; "the spokeswoman of Amnesty International"
            # (an office in a body the registry types speaks for that body)
            src.update(country=src["country"] or org.country, state_affiliated=org.state_affiliated)
            by = f"registry:{org.id} (role: {context})"
        elif words & NON_STATE_ROLES and not official:
            src["state_affiliated"], by = False, f"role:{context}"
        elif (m := NON_STATE_NAME.search(context.rstrip(" ,."))) and not official and body is None:
            src["state_affiliated"], by = False, f"role:{context} ({m.group(0)})"  # "of Lisbon University"
    if body is not None and body.state_affiliated is None and body.country is None and by is None:
        src["intergovernmental"], by = True, f"state_body:{body.id}"
    return typed(src, by)


# How many attributions back "the group" may look for its body: news names a body and refers back to
# it within a few paragraphs; beyond that another body may have come up unquoted.
BODY_LOOKBACK = 4


class Memory:
    """What earlier sentences said: for pronouns, roles and "the sources" later on."""

    def __init__(self, registry: SourceRegistry | None = None, roles: dict[str, str] | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.chains: list[list[dict[str, Any]]] = []
        self.registry = registry
        self.roles = roles or {}  # person name (and surname) -> the role the article gives them somewhere
        self.names = names or {}  # surname -> the article's one full name ending with it

    def same_person(self, src: dict[str, Any]) -> dict[str, Any]:
        """"Polyanskiy" later in the article is the "Dmitry Polyanskiy" with a role met before; a
        person the article gives a role elsewhere ("Russian President Vladimir Putin visited…") has it."""
        name = str(src.get("name") or "")
        bare = HONORIFICS.sub("", name).strip() or name  # "Ms Snyder" is the "Claire Snyder" named before
        for chain in reversed(self.chains):
            for s in chain:
                other = str(s.get("name") or "")
                if s.get("kind") == "person" and other == name and not src.get("role") and \
                        s.get("affiliation") not in (None, "unknown") and src.get("affiliation") != s.get("affiliation"):
                    return {k: v for k, v in s.items() if k not in ("resolved_from", "inferred")}  # typed before
                if s.get("kind") == "person" and other != name and (other.endswith(" " + bare) or name.endswith(" " + other)):
                    s = {k: v for k, v in s.items() if k not in ("resolved_from", "inferred")}  # named here
                    return s if len(other) >= len(name) else {**s, "name": name}
        if self.registry is None or src.get("kind") != "person" or src.get("affiliation") not in (None, "unknown"):
            return src
        full = self.names.get(name) or self.names.get(bare) or name
        role = self.roles.get(name) or self.roles.get(bare) or self.roles.get(full)
        if (role and role != src.get("role")) or full != name:
            found = describe(str(src.get("text") or name), self.registry, person=full, role=role)
            if found.get("affiliation") != "unknown":
                return {**found, "name": name, "role_from": "elsewhere in the article"}
        return src

    def remember(self, chain: list[dict[str, Any]]) -> None:
        if chain:
            self.chains.append(chain)

    def _body_before(self, head: str) -> list[dict[str, Any]] | None:
        """"The group", "the channel", "the company": the body of that sort the article's last few
        sources named (an outlet for what publishes, an organization for the rest), inferred, and
        said so; None when the last sources hold none (a body two paragraphs back may not be it)."""
        kinds = ("outlet", "agency") if head in OUTLET_HEADS and head != "agency" else \
            ("outlet", "agency", "intelligence", "organization") if head == "agency" else ("organization",)
        for chain in list(reversed(self.chains))[:BODY_LOOKBACK]:
            s = chain[0]
            if s.get("kind") in kinds and any(ch.isupper() for ch in str(s.get("name") or "")) and \
                    not s.get("unresolved") and not s.get("described"):
                # named as the text names it here ("group"), the body it stands for as its canonical
                # name and entity (what the entities linker groups by)
                return [{**s, "name": head, "canonical": s.get("canonical") or s.get("name"),
                         "resolved_from": f"the {head}", "inferred": True}]
        return None

    def resolve(self, words: str, registry: SourceRegistry) -> list[dict[str, Any]] | None:
        """The chain an anaphoric speaker ("he", "the sources", "the Russian envoy") refers to."""
        w = words.lower().strip()
        kind = PRONOUNS.get(w)
        heads = re.findall(r"[a-z]+", w)
        if heads and heads[0] in ("the", "this") and len(heads) <= 3 and heads[-1] in COLLECTIVE_HEADS | OUTLET_HEADS:
            return self._body_before(heads[-1])
        for chain in reversed(self.chains):
            head = chain[0]
            if kind == "person" and head.get("name") and (
                    head.get("kind") == "person" or (head.get("kind") == "anonymous"
                                                     and SINGULAR_UNNAMED.match(str(head.get("name"))))):
                return [head]  # "he" is the last person who spoke, named or not ("one of the fighters")
            if kind in ("plural", "thing") and head.get("kind") != "person":
                return list(chain)
            toks = re.findall(r"[a-z]+", w)
            if toks and toks[0] in ("the", "this", "these", "those") and toks[-1] in ANONYMOUS_HEADS:
                for i, s in enumerate(chain):
                    if s.get("kind") == "anonymous" and s["name"].lower().split()[-1][:5] == toks[-1][:5]:
                        return list(chain[: i + 1])
            if toks and toks[0] in ("the", "this") and toks[-1] in DOCUMENT_HEADS and \
                    str(head.get("document") or "").lower().split()[-1:] == toks[-1:]:
                # "A new report by the Climate Council …" then "The report said": its author (inferred)
                return [{**head, "resolved_from": words.strip(), "inferred": True}, *chain[1:]]
            if toks and toks[0] == "the" and toks[-1] in OFFICIAL_ROLES - BODY_ROLES and head.get("kind") == "person" \
                    and head.get("state_affiliated") and \
                    all(holds_office(str(head.get("role") or ""), t) for t in toks[1:] if t in OFFICE_WORDS):
                cc = registry.country_of(words)
                if cc is None or cc == head.get("country"):
                    # "the minister" is the person named before: inferred, and said so (as "he" is)
                    return [{**head, "resolved_from": words.strip(), "inferred": True}]
        return None


def holds_office(role: str, word: str) -> bool:
    """Whether a person of ``role`` ("Defense Minister") can be "the <word>" later ("the minister": yes;
    "the governor": no; "the envoy" for an ambassador: yes). A person of no known role can be any."""
    words = set(re.findall(r"[a-z]+", role.lower()))
    if not words or word in words or word in ANY_OFFICE:
        return True
    return any(word in group and words & group for group in SAME_OFFICE)
