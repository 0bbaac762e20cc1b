"""An office in a body the registry knows, in another language: the body's typing for its holder.

"заместник-председателката на Европейската комисия Вера Йоурова", "यूरोपीय आयोग के एक अधिकारी" (an
official of the European Commission), "o porta-voz da Comissão Europeia": the role's words name a
body of ``data/state_bodies.yaml`` (by its name or an alias in the pack's language), and the person
holding an office there speaks for it, as the English finder types "a European Commission official".
The registry matches whole names only ("Европейската комисия" has a lowercase word, so the runs of
capitalised words the multilingual reader looks names up by never hold it); here every run of up to
``LONGEST`` words of the source is looked up. Only where the role words typed nothing: a state's
office the text gives ("министър") or a past one ("бивш") stands.
"""
from __future__ import annotations

from typing import Any

from headwater.enrich.attributions.role_types import RoleWords, hits, with_parts
from headwater.enrich.attributions.sources import SourceRegistry, typed
from headwater.lang.marks import WORD

# The most words looked up as one name. The registry's names in the packs' languages other than
# English run to 5-6 words ("Agência Internacional de Energia Atómica", "Direction générale de la
# sécurité extérieure"); 7 leaves room for an article or a country after them, and the source's words
# are few (a tag), so every run of up to 7 costs a few dozen look-ups.
LONGEST = 7


def office_in_body(src: dict[str, Any], text: str, registry: SourceRegistry, roles: RoleWords) -> dict[str, Any]:
    """``src`` typed by the registry body its words name when it holds an office there (a role word
    of the pack's ``official`` or ``qualified`` lists) and nothing typed it yet; else ``src``."""
    if src.get("kind") not in ("person", "organization") or src.get("affiliation") not in (None, "unknown") \
            or src.get("inferred") or src.get("typed_by"):
        return src
    ws = WORD.findall(text)
    words = with_parts({w.lower() for w in ws})
    office = hits(words, roles.official | roles.qualified)
    if not office or hits(words, roles.former):
        return src
    cased = any(ch.isupper() or ch.islower() for ch in text)
    for n in range(min(LONGEST, len(ws)), 0, -1):
        for i in range(len(ws) - n + 1):
            # a body's name is capitalised where the script has case ("dia" is no DIA); a role word is no name
            if (cased and not ws[i][:1].isupper()) or (n == 1 and hits(with_parts({ws[i].lower()}), roles.official
                                                                       | roles.qualified)):
                continue
            b = registry.body(" ".join(ws[i:i + n]))
            if b is None or b.kind == "person":
                continue
            out = {**src, "kind": "person", "country": b.country, "state_affiliated": b.state_affiliated}
            if b.state_affiliated is None and b.country is None:
                out["intergovernmental"] = True  # the UN, NATO, the EU: neither a state voice nor independent
            return typed(out, f"role:{office[0]} (state_body:{b.id})")
    return src


__all__ = ["office_in_body"]
