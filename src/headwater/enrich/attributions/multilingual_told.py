"""The outlet a speaker told, in a language read without a parse: "a déclaré à l'agence Reuters que …",
"disse à Lusa que …", "dijo a la agencia EFE que …", "заяви пред БТА, че …", "قال … لوكالة الأنباء …",
"… Anadolu Ajansına açıkladı", "AA muhabirine konuşan Vali …". The outlet publishes what the speaker said:
first in the chain, as the English "X told Reuters" (``find``) and the Russian dative the parse gives
("заявил РИА Новости", ``multilingual_chains._addressee``). The words are the pack's (``told`` in
``cues.yaml``): what opens the outlet told (a preposition of the dative with its article, an interview's
phrase, a preposition written on the word), the head nouns of an outlet the registry does not know, and for
Turkish the dative endings and the reporter's noun after the outlet. Only an outlet the registry knows
by a capitalised name, or one headed by such a noun, is told: "a dit au ministre", "заяви пред
журналисти" name no publisher."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_claim_bounds import skip_to_claim, trim_end
from headwater.enrich.attributions.multilingual_sources import SITE_ADDRESS
from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.lang import LanguagePack, folder_data
from headwater.lang.marks import WORD

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_according import Tag
    from headwater.enrich.attributions.multilingual_speakers import SpeakerReader

# The words an outlet's name runs to after what opens it ("Agence France-Presse", "Deutsche Welle",
# "وكالة الأنباء السورية"): the longest name of the registry is four words in these languages.
MAX_OUTLET_WORDS = 5
# Words of a name an outlet noun may carry after it where the script has no case (Arabic: "وكالة الأنباء
# السورية", the noun and two words of its construct).
CASELESS_NAME_WORDS = 3
# How far past a cue an outlet told that opens the words after it is looked for (characters): the longest
# opener ("dans un entretien accordé au", 28) and a name of MAX_OUTLET_WORDS words.
PAST_TOLD_SPAN = 80
# A name in quote marks right after an outlet noun: "вестник „Труд“", "journal « Le Monde »".
QUOTED_NAME = re.compile(r"\s*[«„“\"]\s*([^«»„“”\"]{1,40}?)\s*[»“”\"]")
# A site by its address right after an outlet noun ("изданию Украина.ру", "au site Lefigaro.fr").
SITE_AFTER = re.compile(r"\s+" + SITE_ADDRESS.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class ToldWords:
    """A pack's words of the outlet told (``told`` in its ``cues.yaml``)."""

    before: re.Pattern[str] | None  # what opens the outlet told: "à l'", "à la", "пред", "em entrevista à"
    prefixes: tuple[str, ...]  # a preposition written on the outlet's first word (Arabic "لـ", "لل", "ل")
    nouns: frozenset[str]  # head nouns of an outlet ("agence", "агенция", "وكالة", "ajansı")
    suffixes: tuple[str, ...]  # dative endings on the outlet's last word (Turkish "-na", "'ya")
    after: frozenset[str]  # a word after the outlet that makes it told (Turkish "muhabirine": to its reporter)
    participles: tuple[str, ...]  # "AA muhabirine konuşan X": the speaker follows these
    # an opener that holds the article of a name ("au Figaro": à + Le Figaro), and that article
    articles: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.before is None and not self.prefixes and not self.suffixes and not self.after

    @classmethod
    def of(cls, pack: LanguagePack) -> ToldWords:
        return _told(pack.code, pack.data_dir)  # (not ``pack.folder``: a path made at every call, per word)


@cache
def _told(code: str, data_dir: Path | None) -> ToldWords:
    folder = LanguagePack(code=code, name=code, data_dir=data_dir).folder
    d: dict[str, Any] = (folder_data(folder, "cues") or {}).get("told") or {}

    def low(key: str) -> list[str]:
        return sorted((str(x).lower() for x in d.get(key) or ()), key=len, reverse=True)

    before = low("before")
    # an elided article ("à l'") joins its word with no space; every other opener stands apart from it
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) + (r"\s*" if w[-1] in "'’" else r"\s+") for w in before)
                         + ")", re.IGNORECASE) if before else None
    return ToldWords(pattern, tuple(low("prefixes")), frozenset(low("nouns")), tuple(low("suffixes")),
                     frozenset(low("after")), tuple(low("participles")),
                     {str(k).lower(): str(v) for k, v in (d.get("articles") or {}).items()})


