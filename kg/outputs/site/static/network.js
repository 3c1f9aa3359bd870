// conflict-kg network page: pan, zoom and a time slider over the page's own SVG.
// An edge is shown on day D iff one of its spans "start/end" contains D (".." is open),
// the rule of `conflict-kg plot --at`; a node is shown iff one of its edges is.
(function () {
  "use strict";
  var svg = document.getElementById("net");
  if (!svg) { return; }
  var viewport = document.getElementById("viewport");
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  var scale = 1, tx = 0, ty = 0;
  function apply() { viewport.setAttribute("transform", "translate(" + tx + " " + ty + ") scale(" + scale + ")"); }
  function zoom(factor, cx, cy) {
    var next = Math.min(8, Math.max(0.3, scale * factor));
    tx = cx - (cx - tx) * (next / scale); ty = cy - (cy - ty) * (next / scale); scale = next; apply();
  }
  function point(event) {
    var box = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
    return [(event.clientX - box.left) * vb.width / box.width, (event.clientY - box.top) * vb.height / box.height];
  }
  svg.addEventListener("wheel", function (event) {
    event.preventDefault(); var p = point(event); zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
  }, { passive: false });
  var drag = null, moved = false;
  svg.addEventListener("pointerdown", function (event) {
    drag = point(event); moved = false;
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var p = point(event);
    if (Math.abs(p[0] - drag[0]) + Math.abs(p[1] - drag[1]) > 3) { moved = true; }
    tx += p[0] - drag[0]; ty += p[1] - drag[1]; drag = p; apply();
  });
  window.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("click", function (event) { if (moved) { event.preventDefault(); moved = false; } }, true);
  var vb = svg.viewBox.baseVal;
  [["zoom-in", 1.25], ["zoom-out", 0.8]].forEach(function (pair) {
    var button = document.getElementById(pair[0]);
    button.hidden = false;
    button.addEventListener("click", function () { zoom(pair[1], vb.width / 2, vb.height / 2); });
  });
  var reset = document.getElementById("zoom-reset");
  reset.hidden = false;
  reset.addEventListener("click", function () { scale = 1; tx = 0; ty = 0; apply(); });

  var DAY = 86400000;
  function toDay(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY); }
  function toIso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  var spans = edges.map(function (edge) {
    var text = edge.getAttribute("data-spells");
    return text ? text.split(" ").map(function (spell) {
      var ends = spell.split("/");
      return [ends[0] === ".." ? -Infinity : toDay(ends[0]), ends[1] === ".." ? Infinity : toDay(ends[1])];
    }) : [];
  });
  var form = document.getElementById("time"), all = document.getElementById("all-dates");
  var range = document.getElementById("day"), label = document.getElementById("day-label");
  var text = document.getElementById("day-text"), shown = document.getElementById("shown");
  form.hidden = false;
  function show(day) {
    var visible = {}, count = 0;
    edges.forEach(function (edge, i) {
      var on = day === null || spans[i].some(function (s) { return s[0] <= day && day <= s[1]; });
      edge.classList.toggle("hidden", !on);
      if (on) { visible[edge.getAttribute("data-u")] = true; visible[edge.getAttribute("data-v")] = true; count++; }
    });
    nodes.forEach(function (node) {
      node.classList.toggle("hidden", day !== null && !visible[node.getAttribute("data-iri")]);
    });
    shown.textContent = count + " relation(s) shown";
    svg.setAttribute("data-day", day === null ? "" : toIso(day));
  }
  function update() {
    range.disabled = text.disabled = all.checked;
    if (all.checked) { label.textContent = "all dates"; show(null); return; }
    label.textContent = toIso(Number(range.value));
    text.value = toIso(Number(range.value));
    show(Number(range.value));
  }
  range.min = String(Number(range.min)); range.max = String(Number(range.max));
  range.addEventListener("input", update);
  all.addEventListener("change", update);
  text.addEventListener("change", function () {
    if (!text.value) { return; }
    var day = toDay(text.value);
    range.value = String(day);
    label.textContent = text.value;
    show(day);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.ckgShowDate = function (iso) {
    all.checked = false; range.disabled = text.disabled = false;
    range.value = String(toDay(iso)); text.value = iso; label.textContent = iso; show(toDay(iso));
  };
  update();
})();
