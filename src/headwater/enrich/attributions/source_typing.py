"""Who the words naming a source say it is: an outlet, a state body, a person with a role, an
organization or an unnamed source (``describe``), with its country and state affiliation from the role the
text gives ("Syria's Permanent Representative to the UN Bassam Sabbagh") or else from the registries.
"""
from __future__ import annotations

import re
from typing import Any

from headwater.enrich.attributions.known import UNDATED_TERM
from headwater.enrich.attributions.source_affiliation import _body_source, from_known, typed
from headwater.enrich.attributions.source_registry import SourceRegistry, candidates
from headwater.enrich.attributions.source_shapes import OFFICE, STATE_MEDIA, close_to
from headwater.enrich.attributions.source_words import (
    ANONYMOUS_HEADS,
    COLLECTIVE_HEADS,
    EVIDENCE_HEADS,
    EVIDENCE_WORDS,
    FORMER,
    GENERIC_STATEMENT,
    HONORIFICS,
    INTERNATIONAL,
    LOOSE_ROLES,
    NON_STATE_NAME,
    NON_STATE_ROLES,
    NOT_STATE_QUALIFIERS,
    OFFICIAL_ROLES,
    OUTLET_HEADS,
    PERSON_WORDS,
    ROLE_AND_NAME_WORDS,
    STATE_BY_THEMSELVES,
    STATE_NOUNS,
    TITLES,
    UNNAMED_PEOPLE,
    state_by_itself,
)
from headwater.extract.outlets import norm


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
