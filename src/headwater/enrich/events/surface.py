"""Events in a language with no parser (Bulgarian, Portuguese), from the words as written.

The language pack lists its triggers as word forms (``event_words.yaml`` with ``match: forms``: "atacaram",
"foram mortos", "обстреляха", "бяха задържани"), the words for people, and the prepositions that give
a place its role (``event_roles.yaml``: "de" origin, "para" destination, "em" location). Without a
parse nothing says who acted, so the actor stays null; what the reader does fill, each with its span:
the count of people next to the trigger ("mataram 12 civis", "загинаха 5 души"), the article's places
in the trigger's clause by the preposition right before them (a bare place right after an attack's
trigger is where it hit: "обстреляха Харков"), the sentence's first date, and whether it was only
planned (a word of future or intent right before: "ще атакува", "vai atacar"). A negation right
before a trigger ("não morreu", "не пострада") makes no event. The dicts carry the keys of the parsed
reader's (``events.multilingual``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from headwater.enrich.claims.claim_dates import find_claim_dates
from headwater.enrich.events.lexicon import lexicon
from headwater.lang import LanguagePack, folder_data
from headwater.model import Article

PLACE_KEYS = ("name", "lat", "lon", "place_id", "admin1", "country", "surface", "start", "end")
# A clause ends at these marks: a place or a count beyond one belongs to another statement.
CLAUSE_END = re.compile(r"[,;:()\[\]«»„“”\"—–]|\s-\s")
# Words between a trigger and the count or the people it acts on ("mataram pelo menos 12 civis",
# "загинаха най-малко 5 души"): so many at most. Tuned on hand-written sentences only.
COUNT_WINDOW = 4
_WORD = re.compile(r"[^\W_][\w'’-]*")


def _alt(words: Iterable[object]) -> re.Pattern[str] | None:
    forms = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![\w-])",
                      re.I)


class SurfaceWords:
    """A pack's trigger forms and role words for the surface reader."""

    def __init__(self, words: dict[str, Any], roles: dict[str, Any], numbers: dict[str, int],
                 kinds: Iterable[object] = ()) -> None:
        self.triggers = {" ".join(str(k).lower().split()): (str(v[0]), str(v[1]))
                         for k, v in (words.get("verbs") or {}).items()}
        self.pattern = _alt(self.triggers)
        self.persons = {str(w).lower() for w in words.get("persons") or ()}
        self.people_only = {" ".join(str(w).lower().split()) for w in words.get("people_only") or ()}
        self.before_planned = {str(w).lower() for w in words.get("intent") or ()}
        self.negations = {str(w).lower() for w in words.get("negations") or ()}
        self.conjunctions = {str(w).lower() for w in words.get("conjunctions") or ()}
        self.roles = {role: {str(p).lower() for p in roles.get(role) or ()}
                      for role in ("origin", "destination", "via", "location")}
        self.numbers = numbers
        # how far from the trigger its count and people may stand (``count_window``): further in a verb-final
        # language, where the places come between ("۳۰۰ سرباز از تهران به اهواز اعزام کرد")
        self.window = int(words.get("count_window") or COUNT_WINDOW)
        # a verb-final language (``verb_final``): what a trigger acts on stands before it, not after
        # ("۳۰۰ سرباز … اعزام کرد", sent 300 soldiers)
        self.verb_final = bool(words.get("verb_final"))
        # the pack's words for kinds of places before a name (places.yaml ``before``): "في بلدة الشدادي",
        # "в град Харков" are in the town, the preposition before the kind word gives the role
        self.kinds = {str(w).lower() for w in kinds}


def _near(text: str, start: int, end: int, words: int, forward: bool) -> list[re.Match[str]]:
    """Up to ``words`` words after ``end`` (or before ``start``), within the clause."""
    if forward:
        stop = CLAUSE_END.search(text, end)
        return list(_WORD.finditer(text, end, stop.start() if stop else len(text)))[:words]
    stops = list(CLAUSE_END.finditer(text, 0, start))
    return list(_WORD.finditer(text, stops[-1].end() if stops else 0, start))[-words:]


