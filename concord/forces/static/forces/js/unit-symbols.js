/* Draws each unit's MIL-STD-2525 / APP-6 symbol from its code with milsymbol, served locally. */
(function () {
  "use strict";

  function draw(root) {
    if (!window.ms) return;
    root.querySelectorAll("[data-sidc]").forEach(function (cell) {
      if (cell.getAttribute("data-drawn")) return;
      var symbol = new window.ms.Symbol(cell.getAttribute("data-sidc"), { size: 18 });
      if (symbol.isValid && !symbol.isValid()) return;
      cell.innerHTML = symbol.asSVG();
      cell.setAttribute("data-drawn", "1");
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.body.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