def _known(r: SpeakerReader, s: int, e: int, article: str | None = None) -> bool:
    """The registries know the words s:e as an outlet (outlets.yaml, or the media of organizations.yaml: "SIC",
    "bTV", "Le Figaro"), by a name that opens with a capital or a digit where the script has case ("bTV" too)."""
    name = r.text[s:e]
    first = name[:1]
    if first.islower() and not any(c.isupper() for c in name[1:3]):
        return False
    for n in (name, f"{article.capitalize()} {name}") if article else (name,):  # "au Figaro": Le Figaro
        known = r.registry.known.get(n)
        if r.registry.outlets.by_name(n) is not None or (known is not None and known.kind == "outlet"):
            return True
    return False


def _words(r: SpeakerReader, i: int, e: int) -> list[re.Match[str]]:
    """The words from i up to a stop mark, the clause said or ``MAX_OUTLET_WORDS``."""
    out: list[re.Match[str]] = []
    for m in WORD.finditer(r.text, i, e):
        if r._stop(out[-1].end() if out else i, m.start()) or m.group(0).lower() in r.cues.complementizers:
            break
        out.append(m)
        if len(out) == MAX_OUTLET_WORDS:
            break
    return out


def outlet_at(r: SpeakerReader, i: int, e: int, article: str | None = None) -> tuple[int, int] | None:
    """The outlet named right at ``i`` (before ``e``): the longest run of words from there that the registries
    know ("Agence France-Presse", "Sputnik" of "Sputnik Maria Zakharova"; ``article``, the one the opener held:
    "au Figaro" is Le Figaro), or an outlet noun with the name after it: a known name, a quoted one, the first
    run of capitalised words past its adjectives ("agence russe TASS"), a few words of its construct in a
    script without case, or the noun alone."""
    words = _words(r, i, e)
    if not words:
        return None
    for k in range(len(words), 0, -1):
        if _known(r, words[0].start(), words[k - 1].end(), article):
            return words[0].start(), words[k - 1].end()
    told = ToldWords.of(r.pack)
    if words[0].group(0).lower() not in told.nouns:
        return None
    head_end = words[0].end()
    named = QUOTED_NAME.match(r.text, head_end, e) or SITE_AFTER.match(r.text, head_end, e)
    if named is not None:  # "вестник „Труд“", "изданию Украина.ру"
        return words[0].start(), named.end()
    rest = words[1:]
    for k in range(len(rest)):  # a name the registry knows after the noun: "agência Lusa", "агенция БГНЕС"
        for n in range(len(rest), k, -1):
            if _known(r, rest[k].start(), rest[n - 1].end()):
                return words[0].start(), rest[n - 1].end()
    cased = any(c.isupper() or c.islower() for c in words[0].group(0))
    if not cased:  # the noun's construct, up to a role word ("لوكالة الأنباء وزير …": the minister speaks)
        roles = RoleWords.of(r.pack)
        kept = rest[:CASELESS_NAME_WORDS]
        for k, w in enumerate(kept):
            if hits(with_parts({w.group(0).lower()}), roles.official | roles.qualified | r.cues.roles):
                kept = kept[:k]
                break
        return words[0].start(), (kept[-1].end() if kept else head_end)
    end = head_end
    for w in rest:  # past its genitives and adjectives ("agência de notícias estatal Tass"), up to its name
        low = w.group(0).lower()
        if w.group(0)[:1].isupper():
            end = w.end()
        elif end > head_end or (low in r.cues.stop and low not in r.cues.genitives):
            break  # past the name, or an article: the speaker after it ("à agência Lusa o ministro")
    return words[0].start(), end


def _dative(told: ToldWords, word: re.Match[str]) -> int | None:
    """Where a dative ending of the pack starts on ``word`` ("Ajansı|na", "Reuters|'a", "gazetesi|ne"): the
    word before it may end an outlet's name (``_outlet_ending`` checks)."""
    w = word.group(0)
    for suffix in told.suffixes:
        if len(w) > len(suffix) + 1 and w.lower().endswith(suffix):
            return word.end() - len(suffix)
    return None


def _outlet_ending(r: SpeakerReader, s: int, end: int) -> tuple[int, int] | None:
    """The outlet whose name ends at ``end`` (Turkish puts the name before its noun and ending, "Anadolu
    Ajansı|na"): the longest run of words the registry knows, or an outlet noun with one or two capitalised
    words before it ("Cumhuriyet gazetesi|ne"). The words after the last stop mark before ``end`` only."""
    stop = [m.end() for m in re.finditer(r"[,;:.!?()«»„“”\"—–]", r.text[s:end])]
    ws = list(WORD.finditer(r.text, s + (stop[-1] if stop else 0), end))  # the last word cut at ``end``
    if not ws or ws[-1].end() != end:
        return None
    for m in ws[-MAX_OUTLET_WORDS:]:  # the longest run first
        if _known(r, m.start(), end):
            return m.start(), end
    if ws[-1].group(0).lower() not in ToldWords.of(r.pack).nouns:
        return None
    start = ws[-1].start()
    for m in reversed(ws[-3:-1]):
        if not m.group(0)[:1].isupper():
            break
        start = m.start()
    return (start, end) if start < ws[-1].start() else None  # "gazetesine" alone names no paper


