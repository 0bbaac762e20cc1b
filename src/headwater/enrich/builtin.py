"""The built-in enrichers, registered through the same hook a plugin uses (``register_enrichers``)."""
from __future__ import annotations

from typing import Any

from headwater.enrich.attributions.find import find_attributions
from headwater.enrich.attributions.multilingual import find_attributions_multilingual
from headwater.enrich.claims.records import find_claims
from headwater.enrich.events.find import find_events
from headwater.enrich.events.multilingual import find_events_multilingual
from headwater.enrich.places.resolve import find_places
from headwater.enrich.registry import Context, Enricher
from headwater.model import Article
from headwater.registry import Registry


def places(ctx: Context) -> None:
    a = ctx.article
    places, metonyms, focus = find_places(a.text, ctx.doc, ctx.resources.get("gazetteer"), a.title,
                                          a.outlet.country if a.outlet else None, a.language,
                                          not_places(a.attributions or [], single=not ctx.english))
    ctx.assign("places", places + [{**m, "metonymy": True} for m in metonyms])
    ctx.assign("focus", focus)  # (an unknown language, None, takes no name of another language back)


def not_places(attributions: list[dict[str, Any]], single: bool = True) -> frozenset[str]:
    """The names the attribution step read as an outlet or a person speaking (``outlets_told``,
    ``people_speaking``): no place wherever the article writes them."""
    return outlets_told(attributions) | people_speaking(attributions, single)


def people_speaking(attributions: list[dict[str, Any]], single: bool = True) -> frozenset[str]:
    """The names of the people who speak in the article, as written, and their last words ("Дмитрий
    Песков", "г-н Песков": "Песков"), unless resolved from a pronoun or a role: "afirmou Peskov" is Putin's
    spokesman wherever the article names him, not Pskov read as a spelling of his name. On the
    narratives set, 7 of 54 places read as spelling variants were such a speaker's name. A one-word
    name counts only with ``single`` (a pack's speaker reader: the word after "afirmou"); the English
    parser labels countries as people often enough ("Chad, which shares its border ...", "Sudan") that
    only a full name and its surname count there."""
    names = {str(s["text"]).strip() for at in attributions for s in at.get("sources") or ()
             if s.get("kind") == "person" and s.get("text") and not s.get("inferred")}
    surnames = {n: _surname(n) for n in names}
    return frozenset({n for n in names if single or surnames[n]} | {w for w in surnames.values() if w})


def _surname(text: str) -> str | None:
    """The last word of a person's name as written, when the words are a name (capitalised, after at
    most an abbreviated title: "г-н Песков", "Mr. Peskov"), not a role ("comandante dos bombeiros de
    Coimbra", "the Briton") nor a dateline taken for a speaker ("NUSA DUA")."""
    words = text.split()
    tail = len(words)
    while tail and words[tail - 1][:1].isupper():
        tail -= 1
    if len(words) < 2 or tail == len(words) or any(w.isupper() and len(w) > 1 for w in words[tail:]):
        return None
    return words[-1] if all(len(w) <= 4 and ("." in w or "-" in w) for w in words[:tail]) else None


def outlets_told(attributions: list[dict[str, Any]]) -> frozenset[str]:
    """The words the attribution step read as a registered outlet speaking, told or cited ("disse à Lusa",
    "told Xinhua", typed by the outlet registry), as written: names of news outlets, not of the towns that
    share them (Lousã, Xinhua in Guangdong) wherever the article writes them."""
    return frozenset(s["text"] for at in attributions for s in at.get("sources") or ()
                     if str(s.get("typed_by") or "").startswith("outlet:") and s.get("text"))


def attributions(ctx: Context) -> None:
    if not ctx.english:
        ctx.assign("attributions", _attributions_other(ctx))
        return
    a = ctx.article
    sources = ctx.resources.get("sources")
    found = find_attributions(ctx.doc, a, sources)
    if a.title:
        # Headlines attribute too ("…, Russian Military Says"): kept with offsets into the title
        # (``field: title``), so nothing marks the body with them.
        headline = Article(source=a.source, text=a.title)
        for at in find_attributions(ctx.title_doc, headline, sources):
            if at["sources"]:
                found.append({**at, "field": "title", "title_start": at["start"], "title_end": at["end"],
                              "start": None, "end": None, "cue_start": None})
    ctx.assign("attributions", found)


def _attributions_other(ctx: Context) -> list[dict[str, Any]]:
    """Another language: its pack's cue words and quote marks; a language without a pack: none."""
    a, pack = ctx.article, ctx.pack
    if pack is None:
        return []
    sources = ctx.resources.get("sources")
    found = find_attributions_multilingual(ctx.doc, a, pack, sources)
    if a.title:
        headline = Article(source=a.source, text=a.title, language=a.language, published=a.published)
        people = {s["name"]: s for x in found for s in x["sources"] if s.get("kind") == "person"}
        for at in find_attributions_multilingual(ctx.parse(a.title), headline, pack, sources, headline=True):
            if at["sources"]:
                # "Лавров: …" over an article that names Сергей Лавров: the same person
                said = at["sources"][0]["name"]
                same = next((p for n, p in people.items() if n == said or n.endswith(" " + said)), None)
                if same is not None:
                    at["sources"] = [{**same, "text": at["sources"][0].get("text")}, *at["sources"][1:]]
                found.append({**at, "field": "title", "title_start": at["start"], "title_end": at["end"],
                              "start": None, "end": None, "cue_start": None})
    return found


def events(ctx: Context) -> None:
    # English: the English finder; another language: its pack's event words over its parse, if any
    if ctx.english:
        ctx.assign("events", find_events(ctx.doc, ctx.article))
    else:
        ctx.assign("events", find_events_multilingual(ctx.doc, ctx.article, ctx.pack) if ctx.pack is not None else [])


def claims(ctx: Context) -> None:
    ctx.assign("claims", find_claims(ctx.article, ctx.resources.get("embedder")))


ATTRIBUTIONS = Enricher("attributions/2", ("nlp", "sources"), ("attributions",), attributions,
                        "claims and the chain of sources they are attributed to")
# after the attributions: a registered outlet the article quotes or tells is no place ("disse à Lusa")
PLACES = Enricher("places/2", ("nlp", "gazetteer", "attributions"), ("places", "focus"), places,
                  "place mentions resolved to coordinates, metonyms apart, the article's focus")
EVENTS = Enricher("events/1", ("nlp", "places", "attributions"), ("events",), events,
                  "who did what to whom, how many, where, reported under which attribution")

CLAIMS = Enricher("claims/1", ("attributions", "places", "embedder"), ("claims",), claims,
                  "every headline, attributed claim and assertion as a claim record with a vector")


def register_enrichers(registry: Registry[Enricher]) -> None:
    for e in (ATTRIBUTIONS, PLACES, EVENTS, CLAIMS):
        registry.add(e.name.split("/")[0], e)
