  // -- selection and search --------------------------------------------------------------------

  /* Move the view onto a node and its shown neighbours (26-overview.js centreOn), in the part of
   * the graph that an open drawer leaves free; at once (an animation is as slow as the drawing of
   * its frames). */
  function centreOnNode(id) {
    if (!nodesView.get(id)) { return; }
    centreOn(id);
    var offset = drawerOffset();
    if (offset.x || offset.y) {
      network.moveTo({position: network.getPositions([id])[id], scale: network.getScale(), offset: offset, animation: false});
    }
  }
  /* Fit the view to some nodes (an edge's ends, a path), with a margin, in the free part of the graph. */
  function centreOnNodes(ids) {
    var shown = ids.filter(function (id) { return nodesView.get(id); });
    if (!shown.length) { return; }
    if (pathMode()) { fitShown(); return; } // a path view shows only its paths: fitted into the free area
    network.fit({nodes: shown, animation: false});
    var scale = Math.min(network.getScale() * 0.85, 2);
    var positions = network.getPositions(shown);
    var xs = shown.map(function (id) { return positions[id].x; });
    var ys = shown.map(function (id) { return positions[id].y; });
    var centre = {x: (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
      y: (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2};
    network.moveTo({position: centre, scale: scale, offset: drawerOffset(),
      animation: false});
  }

  function selectNode(id, focus) {
    state.selection = {kind: "node", id: id};
    var shown = revealNode(id); // 26-overview.js: brought into the overview if it was left out
    renderPanel();
    if (shown) {
      network.selectNodes([id]);
      if (focus) { revealPanel(); centreOnNode(id); }
    }
    remember();
    markTableSelection();
  }
  function selectEdge(id, focus) {
    state.selection = {kind: "edge", id: id};
    if (DATA.edges[id]) { revealNode(DATA.edges[id].from); revealNode(DATA.edges[id].to); }
    renderPanel();
    if (edgesView.get(id)) { network.setSelection({nodes: [], edges: [id]}, {unselectAll: true}); }
    if (focus) { revealPanel(); centreOnNodes([DATA.edges[id].from, DATA.edges[id].to]); }
    remember();
    markTableSelection();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); revealPanel(); }
    else if (params.edges.length) { selectEdge(params.edges[0]); revealPanel(); }
  });

  /* The search box is an ARIA combobox: its list of options is a listbox, walked with the arrow
   * keys, Home and End, picked with Enter or a click, closed with Escape. A query and every name
   * are compared in one normal form, DATA.search's (graph/terms/search_keys.py): the same steps as
   * search_key() there, with the Chinese characters folded by its map instead of OpenCC. */
  Object.assign(UI.en, {searchResults: "search results", resultCount: "{n} results", moreResults: "{n} more: type more to narrow"});
  Object.assign(UI["zh-Hant"], {searchResults: "搜尋結果", resultCount: "{n} 個結果", moreResults: "還有 {n} 個：請輸入更多字縮小範圍"});
  var searchInput = document.getElementById("search");
  var results = document.getElementById("search-results");
  var GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi", "ο": "omicron",
    "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi",
    "ψ": "psi", "ω": "omega"};
  var SEARCH = DATA.search || {keys: {}, fold: {}};
  var foldChars = dictionary(SEARCH.fold);
  var MAX_RESULTS = 30;
  function searchKey(text) {
    var s = String(text).normalize("NFKC").toLowerCase().replace(/ß/g, "ss").normalize("NFKC");
    var out = "";
    for (var ch of s) {
      ch = GREEK[ch] || ch;
      if (/^[\p{L}\p{N}]+$/u.test(ch)) { out += foldChars[ch] || ch; }
    }
    return out;
  }
  var searchIndex = Object.keys(DATA.entities).sort().map(function (id) {
    var keys = SEARCH.keys[id];
    return {id: id, terms: isList(keys) ? keys : [searchKey(id)]};
  });
  function search(query) {
    var q = searchKey(query);
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

  var activeOption = -1;
  function options() { return Array.prototype.slice.call(results.querySelectorAll('[role="option"][data-id]')); }
  function setListOpen(open) {
    results.hidden = !open;
    searchInput.setAttribute("aria-expanded", String(open));
    if (!open) { setActive(-1); }
  }
  function setActive(index) {
    var list = options();
    activeOption = list.length ? Math.max(-1, Math.min(index, list.length - 1)) : -1;
    list.forEach(function (option, i) { option.setAttribute("aria-selected", String(i === activeOption)); });
    if (activeOption >= 0) {
      searchInput.setAttribute("aria-activedescendant", list[activeOption].id);
      list[activeOption].scrollIntoView({block: "nearest"});
    } else {
      searchInput.removeAttribute("aria-activedescendant");
    }
  }
  function pick(id) {
    setListOpen(false);
    selectNode(id, true);
  }
  function showResults() {
    var found = search(searchInput.value);
    clear(results);
    activeOption = -1;
    searchInput.removeAttribute("aria-activedescendant");
    if (!searchInput.value.trim()) { setListOpen(false); return; }
    if (!found.length) {
      results.appendChild(el("li", {role: "option", id: "search-none", className: "empty"}, t("noMatch")));
      results.firstChild.setAttribute("aria-disabled", "true");
    }
    found.slice(0, MAX_RESULTS).forEach(function (id, i) {
      var e = DATA.entities[id];
      var cls = classInfo(e.type);
      var symbol = el("span", {className: "symbol"}, SHAPE_SYMBOL[cls && cls.shape] || "●");
      symbol.setAttribute("aria-hidden", "true");
      if (cls) { symbol.style.color = cls.color; }
      var option = el("li", {id: "search-option-" + i},
        el("span", {className: "name", lang: state.lang}, label(e)),
        el("span", {className: "other", lang: zh() ? "en" : "zh-Hant"}, otherLabel(e)),
        el("span", {className: "cls"}, symbol, cls ? label(cls) : e.type));
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.id = id;
      option.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the focus in the box
      option.addEventListener("click", function () { pick(id); });
      results.appendChild(option);
    });
    if (found.length > MAX_RESULTS) {
      results.appendChild(el("li", {role: "presentation", className: "empty"},
        format(t("moreResults"), {n: found.length - MAX_RESULTS})));
    }
    setListOpen(true);
    network.selectNodes(found.filter(function (id) { return nodesView.get(id); }));
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (event) {
    var count = options().length;
    var open = !results.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) { showResults(); if (results.hidden) { return; } }
      var step = event.key === "ArrowDown" ? 1 : -1;
      setActive(activeOption < 0 ? (step > 0 ? 0 : count - 1) : (activeOption + step + count) % count);
    } else if ((event.key === "Home" || event.key === "End") && open && count) {
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : count - 1);
    } else if (event.key === "Enter") {
      var list = options();
      var chosen = activeOption >= 0 ? list[activeOption] : null;
      var id = chosen ? chosen.dataset.id : search(searchInput.value)[0];
      if (id) { event.preventDefault(); pick(id); }
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); setListOpen(false); }
    }
  });
  searchInput.addEventListener("blur", function () { setTimeout(function () { setListOpen(false); }, 150); });
  searchInput.addEventListener("focus", function () { if (searchInput.value.trim()) { showResults(); } });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("search-box").contains(event.target)) { setListOpen(false); }
  });
