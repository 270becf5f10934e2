  // -- selection and search --------------------------------------------------------------------

  function selectNode(id, focus) {
    state.selection = {kind: "node", id: id};
    if (revealNode(id)) { // 26-overview.js: brought into the overview if it was left out
      network.selectNodes([id]);
      if (focus) { centreOn(id); }
    }
    renderPanel();
    remember();
  }
  function selectEdge(id) {
    state.selection = {kind: "edge", id: id};
    if (edgesView.get(id)) { network.setSelection({nodes: [], edges: [id]}, {unselectAll: true}); }
    renderPanel();
    remember();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); }
    else if (params.edges.length) { selectEdge(params.edges[0]); }
  });

  var searchInput = document.getElementById("search");
  var results = document.getElementById("search-results");
  function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
  var searchIndex = Object.keys(DATA.entities).sort().map(function (id) {
    var e = DATA.entities[id];
    return {id: id, terms: [id, e.label_en, e.label_zh].concat(e.synonyms).map(norm)};
  });
  function search(query) {
    var q = norm(query).trim();
    if (!q) { return []; }
    var scored = [];
    searchIndex.forEach(function (item) {
      var best = 9;
      item.terms.forEach(function (term) {
        var at = term.indexOf(q);
        if (at < 0) { return; }
        best = Math.min(best, term === q ? 0 : at === 0 ? 1 : 2);
      });
      if (best < 9) { scored.push([best, entityLabel(item.id).length, item.id]); }
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return scored.map(function (s) { return s[2]; });
  }
  function showResults() {
    var found = search(searchInput.value);
    clear(results);
    results.hidden = !searchInput.value.trim();
    if (results.hidden) { return; }
    if (!found.length) { results.appendChild(el("li", {className: "empty"}, t("noMatch"))); return; }
    found.slice(0, 30).forEach(function (id) {
      var e = DATA.entities[id];
      var button = el("button", {type: "button"}, label(e), el("span", {className: "other"}, otherLabel(e)));
      button.dataset.id = id;
      button.addEventListener("click", function () { results.hidden = true; selectNode(id, true); });
      results.appendChild(el("li", null, button));
    });
    network.selectNodes(found.filter(function (id) { return nodesView.get(id); }));
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search(searchInput.value);
      if (found.length) { results.hidden = true; selectNode(found[0], true); }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("search-box").contains(event.target)) { results.hidden = true; }
  });

