/* Exercise pages: the map of exercise areas (Leaflet over the land Concord serves, no tiles) and
   the timeline of an exercise's phases (a Chart.js bar chart of floating bars, one per phase).

   Markup: <div class="exercise-map" data-topology-url="…" data-areas-id="ID"> where #ID is a
   json_script list of {name, exercise, lat, lon, url}; and
   <canvas class="exercise-timeline" data-phases-id="ID"> where #ID lists {content, start, end}
   with ISO dates, the end inclusive. */
(function () {
  "use strict";

  var DAY = 86400000;
  var COLOUR = "#0072b2";

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : [];
  }

  function dayNumber(iso) {
    var parts = iso.split("-");
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / DAY;
  }

  function isoOf(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function drawMap(element) {
    var maps = window.Concord && window.Concord.maps;
    if (!maps || !window.L || element.getAttribute("data-drawn")) return;
    element.setAttribute("data-drawn", "1");
    var areas = readJson(element.getAttribute("data-areas-id"));
    maps.loadTopology(element.getAttribute("data-topology-url")).then(function (topology) {
      var map = maps.createMap(element);
      var points = areas.map(function (area) { return [area.lat, area.lon]; });
      // The view comes first: Leaflet places the land and the markers in it.
      if (points.length) map.fitBounds(window.L.latLngBounds(points).pad(0.5), { maxZoom: 5 });
      else map.setView([45, 65], 3);
      maps.land(maps.countries(topology)).addTo(map);
      areas.forEach(function (area) {
        var marker = window.L.circleMarker([area.lat, area.lon], {
          radius: 7, color: COLOUR, weight: 2, fillOpacity: 0.6, className: "exercise-area",
        }).addTo(map);
        var label = document.createElement("a");
        label.href = area.url;
        label.textContent = area.exercise + ": " + area.name;
        marker.bindPopup(label);
      });
    });
  }

  function drawTimeline(canvas) {
    if (!window.Chart || canvas.getAttribute("data-drawn")) return;
    canvas.setAttribute("data-drawn", "1");
    var phases = readJson(canvas.getAttribute("data-phases-id"));
    var bars = phases.map(function (p) { return [dayNumber(p.start), dayNumber(p.end) + 1]; });
    // The axis spans the exercise's days alone, from the first phase's start to the last's end.
    var first = Math.min.apply(null, bars.map(function (bar) { return bar[0]; }));
    var last = Math.max.apply(null, bars.map(function (bar) { return bar[1]; }));
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: phases.map(function (p) { return p.content; }),
        datasets: [{
          label: canvas.getAttribute("aria-label") || "",
          // A phase covers its last day whole: the bar ends where the next day begins.
          data: bars,
          backgroundColor: COLOUR,
        }],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (item) {
                var bar = item.raw;
                return isoOf(bar[0]) + " — " + isoOf(bar[1] - 1);
              },
            },
          },
        },
        scales: {
          x: {
            type: "linear", min: first, max: last,
            ticks: { stepSize: 1, callback: function (value) { return isoOf(value); } },
          },
        },
      },
    });
  }

  function within(scope) {
    scope.querySelectorAll(".exercise-map[data-areas-id]").forEach(drawMap);
    scope.querySelectorAll("canvas.exercise-timeline[data-phases-id]").forEach(drawTimeline);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { within(document); });
  } else {
    within(document);
  }
  document.addEventListener("htmx:load", function (event) { within(event.detail.elt); });
})();
