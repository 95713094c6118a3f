"use strict";
(function () {
  var conflicts = Array.prototype.slice.call(document.querySelectorAll("li.conflict"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.claim"));
  function words(s) { return (s || "").split(" ").filter(Boolean); }
  function marksOf(k) { return marks.filter(function (m) { return words(m.dataset.conflicts).indexOf(k) >= 0; }); }
  // Scrolls the column holding `mark` so that the mark sits a third of the way down.
  function reveal(mark) {
    var text = mark.closest(".text");
    text.scrollTop = Math.max(0, mark.offsetTop - text.clientHeight / 3);
    var column = mark.closest(".column");
    var strip = column.parentElement;
    if (column.offsetLeft < strip.scrollLeft || column.offsetLeft + column.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = column.offsetLeft - strip.offsetLeft;
    }
  }
  function select(li, claim) {
    document.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
    li.classList.add("selected");
    var k = li.dataset.conflict;
    var own = marksOf(k);
    own.forEach(function (m) { m.classList.add("selected"); });
    var seen = [];
    own.forEach(function (m) {
      var text = m.closest(".text");
      if (seen.indexOf(text) < 0) { seen.push(text); reveal(m); }
    });
    if (claim) {
      var target = own.filter(function (m) { return words(m.dataset.claims).indexOf(claim) >= 0; })[0];
      if (target) { reveal(target); }
    }
    if (history.replaceState) { history.replaceState(null, "", "#" + li.id); }
  }
  conflicts.forEach(function (li) {
    li.addEventListener("click", function (e) {
      var link = e.target.closest("a[data-claim]");
      if (link) { e.preventDefault(); }
      select(li, link ? link.dataset.claim : null);
    });
    li.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(li, null); }
    });
  });
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var li = document.getElementById("c" + words(m.dataset.conflicts)[0]);
      if (li && !li.hidden) { select(li, null); li.scrollIntoView({ block: "nearest" }); }
    });
  });
  function applyFilters() {
    var on = {};
    document.querySelectorAll(".filters input").forEach(function (i) { on[i.name + ":" + i.value] = i.checked; });
    var shown = {};
    conflicts.forEach(function (li) {
      var visible = on["kind:" + li.dataset.kind] !== false && on["severity:" + li.dataset.severity] !== false;
      li.hidden = !visible;
      shown[li.dataset.conflict] = visible;
    });
    marks.forEach(function (m) {
      var any = words(m.dataset.conflicts).some(function (k) { return shown[k]; });
      m.classList.toggle("off", !any);
    });
  }
  document.querySelectorAll(".filters input").forEach(function (i) { i.addEventListener("change", applyFilters); });
  applyFilters();
  var start = location.hash && document.getElementById(location.hash.slice(1));
  if (start && start.classList.contains("conflict")) { select(start, null); start.scrollIntoView({ block: "nearest" }); }
  document.body.dataset.ready = String(conflicts.length);
})();
