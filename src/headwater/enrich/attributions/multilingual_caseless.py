"""Sources in a script without case read without an entity tagger (Hindi): no capital letter tells a
name from a common word, nor where a role ends and a name begins. What the words still say: a title
first ("श्री मिलर", "डॉ. सिंह"; or "проф. Иван Колев" in any pack), a person's role word followed by the
name in a language whose owner stands before the role ("विदेश मंत्रालय के प्रवक्ता लिन जियान"), and the
role the article gives the name where it first writes it ("सांसद गौरव [गोगोई]")."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, with_parts
from headwater.extract.outlets import norm
from headwater.lang.marks import MARKS, WORD
from headwater.lang.sentences import abbreviations

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# The words of a role given before a name and set off from it ("A ministra de Estado do Ambiente e
# das Alterações Climáticas do Brasil, Marina Silva"): longer than a speaker's tag; 14 as the
# English finder's role ahead of a name (roles._role_ahead).
# Also the words of a role's owner before it in a script without case ("व्हाइट हाउस के राष्ट्रीय सुरक्षा
# परिषद के प्रवक्ता": 8).
ROLE_AHEAD_WORDS = 14


def titled_person(r: SourceReader, s: int, e: int) -> tuple[str | None, int] | None:
    """Without an entity tagger, the words of a source that say it is a person: a title of the
    pack's first ("проф. Иван Колев", "श्री मिलर", "डॉ. सिंह"; ``abbreviations.yaml``), or, where
    a role's owner stands before it (Hindi), the role word of a person followed by a name, no body,
    role or country after it ("प्रधान सचिव संतोष कुमार मल्ल", "विदेश मंत्रालय के प्रवक्ता लिन जियान";
    not "रूस के रक्षा मंत्रालय", nor "यूक्रेनी पक्ष", whose role word ends
    them). The role's words (a title only when it is an office) and where the name begins; None
    when the words say neither."""
    ws = list(WORD.finditer(r.text, s, e))
    if not ws:
        return None
    low = [w.group(0).lower() for w in ws]
    rw = RoleWords.of(r.pack)
    people = rw.official | rw.qualified | rw.non_state
    if low[0] in abbreviations(r.pack).titles and len(ws) > 1:
        # a title that is an office is the role ("генерал-майор Апти Алаудинов"); "д-р", "г-н" are none
        title = r.text[ws[0].start():ws[0].end() + (r.text[ws[0].end():ws[0].end() + 1] == ".")]
        # (an abbreviation of an office begins its word: "ген." is "генерал")
        office = hits(with_parts({low[0]}), people) or any(p.strip("*").startswith(low[0]) for p in people)
        return (title if office else None), s
    if not r.cues.owner_first:
        # a role's genitive follows it ("محافظ المدينة": the city's governor), not a name; in a script
        # with case, a name may still close the words ("o presidente Lula")
        return named_after_role(r, s, e, ws, low) if _cased(r.text[s:e]) else None
    bodies = rw.state_bodies | rw.other_bodies | r.cues.bodies
    k = max((i for i, w in enumerate(low) if hits(with_parts({w}), people) and not hits(with_parts({w}), bodies)),
            default=None)
    if k is None:
        return (None, s) if person_by_context(r, s, e, low) else None
    if k + 1 == len(ws):
        return None
    if any(b in r.text[s:e].lower() for b in bodies if " " in b):
        return None  # "यूक्रेनी जनरल स्टाफ": a body of more words than one
    plain = r.cues.stop | r.cues.speaker_breaks | r.cues.owner_marks | r.cues.anonymous | \
        r.cues.documents | r.cues.collectives | r.cues.genitives | r.cues.pronouns | r.cues.not_speakers
    for w in low[k + 1:]:
        if w in plain or hits(with_parts({w}), people | bodies) or country_in({w}, rw) is not None or \
                w in rw.capitals or r.registry.demonyms.get(norm(w)):
            return None
    rest = ws[k + 1:]
    if any(ch.isupper() or ch.islower() for ch in r.text[s:e]) and not all(w.group(0)[:1].isupper() for w in rest):
        return None  # in a script with case, a name is capitalised ("o porta-voz disse": no name)
    return r.text[ws[_role_start(r, r.text, ws, k)].start():ws[k].end()], rest[0].start()


def person_by_context(r: SourceReader, s: int, e: int, low: list[str]) -> bool:
    """A bare name in a script without case (no role, title or entity tag says what it names) that the
    article writes where only a person stands (the pack's ``persons`` in ``cues.yaml``): the owner of a
    kinship word ("अंबिका के पति", her husband; "तमांग की पत्नी"), after a kinship word or an age
    ("उनके पति उरगेन तमांग", "40 वर्षीय उरगेन तमांग", "45 साल की अंबिका"), or the subject of a verb in
    the honorific plural a person takes ("अंबिका कहती हैं"; a body takes the singular, "कंपनी कहती है").
    Hindi news names people it has no title for this way; without it they were typed organizations."""
    spec = (r.pack.data("cues") or {}).get("persons") or {}
    if not spec or not 0 < len(low) <= 3 or _cased(r.text[s:e]):
        return False
    c = r.cues
    plain = c.stop | c.speaker_breaks | c.anonymous | c.documents | c.collectives | c.pronouns | c.not_speakers | \
        c.genitives | c.owner_marks | {c.agent_marker}
    name = " ".join(r.text[w.start():w.end()] for w in WORD.finditer(r.text, s, e))
    if any(w in plain for w in low) or placeish(r, name) or r.registry.body(name) is not None or \
            r.registry.outlets.by_name(name) is not None:
        return False
    kin, gen = _alt(spec.get("kin")), _alt(c.genitives | c.owner_marks)
    before = "|".join(x for x in (kin, _alt(spec.get("ages"))) if x)
    edge = rf"[\w{MARKS}]"
    pats = [rf"(?<!{edge}){re.escape(name)}\s+(?:{gen})\s+(?:{kin})(?!{edge})" if kin and gen else "",
            rf"(?<!{edge})(?:{before})\s+(?:(?P<mid>{edge}+)\s+)?{re.escape(name)}(?!{edge})" if before else "",
            rf"(?<!{edge}){re.escape(name)}\s+(?:{_alt(spec.get('honorific'))})(?!{edge})" if spec.get("honorific") else ""]
    # a word between the kinship word or age and the name is the name's own first one ("पति उरगेन तमांग"),
    # not a postposition or marker ("पत्नी ने तमांग को": the wife spoke to Tamang)
    return any(m.groupdict().get("mid") is None or m["mid"].lower() not in plain | c.prepositions
               for p in pats if p for m in re.finditer(p, r.text))


def _alt(words: Iterable[object] | None) -> str:
    return "|".join(re.escape(w) for w in sorted((str(x) for x in words or ()), key=len, reverse=True))


def _cased(text: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in text)


def _name_run(r: SourceReader, text: str, ws: list[re.Match[str]], first: int) -> int | None:
    """Where the capitalised words that close ``ws`` begin (at ``first`` or after): the words of a
    name, with the particles a name holds between two of them ("Lula da Silva", "фон дер Лайен";
    ``name_particles`` in the pack's ``cues.yaml``), no mark between them (a comma sets a role off:
    "presidente da Câmara, David Almeida"); None when the last word is no capitalised word."""
    particles = {str(x).lower() for x in (r.pack.data("cues") or {}).get("name_particles") or ()}
    j = len(ws)
    while j - 1 >= first:
        w = ws[j - 1].group(0)
        gap = text[ws[j - 1].end():ws[j].start()] if j < len(ws) else ""
        if gap.strip(" ."):
            break
        if w[:1].isupper() or (w.lower() in particles and j < len(ws) and j - 2 >= first
                               and ws[j - 2].group(0)[:1].isupper()):
            j -= 1
            continue
        break
    while j < len(ws) and ws[j].group(0).lower() in particles:
        j += 1
    return j if j < len(ws) else None


# Capitalised words after a role's genitive that are its owner and a name: a place or body of one word, then a
# first name and a surname ("на Чечения Рамзан Кадиров", 3). Two are the owner alone ("на КТ Подкрепа") or a
# name; news in these languages names a person by first name and surname, rarely with a middle name. On the
# narratives set's Bulgarian articles: 4 speakers whose name had held their whole role ("Главата на Чечения
# Рамзан Кадиров") get the name alone.
OWNER_AND_NAME = 3


def named_after_role(r: SourceReader, s: int, e: int, ws: list[re.Match[str]],
                     low: list[str]) -> tuple[str | None, int] | None:
    """In a script with case and no entity tagger, a role then a person's name: "o presidente Lula",
    "министър-председателят Кирил Петков", "заместник-председателката на Европейската комисия Вера
    Йоурова", "o ministro russo, Sergei Lavrov"; not "o filho do presidente Lula", whose head before
    the genitive is no role. The name is the capitalised words that close the source after its last
    role word, less a body, country or abbreviation they begin with ("говорителят на Кремъл Дмитрий
    Песков"); none when they follow a genitive or preposition: they are then the role's owner
    ("diretor da Tongaat Hulett", "президентът на КТ"), or when they are a place, a body or an
    abbreviation. The role (the words before the name) and where the name begins."""
    rw = RoleWords.of(r.pack)
    people = rw.official | rw.qualified | rw.non_state | r.cues.roles
    bodies = rw.state_bodies | rw.other_bodies | r.cues.bodies
    k = max((i for i, w in enumerate(low) if hits(with_parts({w}), people) and not hits(with_parts({w}), bodies)),
            default=None)
    if k is None or k + 1 == len(ws):
        return None
    g = next((i for i in range(k) if low[i] in r.cues.genitives), None)
    if g is not None and not hits(with_parts(set(low[:g])), people | r.cues.anonymous):
        return None  # "o filho do presidente Lula da Silva": the son speaks, whose father the name is
    j = _name_run(r, r.text, ws, k + 1)
    if j is None:
        return None

    def body_word(w: str) -> bool:
        b = r.registry.body(w)
        return (w.isupper() and len(w) > 1) or placeish(r, w) or (b is not None and b.kind != "person")
    while j < len(ws) - 1 and body_word(ws[j].group(0)):
        j += 1  # "на Кремъл Дмитрий Песков": the owner, then the name
    if j - 1 > k and ws[j - 1].group(0).lower() in r.cues.genitives and len(ws) - j >= OWNER_AND_NAME and \
            not r.text[ws[j - 1].end():ws[j].start()].strip():
        # "Главата на Чечения Рамзан Кадиров", "Губернаторът на Севастопол Михаил Развожаев": after a genitive,
        # a place the registries do not call one, then the name: its first name and surname, the last two words
        j = len(ws) - 2
    name = r.text[ws[j].start():ws[-1].end()]
    if placeish(r, name) or r.registry.outlets.by_name(name) is not None or any(body_word(w.group(0)) for w in ws[j:]) \
            or ((b := r.registry.body(name)) is not None and b.kind != "person"):
        return None
    before = ws[j - 1].group(0).lower()
    apposed = bool(r.text[ws[j - 1].end():ws[j].start()].strip())  # "o ministro russo, Sergei Lavrov"
    if not apposed and j - 1 > k and before in r.cues.genitives | r.cues.prepositions:
        return None  # "diretor da Tongaat Hulett": whose the role is, no person
    role = r.text[s:ws[j].start()].strip(" ,")
    return (role or None), ws[j].start()


def placeish(r: SourceReader, name: str) -> bool:
    """Whether a name holds a country, capital, demonym or body word: no person's name."""
    rw = RoleWords.of(r.pack)
    ws = {w.lower() for w in WORD.findall(name)}
    return country_in(ws, rw) is not None or bool(ws & set(rw.capitals)) or \
        any(r.registry.demonyms.get(norm(w)) for w in ws) or \
        bool(hits(with_parts(ws), rw.state_bodies | rw.other_bodies | r.cues.bodies))


def caseless_role(r: SourceReader, chunk: str, role_words: frozenset[str]) -> tuple[str, list[str]] | None:
    """In a script without case, the role in the words right before a name: a role word among the
    last three (a name's first words at most between: "सांसद गौरव [गोगोई]"), with the words before it
    back to one that never stands in a role (a verb, a postposition other than the genitive, the
    agent marker: "विदेश मंत्रालय के प्रवक्ता"); None when no role word stands there."""
    ws = list(WORD.finditer(chunk))
    c = r.cues
    k = max((i for i, w in enumerate(ws) if i >= len(ws) - 3 and hits(with_parts({w.group(0).lower()}), role_words)),
            default=None)
    if k is None or any(w.group(0).lower() in c.speaker_breaks | c.stop | {c.agent_marker} for w in ws[k + 1:]):
        return None
    j = _role_start(r, chunk, ws, k)
    if not _an_office(r, ws[j:k + 1], ws[k].group(0).lower()):
        return None  # "विश्व नेता [ट्रंप] पर हंस रहे हैं": world leaders laugh at him, no office of his
    head = [w.group(0) for w in ws[j:k + 1]]
    return chunk[ws[j].start():ws[k].end()], head


def _role_start(r: SourceReader, text: str, ws: list[re.Match[str]], k: int) -> int:
    """Where the role whose word is ``ws[k]`` begins: back over its owner to a word no role holds (a
    verb, a postposition other than the genitive, the agent marker) or a mark between words."""
    c = r.cues
    j = k
    while j > 0 and k - j < ROLE_AHEAD_WORDS - 1 and \
            ws[j - 1].group(0).lower() not in c.speaker_breaks | c.not_speakers | {c.agent_marker} and \
            not text[ws[j - 1].end():ws[j].start()].strip():
        j -= 1
    while j < k and ws[j].group(0).lower() in c.genitives | c.owner_marks:
        j += 1  # "के प्रवक्ता": an owner cut off is no part of the role
    return j


def _an_office(r: SourceReader, words: list[re.Match[str]], word: str) -> bool:
    """Whether a role's words make it one: an office or a profession by itself, or a role of the
    qualified kind ("नेता", "प्रवक्ता") with the body or country whose it is among its words."""
    rw = RoleWords.of(r.pack)
    if hits(with_parts({word}), rw.official | rw.non_state):
        return True
    low = {w.group(0).lower() for w in words}
    bodies = rw.state_bodies | rw.other_bodies | r.cues.bodies
    phrase = " ".join(w.group(0).lower() for w in words)
    return bool(hits(with_parts(low), bodies)) or any(" " in b and b in phrase for b in bodies) or \
        country_in(low, rw) is not None or any(r.registry.demonyms.get(norm(w)) for w in low)


def caseless(name: str) -> bool:
    """A name of one to four words written in a script without case (Hindi)."""
    ws = WORD.findall(name)
    return 0 < len(ws) <= 4 and not any(ch.isupper() or ch.islower() for ch in name)


def name_then_role(r: SourceReader, s: int, e: int) -> tuple[int, int] | None:
    """In a script with case and no entity tagger, a person's name then a role set off by a comma: "Ana
    Souza, economista do banco", "Dmitri Peskov, porta-voz do Kremlin", "Дмитрий Песков, говорител на
    Кремъл". Where the name ends and the role begins; None when the words before the comma are no name
    (one to four capitalised words, with a name's particles; no place, body or outlet) or those after it
    hold no role word of the pack."""
    m = re.match(r"\s*([^,]+?)\s*,\s*(\S[^,]*?)\s*$", r.text[s:e])
    if m is None or not cased_name(r, m.group(1)):
        return None
    rw = RoleWords.of(r.pack)
    roles = rw.official | rw.qualified | rw.non_state | r.cues.roles
    if not hits(with_parts({w.lower() for w in WORD.findall(m.group(2))}), roles):
        return None
    if placeish(r, m.group(1)) or r.registry.body(m.group(1)) is not None or \
            r.registry.outlets.by_name(m.group(1)) is not None:
        return None
    return s + m.end(1), s + m.start(2)


def cased_name(r: SourceReader, text: str) -> bool:
    """Whether words in a script with case read as a person's name: one to four capitalised words, with the
    particles a name holds between them ("Lula da Silva"; ``name_particles`` in the pack's ``cues.yaml``)."""
    if not _cased(text):
        return False
    particles = {str(x).lower() for x in (r.pack.data("cues") or {}).get("name_particles") or ()}
    names = WORD.findall(text)
    return 1 <= len(names) <= 4 and names[0][:1].isupper() and names[-1][:1].isupper() and \
        all(w[:1].isupper() or w.lower() in particles for w in names)
