// The case map: the world's outlines (no tile server is needed), the case's area, the
// incidents around it, the facilities under protection and the deployed units, from the page's
// GeoJSON.
(function () {
  "use strict";
  function draw(box) {
    var data = JSON.parse(document.getElementById(box.dataset.featuresId).textContent);
    var map = L.map(box, { attributionControl: false }).setView([48, 68], 3);
    var layer = L.featureGroup().addTo(map);
    var styles = {
      incident: { radius: 4, color: "#b02a37", fillOpacity: 0.7, weight: 1 },
      facility: { radius: 6, color: "#0d6efd", fillOpacity: 0.9, weight: 2 },
      unit: { radius: 7, color: "#198754", fillOpacity: 0.9, weight: 2 }
    };
    fetch(box.dataset.topologyUrl).then(function (r) { return r.json(); }).then(function (world) {
      L.geoJSON(topojson.feature(world, world.objects.countries), {
        style: { color: "#8a94a6", weight: 0.6, fillColor: "#f2f4f7", fillOpacity: 1 },
        interactive: false
      }).addTo(map).bringToBack();
    });
    data.features.forEach(function (feature) {
      var kind = feature.properties.kind;
      var c = feature.geometry.coordinates;
      if (kind === "area" && feature.geometry.type === "Point") {
        L.circle([c[1], c[0]], { radius: (feature.properties.radius_km || 1) * 1000,
          color: "#fd7e14", weight: 2, fillOpacity: 0.1 }).addTo(layer);
      } else if (kind === "area") {
        L.geoJSON(feature, { style: { color: "#fd7e14", weight: 2, fillOpacity: 0.1 } }).addTo(layer);
      } else {
        var marker = L.circleMarker([c[1], c[0]], styles[kind]);
        var text = feature.properties.name || "";
        if (feature.properties.contingent) { text += " — " + feature.properties.contingent; }
        if (feature.properties.status) { text += " (" + feature.properties.status + ")"; }
        if (feature.properties.day) { text += " — " + feature.properties.day; }
        marker.bindTooltip(text);
        marker.addTo(layer);
      }
    });
    if (layer.getLayers().length) {
      map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 9 });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".case-map").forEach(draw);
  });
})();
