"""A source's affiliation (state, non_state, intergovernmental or unknown) and the evidence that typed it
(``typed_by``), and the source dicts of a registry's person, organization or state body.
"""
from __future__ import annotations

from typing import Any

from headwater.enrich.attributions.known import UNDATED_TERM, Known
from headwater.enrich.attributions.source_registry import Body


def affiliation(src: dict[str, Any]) -> str:
    """state, non_state, intergovernmental or unknown: what the independence count reads."""
    if src.get("state_affiliated") is True:
        return "state"
    if src.get("state_affiliated") is False:
        return "non_state"
    return "intergovernmental" if src.get("intergovernmental") else "unknown"


def typed(src: dict[str, Any], by: str | None) -> dict[str, Any]:
    """The source with its evidence: ``typed_by`` only when something typed it."""
    out = {**src, "typed_by": by}
    out["affiliation"] = affiliation(out)
    if out["affiliation"] == "unknown" and out.get("country") is None:
        out["typed_by"] = None
    return out


def from_known(k: Known, name: str, text: str) -> dict[str, Any]:
    state, basis = k.affiliated_in(None)
    src = {"name": name, "canonical": k.name, "entity": k.id, "kind": k.kind, "country": k.country,
           "state_affiliated": state, "text": text}
    if "between terms" in basis:  # an undated article: in office or not, the registry cannot say
        src["typing_note"] = f"{UNDATED_TERM} in {k.ended}; the article's date decides"
        return typed(src, f"registry:{k.id}")  # the entity (and country), affiliation unknown
    if k.intergovernmental:
        src["intergovernmental"] = True
    if basis.endswith("undated"):
        src["typing_note"] = "not dated: the registry's usual affiliation"
    return typed(src, f"registry:{k.id}")


def _body_source(b: Body, name: str, text: str) -> dict[str, Any]:
    src = {"name": name, "canonical": b.name, "kind": b.kind, "country": b.country,
           "state_affiliated": b.state_affiliated, "text": text}
    if b.state_affiliated is None and b.country is None:
        src["intergovernmental"] = True  # the UN, NATO, the EU: neither a state voice nor independent
    return typed(src, f"state_body:{b.id}")
