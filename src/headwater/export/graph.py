"""The citation graph (GEXF 1.3, GraphML) and the provenance record (W3C PROV-JSON).

Graph: a node per outlet (``kind`` outlet) and per source (named as in ``provenance_edges``: the
registry name where there is one, so "Russia’s Sputnik news agency" is the node ``Sputnik``); a
directed edge for each step of every attribution chain, outlet → first source → the source it cites…
Edge ``weight`` (and ``claims``) is the number of claims citing along that step; ``articles`` and
``narratives`` (from ``provenance_edges``) are space-separated ids. A step known only from an
event's attribution (it is in ``provenance_edges`` but in no attributed claim) counts the articles
reporting it.
"""
from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from headwater.document import Doc
from headwater.export.files import write_atomic
from headwater.model import ascribed_aim

GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
HW_NS = "urn:headwater:"
# Characters XML 1.0 cannot hold at all (ElementTree would write them and the file would not parse).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(v: Any) -> str:
    return _XML_ILLEGAL.sub("\ufffd", str(v))


@dataclass
class Edge:
    claims: int = 0
    articles: set[str] = field(default_factory=set)
    narratives: set[str] = field(default_factory=set)


@dataclass
class Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> kind, country, state_affiliated
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def node(self, name: str, attrs: dict[str, Any]) -> None:
        known = self.nodes.setdefault(name, {"kind": None, "country": None, "state_affiliated": None})
        for k in known:
            if known[k] is None and attrs.get(k) is not None:
                known[k] = attrs[k]


def source_label(s: dict[str, Any]) -> str:
    """A source's node name: the registry name where there is one (as in the provenance edges)."""
    return str(s.get("canonical") or s.get("name"))


def citation_graph(doc: Doc) -> Graph:
    g = Graph()
    for a in doc.articles:
        aid = str(a.get("id"))
        outlet = doc.outlet_name(aid)
        o = a.get("outlet") or {}
        g.node(outlet, {"kind": "outlet", "country": o.get("country"), "state_affiliated": o.get("state_affiliated")})
        for at in doc.attributions.get(aid, []):
            prev = outlet
            for s in at.get("sources") or []:
                name = source_label(s)
                g.node(name, s)
                if name != prev:
                    e = g.edges.setdefault((prev, name), Edge())
                    e.claims += 1
                    e.articles.add(aid)
                prev = name
    for prov in doc.list("provenance"):
        for p in prov.get("edges") or []:
            src, dst = str(p["from"]), str(p["to"])
            g.node(src, {})
            g.node(dst, {})
            e = g.edges.setdefault((src, dst), Edge())
            if p.get("article_id") is not None and str(p["article_id"]) not in e.articles:
                e.articles.add(str(p["article_id"]))
                if e.claims < len(e.articles):  # a step known from an event's attribution only
                    e.claims = len(e.articles)
            if prov.get("narrative_id"):
                e.narratives.add(str(prov["narrative_id"]))
    return g


def _write_xml(root: ET.Element, path: Path) -> Path:
    ET.indent(root)
    return write_atomic(path, lambda tmp: ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True))


def _ids(values: set[str]) -> str:
    return " ".join(sorted(values, key=lambda v: (len(v), v)))


def write_gexf(doc: Doc, path: Path) -> Path:
    g = citation_graph(doc)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "headwater"
    ET.SubElement(meta, "description").text = "Citation graph: outlets and the sources their claims cite"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    node_attrs = [("kind", "string"), ("country", "string"), ("state_affiliated", "boolean")]
    edge_attrs = [("claims", "integer"), ("articles", "string"), ("narratives", "string")]
    for cls, declared in (("node", node_attrs), ("edge", edge_attrs)):
        decl = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for name, typ in declared:
            ET.SubElement(decl, "attribute", {"id": name, "title": name, "type": typ})
    ids = {name: f"n{i}" for i, name in enumerate(g.nodes)}
    nodes = ET.SubElement(graph, "nodes")
    for name, attrs in g.nodes.items():
        el = ET.SubElement(nodes, "node", {"id": ids[name], "label": _x(name)})
        values = ET.SubElement(el, "attvalues")
        for k, _ in node_attrs:
            if attrs.get(k) is not None:
                v = str(attrs[k]).lower() if isinstance(attrs[k], bool) else _x(attrs[k])
                ET.SubElement(values, "attvalue", {"for": k, "value": v})
    edges = ET.SubElement(graph, "edges")
    for i, ((src, dst), e) in enumerate(g.edges.items()):
        el = ET.SubElement(edges, "edge", {"id": f"e{i}", "source": ids[src], "target": ids[dst], "weight": str(float(e.claims))})
        values = ET.SubElement(el, "attvalues")
        for k, v in (("claims", str(e.claims)), ("articles", _ids(e.articles)), ("narratives", _ids(e.narratives))):
            ET.SubElement(values, "attvalue", {"for": k, "value": v})
    return _write_xml(root, path)