def told_in(r: SpeakerReader, s: int, e: int) -> tuple[int, int, tuple[int, int]] | None:
    """The first outlet told in the words s:e: where its phrase starts and ends, and the outlet's span."""
    told = ToldWords.of(r.pack)
    if told.empty:
        return None
    found: list[tuple[int, int, tuple[int, int]]] = []
    if told.before is not None:
        for m in told.before.finditer(r.text, s, e):
            o = outlet_at(r, m.end(), e, told.articles.get(" ".join(m.group(0).lower().split())))
            if o is not None:
                found.append((m.start(), o[1], o))
                break
    for w in WORD.finditer(r.text, s, e):
        if found and w.start() >= found[0][0]:
            break
        low, at = w.group(0).lower(), len(found)
        for p in told.prefixes:  # "لوكالة رويترز", "لصحيفة …": the preposition on the word
            if low.startswith(p) and len(low) > len(p) + 1:
                o = outlet_at(r, w.start() + len(p), e)
                if o is not None:
                    found.append((w.start(), o[1], o))
                    break
        if low in told.after:  # "AA muhabirine": told the outlet through its reporter
            o = _outlet_ending(r, s, trim_end(r, s, w.start()))
            if o is not None:
                found.append((o[0], w.end(), o))
        cut = _dative(told, w) if told.suffixes and len(found) == at else None
        if cut is not None:
            o = _outlet_ending(r, s, cut)
            if o is not None:
                found.append((o[0], w.end(), o))
        if len(found) > at:
            break
    return min(found) if found else None


def past_told(r: SpeakerReader, i: int, b: int) -> int:
    """Where the words after a cue go on past an outlet told that opens them ("a déclaré à l'AFP le
    porte-parole": the speaker is after the outlet), else ``i``."""
    told = ToldWords.of(r.pack)
    if told.empty:
        return i
    first = WORD.search(r.text, i, b)  # the phrase must open the words: read the first few only
    if first is None or r.text[i:first.start()].strip():
        return i
    t = told_in(r, i, min(b, first.start() + PAST_TOLD_SPAN))
    return t[1] if t is not None and not r.text[i:t[0]].strip() else i


def before_aside(r: SpeakerReader, a: int, cs: int) -> int:
    """Where the words before a cue end when an outlet told stands set off by commas between the speaker and
    the cue ("O ministro, em entrevista à Lusa, disse …", "Le ministre, interrogé par l'AFP, a affirmé …",
    "Министърът, в интервю за БТА, заяви …"; only the cue's auxiliaries after the second comma): before the
    first comma, the speaker's words (``with_told`` finds the outlet). ``cs`` for any other shape."""
    m = re.search(r",([^,]+),([^,]*)$", r.text[a:cs])
    if m is None or any(w.lower() not in r.cues.auxiliaries for w in WORD.findall(m.group(2))):
        return cs
    s, e = a + m.start(1), a + m.end(1)
    words = list(WORD.finditer(r.text, s, e))
    t = told_in(r, s, e) if words else None
    if t is None or t[0] != words[0].start() or t[1] < words[-1].end():
        return cs  # the aside must be the outlet's phrase, whole: ", em Lisboa," is no outlet
    return a + m.start()


