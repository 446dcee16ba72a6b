// Optional filter for the timeline page: by text, kind and status.
// The page is complete without it; the form stays hidden when scripts are off.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var text = document.getElementById("filter-text");
  var kind = document.getElementById("filter-kind");
  var status = document.getElementById("filter-status");
  var count = document.getElementById("filter-count");
  var cards = Array.prototype.slice.call(document.querySelectorAll("li.card"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.month, section.year"));
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  function apply() {
    var q = text.value.trim().toLowerCase();
    var k = kind.value;
    var s = status.value;
    var shown = 0;
    cards.forEach(function (c) {
      var ok = (!k || c.getAttribute("data-kind") === k) &&
        (!s || c.getAttribute("data-status") === s) &&
        (!q || (c.getAttribute("data-text") || "").indexOf(q) !== -1);
      c.hidden = !ok;
      if (ok) { shown += 1; }
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("li.card:not([hidden])");
    });
    count.textContent = (q || k || s) ? shown + " of " + cards.length + " events shown" : "";
  }
  text.addEventListener("input", apply);
  kind.addEventListener("change", apply);
  status.addEventListener("change", apply);
}());