def write_graphml(doc: Doc, path: Path) -> Path:
    g = citation_graph(doc)
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    keys = [("label", "node", "string"), ("kind", "node", "string"), ("country", "node", "string"),
            ("state_affiliated", "node", "boolean"), ("weight", "edge", "double"), ("claims", "edge", "int"),
            ("articles", "edge", "string"), ("narratives", "edge", "string")]
    for name, for_, typ in keys:
        ET.SubElement(root, "key", {"id": name, "for": for_, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, "graph", {"id": "citations", "edgedefault": "directed"})
    ids = {name: f"n{i}" for i, name in enumerate(g.nodes)}
    for name, attrs in g.nodes.items():
        el = ET.SubElement(graph, "node", {"id": ids[name]})
        ET.SubElement(el, "data", {"key": "label"}).text = _x(name)
        for k in ("kind", "country", "state_affiliated"):
            if attrs.get(k) is not None:
                v = str(attrs[k]).lower() if isinstance(attrs[k], bool) else _x(attrs[k])
                ET.SubElement(el, "data", {"key": k}).text = v
    for i, ((src, dst), e) in enumerate(g.edges.items()):
        el = ET.SubElement(graph, "edge", {"id": f"e{i}", "source": ids[src], "target": ids[dst]})
        for k, v in (("weight", str(float(e.claims))), ("claims", str(e.claims)), ("articles", _ids(e.articles)),
                     ("narratives", _ids(e.narratives))):
            ET.SubElement(el, "data", {"key": k}).text = v
    return _write_xml(root, path)


# PROV-JSON -------------------------------------------------------------------------------------
_PROV_TYPES = {"person": "prov:Person", "organization": "prov:Organization", "agency": "prov:Organization",
               "government": "prov:Organization", "intelligence": "prov:Organization", "outlet": "prov:Organization"}


def _qname(v: str) -> dict[str, str]:
    return {"$": v, "type": "xsd:QName"}


def _agent_id(name: str) -> str:
    return "agent:" + quote(name, safe="")


def prov_json(doc_: Doc) -> dict[str, Any]:
    """Claims and articles are entities, sources and outlets agents. An article ``wasDerivedFrom``
    each claim it reports (``prov:Quotation`` for direct quotes) and from the article it copies; a
    claim ``wasAttributedTo`` its first source (the outlet itself for a claim in its own voice); each
    step of a chain is ``actedOnBehalfOf``: the relaying source on behalf of the source it cites."""
    doc: dict[str, Any] = {
        "prefix": {"hw": HW_NS, "article": HW_NS + "article:", "claim": HW_NS + "claim:", "agent": HW_NS + "agent:",
                   "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "entity": {}, "agent": {}, "wasDerivedFrom": {}, "wasAttributedTo": {}, "actedOnBehalfOf": {}}
    counters: dict[str, int] = {}

    def relation(kind: str, body: dict[str, Any]) -> None:
        counters[kind] = counters.get(kind, 0) + 1
        doc[kind][f"_:{kind}{counters[kind]}"] = body

    def agent(name: str, attrs: dict[str, Any]) -> str:
        aid = _agent_id(name)
        known = doc["agent"].setdefault(aid, {"prov:label": name})
        kind = attrs.get("kind")
        if kind and "hw:kind" not in known:
            known["hw:kind"] = kind
            if kind in _PROV_TYPES:
                known["prov:type"] = _qname(_PROV_TYPES[kind])
        for k in ("country", "state_affiliated"):
            if attrs.get(k) is not None and f"hw:{k}" not in known:
                known[f"hw:{k}"] = attrs[k]
        return aid

    for a in doc_.articles:
        aid = str(a.get("id"))
        art = f"article:{aid}"
        o = a.get("outlet") or {}
        name = doc_.outlet_name(aid)
        outlet = agent(name, {"kind": "outlet", "country": o.get("country"), "state_affiliated": o.get("state_affiliated")})
        doc["entity"][art] = {k: v for k, v in {
            "prov:label": a.get("title"), "hw:url": a.get("url"), "hw:published": a.get("published"),
            "hw:outlet": name}.items() if v is not None}
        relation("wasAttributedTo", {"prov:entity": art, "prov:agent": outlet})
        claims = doc_.attributions.get(aid, []) + doc_.unattributed.get(aid, [])
        for at in claims:
            claim = f"claim:{at.get('id')}"
            doc["entity"][claim] = {k: v for k, v in {
                "prov:value": at.get("claim"), "hw:article": art, "hw:start": at.get("start"), "hw:end": at.get("end"),
                "hw:cue": at.get("cue"), "hw:sourcing": at.get("sourcing"), "hw:quote": at.get("quote"),
                "hw:attitude": at.get("attitude")}.items()
                if v is not None}
            derived: dict[str, Any] = {"prov:generatedEntity": art, "prov:usedEntity": claim}
            if at.get("quote"):
                derived["prov:type"] = _qname("prov:Quotation")
            relation("wasDerivedFrom", derived)
            # (an aim the article ascribes to someone, "NATO plans to attack", is the outlet's claim: the
            # holder is what it is about, not who it comes from)
            aim = ascribed_aim(at)
            chain = [] if aim else [agent(source_label(s), s) for s in at.get("sources") or []]
            relation("wasAttributedTo", {"prov:entity": claim, "prov:agent": chain[0] if chain else outlet})
            for delegate, responsible in itertools.pairwise(chain):
                if delegate != responsible:
                    relation("actedOnBehalfOf", {"prov:delegate": delegate, "prov:responsible": responsible, "hw:claim": claim})
    for c in doc_.list("copies"):
        relation("wasDerivedFrom", {"prov:generatedEntity": f"article:{c['article_id']}",
                                    "prov:usedEntity": f"article:{c['derived_from']}", "prov:type": _qname("prov:Revision"),
                                    "hw:containment": c["containment"]})
    return doc
