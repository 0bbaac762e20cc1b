/* headwater serve /explore: the interactive map (Leaflet + leaflet.markercluster, vendored).
   Data comes from /explore/data.json; every string from an article is set as text (textContent),
   never parsed as markup. Nothing is fetched from anywhere but this app. */
(function () {
  "use strict";
  var box = document.getElementById("explore");
  var status = document.getElementById("status");

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function articleLink(id, title) {
    var a = el("a", title || "(no title)", { href: "/articles/" + encodeURIComponent(id) });
    return a;
  }

  function placePopup(p) {
    var div = el("div");
    div.appendChild(el("strong", p.name));
    if (p.surface && p.surface !== p.name) { div.appendChild(el("span", " (written \u201c" + p.surface + "\u201d)")); }
    var line = el("div");
    line.appendChild(el("span", p.article_id + " \u00b7 "));
    line.appendChild(articleLink(p.article_id, p.title));
    line.appendChild(el("span", " \u00b7 " + p.outlet));
    div.appendChild(line);
    return div;
  }

  function arrowPopup(r) {
    var div = el("div");
    div.appendChild(el("strong", r.origin + " \u2192 " + r.destination));
    var ul = el("ul");
    r.events.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("span", e.article_id + " \u00b7 "));
      li.appendChild(articleLink(e.article_id, e.title));
      if (e.actor) { li.appendChild(el("span", " \u00b7 " + e.actor)); }
      if (e.count) { li.appendChild(el("span", " \u00b7 " + e.count + " people")); }
      ul.appendChild(li);
    });
    div.appendChild(ul);
    return div;
  }

  // A route as a gentle curve (bending to its left), so that A -> B and B -> A are two arrows, not one line.
  function curve(from, to) {
    var dLat = to[0] - from[0], dLon = to[1] - from[1], pts = [], steps = 24;
    var cLat = (from[0] + to[0]) / 2 + dLon * 0.18, cLon = (from[1] + to[1]) / 2 - dLat * 0.18;
    for (var i = 0; i <= steps; i++) {
      var t = i / steps, u = 1 - t;
      pts.push([u * u * from[0] + 2 * u * t * cLat + t * t * to[0], u * u * from[1] + 2 * u * t * cLon + t * t * to[1]]);
    }
    return pts;
  }

  // An arrowhead at the destination, along the curve's last stretch, redrawn whenever the zoom changes.
  function arrowHead(map, from, to) {
    var head = L.polygon([to, to, to], { className: "hw-arrowhead", interactive: false });
    function place() {
      var a = map.latLngToLayerPoint(from), b = map.latLngToLayerPoint(to);
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var ux = dx / len, uy = dy / len, size = Math.min(12, Math.max(5, len / 4));
      var left = L.point(b.x - ux * size - uy * size * 0.5, b.y - uy * size + ux * size * 0.5);
      var right = L.point(b.x - ux * size + uy * size * 0.5, b.y - uy * size - ux * size * 0.5);
      head.setLatLngs([to, map.layerPointToLatLng(left), map.layerPointToLatLng(right)]);
    }
    map.on("zoomend viewreset", place);
    head.on("add", place);
    return head;
  }

  function draw(data) {
    var map = L.map(box, { worldCopyJump: false, minZoom: 1, maxZoom: 14, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas \u00b7 Leaflet");
    var outlines = L.layerGroup(data.outlines.map(function (c) {
      return L.polygon(c.ring, { className: "hw-country", interactive: false });
    })).addTo(map);
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    data.points.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { radius: 6, className: "hw-place" });
      m.bindPopup(function () { return placePopup(p); });
      m.bindTooltip(el("span", p.name));  // an element: a string would be read as HTML
      m.hwPlace = p;
      cluster.addLayer(m);
    });
    var arrows = L.layerGroup();
    data.arrows.forEach(function (r) {
      var weight = Math.min(7, 2 + Math.log(r.events.length) / Math.LN2);
      var pts = curve(r.from, r.to);
      var line = L.polyline(pts, { className: "hw-arrow", weight: weight });
      line.bindPopup(function () { return arrowPopup(r); });
      line.bindTooltip(el("span", r.origin + " \u2192 " + r.destination + " (" + r.events.length + ")"));
      line.hwRoute = r;
      arrows.addLayer(line);
      arrows.addLayer(arrowHead(map, L.latLng(pts[pts.length - 4]), L.latLng(r.to)));
    });
    arrows.addTo(map);
    cluster.addTo(map);
    L.control.layers(null, { "countries": outlines, "movements": arrows, "places": cluster }, { collapsed: false }).addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    if (data.bounds) { map.fitBounds(data.bounds, { padding: [30, 30] }); } else { map.setView([20, 0], 2); }
    status.textContent = data.points.length + " place mentions, " + data.arrows.length + " routes of movement";
    window.headwaterMap = { map: map, arrows: arrows, places: cluster, data: data };
  }

  fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (err) { status.textContent = "the map could not be loaded: " + err.message; });
}());
