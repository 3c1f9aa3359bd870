// conflict-kg search: matches the query against every label (any language), accents and case ignored.
(function () {
  "use strict";
  var index = window.CKG_INDEX || [];
  var form = document.getElementById("search-form");
  var box = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = index.map(function (row) { return fold(row[0]); });
  function show(query) {
    list.textContent = "";
    var q = fold(query.trim());
    if (!q) { count.textContent = ""; return; }
    var seen = {}, hits = [];
    for (var i = 0; i < index.length && hits.length < 200; i++) {
      if (folded[i].indexOf(q) !== -1 && !seen[index[i][2]]) { seen[index[i][2]] = true; hits.push(index[i]); }
    }
    count.textContent = hits.length + (hits.length === 200 ? "+" : "") + " result(s) for \u201c" + query + "\u201d";
    hits.forEach(function (row) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = row[2];
      a.textContent = row[0];
      if (row[1]) { a.lang = row[1]; }
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " \u2014 " + row[3] + (row[1] ? " (" + row[1] + ")" : "");
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { box.value = params.get("q"); }
  show(box.value);
  box.addEventListener("input", function () { show(box.value); });
  form.addEventListener("submit", function (event) { event.preventDefault(); show(box.value); });
})();
