"""Sources the registries know, in languages other than English: the registry entry a source's words name (by
its name or the last words of a run of capitalised words), typed by the article's year or the office the text gives,
not the person a speaker belongs to ("съпругата на Владимир Зеленски"); and, without a parse, the registry's person
the sentence before names, for a pronoun."""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.known import UNDATED_TERM, former_by
from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, with_parts
from headwater.enrich.attributions.source_affiliation import _body_source, affiliation, from_known, typed
from headwater.extract.outlets import norm
from headwater.lang.marks import WORD
from headwater.lang.sentences import abbreviations
from headwater.lang.sentences import ends as sentence_ends

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader


def registered(r: SourceReader, src: dict[str, Any], s: int, e: int, office: list[str] | None = None) -> dict[str, Any]:
    """A source the registries know by a name among its words ("Peskov", "Путин", "Kremlin"):
    the entry's id joins it to the same source in other articles and languages; when the role
    words said nothing, the entry types it (a person by the article's year, as in English)."""
    if src.get("kind") in ("outlet", "agency", "anonymous") or src.get("inferred") or src.get("entity"):
        return src
    owners: list[str] = []
    for cand, whole in name_candidates(str(src.get("name") or ""), r.text[s:e]):
        k = r.registry.known.get(cand)
        if k is not None and k.kind == "person" and (possessor(r, cand, s, e) or any(
                o.endswith(" " + cand) for o in owners)):
            owners.append(cand)
            continue  # "Съпругата на Владимир Зеленски": his wife speaks, not he (nor "Зеленски")
        if k is not None and (whole or k.kind == "person"):  # "Asia Times" is not "The Times"
            if src.get("affiliation") not in (None, "unknown"):  # the text's role stands
                agree = src.get("state_affiliated") == k.state_affiliated
                return {**src, "entity": k.id, "canonical": k.name,
                        "country": src.get("country") or (k.country if agree else None)}
            found = from_known(k, str(src.get("name")), str(src.get("text") or cand))
            year = iso_day(r.published)
            if year is not None and k.kind == "person" and k.terms:
                state, basis = k.affiliated_in(year.year)
                found = {**found, "state_affiliated": state, "typing_note": f"{basis} in {year.year}"}
                found["affiliation"] = affiliation(found)
            elif year is None and not office and (note := former_by(k, r.floor_year())) is not None:
                # an undated article naming a date after the last term ended: a former office-holder
                found = {**found, "state_affiliated": False, "typing_note": note}
                found["affiliation"] = affiliation(found)
            elif office and str(found.get("typing_note") or "").startswith(UNDATED_TERM) and k.country:
                # "o presidente Lula" in an undated article: the text gives an office, the registry whose
                found = typed({**found, "state_affiliated": True, "country": k.country, "typing_note": None},
                              f"role:{office[0]} (registry:{k.id})")
            elif office and str(found.get("typing_note") or "").startswith(UNDATED_TERM) and k.body and not hits(
                    {w.lower() for w in WORD.findall(r.text[s:e])}, RoleWords.of(r.pack).official):
                # (a state's office by itself, "министър", would be a national one held later)
                # "Ръководителят на НАТО Йенс Столтенберг": an international office the text gives
                found = typed({**found, "intergovernmental": True, "typing_note": None},
                              f"role:{office[0]} (registry:{k.id})")
            return {**found, **{x: src[x] for x in ("role", "role_from") if src.get(x)}}
        b = r.registry.body(cand) if whole else None
        if b is not None and b.kind != "person":
            if src.get("affiliation") not in (None, "unknown"):
                return src
            return _body_source(b, str(src.get("name")), str(src.get("text") or cand))
    return src


def possessor(r: SourceReader, name: str, s: int, e: int) -> bool:
    """A name after a genitive whose head is no role ("съпругата на Владимир Зеленски", "o filho do
    presidente Lula"): the person the speaker belongs to, not the one who speaks. After a role's
    genitive the name is the speaker's own ("говорителят на Кремъл Дмитрий Песков", "o porta-voz do
    Kremlin, Dmitri Peskov")."""
    if not r.cues.genitives:
        return False
    words = list(WORD.finditer(r.text, s, e))
    first = next((i for i, w in enumerate(words) if w.group(0).lower() in r.cues.genitives), None)
    at = r.text.rfind(name, s, e)
    if first is None or first == 0 or at < words[first].end():
        return False
    rw = RoleWords.of(r.pack)
    head = with_parts({w.group(0).lower() for w in words[:first]})
    return not hits(head, rw.official | rw.qualified | rw.non_state | r.cues.roles | r.cues.anonymous)


