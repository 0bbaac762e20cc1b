"""Whom a pronoun speaker stands for in a language read without a parse or an entity tagger
(Bulgarian, Portuguese): the person the text named last before it, in its own sentence or the one
or two before, also when that person was no source ("… посочва Жак Бо. Той припомня, … Според него …").

No entity says who is a person here, so a name is told by its letters: capitalised words in the
article's own script, not an abbreviation, not a word the article writes in lower case elsewhere
where it opens a sentence ("Според", "Това"), not a country, capital, state body, role word, outlet
or body the registries know, and not after a preposition (where places and owners stand: "в Минск",
"на украинския лидер Володимир Зеленски"). A name that is the subject of a reporting verb, follows a
role word of the pack, or opens its sentence (the subject, in these subject-first languages) is
preferred to one that is none of these, and a name inside the clause said ("…, че президентът Путин
…") comes last; among those alike, the nearest. A source that spoke in the window, or a pronoun
already resolved there, counts as a preferred name at its place. Names inside quotes are what was
said, never antecedents; the window starts before the quote a tag closes ("«…», каза той"). One
capitalised word opening a sentence that the article capitalises nowhere else may be a name or a
common word ("Пазарът"): standing between, it leaves the pronoun unresolved. Gender is used only
where the pack gives it for both the pronoun and the name's ending (Bulgarian "тя" and "-ова"): a
name of the other gender is passed over; a name whose gender cannot be told is not. Nothing there:
None (the pronoun stays unresolved, or falls back to the finder's older rules)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from headwater.enrich.attributions.multilingual_cues import is_verb
from headwater.enrich.attributions.role_types import RoleWords, country_in, hits, with_parts
from headwater.lang.marks import WORD, script_of
from headwater.lang.sentences import NONE, Abbreviations, abbreviations, heading_question
from headwater.lang.sentences import ends as sentence_ends

if TYPE_CHECKING:
    from headwater.enrich.attributions.multilingual_sources import SourceReader

# The sentences before the pronoun's own that may hold its antecedent: news refers back one or two
# ("X заяви … . Той припомня … . Според него …"); further back another person may have come between.
SENTENCES_BACK = 2
# Words between a role word and the name it goes with ("бившият офицер от американското разузнаване
# Скот Ритър": 4), and between a reporting verb and its subject after it ("заяви бившият офицер …");
# as the finder's ROLE_NEXT_WORDS.
ROLE_WORDS_BEFORE = 6
# Words between a name and its reporting verb after it ("Петров също е заявил": 2).
VERB_WORDS_AFTER = 3
SENTENCE_END = re.compile(r"[.!?…][\"»“”'’)]*\s+|\n\s*")
# Characters between a quote's end and the pronoun of its tag ("», каза той", "“, заяви пред журналистите
# тя": 29); set to hold a tag of a few words, not the next sentence.
QUOTE_TAG = 40
PUNCT = re.compile(r"[,;:.!?()\[\]«»„“”\"—–]|\s-\s")

Antecedent = tuple[int, int] | dict[str, Any]


def window(text: str, s: int, ends: re.Pattern[str] = SENTENCE_END, abbr: Abbreviations = NONE) -> int:
    """Where the text that may hold a pronoun's antecedent begins: its own sentence and up to
    SENTENCES_BACK before it, across one paragraph break at most, and never past a line without a
    sentence's end mark or a question alone on its line (a heading or a title: what stands before it
    is another story's part). The dot of one of the pack's abbreviations ends no sentence ("ген.")."""
    lo = max(0, s - 1200)
    marks = sentence_ends(ends, text, lo, s, abbr)
    starts = [lo] + [m.end() for m in marks]
    breaks = [0] + [(2 if m.group(0)[:1] == "\n" or heading_question(text, m.start()) else 1)
                    if "\n" in m.group(0) else 0 for m in marks]
    k, crossed = len(starts) - 1, 0
    for _ in range(SENTENCES_BACK):
        if k == 0 or breaks[k] == 2 or (breaks[k] and crossed):
            break
        crossed += breaks[k]
        k -= 1
    return starts[k]


def _anchor(r: SourceReader, s: int) -> int:
    """Where a pronoun's tag stands for the window: before the quote it closes ("«… . …», каза той")."""
    for qs, qe in r.quotes:
        if qs < s and 0 <= s - qe <= QUOTE_TAG:
            return qs
    return s


