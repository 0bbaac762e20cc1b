"""The tense around a date word, for the words whose day depends on it.

"Сегодня"/"today"/"आज" is the article's day in a clause told in the past or the future ("губернатор
сегодня прилетел", "the panel will meet today") and nowadays beside a present-tense verb of state
("эти партии сегодня не имеют веса", "few read maps as they do today", "денег на ремонт сегодня нет"):
not a date. Hindi "कल"
is yesterday with a past verb and tomorrow with a future one ("कल बैठक हुई" / "कल बैठक होगी"), and
unknown without either. The evidence is the nearest marker word of the clause: a verb form of the
past or the future (by its word or its ending), a present-tense verb of state, or a time of day
("сегодня утром": the day). Each pack lists its markers under ``tense`` in ``dates.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from headwater.enrich.claims import date_parts as P

# What ends a clause; a comma does too, unless it stands right after the date word ("and today, we
# have": the clause goes on), so the verb of another clause is not read as this word's.
_HARD = re.compile(r"[.!?;:…«»\"“”„()\[\]\n—–|।]")
# Words either side a marker may stand at. Set by hand on invented sentences, then checked on every
# "сегодня"/"today" of the narratives peer set's visible Russian and English articles (read, not
# copied): the verb of such a word stood next to it or up to four words away ("итоги выборов сегодня
# объявила комиссия", "the envoys are today expected"); at six the verb of a neighbouring clause came
# in ("prices rose sharply while few read maps as they do today": "do", one word, not "rose", six).
NEAR = 5
# A date in apposition ("сегодня, 3 июля,", "today, July 3"): the article's day by the text itself.
_APPOSITION = re.compile(r"\s*,\s*(?:\d{1,2}\s+[^\W\d_]|[^\W\d_]+\.?\s+\d{1,2}(?!\d))")


@dataclass(frozen=True)
class Tense:
    past: frozenset[str]
    past_endings: tuple[str, ...]
    not_past: frozenset[str]
    future: frozenset[str]
    future_endings: tuple[str, ...]
    present: frozenset[str]
    day: frozenset[str]
    near: int = NEAR
    progressive: tuple[str, ...] = ()  # endings of a form after an auxiliary that makes it an event ("-ing")
    # conjunctions written joined to the next word (Arabic "و", "ف": "وقال" is "and he said")
    proclitics: tuple[str, ...] = ()

    def kind(self, word: str) -> str | None:
        """What one (lowercased) word says of the tense: "past", "future", "present", "day" or None."""
        found = self._kind(word)
        if found is None:
            for p in self.proclitics:
                if word.startswith(p) and len(word) > len(p) + 1 and (found := self._kind(word[len(p):])) is not None:
                    break
        return found

    def _kind(self, word: str) -> str | None:
        if word in self.future or (self.future_endings and len(word) > 3 and word.endswith(self.future_endings)):
            return "future"
        if word in self.past or (self.past_endings and len(word) > 3 and word not in self.not_past
                                 and word.endswith(self.past_endings)):
            return "past"
        if word in self.present:
            return "present"
        return "day" if word in self.day else None


def tense_words(spec: Mapping[str, Any] | None) -> Tense | None:
    """A pack's ``tense`` section as a ``Tense``; None when the pack has none."""
    if not spec:
        return None

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in spec.get(key) or ())

    def ends(key: str) -> tuple[str, ...]:
        return tuple(sorted((str(w).lower() for w in spec.get(key) or ()), key=len, reverse=True))

    return Tense(words("past"), ends("past_endings"), words("not_past"), words("future"), ends("future_endings"),
                 words("present"), words("day"), int(spec.get("near") or NEAR), ends("progressive_endings"),
                 ends("proclitics"))


def tense_at(text: str, start: int, end: int, t: Tense) -> str | None:
    """The tense the clause around ``text[start:end]`` gives it: the kind of the nearest marker word
    (a tie goes to past, future or a time of day over the present); "day" for a date in apposition."""
    if _APPOSITION.match(text, end):
        return "day"
    left = max((m.end() for m in _HARD.finditer(text, 0, start)), default=0)
    hard_right = _HARD.search(text, end)
    right = hard_right.start() if hard_right else len(text)
    before, after = text[left:start], text[end:right]
    # a comma cuts the clause unless it is the next thing after the word ("today, we have")
    if "," in before:
        before = before[before.rindex(",") + 1:]
    first = after.find(",")
    if first >= 0:
        rest = after[first + 1:]
        after = after[:first] + " " + rest.split(",")[0] if not after[:first].strip() else after[:first]
    left_words, right_words = [w.lower() for w in P.WORD.findall(before)], [w.lower() for w in P.WORD.findall(after)]
    best: tuple[int, int, str] | None = None
    for dist, word, nxt in [*((n, w, (left_words[len(left_words) - n + 1:] or right_words or [""])[0])
                              for n, w in enumerate(reversed(left_words), 1)),
                            *((n, w, right_words[n] if n < len(right_words) else "")
                              for n, w in enumerate(right_words, 1))]:
        if dist > t.near or (kind := t.kind(word)) is None:
            continue
        if kind == "present" and nxt:  # an auxiliary: "has approved" tells the past, "are voting" an event
            kind = "past" if t.kind(nxt) == "past" else "day" if nxt.endswith(t.progressive or ("\0",)) else kind
        rank = (dist, 1 if kind == "present" else 0, kind)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None
