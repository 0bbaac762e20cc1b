"""Shapes of a source's words that say what kind of source it is before any registry does:

- "sources close to the defence minister", "people familiar with the talks": unnamed sources, whom
  they are close to is not who speaks (``close_to``: the words of the speakers themselves).
- "North Korea's state media", "Iranian state television", "state-run news agency": a state's
  outlet, unnamed (``STATE_MEDIA``).
- "the prime minister's office": an office, a body, not the person who holds it (``OFFICE``).
"""
from __future__ import annotations

import re

# Words that tie unnamed speakers to whom they know: "sources close to X", "people familiar with Y".
CLOSE_TO = re.compile(r"^(?P<who>.+?)\s+(?:close\s+to|familiar\s+with|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of|"
                      r"knowledgeable\s+about|aware\s+of|involved\s+in|privy\s+to)\b", re.I)
# A state's outlet named by what it is: "state media", "state-run television", "state news agency".
STATE_MEDIA = re.compile(r"\bstate(?:[- ](?:run|controlled|owned|backed|affiliated))?\s+(?:media|television|tv|"
                         r"broadcaster|radio|news\s+agency|news\s+outlets?|newspapers?|press|outlets?|channels?)$", re.I)
# A body that is someone's office: "the prime minister's office", "the governor's office".
OFFICE = re.compile(r"['’]s?\s+office$", re.I)


def close_to(text: str) -> str | None:
    """The speakers' own words in "sources close to the minister" ("sources"), or None."""
    m = CLOSE_TO.match(text.strip())
    return m.group("who") if m else None
