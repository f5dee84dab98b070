/* Map, timeline and dashboards. Everything shown comes from JSON the server put in the page
   (json_script): the map's places, the chart specs. No request leaves the deployment. After the
   filter form swaps #explore-results (htmx), the map and the charts are drawn again from the new
   JSON. Text is translated on the server; this file holds no user-visible words. */
(function () {
  "use strict";

  var map = null;
  var acts = null;
  var markers = {};

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function popup(p, text) {
    var box = el("div", { "class": "explore-popup", lang: document.documentElement.lang });
    var title = el("h3", {}, p.name);
    if (p.name_ko && p.name_ko !== p.name) {
      title.appendChild(document.createTextNode(" "));
      title.appendChild(el("span", { lang: "ko" }, p.name_ko));
    }
    box.appendChild(title);
    box.appendChild(el("p", {}, p.kind + " · " + p.code));
    box.appendChild(el("p", { "class": "explore-count" }, p.acts_text));
    box.appendChild(el("p", { "class": p.approximate ? "explore-approx" : "small" }, p.accuracy_text));
    var links = el("ul");
    [["place_url", text.place_page], ["search_url", text.search], ["timeline_url", text.timeline],
     ["dashboards_url", text.dashboards]].forEach(function (pair) {
      if (p[pair[0]]) {
        var li = el("li");
        li.appendChild(el("a", { href: p[pair[0]] }, pair[1]));
        links.appendChild(li);
      }
    });
    box.appendChild(links);
    return box;
  }

  function drawPlaces(data, config) {
    if (!map) return;
    acts.clearLayers();
    markers = {};
    var max = 1;
    data.features.forEach(function (f) { max = Math.max(max, f.properties.acts); });
    // Largest first, so that smaller circles stay on top and can be reached.
    var features = data.features.slice().sort(function (a, b) { return b.properties.acts - a.properties.acts; });
    features.forEach(function (f, i) {
      var p = f.properties;
      var size = Math.round(12 + 44 * Math.sqrt(p.acts / max));
      var icon = L.divIcon({ className: "explore-marker" + (p.approximate ? " approximate" : ""),
                             iconSize: [size, size], html: "" });
      var marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]],
                            { icon: icon, keyboard: true, title: p.label, riseOnHover: true, zIndexOffset: i });
      marker.bindTooltip(p.label + " — " + p.acts_text, { direction: "top" });
      marker.bindPopup(popup(p, config.text));
      marker.on("add", function () {
        var node = marker.getElement();
        node.setAttribute("data-place-code", p.code);
        node.setAttribute("data-place-name", p.name);
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", p.label + ", " + p.acts_text + (p.approximate ? ", " + p.accuracy_text : ""));
      });
      marker.addTo(acts);
      markers[p.code] = marker;
    });
  }

  function initMap() {
    var node = document.getElementById("map");
    var config = readJSON("map-config");
    if (!node || !config || typeof L === "undefined") return;
    if (!map) {
      map = L.map(node, { zoomSnap: 0.5, minZoom: 5, maxZoom: 12, keyboard: true, zoomControl: false,
                          maxBounds: [[28, 110], [50, 142]], attributionControl: true });
      L.control.zoom({ zoomInTitle: config.text.zoom_in, zoomOutTitle: config.text.zoom_out }).addTo(map);
      map.attributionControl.setPrefix(false).addAttribution(config.text.attribution);
      map.fitBounds(config.bounds);
      map.createPane("base");
      map.getPane("base").style.zIndex = 200;
      fetch(config.basemap_url, { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (geo) {
          L.geoJSON(geo, { pane: "base", interactive: false,
                           style: { color: "#8a97a6", weight: 1, fillColor: "#f7f5ef", fillOpacity: 1 } }).addTo(map);
        }).catch(function () { /* the markers and the table still work without outlines */ });
      acts = L.layerGroup().addTo(map);
      var provinces = L.layerGroup().addTo(map);
      var overlays = {};
      overlays[config.text.acts_layer] = acts;
      overlays[config.text.provinces_layer] = provinces;
      L.control.layers(null, overlays, { collapsed: false }).addTo(map);
      map._exploreProvinces = provinces;
    }
    var data = readJSON("map-data");
    if (!data) return;
    var provinces = map._exploreProvinces;
    provinces.clearLayers();
    data.provinces.forEach(function (p) {
      var dot = L.circleMarker([p.lat, p.lon], { radius: 3, color: "#5b6470", weight: 1, fillOpacity: 0.8,
                                                 pane: "overlayPane" }).bindTooltip(p.text);
      // Reference dots stay out of the Tab order: the act markers and the table come first.
      dot.on("add", function () { var n = dot.getElement(); if (n) n.setAttribute("tabindex", "-1"); });
      dot.addTo(provinces);
    });
    drawPlaces(data, config);
  }

  function showOnMap(code) {
    var marker = markers[code];
    if (!marker || !map) return;
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 8));
    marker.openPopup();
    var node = marker.getElement();
    if (node) node.focus();
    document.getElementById("map").scrollIntoView({ block: "nearest" });
  }

  function drawCharts(root) {
    if (typeof vega === "undefined" || typeof vegaLite === "undefined" || typeof vegaInterpreter === "undefined") return;
    root.querySelectorAll("[data-vega-spec]").forEach(function (node) {
      var spec = readJSON(node.getAttribute("data-vega-spec"));
      if (!spec) return;
      try {
        var compiled = vegaLite.compile(spec).spec;
        // One translated description for screen readers (not Vega's English role words); the
        // table beside the chart has the numbers.
        var describe = function () {
          node.removeAttribute("aria-roledescription");
          node.setAttribute("role", "img");
          node.setAttribute("aria-label", spec.description || "");
        };
        // Expressions are interpreted, not compiled with eval: the Content-Security-Policy has no 'unsafe-eval'.
        new vega.View(vega.parse(compiled, null, { ast: true }),
                      { expr: vegaInterpreter.expressionInterpreter, renderer: "svg", container: node, hover: true })
          .runAsync().then(describe);
        describe();
      } catch (err) {
        node.textContent = "";  // the table beside the chart holds the same numbers
      }
    });
  }

  function announce() {
    var status = document.getElementById("explore-status");
    var summary = document.querySelector("#explore-results [data-summary]");
    if (status && summary) status.textContent = summary.textContent.trim();
    // Keep the filters when moving between the map, the timeline and the dashboards.
    document.querySelectorAll("a[data-keep-query]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + window.location.search.replace(/([?&])page=\d+&?/, "$1").replace(/[?&]$/, ""));
    });
  }

  function refresh() {
    initMap();
    drawCharts(document);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-show-on-map]");
    if (button) showOnMap(button.getAttribute("data-show-on-map"));
  });
  // Leave unused filters out of the address, so that a shared link shows only what was chosen.
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.target.classList || !event.target.classList.contains("explore-facets")) return;
    var params = event.detail.parameters;
    Array.from(event.target.elements).forEach(function (field) {
      if (field.name && !field.value) delete params[field.name];
    });
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!document.getElementById("explore-results")) return;
    refresh();
    announce();
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", refresh);
  } else {
    refresh();
  }
})();
