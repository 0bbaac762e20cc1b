"""The place mention: a span of the text that names a gazetteer place, its readings, what the text
around it says (set by ``annotate``, ``lists``, ``context`` and ``rejection``) and the reading chosen for it
(by ``choose``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from headwater.enrich.places.place import Place


@dataclass(slots=True)  # (read attribute by attribute for every reading of every name: slots read faster)
class Mention:
    start: int
    end: int
    surface: str
    key: str
    exact: bool
    candidates: list[Place]
    demonym: bool = False  # "Georgian", "Sri Lankans": names the place through its people
    ner: str | None = None
    inside_entity: bool = False
    heads_entity: bool = False  # "Paris Police Department", "University of Alexandria": a place naming an organization
    cue_before: bool = False
    cue_after: bool = False
    local: bool = False  # its people or local bodies follow ("Athens City Council"), here or at another mention
    street: bool = False  # a street's name: "Washington Avenue", "Southeast Fourth Avenue"
    admin_after: bool = False
    admin_before: bool = False
    pos: str | None = None
    capitalized: bool = True
    person_context: bool = False
    dateline: bool = False
    name_goes_on: bool = False  # "Nord Stream", "Paris Hilton": a capitalised word follows
    surname: bool = False  # the article names a person with this word as surname ("John Turner")
    # labelled PERSON alone, with nothing else in the article making it a person: no first name or
    # surname of a longer person's name, no title, no age ("Russian forces shelled Kharkiv")
    lone_person: bool = False
    # labelled ORG alone, as the object of a verb or a preposition, and the name of a town of 100,000 people
    # or more ("Rebels shelled Idlib overnight": the small model's slip)
    lone_org: bool = False
    as_object: bool = False  # the object of a verb or a preposition ("shelled Kharkiv"), not the one who acts
    disease: bool = False  # names a disease: "West Nile virus", "Spanish flu"
    common_word: bool = False  # capitalised, but the article writes the word in lower case too
    bare: bool = False  # one word of a script without capitals, nothing around it marking it as a place
    unparsed: bool = False  # its article's parse has no entities (a blank pipeline: Portuguese, Bulgarian...)
    after_name: bool = False  # ends a capitalised pair inside a sentence in a parse without entities ("Dmitri Peskov")
    foreign_script: bool = False  # a Latin-script word in an article written in another script ("Shell" in Bulgarian)
    other_language: bool = False  # its article is known to be in a language other than English ("Halep" in Turkish)
    labelled: bool = False  # a Latin-script word in a parse with entities: the parser could call it a place
    brand: bool = False  # opens an organization's or product's name that is no body of the place ("Nord Stream")
    within: Mention | None = None  # the division or country named right after it: "Athens, Texas"
    listed: bool = False  # in a list with names the parser labelled places ("Zambia, Malawi, and Mozambique")
    typed: bool = False  # a kind of place is named with it: "the town of Pulawy", "Orientale province"
    # "the" before a name that ends its phrase ("served in the Rada for 22 years"): English gives a
    # town's name no article, a body's or a building's it does
    the_named: bool = False
    list_level: str | None = None  # what the other names of its list surely are ("state": "Utah, ... and Wyoming")
    partners: frozenset[str] = frozenset()  # the keys of the other names of its list ("Paris and Henry County")
    chosen: Place | None = None
    best: Place | None = None  # the best-scored reading, accepted or not
    score: float = 0.0
    metonymy: bool = False
    in_title: bool = False  # found in the title, which has no offsets in the text: votes for focus only
    native: bool = False  # written in another script (Москва, دمشق): matched by its name in that script
    confidence: float | None = None  # how sure the choice is (0-1), from the margin over the runner-up
    why: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # what chose the reading (``scoring.score`` terms)
    # ``footing.alias`` of its readings, by the reading's id (held with the reading: no other's id)
    aliases: dict[int, tuple[Place, bool]] = field(default_factory=dict, repr=False, compare=False)