class SurfaceReader:
    def __init__(self, text: str, article: Article, words: SurfaceWords, lang: str) -> None:
        self.text, self.article, self.words, self.lang = text, article, words, lang
        self.lex = lexicon()
        self.triggers_at: set[int] = set()  # where the current sentence's triggers start
        self.places = [p for p in article.places or [] if not p.get("metonymy") and p.get("lat") is not None
                       and isinstance(p.get("start"), int) and isinstance(p.get("end"), int)]

    def sentence(self, a: int, b: int) -> list[dict[str, Any]]:
        out = []
        pat = self.words.pattern
        found = list(pat.finditer(self.text, a, b)) if pat is not None else []
        self.triggers_at = {m.start() for m in found}
        for m in found:
            ev = self._event(m, a, b)
            if ev is not None:
                out.append(ev)
        return out

    def _window(self, m: re.Match[str], a: int, b: int, words: int, forward: bool) -> list[re.Match[str]]:
        """The words beside the trigger in its clause, up to a conjunction or another trigger: "11 деца
        бяха убити и 22 деца бяха ранени" counts 11 killed and 22 injured, not 22 killed."""
        near = [x for x in _near(self.text[:b], m.start(), m.end(), words, forward) if x.start() >= a]
        if not forward:
            near.reverse()
        kept = []
        for x in near:
            if x.group(0).lower() in self.words.conjunctions or x.start() in self.triggers_at:
                break
            kept.append(x)
        return kept if forward else kept[::-1]

    def _event(self, m: re.Match[str], a: int, b: int) -> dict[str, Any] | None:
        w = self.words
        form = " ".join(m.group(0).lower().split())
        typ, sub = w.triggers[form]
        before = [x.group(0).lower() for x in _near(self.text[:b], m.start(), m.end(), 2, False) if x.start() >= a]
        if before and before[-1] in w.negations:
            return None  # "não morreu ninguém", "никой не пострада": reported as not having happened
        # who a transitive trigger acts on follows it ("enviou 300 soldados"); before it stands who acted
        # ("três homens invadiram"): so for these and an attack in the active voice (a form of one word)
        after_only = form in w.people_only or (typ == "attack" and " " not in form)
        count, count_span, people = self._count(m, a, b, after_only=after_only)
        if (typ == "casualties" or form in w.people_only) and not people:
            return None  # "morreu a esperança", "изпратиха писмо": no one died, nothing that moves was sent
        roles, hit = self._roles(m, a, b, typ)
        if not (people or any(roles.values())) or (typ == "transfer" and not (any(roles.values()) or count is not None)):
            return None  # no one and nowhere: "atacaram a proposta", "изпратиха сигнал"
        maps = self.lex.mappings.get(sub) or self.lex.mappings.get(typ) or {}
        acled = maps.get("acled")
        dates = find_claim_dates(self.text[a:b], self.lang, self.article.published)
        when = dates[0] if dates else None
        return {
            "type": typ, "subtype": sub, "trigger": m.group(0), "start": m.start(), "end": m.end(),
            "actor": None, "actor_text": None, "actor_span": None,  # no parse: who acted is not read
            "target": hit["text"] if hit else None, "target_span": hit,
            "count": count if typ != "casualties" else None, "count_qualifier": None,
            "count_text": count_span["text"] if count_span else None, "count_span": count_span,
            "killed": count if (typ, sub) == ("casualties", "killed") else None,
            "injured": count if (typ, sub) == ("casualties", "injured") else None,
            "killed_by_category": None, "injured_by_category": None, **roles, "means": None,
            "date": when.date if when else None, "date_basis": when.basis if when and when.date else None,
            "date_text": when.text if when else None,
            "date_span": {"start": a + when.start, "end": a + when.end} if when else None,
            "attribution": self._attribution(m.start()),
            "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
            "cameo": maps.get("cameo"), "planned": bool(before and before[-1] in w.before_planned),
            "cumulative": False, "sentence": {"start": a, "end": b}, "language": self.lang,
        }

    def _count(self, m: re.Match[str], a: int, b: int, after_only: bool) -> tuple[int | None, dict[str, Any] | None, bool]:
        """A number and a word for people next to the trigger, after it ("mataram 12 civis") or before it
        in its clause ("12 pessoas morreram"); whether people are what it acts on at all. (``after_only``:
        on the side what it acts on stands, before it in a verb-final language.)"""
        people = False
        for forward in ((False,) if self.words.verb_final else (True,)) if after_only else (True, False):
            for x in self._window(m, a, b, self.words.window, forward):
                if x.group(0).lower() not in self.words.persons:
                    continue
                people = True
                num = self._number_before(m.end() if forward else a, x.start())
                if num is not None:
                    return num[0], num[1], True
        return None, None, people

    def _number_before(self, lo: int, person: int) -> tuple[int, dict[str, Any]] | None:
        """The number right before the people word: digits ("12", "1 200") or a number word."""
        start = max(lo, person - 24)
        gap = self.text[start:person]
        digits = re.search(r"(?<![\w.,])(\d{1,3}(?:[\s\u00a0.\u066c]\d{3})+|\d+)\s+$", gap)  # ("١٬٢٠٠")
        if digits is not None:
            raw = digits.group(1)
            return int(re.sub(r"\D", "", raw)), {"text": raw, "start": start + digits.start(1),
                                                 "end": start + digits.end(1)}
        word = re.search(r"(?<!\w)([^\W\d_]+)\s+$", gap)
        if word is not None and word.group(1).lower() in self.words.numbers:
            return self.words.numbers[word.group(1).lower()], {"text": word.group(1), "start": start + word.start(1),
                                                              "end": start + word.end(1)}
        return None

    def _roles(self, m: re.Match[str], a: int, b: int, typ: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The places of the trigger's clause by the preposition right before each; for an attack the
        place right after the trigger with none is where it hit, and its target."""
        roles: dict[str, Any] = {"origin": None, "destination": None, "via": None, "location": None}
        stops = list(CLAUSE_END.finditer(self.text, a, m.start()))
        after = CLAUSE_END.search(self.text, m.end(), b)
        lo, hi = (stops[-1].end() if stops else a), (after.start() if after else b)
        hit = None
        for p in sorted(self.places, key=lambda p: int(p["start"])):
            s, e = int(p["start"]), int(p["end"])
            if not (lo <= s and e <= hi) or m.start() <= s < m.end():
                continue
            prev = list(_WORD.finditer(self.text, lo, s))
            at = s  # where the name starts, or the kind of place written before it ("بلدة الشدادي")
            if prev and prev[-1].group(0).lower() in self.words.kinds and not self.text[prev[-1].end():s].strip():
                at, prev = prev[-1].start(), prev[:-1]
            prep = prev[-1].group(0).lower() if prev and not self.text[prev[-1].end():at].strip() else None
            role = next((r for r in ("origin", "via", "destination", "location") if prep in self.words.roles[r]), None)
            if typ != "transfer" and role in ("origin", "destination"):
                # only a transfer goes from or to somewhere: "близо до Харков" is where it happened, and
                # "atacaram a refinaria de Tuapse" names where it hit ("de" after the trigger), while
                # "soldados de Kiev morreram" says whose (before it): no role
                role = "location" if role == "destination" or s > m.end() else None
            if role is None and typ == "attack" and s > m.start() and _WORD.search(self.text, m.end(), at) is None:
                role, hit = "location", {"text": self.text[s:e], "start": s, "end": e}
            if role is not None and roles[role] is None:
                roles[role] = {k: p.get(k) for k in PLACE_KEYS}
        return roles, hit

    def _attribution(self, char: int) -> list[dict[str, Any]] | None:
        return sourced_claim(self.article, char)


def sourced_claim(article: Article, char: int) -> list[dict[str, Any]] | None:
    """The sources of the innermost attributed claim holding ``char`` (a quote inside a report), if any."""
    best: dict[str, Any] | None = None
    for at in article.attributions or []:
        s, e = at.get("start"), at.get("end")
        if isinstance(s, int) and isinstance(e, int) and s <= char < e and at.get("sources") and (
                best is None or e - s < int(best["end"]) - int(best["start"])):
            best = at
    return list(best["sources"]) if best else None


@cache
def _words(folder: Path) -> SurfaceWords | None:
    w: dict[str, Any] = folder_data(folder, "event_words") or {}
    if w.get("match") != "forms":
        return None
    numbers = {str(k).lower(): int(v) for k, v in (folder_data(folder, "numbers") or {}).items() if isinstance(v, int)}
    kinds = (folder_data(folder, "places") or {}).get("before") or ()
    return SurfaceWords(w, folder_data(folder, "event_roles") or {}, numbers, kinds)


def find_events_surface(text: str, sentences: Iterable[tuple[int, int]], article: Article,
                        pack: LanguagePack) -> list[dict[str, Any]]:
    """Every event the article reports, by its pack's trigger forms; none when the pack lists no forms."""
    words = _words(pack.folder)
    if words is None or words.pattern is None:
        return []
    reader = SurfaceReader(text, article, words, pack.code)
    return [ev for a, b in sentences for ev in reader.sentence(a, b)]
