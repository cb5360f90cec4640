/* Seizures of joint operations by year and substance, drawn from the data the page carries. */
(function () {
  "use strict";
  var PALETTE = ["#1f5fa8", "#b5452b", "#2e7d4f", "#7a4fa0", "#a8741a", "#23747e", "#8a3b5c",
                 "#4d5b6a", "#5f7d1f", "#a0522d"];

  function draw(canvas) {
    if (!window.Chart) return;
    var source = document.getElementById(canvas.getAttribute("data-chart-id"));
    if (!source) return;
    var chart = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: chart.datasets.map(function (series, index) {
          return { label: series.label, data: series.data,
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
    document.querySelectorAll("canvas[data-chart-id]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
