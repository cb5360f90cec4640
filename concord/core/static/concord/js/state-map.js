/* Maps of the member states, drawn with Leaflet over Natural Earth boundaries (world-atlas).
   There is no tile layer at all: deployments are air-gapped, so the land itself is drawn from
   the TopoJSON that Concord serves, and the sea is the container's background.

   Markup: <div class="state-map" data-topology-url="…countries-50m.json" data-states-id="ID">
   where #ID is a json_script list of {numeric, name, status, status_label, url}. */
(function () {
  "use strict";

  var Concord = (window.Concord = window.Concord || {});
  var STATUSES = ["active", "suspended", "withdrawn"];
  var topologies = {};
  var drawn = new WeakSet();

  /** Fetch a TopoJSON file once per page, however many maps use it. */
  function loadTopology(url) {
    if (!topologies[url]) {
      topologies[url] = window.fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("Topology " + url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return topologies[url];
  }

  /**
   * The world's countries as GeoJSON features whose rings are continuous in longitude. In
   * world-atlas a ring may run along the antimeridian and go on at the other edge of the map
   * (Russia's Chukotka, Fiji): d3 cuts such rings on the sphere, but Leaflet draws them on the
   * plane, as a stripe across the whole world. Each step of more than 180° is therefore taken
   * the short way round, past ±180°, and the ring is then moved by 360° to where most of it lies.
   */
  function countries(topology) {
    return window.topojson.feature(topology, topology.objects.countries).features.map(function (feature) {
      var polygons = polygonsOf(feature.geometry);
      return polygons.length ? withPolygons(feature, polygons.map(function (polygon) {
        return polygon.map(continuousRing);
      })) : feature;
    });
  }

  function continuousRing(ring) {
    var offset = 0, sum = 0, out = new Array(ring.length);
    for (var i = 0; i < ring.length; i++) {
      if (i > 0) {
        var step = ring[i][0] - ring[i - 1][0];
        if (step > 180) offset -= 360;
        else if (step < -180) offset += 360;
      }
      out[i] = [ring[i][0] + offset, ring[i][1]];
      sum += out[i][0];
    }
    // A ring that goes round a pole (Antarctica) cannot be made continuous: leave it as it is.
    if (offset !== 0) return ring;
    var mean = sum / ring.length;
    var shift = mean > 180 ? -360 : mean < -180 ? 360 : 0;
    return shift ? shifted([out], shift)[0] : out;
  }

  function polygonsOf(geometry) {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return [geometry.coordinates];
    if (geometry.type === "MultiPolygon") return geometry.coordinates;
    return [];
  }

  function extent(polygon) {
    var min = Infinity, max = -Infinity, outer = polygon[0];
    for (var i = 0; i < outer.length; i++) {
      if (outer[i][0] < min) min = outer[i][0];
      if (outer[i][0] > max) max = outer[i][0];
    }
    return { min: min, max: max, size: outer.length };
  }

  function shifted(polygon, degrees) {
    return polygon.map(function (ring) {
      return ring.map(function (point) { return [point[0] + degrees, point[1]]; });
    });
  }

  function withPolygons(feature, polygons) {
    return {
      type: "Feature", id: feature.id, properties: feature.properties,
      geometry: { type: "MultiPolygon", coordinates: polygons },
    };
  }

  /**
   * A country on both sides of the antimeridian keeps pieces at both edges of the map even
   * when each ring is continuous (Chukotka's islands at 170°W, the rest of Russia up to 180°E;
   * the Aleutians), and its bounds would then span the world. The pieces of one hemisphere are
   * moved by 360° when that makes the country markedly narrower; of two equal results, the
   * smaller side moves.
   */
  function unwrap(feature) {
    var polygons = polygonsOf(feature.geometry);
    if (polygons.length < 2) return feature;
    var parts = polygons.map(extent);
    var isWest = parts.map(function (e) { return (e.min + e.max) / 2 < 0; });
    function layout(moveWest) {
      var min = Infinity, max = -Infinity, moved = 0;
      parts.forEach(function (e, i) {
        var by = isWest[i] === moveWest ? (moveWest ? 360 : -360) : 0;
        if (by) moved += e.size;
        min = Math.min(min, e.min + by);
        max = Math.max(max, e.max + by);
      });
      return { moveWest: moveWest, span: max - min, moved: moved };
    }
    var span = Math.max.apply(null, parts.map(function (e) { return e.max; })) -
      Math.min.apply(null, parts.map(function (e) { return e.min; }));
    var best = [layout(true), layout(false)].sort(function (a, b) {
      return a.span - b.span || a.moved - b.moved;
    })[0];
    if (best.span > span - 90) return feature;
    return withPolygons(feature, polygons.map(function (polygon, i) {
      return isWest[i] === best.moveWest ? shifted(polygon, best.moveWest ? 360 : -360) : polygon;
    }));
  }

  /**
   * The land as a background: every country, plus a copy of the western hemisphere moved 360°
   * east, so that east of Chukotka the map goes on into Alaska instead of ending in empty sea.
   */
  function land(features) {
    var copies = [];
    features.forEach(function (feature) {
      var west = polygonsOf(feature.geometry).filter(function (p) { return extent(p).min < -30; });
      if (west.length) copies.push(withPolygons(feature, west.map(function (p) { return shifted(p, 360); })));
    });
    return window.L.geoJSON({ type: "FeatureCollection", features: features.concat(copies) }, {
      interactive: false,
      style: function () { return { className: "map-land", weight: 0.6, fillOpacity: 1 }; },
    });
  }

  function createMap(element) {
    var map = window.L.map(element, {
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      minZoom: 1,
      maxZoom: 8,
      // The wheel scrolls the page until the reader chooses the map by clicking into it.
      scrollWheelZoom: false,
      maxBounds: [[-85, -200], [85, 380]],
      maxBoundsViscosity: 0.8,
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.on("focus", function () { map.scrollWheelZoom.enable(); });
    map.on("blur", function () { map.scrollWheelZoom.disable(); });
    return map;
  }

  function statusKey(status) {
    return STATUSES.indexOf(status) === -1 ? "other" : status;
  }

  /** A legend control; items are [{key, label}] where key selects the map-status-<key> colour. */
  function legend(items, position) {
    var control = window.L.control({ position: position || "topright" });
    control.onAdd = function () {
      var box = window.L.DomUtil.create("div", "map-legend");
      items.forEach(function (item) {
        var row = window.L.DomUtil.create("div", "map-legend-item", box);
        window.L.DomUtil.create("span", "map-swatch map-status-" + item.key, row);
        row.appendChild(document.createTextNode(item.label));
      });
      return box;
    };
    return control;
  }

  /** Tooltip content built as nodes, never as HTML: names come from the database. */
  function tooltip(state) {
    var box = document.createElement("div");
    var name = document.createElement("span");
    name.className = "map-tooltip-name";
    name.textContent = state.name;
    box.appendChild(name);
    if (state.status_label) {
      var status = document.createElement("span");
      status.className = "map-tooltip-status";
      status.textContent = state.status_label;
      box.appendChild(status);
    }
    return box;
  }

  function numericKey(value) {
    return String(value || "").padStart(3, "0");
  }

  function readStates(element) {
    var source = document.getElementById(element.getAttribute("data-states-id"));
    if (!source) return [];
    try {
      var states = JSON.parse(source.textContent);
      return Array.isArray(states) ? states : [];
    } catch (error) {
      return [];
    }
  }

  function showFailure(element, error) {
    element.classList.add("state-map-failed");
    element.textContent = element.getAttribute("data-error-text") ||
      (document.documentElement.lang.indexOf("ru") === 0 ? "Карта недоступна" : "The map is not available");
    if (window.console) window.console.warn("Concord map:", error);
  }

  function render(element) {
    if (drawn.has(element)) return Promise.resolve(null);
    drawn.add(element);
    var states = readStates(element);
    var byNumeric = {};
    states.forEach(function (state) { byNumeric[numericKey(state.numeric)] = state; });

    return loadTopology(element.getAttribute("data-topology-url")).then(function (topology) {
      var features = countries(topology);
      var map = createMap(element);
      land(features).addTo(map);

      var members = window.L.featureGroup();
      features.forEach(function (feature) {
        var state = byNumeric[numericKey(feature.id)];
        if (!state) return;
        var key = statusKey(state.status);
        var shape = window.L.geoJSON(unwrap(feature), {
          style: function () {
            return { className: "map-member map-status-" + key, weight: 1.2, fillOpacity: 0.92 };
          },
        });
        shape.bindTooltip(tooltip(state), { sticky: true, direction: "top", className: "map-tooltip", opacity: 1 });
        if (state.url) {
          shape.on("click", function () { window.location.assign(state.url); });
        }
        shape.on("mouseover", function () { shape.bringToFront(); });
        members.addLayer(shape);
      });
      members.addTo(map);

      var seen = {};
      var items = [];
      states.forEach(function (state) {
        var key = statusKey(state.status);
        if (seen[key]) return;
        seen[key] = true;
        items.push({ key: key, label: state.status_label || state.status });
      });
      items.sort(function (a, b) { return STATUSES.indexOf(a.key) - STATUSES.indexOf(b.key); });
      if (items.length) legend(items).addTo(map);

      if (members.getLayers().length) {
        map.fitBounds(members.getBounds(), { padding: [14, 14], maxZoom: 5.5 });
      } else {
        map.setView([50, 70], 2);
      }
      return map;
    }).catch(function (error) {
      showFailure(element, error);
      return null;
    });
  }

  function renderWithin(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var found = Array.prototype.slice.call(scope.querySelectorAll(".state-map[data-topology-url][data-states-id]"));
    if (scope.matches && scope.matches(".state-map[data-topology-url][data-states-id]")) found.push(scope);
    found.forEach(render);
  }

  Concord.maps = {
    loadTopology: loadTopology,
    countries: countries,
    unwrap: unwrap,
    land: land,
    createMap: createMap,
    legend: legend,
    renderStateMap: render,
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { renderWithin(document); });
  } else {
    renderWithin(document);
  }
  // Maps inside fragments that htmx swaps in are drawn when they arrive.
  document.addEventListener("htmx:load", function (event) { renderWithin(event.detail.elt); });
})();
