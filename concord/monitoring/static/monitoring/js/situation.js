/* The situation picture: clusters of incidents on a map without tiles, and a timeline.

   The server clusters: for each zoom level the map asks /api/v1/situation/summary for cells of
   about 64 pixels with the same filters as the page, so the browser draws at most a few hundred
   circles whatever the number of incidents. */
(function () {
  "use strict";

  /* The server sends the few largest categories and "other": colours a reader tells apart,
     also with the common colour-vision deficiencies (Okabe and Ito), and grey for the rest. */
  var PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00"];
  var OTHER = "#8c8c8c";
  var FADED = "33";

  /** The extent of the countries filtered on, each taken whole across the antimeridian. */
  function focusBounds(maps, features, codes) {
    if (!codes.length) return null;
    var wanted = features.filter(function (feature) {
      return codes.indexOf(String(feature.id).padStart(3, "0")) !== -1;
    }).map(maps.unwrap);
    if (!wanted.length) return null;
    var bounds = window.L.geoJSON({ type: "FeatureCollection", features: wanted }).getBounds();
    return bounds.isValid() ? bounds : null;
  }

  function drawMap(element) {
    var maps = window.Concord && window.Concord.maps;
    if (!maps || !window.L) return;
    var query = element.getAttribute("data-query") || "";
    var summaryUrl = element.getAttribute("data-summary-url");
    var label = element.getAttribute("data-incidents-label") || "";
    var focus = (element.getAttribute("data-focus") || "").split(",").filter(Boolean);
    maps.loadTopology(element.getAttribute("data-topology-url")).then(function (topology) {
      var map = maps.createMap(element);
      var features = maps.countries(topology);
      maps.land(features).addTo(map);
      // Filtered to countries or a region, the map opens on them; otherwise on the area of
      // responsibility as a whole.
      var bounds = focusBounds(maps, features, focus);
      if (bounds) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 7 });
      else map.setView([40, 66], 4);
      element.setAttribute("data-zoom", String(map.getZoom()));
      if (bounds) element.setAttribute("data-focused", focus.join(","));
      var layer = window.L.layerGroup().addTo(map);
      var pending = null;

      var compact = new Intl.NumberFormat(document.documentElement.lang || undefined,
                                          { notation: "compact", maximumFractionDigits: 1 });

      function refresh() {
        var zoom = Math.round(map.getZoom());
        var url = summaryUrl + "?zoom=" + zoom + (query ? "&" + query : "");
        if (pending) pending.abort();
        pending = new AbortController();
        window.fetch(url, { credentials: "same-origin", signal: pending.signal })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (summary) {
            if (!summary) return;
            layer.clearLayers();
            summary.clusters.forEach(function (cell) {
              var radius = 5 + Math.min(24, Math.sqrt(cell.count) * 2);
              var circle = window.L.circleMarker([cell.lat, cell.lon], {
                radius: radius, className: "situation-cluster severity-" + cell.severity,
              });
              circle.bindTooltip(String(cell.count) + " " + label, { direction: "top" });
              circle.on("click", function () { map.setView([cell.lat, cell.lon], Math.min(map.getZoom() + 2, 8)); });
              layer.addLayer(circle);
              if (cell.count > 1) {
                // The count on the bubble itself; the circle beneath keeps the pointer.
                layer.addLayer(window.L.marker([cell.lat, cell.lon], {
                  interactive: false, keyboard: false,
                  icon: window.L.divIcon({
                    className: "situation-cluster-label", html: compact.format(cell.count),
                    iconSize: [48, 16], iconAnchor: [24, 8],
                  }),
                }));
              }
            });
          })
          .catch(function () { /* a newer request replaced this one */ });
      }

      map.on("zoomend", function () {
        element.setAttribute("data-zoom", String(map.getZoom()));
        refresh();
      });
      refresh();
    });
  }

  function drawTimeline(canvas) {
    if (!window.Chart) return;
    var source = document.getElementById(canvas.getAttribute("data-timeline-id"));
    if (!source) return;
    var timeline = JSON.parse(source.textContent);
    var colours = timeline.series.map(function (series, index) {
      return series.category ? PALETTE[index % PALETTE.length] : OTHER;
    });
    var chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: timeline.weeks,
        datasets: timeline.series.map(function (series, index) {
          return { label: series.label, data: series.counts, backgroundColor: colours[index] };
        }),
      },
      options: {
        maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        plugins: { legend: {
          position: "bottom", labels: { boxWidth: 12 },
          // Pointing at a category fades the others, so that its bars read on their own.
          onHover: function (event, item) { highlight(item.datasetIndex); },
          onLeave: function () { highlight(-1); },
        } },
      },
    });

    function highlight(chosen) {
      chart.data.datasets.forEach(function (dataset, index) {
        dataset.backgroundColor = chosen === -1 || chosen === index
          ? colours[index] : colours[index] + FADED;
      });
      chart.update("none");
    }
  }

  function start() {
    document.querySelectorAll(".situation-map[data-summary-url]").forEach(drawMap);
    document.querySelectorAll("canvas[data-timeline-id]").forEach(drawTimeline);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