def name_candidates(name: str, text: str) -> list[tuple[str, bool]]:
    """Ways a registry may know a source: its name, and each run of capitalised words in its
    text with the run's last words ("руският президент Владимир Путин": "Владимир Путин",
    "Путин"). Only capitalised words: a common noun of another language may spell an alias; in a
    script without case, the last words of the source ("रूसी राष्ट्रपति पुतिन": "पुतिन"). Each with
    whether it is all of a run: a run's last words name a person only ("Asia Times" is no "Times")."""
    out = [(name, True)] if name[:1].isupper() else []
    ws = WORD.findall(text)
    caseless = [(x, n == len(ws)) for n in (3, 2, 1) if len(ws) >= n
                for x in [" ".join(ws[-n:])] if len(norm(x)) >= 2]
    if not any(ch.isupper() or ch.islower() for ch in text):  # a script without case (Hindi): the last words
        return caseless
    if not ws[-1:] or any(ch.isalpha() and not (ch.isupper() or ch.islower()) for ch in ws[-1]):
        out += caseless  # "PM मोदी": a name in a script without case after a Latin title
    runs: list[list[str]] = [[]]
    for w in WORD.findall(text):
        if w[:1].isupper():
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    for run in runs:  # the whole run names anything; its last words only a person
        out += [(" ".join(run[i:]), i == 0) for i in range(len(run))]
    return list(dict.fromkeys(x for x in out if x[0]))


def last_known_person(r: SourceReader, s: int) -> tuple[int, int] | None:
    """Without a parse, no entity marks people: the person of the registry of officials the sentence
    before names ("Руският президент Владимир Путин пристигна … Той заяви"), as offsets, only when
    no other name stands there or before the pronoun in its own sentence (a capitalised word that
    is no country, capital, body or function word, nor after a preposition, where places and
    owners stand: "Кепел също нарече …" is someone else); never in
    a script without case, where other names cannot be seen. None otherwise."""
    if r.parsed or not any(ch.isupper() for ch in r.text[max(0, s - 400):s]):
        return None
    lo = max(0, s - 600)
    ends = sentence_ends(re.compile(r"[.!?…\n]\s"), r.text, lo, s, abbreviations(r.pack))
    if not ends:
        return None
    start = ends[-2].end() if len(ends) > 1 else lo
    rw = RoleWords.of(r.pack)
    plain = r.cues.stop | r.cues.speaker_breaks | r.cues.pronouns | r.cues.back_references | \
        r.cues.complementizers | r.cues.auxiliaries
    words = list(WORD.finditer(r.text, start, s))
    found: list[tuple[int, int, str]] = []
    i = len(words) - 1
    while i >= 0:
        hit = None
        for n in (3, 2, 1):
            if i - n + 1 >= 0:
                a, b = words[i - n + 1].start(), words[i].end()
                k = r.registry.known.get(r.text[a:b])
                if k is not None and k.kind == "person" and "\n" not in r.text[a:b]:
                    hit = (a, b, k.id, n)
                    break
        if hit is not None:
            found.append(hit[:3])
            i -= hit[3]
            continue
        w = words[i].group(0)
        after_preposition = i > 0 and words[i - 1].group(0).lower() in r.cues.stop | r.cues.genitives
        if w[:1].isupper() and w.lower() not in plain and w.lower() not in r.lowercase_words() and \
                not after_preposition and \
                country_in({w.lower()}, rw) is None and \
                w.lower() not in rw.capitals and not hits(with_parts({w.lower()}), rw.state_bodies | rw.official |
                                                         rw.qualified | rw.non_state) and \
                r.registry.body(w) is None and r.registry.outlets.by_name(w) is None and not w.isupper():
            return None  # another name stands there: whose the pronoun is, the text does not say
        i -= 1
    if len({f[2] for f in found}) != 1:
        return None
    return found[0][0], found[0][1]


def iso_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10]) if value else None
    except ValueError:
        return None