def participle_speaker(r: SpeakerReader, s: int, e: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'AA muhabirine konuşan Vali Demir': an outlet told at the start of a verb-last speaker, then the
    participle; the outlet's span and the speaker's (the words after the participle)."""
    told = ToldWords.of(r.pack)
    t = told_in(r, s, e) if told.participles else None
    if t is None or r.text[s:t[0]].strip():
        return None
    rest = r.text[t[1]:e]
    for p in told.participles:
        m = re.match(r"\s*" + re.escape(p) + r"\s+(?=\S)", rest, re.IGNORECASE)
        if m is not None and WORD.search(r.text, t[1] + m.end(), e):
            return t[2], (t[1] + m.end(), trim_end(r, t[1] + m.end(), e))
    return None


def with_told(r: SpeakerReader, f: Tag, a: int, b: int, cs: int, ce: int) -> Tag:
    """A verb's tag with the outlet its speaker told, found in the words of the tag (between the cue, the
    speaker and what was said; never in the claim): "X a déclaré à l'AFP que …", "O ministro, em entrevista à
    Lusa, disse …", "قال وزير الخارجية لوكالة الأنباء السورية إن …". Where the outlet ran into the speaker's
    words, the speaker is what is left: the words before the phrase ("وزير الخارجية"), or after the outlet
    ("declarou à Sputnik Maria Zakharova": Maria Zakharova); none left, and the subject is left out ("Disse
    à Lusa que …"): the person spoken of before, or no one named."""
    if r.cues.verb_last:
        return _verb_last_told(r, f, cs)
    lo = min(cs, f.speaker[0])
    hi = max(ce, f.speaker[1])
    if f.start >= hi:  # what was said follows the tag: from the sentence's start ("В интервю за The Sun
        lo, hi = min(lo, a), f.start  # Петреъс заяви"; the opener is no part of the speaker) up to what was said
    elif f.end <= lo:
        lo, hi = max(f.end, a), b  # what was said comes first: "…, disse à Lusa o ministro."
    t = told_in(r, lo, hi)
    opening = _opening(r, a, lo)
    if t is None and opening is not None:  # "Em entrevista à Lusa, o presidente afirmou …"
        f.via = opening
        return f
    if t is None and f.start >= hi:
        t = told_in(r, f.start, f.end)
        if t is None or t[0] != f.start:
            return f
        # what was said opens with the outlet: "وقال الوزير في مقابلة مع قناة الجزيرة إن …" (after the speaker
        # the verb-first pack reads up to its first break): it begins after it
        f.start = skip_to_claim(r, t[1], f.end)
    if t is None:
        return f
    phrase_start, phrase_end, outlet = t
    f.via = outlet
    s0, s1 = f.speaker
    if outlet[0] < s0 and s1 <= outlet[1] and (s0, s1) != (cs, ce):
        # the capitalised words after an outlet noun were the speaker's ("в эфире телеканала Киселев
        # предположил"): the outlet ends before them
        f.via = (outlet[0], trim_end(r, outlet[0], s0))
        return f
    if s0 < phrase_end and phrase_start < s1 and (s0, s1) != (cs, ce):
        if phrase_start > s0:  # the outlet after the speaker: "وزير الخارجية لوكالة …"
            s1 = trim_end(r, s0, phrase_start)
        else:  # the speaker after the outlet: "à Sputnik Maria Zakharova"
            after = r._words_after(phrase_end, s1 if s1 > phrase_end else b)
            s0, s1 = after if after is not None else (cs, ce)
        f.speaker = (s0, s1) if s0 < s1 else (cs, ce)
    if f.speaker == (cs, ce):
        f.unnamed = not r.people  # "Disse à Lusa que …": the person before, or told by no one named
    return f


def _opening(r: SpeakerReader, a: int, lo: int) -> tuple[int, int] | None:
    """The outlet told in a phrase that opens the sentence, set off by a comma before the tag ("Dans un
    entretien au Figaro, le ministre …", "En declaraciones a EFE, la alcaldesa …")."""
    m = re.match(r"\s*(.+?)\s*,([^,]*)$", r.text[a:lo])
    if m is None or any(w.lower() not in r.cues.stop for w in WORD.findall(m.group(2))):
        return None  # (only an article may stand between the comma and the speaker: ", o presidente")
    t = told_in(r, a + m.start(1), a + m.end(1))
    return t[2] if t is not None and t[0] == a + m.start(1) and t[1] == a + m.end(1) else None


def _verb_last_told(r: SpeakerReader, f: Tag, cs: int) -> Tag:
    """The outlet told in a verb-last sentence: opening the speaker before a participle ("AA muhabirine
    konuşan Vali Demir, …"), between the speaker and what was said ("Vali Demir, AA muhabirine yaptığı
    açıklamada …"), or right before the verb ("…, açılacağını Anadolu Ajansına açıkladı": what was said ends
    before it)."""
    lead = participle_speaker(r, *f.speaker)
    if lead is not None:
        f.via, f.speaker = lead
        return f
    t = told_in(r, f.speaker[1], f.start) if f.start > f.speaker[1] else None
    if t is not None:
        f.via = t[2]
        return f
    tail = list(WORD.finditer(r.text, f.start, cs))[-MAX_OUTLET_WORDS - 1:]
    t = told_in(r, tail[0].start(), cs) if len(tail) > 1 and not f.quote else None
    if t is not None and not r.text[t[1]:cs].strip() and len(WORD.findall(r.text[f.start:t[0]])) >= 2:
        f.via, f.end = t[2], trim_end(r, f.start, t[0])
    return f
