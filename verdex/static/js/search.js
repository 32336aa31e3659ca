// Browse pages: the filter panel (a <details>) starts closed so that phones
// reach the results at once; on wider screens it is opened here. What the
// reader opened or closed survives the htmx swaps that each filter change makes.
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 801px)");
  var remembered = null; // id -> open, captured just before htmx replaces the search area

  function area() { return document.getElementById("search-area"); }

  function openOnWideScreens(root) {
    if (!WIDE.matches) return;
    root.querySelectorAll("details[data-open-on-desktop]").forEach(function (panel) { panel.open = true; });
  }

  function capture() {
    var root = area();
    if (!root) return;
    remembered = {};
    root.querySelectorAll("details[id]").forEach(function (details) { remembered[details.id] = details.open; });
  }

  function restore(root) {
    if (!remembered) { openOnWideScreens(root); return; }
    root.querySelectorAll("details[id]").forEach(function (details) {
      if (Object.prototype.hasOwnProperty.call(remembered, details.id)) details.open = remembered[details.id];
    });
    remembered = null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = area();
    if (root) openOnWideScreens(root);
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "search-area") capture();
  });
  // afterSwap, not afterSettle: the new area is restored in the same task that inserted it,
  // so nobody (a reader, or a test) sees the panel closed for the settle delay and reopen.
  document.addEventListener("htmx:afterSwap", function () {
    var root = area();
    if (root) restore(root);
  });
})();