def _gender(r: SourceReader, word: str) -> str | None:
    """The gender a name's last word shows by the pack's endings ("Петрова": f), or None."""
    w = word.lower()
    best: tuple[int, str] | None = None
    for gender, endings in r.cues.name_endings.items():
        for end in endings:
            if w.endswith(end) and len(w) > len(end) + 1 and (best is None or len(end) > best[0]):
                best = (len(end), gender)
    return best[1] if best else None


def antecedent(r: SourceReader, s: int, pronoun: str) -> Antecedent | None:
    """The person a pronoun speaker at ``s`` stands for, in a pack read without a parse and written
    in a script with case: a name's span, or a source already found (one who spoke in the window, or
    what a pronoun there was resolved to). None when the window names no one."""
    text, c = r.text, r.cues
    if r.parsed or not any(ch.isupper() for ch in text[max(0, s - 400):s]):
        return None
    abbr = abbreviations(r.pack)
    start = window(text, _anchor(r, s), abbr=abbr)
    want = c.pronoun_genders.get(pronoun.lower())
    rw = RoleWords.of(r.pack)
    plain = c.stop | c.speaker_breaks | c.pronouns | c.back_references | c.complementizers | c.auxiliaries | \
        c.not_speakers | c.anonymous
    plain |= {w for phrase in c.according + c.according_after for w in phrase.split()}
    prepositions = ((c.stop | c.genitives | c.places_of_speech) - c.speaker_breaks - c.complementizers) | c.prepositions
    places = c.place_heads
    role_words = rw.official | rw.qualified | rw.non_state | c.roles
    script = r._script()
    words = list(WORD.finditer(text, start, s))
    sentence_starts = {m.end() for m in sentence_ends(SENTENCE_END, text, start, s, abbr)} | {start}

    def opens_sentence(i: int) -> bool:
        at = words[i].start()
        return not WORD.search(text, max(b for b in sentence_starts if b <= at), at)

    def _since_start(i: int) -> int:  # the words of word i's sentence before it
        at = words[i].start()
        b = max(x for x in sentence_starts if x <= at)
        return sum(1 for w in words[:i] if w.start() >= b)

    def name_word(i: int) -> bool:
        w = words[i].group(0)
        low = w.lower()
        if not w[:1].isupper() or (w.isupper() and len(w) > 1) or script_of(w) != script:
            return False
        if low in plain or is_verb(c, w, None) or low in r.months or low in rw.capitals or country_in({low}, rw) is not None:
            return False
        if opens_sentence(i) and low in r.lowercase_words():
            return False  # "Според", "Това": a common word the sentence opens with
        if hits(with_parts({low}), rw.state_bodies | role_words):
            return False
        return r.registry.body(w) is None and r.registry.outlets.by_name(w) is None

    def joined(i: int) -> bool:  # word i follows word i - 1 with nothing but a space between
        return i > 0 and not text[words[i - 1].end():words[i].start()].strip()

    def before(i: int, n: int, over_comma: bool = False) -> list[str]:
        """Up to n words before word i, nearest first, back to punctuation (past one comma right
        before it when ``over_comma``: "a porta-voz do Governo, Pilar Alegría")."""
        out: list[str] = []
        j = i - 1
        while j >= 0 and len(out) < n:
            gap = text[words[j].end():words[j + 1].start()]
            if PUNCT.search(gap) and not (over_comma and j == i - 1 and gap.strip() == ","):
                break
            out.append(words[j].group(0))
            j -= 1
        return out

    found: list[tuple[int, int, Antecedent]] = []  # (where, rank, what)
    unsure: list[int] = []  # one capitalised word opening its sentence, nowhere else capitalised: "Пазарът"?
    i = 0
    while i < len(words):
        if not name_word(i):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and joined(j + 1) and name_word(j + 1):
            j += 1
        first, run = i, (words[i].start(), words[j].end())
        i = j + 1
        if any(qs <= run[0] < qe for qs, qe in r.quotes):
            continue  # a name inside a quote is what was said, or a title («Брюксел 1»)
        if first == j and opens_sentence(first) and words[j].group(0) not in mid_capitals(r) and \
                not ((known := r.registry.known.get(words[j].group(0))) is not None and known.kind == "person"):
            unsure.append(run[0])  # a name, or a common word that opens the sentence: the text does not say
            continue
        cased = before(first, ROLE_WORDS_BEFORE, over_comma=True)
        back = [w.lower() for w in cased]
        if back[:1] and (back[0] in prepositions or back[0] in places):
            continue  # "в Минск", "на Путин", "региона Сахел": a place or an owner, not a speaker
        if first > 0 and joined(first) and words[first - 1].group(0)[:1].isupper() and not opens_sentence(first - 1):
            prev = words[first - 1].group(0)
            longer = f"{prev} {text[run[0]:run[1]]}"
            if prev.lower() in plain or r.registry.outlets.by_name(longer) is not None or \
                    r.registry.body(longer) is not None:
                continue  # "по Би Ти Ви", "РИА Новости": the end of a longer name, no person's
        said = any(w.group(0).lower() in c.complementizers for w in words[first - 1::-1][:_since_start(first)]) \
            if first > 0 else False
        # the nearest role word of a person ("o porta-voz do Governo, Ana Souto": porta-voz, not Governo)
        k = next((n for n, w in enumerate(back) if hits(with_parts({w}), role_words) and
                  not hits(with_parts({w}), rw.state_bodies | c.bodies)), None)
        apposed = first > 0 and text[words[first - 1].end():run[0]].strip() == "," and \
            bool(re.match(r"\s*(?:[,.;:!?)]|$)", text[run[1]:run[1] + 3]))  # "o presidente da Petrobras, Jean Paul Prates,"
        if k is not None and not apposed and any(w[:1].isupper() and not w.isupper() and country_in({w.lower()}, rw) is None and
                                 r.registry.body(w) is None and r.registry.outlets.by_name(w) is None for w in cased[:k]):
            k = None  # another name stands between the role and this one ("o chefe das Tropas de Defesa, Química"):
            # the role is that name's ("говорителят на Кремъл Дмитрий Песков": Кремъл is a body the registry knows)
        if k is not None and any(w in c.genitives | c.places_of_speech for w in back[k + 1:k + 3]):
            continue  # "на украинския лидер Володимир Зеленски": the role is a genitive's, the person an owner
        want_ok = want is None or (g := _gender(r, words[j].group(0))) is None or g == want
        if not want_ok:
            continue
        after = [w.group(0).lower() for w in words[j + 1:j + 1 + VERB_WORDS_AFTER]
                 if not PUNCT.search(text[run[1]:w.start()])]
        verb_after = any(is_verb(c, w, None) for w in after)
        verb_before = any(is_verb(c, w.lower(), None) for w in before(first, ROLE_WORDS_BEFORE))
        # a name inside the clause said ("… каза, че президентът Путин …") is spoken of, not speaking: last
        rank = 0 if said else 2 if k is not None or verb_after or verb_before or opens_sentence(first) else 1
        found.append((run[0], rank, run))
    for at, src in r.spoke + list(r.resolved.items()):
        name = str(src.get("name") or "")
        last = WORD.findall(name)[-1:] if name else []
        g = _gender(r, last[0]) if last else None
        if start <= at < s and not src.get("unresolved") and (want is None or g is None or g == want):
            # at the end of its words: a name among them is this source ("o porta-voz Dmitri Peskov")
            found.append((at + len(str(src.get("text") or "")), 2, src))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], isinstance(f[2], dict)))
    top = max(f[1] for f in found)  # a speaker's name first, then any other, then one inside what was said
    best = [f for f in found if f[1] == top][-1]
    own = max(b for b in sentence_starts if b <= s)
    # (the word that opens the pronoun's own sentence is no rival: "Същевременно той …", "Освен това тя …")
    if any(best[0] < at < own for at in unsure):
        return None  # a word that may be another name stands between: whose the pronoun is, the text does not say
    return best[2]


def mid_capitals(r: SourceReader) -> frozenset[str]:
    """The words the article capitalises somewhere inside a sentence (names; a common word is capitalised
    only where it opens one)."""
    if r._mid_caps is None:
        r._mid_caps = frozenset(m.group(1) for m in re.finditer(r"[^\W\d_][,;]?[ \t]+(" + WORD.pattern + ")", r.text)
                                if m.group(1)[:1].isupper())
    return r._mid_caps
