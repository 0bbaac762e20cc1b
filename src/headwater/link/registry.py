"""Linkers: corpus-level stages (copies, stories, narratives…), registered and checked like enrichers.

A linker reads the stored articles and what earlier linkers produced (``requires``), and returns the
document parts it ``assigns`` (``{"stories": [...]}``). Each part is stored whole and becomes a key of
the analysis document, so a new linker needs no code in the store, the document or the exports.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from headwater.link.index import LinkIndex
from headwater.link.previous import Changed, MemoryPrevious, Previous, Results, articles_of
from headwater.model import Article
from headwater.registry import Registry

Rows = list[dict[str, Any]]


Loader = Callable[[list[int] | None], list[tuple[int, Article]]]


@dataclass
class LinkContext:
    """What linkers read: the corpus, earlier results, and state kept across runs (stable ids, known
    claims, a taxonomy). ``state`` updates a linker makes (new ids) are saved after the run.

    The corpus is ``corpus`` when it is in memory, else read through ``loader`` (rows, or None for all)
    when a linker first asks for it: a linker updating its results with the new articles reads those
    and what it ``fetch``es, so linking what is new never holds the whole corpus."""

    corpus: list[tuple[int, Article]] | None = None
    results: dict[str, Rows] = field(default_factory=dict)  # made a ``Results`` (parts an update changed)
    state: dict[str, Any] = field(default_factory=dict)
    # Linking what is new: the rows added since the corpus was last linked (None: link it all again),
    # the parts as that link left them, and what linkers keep between runs. A linker with an ``update``
    # uses them; the others run over the whole corpus.
    new: list[int] | None = None
    previous: Mapping[str, Rows] = field(default_factory=dict)  # made a ``Previous`` (read by key)
    index: LinkIndex | None = None
    updated: list[str] = field(default_factory=list)  # the linkers that updated (the others ran whole)
    loader: Loader | None = None
    total: int | None = None  # how many articles the corpus holds, when it is not in memory
    # what earlier linkers do to every article a later one reads (entities type the source mentions)
    typers: list[Callable[[list[tuple[int, Article]]], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.previous, Previous):
            self.previous = MemoryPrevious(self.previous)
        if not isinstance(self.results, Results):
            made = Results(lambda: self.previous)
            made.update(self.results)
            self.results = made

    @property
    def before(self) -> Previous:
        assert isinstance(self.previous, Previous)
        return self.previous

    def current(self, part: str, articles: Iterable[str]) -> Rows:
        """The rows of ``part`` as this run leaves it (an earlier linker's result, or its change to the
        previous rows) that hold any of these ``articles``: read by key, not whole."""
        wanted = set(articles)
        results = self.results
        if isinstance(results, Results) and part in results.changes and not dict.__contains__(results, part):
            return results.changes[part].holding(self.before.holding(part, wanted), wanted)
        return [r for r in results.get(part, []) if wanted.intersection(articles_of(r))]

    @property
    def articles(self) -> list[tuple[int, Article]]:
        """The whole corpus (read once, on first use, when it comes through the loader)."""
        if self.corpus is None:
            self.corpus = self._read(None) if self.loader is not None else []
        return self.corpus

    def _read(self, rows: list[int] | None) -> list[tuple[int, Article]]:
        assert self.loader is not None
        found = self.loader(rows)
        for typer in self.typers:
            typer(found)
        return found

    def type_with(self, typer: Callable[[list[tuple[int, Article]]], None]) -> None:
        """Apply ``typer`` to the articles read so far and to every article read from now on."""
        self.typers.append(typer)
        if self.corpus is not None:
            typer(self.corpus)

    def size(self) -> int:
        """How many articles the corpus holds, without reading them."""
        if self.corpus is None and self.total is not None:
            return self.total
        return len(self.articles)

    def by_row(self) -> dict[int, Article]:
        return dict(self.articles)

    def fetch(self, rows: list[int]) -> dict[int, Article]:
        """These rows' articles."""
        wanted = set(rows)
        if self.corpus is None and self.loader is not None:
            return dict(self._read(sorted(wanted))) if wanted else {}
        return {row: a for row, a in self.articles if row in wanted}

    def new_articles(self) -> list[tuple[int, Article]]:
        fetched = self.fetch(list(self.new or ()))
        return sorted(fetched.items())


@dataclass(frozen=True)
class Linker:
    name: str  # versioned: "stories/1"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[LinkContext], Mapping[str, Rows]]
    description: str = ""
    # Results updated with the new articles only (``LinkContext.new``), from what the linker kept in
    # ``LinkContext.index`` when it last ran; None when it cannot (nothing kept): then it runs whole. A
    # part it returns as ``Changed`` (rows added, row keys removed) leaves the other stored rows as they are.
    update: Callable[[LinkContext], Mapping[str, Rows | Changed] | None] | None = None


LINKERS: Registry[Linker] = Registry("linker")


class LinkerError(ValueError):
    """Linkers in an order that cannot work."""


def check_linkers(linkers: Sequence[Linker]) -> None:
    assigned: dict[str, str] = {}
    for ln in linkers:
        for need in ln.requires:
            if need not in assigned:
                raise LinkerError(f"linker {ln.name} requires {need!r}, which no earlier linker assigns")
        for part in ln.assigns:
            if part in assigned:
                raise LinkerError(f"{ln.name} and {assigned[part]} both assign {part!r}")
            assigned[part] = ln.name


def run_linkers(linkers: Sequence[Linker], ctx: LinkContext) -> tuple[dict[str, Rows], dict[str, str]]:
    """Every linker in order; returns the document parts and which linker made each."""
    check_linkers(linkers)
    made: dict[str, str] = {}
    for ln in linkers:
        out = None
        if ctx.new is not None and ln.update is not None and all(p in ctx.previous for p in ln.assigns):
            out = ln.update(ctx)
            if out is not None:
                ctx.updated.append(ln.name)
        if out is None:
            out = ln.run(ctx)
        results = ctx.results
        assert isinstance(results, Results)
        for part in ln.assigns:
            got = out.get(part, [])
            if isinstance(got, Changed):
                results.changed(part, got)
            else:
                results.whole(part, list(got))
            made[part] = ln.name
    return ctx.results, made
