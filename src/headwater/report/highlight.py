"""Article text with spans marked, built from character offsets: the pieces of text between
offsets are escaped, the markup is ours. Two layers nest properly: outer marks (claims) and inner
marks (places, sources, numbers, event words) that never cross an outer mark's edge. Points are
markup of our own put at one offset (the anchor a narrative's claim links to): empty of the text,
they cross nothing, and one that falls inside an inner mark moves to its start, out of its link."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from headwater.report.markup import esc


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str = ""
    href: str = ""  # an in-page target (#id) built by the caller with markup.anchor
    id: str = ""


@dataclass(frozen=True)
class Point:
    at: int
    html: str  # markup built by the caller, every string in it escaped


def non_overlapping(marks: list[Mark], size: int) -> list[Mark]:
    """Marks within the text, the first (then the longest) kept where they overlap."""
    out: list[Mark] = []
    end = 0
    for m in sorted(marks, key=lambda m: (m.start, m.start - m.end)):
        if 0 <= m.start < m.end <= size and m.start >= end:
            out.append(m)
            end = m.end
    return out


def _inside(inner: list[Mark], outer: list[Mark]) -> list[Mark]:
    """Inner marks that do not cross the edge of an outer one."""
    starts = [o.start for o in outer]
    kept = []
    for m in inner:
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and outer[i].end > m.start and m.end > outer[i].end:
            continue  # starts inside a claim and ends past it
        if i + 1 < len(outer) and outer[i + 1].start < m.end:
            continue  # a claim starts inside it
        kept.append(m)
    return kept


def _open(m: Mark) -> str:
    attrs = f' class="{esc(m.cls)}"' + (f' id="{esc(m.id)}"' if m.id else "") + (f' title="{esc(m.title)}"' if m.title else "")
    return (f'<a class="mk" href="{esc(m.href)}">' if m.href else "") + f"<mark{attrs}>"


def _close(m: Mark) -> str:
    return "</mark></a>" if m.href else "</mark>"


def _placed(points: Sequence[Point], inner: list[Mark], size: int) -> list[tuple[int, int, str]]:
    starts = [m.start for m in inner]
    out = []
    for p in points:
        at = min(max(p.at, 0), size)  # an offset past the text (a stale record) still gets its anchor, at the end
        i = bisect_right(starts, at) - 1
        at = inner[i].start if i >= 0 and inner[i].start < at < inner[i].end else at
        out.append((at, 2, p.html))
    return out


def highlight(text: str, outer: list[Mark], inner: list[Mark], points: Sequence[Point] = ()) -> str:
    outer = non_overlapping(outer, len(text))
    inner = _inside(non_overlapping(inner, len(text)), outer)
    # at one offset: close inner, close outer, points, open outer, open inner
    cuts = sorted([(m.end, 0, _close(m)) for m in inner] + [(m.end, 1, _close(m)) for m in outer]
                  + _placed(points, inner, len(text))
                  + [(m.start, 3, _open(m)) for m in outer] + [(m.start, 4, _open(m)) for m in inner],
                  key=lambda c: (c[0], c[1]))
    out, pos = [], 0
    for at, _, tag in cuts:
        out.append(esc(text[pos:at]))
        out.append(tag)
        pos = at
    out.append(esc(text[pos:]))
    return "".join(out)


def sentence_around(text: str, start: int, end: int, reach: int = 320) -> tuple[int, int]:
    """The sentence (or at most ``reach`` characters each side) holding text[start:end]."""
    lo = max(0, start - reach)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start), text.rfind("? ", lo, start),
              text.rfind("! ", lo, start))
    s = cut + 1 if cut >= 0 else lo
    hi = min(len(text), end + reach)
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i >= 0]
    e = min(stops) + 1 if stops else hi
    return s, e
