"""Quoted passages in any language's quote marks, paired the way news text nests and breaks them.

A stack pairs the marks paragraph by paragraph: an inner quote stays inside its outer one ('"… на
таких "переговорах" мы не будем …"'), a mark never closed quotes nothing, a quote left open at a
paragraph's end continues into the next when that one closes it first, and text out of a CSV field
('""Мы готовы…"", - заявил') reads its doubled marks as the quotes. Used by the multilingual finder.
"""
from __future__ import annotations

import re

# What stands before an opening straight quote mark and after a closing one.
OPENS_AFTER = frozenset("([{«„“—–-:/")
CLOSES_BEFORE = frozenset(".,;:!?)]}»…—–-")


def _paired(text: str, open_: str, close: str) -> list[tuple[int, int]]:
    """The outermost passages between one kind of marks (offsets inside the marks), paragraph by
    paragraph, by a stack: an inner quote ('"… на таких "переговорах" мы не будем …"') stays inside
    its outer one, and a mark never closed ('«Работы идут …' with no '»') quotes nothing. A mark that
    opens and closes alike (the straight '"') opens after a space or an opening bracket, closes
    before a space or punctuation, and else closes what is open."""
    same = open_ == close
    marks = re.compile(re.escape(open_) if same else "|".join(re.escape(x) for x in (open_, close)))
    out: list[tuple[int, int]] = []
    carried: list[int] = []  # a quote left open at a paragraph's end that closes in the next
    paras = list(re.finditer(r"[^\n]+", text))
    for n, para in enumerate(paras):
        seg, p0 = para.group(0), para.start()
        stack: list[int] = [x - p0 for x in carried]
        carried = []
        pairs: list[tuple[int, int]] = []
        for m in marks.finditer(seg):
            i, j = m.start(), m.end()
            if same:
                before = seg[i - 1] if i else " "
                after = seg[j] if j < len(seg) else " "
                opens = before.isspace() or before in OPENS_AFTER
                closes = after.isspace() or after in CLOSES_BEFORE
                is_open = opens and not closes if opens != closes else not stack
            else:
                is_open = m.group(0) == open_
            if is_open:
                stack.append(j)
            elif stack:
                pairs.append((p0 + stack.pop(), p0 + i))
        if len(stack) == 1 and not same and n + 1 < len(paras):
            # "«… южные регионы,\n\nи горы», — уточнили": the next paragraph closes it
            # before it opens anything
            nxt = paras[n + 1].group(0)
            c, o = nxt.find(close), nxt.find(open_)
            if c >= 0 and (o < 0 or c < o):
                carried = [p0 + stack[0]]
                pairs = [(s, e) for s, e in pairs if s < p0 + stack[0]]  # inner ones stay inside it
        out += [(s, e) for s, e in pairs if not any(a < s and e < b for a, b in pairs)]  # the outermost
    return out


def quote_spans(text: str, pairs: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """Quoted passages (offsets inside the marks) for a language's pairs of marks, within paragraphs;
    the pairs are tried in order and an inner quote inside an outer one is not a quote of its own."""
    spans: list[tuple[int, int]] = []
    for open_, close in pairs:
        if open_ == close == '"' and '""' in text:
            # Text out of a CSV field doubles every quote mark inside it ('""Мы готовы…"", - заявил') and
            # wraps the whole in single ones: the doubled marks are the quotes, a lone one is not.
            found = _paired(text, '""', '""')
        else:
            found = _paired(text, open_, close)
        for s, e in found:
            if e > s and not any(a - 1 <= s and e <= b + 1 for a, b in spans) and \
                    not any(s < b and a < e for a, b in spans):
                spans.append((s, e))
    return sorted(spans)


__all__ = ["quote_spans"]
