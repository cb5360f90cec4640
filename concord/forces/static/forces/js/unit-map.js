/* Home stations on a map without tiles: each unit drawn with its MIL-STD-2525 / APP-6 symbol
   (milsymbol), from the same GeoJSON the page offers for download. */
(function () {
  "use strict";

  function marker(feature) {
    var props = feature.properties;
    var symbol = new window.ms.Symbol(props.sidc, { size: 22 });
    var anchor = symbol.getAnchor();
    var size = symbol.getSize();
    var icon = window.L.divIcon({
      className: "unit-marker",
      html: symbol.asSVG(),
      iconSize: [size.width, size.height],
      iconAnchor: [anchor.x, anchor.y]
    });
    var coordinates = feature.geometry.coordinates;
    var point = window.L.marker([coordinates[1], coordinates[0]], { icon: icon, title: props.name,
                                                                  alt: props.name, keyboard: true });
    var card = document.createElement("div");
    var link = document.createElement("a");
    link.href = props.url;
    link.textContent = props.name;
    var detail = document.createElement("div");
    detail.className = "small text-muted";
    detail.textContent = [props.echelon_label, props.type_label, props.home_station]
      .filter(Boolean).join(" · ");
    card.appendChild(link);
    card.appendChild(detail);
    point.bindPopup(card);
    return point;
  }

  function draw(element) {
    var maps = window.Concord && window.Concord.maps;
    if (!maps || !window.L || !window.ms) return;
    Promise.all([
      maps.loadTopology(element.getAttribute("data-topology-url")),
      window.fetch(element.getAttribute("data-units-url"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
    ]).then(function (loaded) {
      var map = maps.createMap(element);
      maps.land(maps.countries(loaded[0])).addTo(map);
      var layer = window.L.featureGroup(loaded[1].features.map(marker)).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 6 });
      else map.setView([45, 60], 3);
      element.setAttribute("data-units", String(loaded[1].features.length));
      var count = document.querySelector("[data-unit-count-label]");
      if (count) {
        count.textContent = count.getAttribute("data-unit-count-label") + " " +
          String(loaded[1].features.length);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".unit-map[data-units-url]").forEach(draw);
  });
})();
