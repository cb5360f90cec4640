/* Units by readiness level as stacked bars (Chart.js): one bar per state or per formation. */
(function () {
  "use strict";

  var COLOURS = { 4: "#146c43", 3: "#0a58ca", 2: "#ffc107", 1: "#b02a37" };
  var UNKNOWN = "#adb5bd";
  var STALE = "#6f42c1";

  function draw(canvas) {
    if (!window.Chart) return;
    var source = document.getElementById(canvas.getAttribute("data-readiness-chart"));
    if (!source) return;
    var chart = JSON.parse(source.textContent);
    var datasets = chart.series.map(function (series) {
      return { label: series.label, data: series.values, backgroundColor: COLOURS[series.level] };
    });
    datasets.push({ label: canvas.getAttribute("data-unknown-label"), data: chart.unknown,
                    backgroundColor: UNKNOWN });
    // Units not reported within their period, drawn over the bars in a stack of their own.
    if (chart.stale) {
      datasets.push({ type: "line", label: canvas.getAttribute("data-stale-label"),
                      data: chart.stale, stack: "stale", borderColor: STALE,
                      backgroundColor: STALE, showLine: false, pointRadius: 6,
                      pointStyle: "triangle" });
    }
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: chart.labels, datasets: datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                                              ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-readiness-chart]").forEach(draw);
  });
})();
