/* The situation picture: clusters of incidents on a map without tiles, and a timeline.

   The server clusters: for each zoom level the map asks /api/v1/situation/summary for cells of
   about 64 pixels with the same filters as the page, so the browser draws at most a few hundred
   circles whatever the number of incidents. */
(function () {
  "use strict";

  var PALETTE = ["#1f4e79", "#d9622b", "#2f7d4f", "#b3261e", "#c99a06", "#6f42c1", "#0d8aa8",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39"];

  function drawMap(element) {
    var maps = window.Concord && window.Concord.maps;
    if (!maps || !window.L) return;
    var query = element.getAttribute("data-query") || "";
    var summaryUrl = element.getAttribute("data-summary-url");
    var label = element.getAttribute("data-incidents-label") || "";
    maps.loadTopology(element.getAttribute("data-topology-url")).then(function (topology) {
      var map = maps.createMap(element);
      maps.land(maps.countries(topology)).addTo(map);
      map.setView([40, 66], 4);
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

      map.on("zoomend", refresh);
      refresh();
    });
  }

  function drawTimeline(canvas) {
    if (!window.Chart) return;
    var source = document.getElementById(canvas.getAttribute("data-timeline-id"));
    if (!source) return;
    var timeline = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: timeline.weeks,
        datasets: timeline.series.map(function (series, index) {
          return { label: series.label, data: series.counts,
                   backgroundColor: PALETTE[index % PALETTE.length] };
        }),
      },
      options: {
        maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
      },
    });
  }

  function start() {
    document.querySelectorAll(".situation-map[data-summary-url]").forEach(drawMap);
    document.querySelectorAll("canvas[data-timeline-id]").forEach(drawTimeline);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
