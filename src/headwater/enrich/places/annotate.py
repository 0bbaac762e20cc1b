"""The annotation of a place mention with what the text around it says: its NER label and part of
speech (``Ents``, the parse's entities by offsets), the cue words before and after it, a dateline, a
personal title, a street's, a disease's or an organization's name it is part of (``annotate``)."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from headwater.enrich.places.cues import Tail, postpositions, prepositions_tail
from headwater.enrich.places.cues import patterns as cue_patterns
from headwater.enrich.places.mention import Mention
from headwater.enrich.places.translit import ARTICLES, is_latin
from headwater.enrich.places.words import cased_script, word_key

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Words after a place that make it a disease's name: "West Nile virus", "Rift Valley fever", "Spanish flu".
DISEASE_AFTER = re.compile(r"^[\s\-]*(?:virus|viruses|fever|flu|influenza|encephalitis|disease|strain)\b", re.I)
# A legislator's party and hometown after the name: "Rep. Vicki Lensing, D-Iowa City", "(R-Elbow Lake)"
# (the comma or bracket keeps "D-Day" out).
PARTY_BEFORE = re.compile(r"(?:,\s|\()[DRI]-$")
# Words after a name that make it a street's: "Washington Avenue", "Decatur Blvd.", "Malta Road".
STREET_AFTER = re.compile(r"^ (?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Drive|Boulevard|Blvd\.?|Lane|Ln\.?)(?!\w)")
# Words after a town that make it the home of people or of local bodies: "a Gainesville man",
# "Raytown police", "the Athens City Council", "St. Louis-based".
LOCAL_AFTER = re.compile(r"^(?:[’']s)?\s*(?:-based|man|woman|men|women|teen(?:ager)?s?|boy|girl|couple|residents?|"
                         r"natives?|family|families|police|sheriff|firefighters?|fire department|city council|"
                         r"town council|council|councilm[ae]n|councilwom[ae]n|mayor|school board|board of|schools?|"
                         r"high school|school district|city hall|town hall|hospital|library|officials)\b", re.I)
# A capitalised word right after a name that the gazetteer does not continue: the name may be part
# of a longer one ("Nord Stream", "Jordan Junior Olympic"). Local bodies ("Athens Police") are cues.
NAME_GOES_ON = re.compile(r"^ (?!(?:of|and|or|the|in|on|at|to|for|by|with|from)\b)[A-ZА-ЯЁЄІЇҐ][a-zа-яёєіїґ]")
# (Cyrillic too: "Владимир Путин" is a man, not Volodymyr-Volynskyi)
# A capitalised word right before a name, itself inside a sentence (a word or a comma before it):
# "disse Dmitri Peskov", "à Assembleia Federal"; not a sentence's first word ("Em Paris", "В Москве").
NAME_BEFORE = re.compile(r"(?:[^\W\d_]|[,;]) [A-ZА-ЯЁЄІЇҐ][^\W\d_]+ $")
# A dateline: a town in capitals opening the text or a sentence, then a dash or colon, perhaps with
# its state and the agency between: "MANSFIELD — The Law Enforcement Center", "BEIRUT: The body",
# "RIDGE FARM, Ill. (AP) —".
DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\([^)]{1,40}\)\s*)?(?:—|–|--|-|:)")
# (or after the date a byline ends with: "Advocate Reporter March 30, 2009 NEWARK --")
DATELINE_BEFORE = re.compile(r"(?:^|[.!?\"”’]\s+|\n\s*|\b(?:19|20)\d\d\s+)$")
# ("the state of Washington"; and after the name, a division's own offices: "New York Governor",
# "New York's attorney general", "Jakarta's legislature" are the state's or province's, not the city's)
# (matched backwards, ``cues.Tail``: \b(?:province|governorate|oblast|region|state) of\s+(?:the\s+)?$)
ADMIN_BEFORE = Tail(r"(?:\s+eht)?\s+fo (?:ecnivorp|etaronrevog|tsalbo|noiger|etats)\b")
ADMIN_AFTER = re.compile(r"^[\s\-’'s]*(?:province|governorate|oblast|region|state|county|governor|gov\.|"
                         r"legislature|legislators|lawmakers|attorney general)\b", re.I)
# Generic words of Arabic place names: a candidate inside an entity may leave only these around it.
PLACE_WORDS = frozenset(
    "jisr tal tell ain ayn deir dayr bir wadi jabal jebel khan qasr ras bab kafr maarat maaret camp base prison "
    "airbase air refugee province governorate city town village district region zone desert field gas oil dam river "
    "mount mountain valley crossing border port al el the of and "
    "north south east west northern southern eastern western central upper lower".split())
# Dependency labels of what a verb or a preposition acts on (spaCy's English labels).
OBJECTS = frozenset(("dobj", "pobj", "obj"))
TITLES = frozenset("mr mrs ms dr gen general president minister king prince sheikh emir colonel col lt major commander "
                   "spokesman spokeswoman envoy ambassador senator judge imam pope saint st".split())


def _latin(word: str) -> bool:
    """``is_latin`` without folding an ASCII word (most words of English news: folding is the identity)."""
    return word.lower() != word.upper() if word.isascii() else is_latin(word)  # (ASCII: a letter has a case)


class Ents:
    """The parse's entities by character offsets, for quick overlap look-ups."""

    def __init__(self, doc: Doc | None) -> None:
        self.items = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if doc is not None else []
        # whether the parse has entities at all (the blank pipelines have none); looked up once a doc
        self.parsed = doc is not None and doc.has_annotation("ENT_IOB")
        self.starts = [e[0] for e in self.items]

    def overlapping(self, start: int, end: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_left(self.starts, end)
        for j in range(k - 1, max(-1, k - 4), -1):
            a, b, _label = self.items[j]
            if a < end and start < b:
                return self.items[j]
        return None


# Common nouns that make a name opening with a place that place's body: "Athens Police Department",
# "Arlington Chamber of Commerce", "Ohio State University", "Georgian Foreign Ministry". A place
# followed by other proper names is part of a brand or a person ("Nord Stream", "Dubai World Cup",
# "Paris Hilton"): no place.
ORG_WORDS = frozenset(
    "police department dept council city county town village board school schools district college university "
    "hospital chamber commerce court library museum church fire sheriff government ministry foreign defence "
    "defense interior office authority airport port state assembly parliament senate legislature army navy "
    "forces guard military embassy consulate parish municipality mayor zoo park center centre times post "
    "herald tribune journal news daily gazette star press radio tv television club "
    # (local public bodies: "Zionsville Education Foundation", "Burlington Selectman", "Chattahoochee
    # Judicial Circuit", "Concord Regional Crimeline", "Grand Ledge Emergency Services")
    "education selectman selectmen selectboard judicial circuit regional emergency commission commissioners".split())
# How a brand's name goes on after the place that opens it: a word ("Nord Stream", "Peabody Energy")
# or a possessive ("McDonald's"). A slash or a dash joins two places the parser took as one name
# ("Otter Tail/Grant county line", "Plainview-Elgin Millville", "Star Lake - Highway 59").
BRAND_TAIL = re.compile(r"^(?: [^\W_]|['’]s\b)")
# A saint's or patron's name in the possessive before an institution's noun names the institution, not
# the place of that name: "Saint Peter's High School", "St Mary's Hospital" (not "St Peter's Square").
INSTITUTION_AFTER = re.compile(r"^['’]s\s+(?:[A-Z][\w-]*\s+){0,2}(?:School|College|University|Hospital|Church|Cathedral|"
                               r"Basilica|Chapel|Academy|Institute|Seminary|Parish|Abbey|Monastery)\b")
# Words before a place in the name of the place's part or area: "the Northeast Texas ...", "Metro Vancouver".
_PARTS = ("north|south|east|west|northern|southern|eastern|western|central|upper|lower|northeast(?:ern)?|"
          "northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|greater|metro")
LEAD_PARTS = re.compile(rf"(?i)^(?:the\s+)?(?:(?:{_PARTS})\s+)*")
OF_TAIL = re.compile(rf"(?i)\bof\s+(?:the\s+)?(?:(?:{_PARTS})\s+)*$")
# A division's own name: "Butler County", "Orleans Parish", "Akita Prefecture".
DIVISION_NAME = re.compile(r"\s(?:County|Parish|Borough|Township|Province|Prefecture|Governorate|Oblast)$")
# "the" right before a name, and the name's phrase ending right after it (a punctuation mark, or a
# word that opens no longer name: a preposition, a verb of saying or being, a relative pronoun): "in
# the Rada for", "the Knesset, which" (not "the Moscow government", "the London mayor": a place's name
# used as a noun's modifier keeps the article of its noun; nor "and", which may join it to another
# modifier: "in the Gaston and Swansea area schools").
THE_BEFORE = re.compile(r"(?<![^\W\d_])the\s+$")
PHRASE_ENDS = re.compile(r"[’']s\b|(?:\s*(?:[,.;:!?)\]\"”]|$)|\s+(?:for|in|on|at|of|to|from|with|by|as|over|"
                         r"under|after|before|since|until|is|was|were|are|has|had|have|said|says|will|would|could|"
                         r"voted|passed|approved|adopted|rejected|which|that|who)\b)")
# Entity kinds a place may head or end and still be a place: "Athens Police Department",
# "University of Alexandria", "Georgian Foreign Ministry". Not people ("Jordan Henderson") or works.
HEADED = frozenset({"ORG", "FAC", "GPE", "LOC", "NORP", "EVENT"})
# the last run of Latin letters and dots before a name (its title: "Gen.", "Mr"), found backwards
_LAST_LATIN_WORD = re.compile(r"[^A-Za-z.]*([A-Za-z.]+)")
_LETTERS = re.compile(r"[^\W\d_]+")


def annotate(m: Mention, text: str, doc: Doc | None, ents: Ents | None = None) -> None:
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 30]
    hometown = bool(PARTY_BEFORE.search(before))
    cue_before, cue_after, locative = cue_patterns()  # (the language packs' words: ``cues``)
    m.cue_before = hometown or bool(cue_before.search(before))
    m.local = bool(LOCAL_AFTER.match(after))
    # a kind of place named with it ("the town of Pulawy", "Orientale province"), not only a preposition
    m.typed = (m.cue_before and not hometown and not prepositions_tail().search(before)) \
        or (not m.local and bool(cue_after.match(after)))
    m.cue_after = m.local or bool(cue_after.match(after))
    m.disease = bool(DISEASE_AFTER.match(after))
    m.street = bool(STREET_AFTER.match(after))
    m.name_goes_on = bool(NAME_GOES_ON.match(after)) and not m.cue_after
    m.dateline = len(m.surface) >= 3 and m.surface.isupper() and bool(DATELINE_AFTER.match(after)) \
        and bool(DATELINE_BEFORE.search(before))
    m.admin_after = bool(ADMIN_AFTER.match(after))
    m.admin_before = bool(ADMIN_BEFORE.search(before))
    m.the_named = bool(THE_BEFORE.search(before)) and bool(PHRASE_ENDS.match(after))
    prev = _LAST_LATIN_WORD.match(before[::-1])
    m.person_context = (prev.group(1)[::-1] if prev else "").lower().rstrip(".") in TITLES
    ents = ents or Ents(doc)
    m.unparsed = doc is not None and not ents.parsed
    m.bare = m.native and " " not in m.surface and not cased_script(m.surface) and not (
        m.cue_before or m.cue_after or m.dateline or postpositions().match(after))
    if doc is not None and not ents.parsed and " " not in m.surface and not (
            m.cue_before or m.cue_after or m.dateline) and (m.name_goes_on or NAME_BEFORE.search(before)) \
            and not any(p.kind == "country" or p.subkind == "continent" for p in m.candidates) \
            and not locative.search(before):
        # a parse without entities (the blank pipelines of Portuguese, Bulgarian, Ukrainian...): a word
        # beside another capitalised word inside a sentence is part of a person's or a body's name
        # ("Vladimir Putin", "Dmitri Peskov", "Assembleia Federal"), unless a place word or the bare
        # locative marks it ("посланик в Москва Лин Трейси"); countries and continents ("Северна
        # Африка", "Южна Азия") stand. Measured on the narratives set's Portuguese, Bulgarian and
        # Hindi articles: 129 fewer places, nearly all people's names (Vladimir 54, Peskov 13).
        m.inside_entity = True
        m.after_name = bool(NAME_BEFORE.search(before))
    if doc is None or not _latin(m.surface):
        return  # the parse is English: its labels say nothing of words in other scripts
    m.labelled = ents.parsed
    if len(m.surface.split()) == 1 and " " not in m.surface:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1:
            m.pos = span[0].pos_ or None  # (none from a blank pipeline: Portuguese, Spanish, German...)
            tok = span[0]
            while tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head  # ("shelled Kherson and Kharkiv": as its list's first name is)
            m.as_object = tok.dep_ in OBJECTS
    # "Saint Peter's High School": the school's name (a brand's rules: a place only where named so elsewhere)
    institution = m.brand = bool(INSTITUTION_AFTER.match(text[m.end:m.end + 60]))
    if institution:
        m.cue_before = m.cue_after = m.local = m.typed = False  # "at the … High School": the institution's words, not a place's
    ent = ents.overlapping(m.start, m.end)
    if ent is None or hometown:
        return  # (a legislator's hometown is the place whatever name the parser made of it)
    a, b, m.ner = ent
    lead, tail = text[a:m.start], text[m.end:b]
    extra = [w for w in _LETTERS.findall(lead + " " + tail) if word_key(w) not in ARTICLES]  # (as folded)
    if extra and not all(w.lower() in PLACE_WORDS for w in extra):
        # the place opens the name, perhaps after a part of it: "Northeast Texas Community College",
        # "Metro Vancouver" (the region's bodies)
        head = not LEAD_PARTS.sub("", lead).strip()
        of_tail = bool(OF_TAIL.search(lead)) and not tail.strip(" .,'’s")  # "Bank of America", "of Western Pennsylvania"
        if m.ner in HEADED and (head or of_tail):
            m.heads_entity = True
            # "Nord Stream", "Dubai World Cup": proper names after the place, none of them a body's
            # (a county's or province's full name opens only its own bodies: "Butler County Coroner",
            # "Henderson County Crimestoppers")
            m.brand = institution or (
                head and m.ner not in ("GPE", "LOC", "NORP") and not any(w.lower() in ORG_WORDS for w in extra)
                and not DIVISION_NAME.search(m.surface) and bool(BRAND_TAIL.match(tail)))
        elif head and m.cue_after:
            # a local body or office right after the place opening a person's or a work's name: the
            # parser took the title in ("Anderson County Sheriff Greg Taylor", "Avondale Mayor Ed Rieker")
            m.heads_entity = True
        elif not tail.strip(" .,'’s") and prepositions_tail().search(lead):
            pass  # the parser ran a name on past a preposition of place: "the Russian Armed Forces to Kyiv"
        else:
            m.inside_entity = True  # "Hayat Tahrir al-Sham", "Hassan al-Wali": part of another name

