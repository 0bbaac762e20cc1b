"""What a resolved place mention stands for in its article: a government (metonymy: "Damascus has
requested", "the accusation by Moscow") or, among all mentions, the article's focus (where its main
reported event happened)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from headwater.enrich.places.place import Place
from headwater.enrich.places.words import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from headwater.enrich.places.mention import Mention

# Characters from the start of the text in which an all-capitals place is a dateline.
DATELINE_ZONE = 250


# Metonymy: a capital or country standing for its government ("Damascus has requested",
# "the accusation by Moscow", "Washington's plans", "a report from Washington").
GOV_VERBS = frozenset("say request demand accuse deny claim announce insist reject urge warn want refuse respond condemn "
                      "call ask decide agree plan support back send impose threaten blame hope believe argue state allege "
                      "maintain dismiss order approve veto recognize sanction pledge vow seek".split())
GOV_NOUNS = frozenset("accusation accusations plan plans policy decision position claim claims request demand demands "
                      "government support statement ally allies envoy ambassador report response pressure approval "
                      "administration officials stance move refusal backing sanctions orders".split())


def is_metonymy(m: Mention, doc: Doc | None, capitals: frozenset[str]) -> bool:
    p = m.chosen
    # the capital itself, not a namesake ("the storm hit Athens" in Texas is Athens, Texas)
    # (a seat of government, "the White House said", "the Kremlin denied", stands for it as a capital does)
    if p is None:
        return False
    if p.subkind == "seat_of_government" and not (m.cue_before or m.cue_after or m.within is not None or m.dateline):
        # "the White House said", "в Белом доме заявили", "a Casa Branca anunciou": the government, in
        # any language and whatever the parse, unless the text places the building ("outside the
        # White House", "a protest at the Kremlin"). (Russian "Белый дом" is also Russia's own
        # government house: as a metonym it puts no point on either building.)
        return True
    if doc is None or not (p.kind == "country" or (m.key in capitals and p.subkind == "capital")
                           or p.subkind == "seat_of_government"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if m.surface.isupper():
        return False  # a dateline ("TEHRAN (Tasnim) –") says where the report was filed
    tok = span.root
    if p.kind != "country" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "poss"):
        return True  # a capital that acts, is acted on or owns plans is its government; places are where things are
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in GOV_VERBS:
        return True
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in GOV_NOUNS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from") and tok.head.head.lemma_.lower() in GOV_NOUNS | GOV_VERBS


def focus_of(mentions: list[Mention], text: str, title: str | None) -> Place | None:
    """Where the article's main reported event happened.

    Mentions vote (early ones, those in the first paragraph and the title weigh more); a place's
    votes also count for its province, so "Douma ... Eastern Ghouta ... Damascus countryside"
    settles the province before the place. The focus is the most-voted place of the most-voted
    province; a country only when nothing more precise is named."""
    if not mentions:
        return None
    cut = text.find("\n\n") if text else 0
    head = cut if cut >= 0 else len(text)  # the first paragraph's length
    title_keys = {name_key(w) for w in re.findall(r"[^\W\d_][\w’'-]*", title or "")}
    votes: dict[str, float] = defaultdict(float)
    region_votes: dict[tuple[str | None, str | None], float] = defaultdict(float)
    by_id: dict[str, Place] = {}
    for rank, m in enumerate(mentions):
        p = m.chosen
        if p is None or m.metonymy or m.demonym or (m.surface.isupper() and m.start < DATELINE_ZONE):
            continue  # a dateline ("BEIRUT -") says where the reporter is, not where it happened
        w = 1.0 + 1.0 / (1 + rank)
        if m.start < head:
            w += 1.0
        if m.key in title_keys or any(k in title_keys for k in m.key.split()):
            w += 2.0
        if m.in_title:
            w += 2.0
        votes[p.id] += w
        by_id[p.id] = p
        if p.kind != "country":
            region_votes[(p.country, p.admin1)] += w
    regional = [pid for pid in votes if by_id[pid].kind != "country"]
    if not regional:
        return by_id[max(votes, key=lambda pid: votes[pid])] if votes else None
    region = max(region_votes, key=lambda r: region_votes[r])
    inside = [pid for pid in regional if (by_id[pid].country, by_id[pid].admin1) == region]
    return by_id[max(inside, key=lambda pid: (votes[pid], by_id[pid].kind != "admin_region"))]


