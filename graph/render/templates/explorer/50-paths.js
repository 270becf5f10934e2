  // -- mechanism paths -------------------------------------------------------------------------
  /* DATA.paths: [{therapy, disease, paths: [{nodes: [id], edges: ["S|pred|O"], net_sign, score}]}]
   * (made by graph/html.py path_record); DATA.highlight.paths: the paths the page was opened on. */

  var pairIndex = Object.create(null);
  DATA.paths.forEach(function (entry) { pairIndex[entry.therapy + "|" + entry.disease] = entry; });

  function netLabel(sign) {
    return sign === -1 ? t("netNeg") : sign === 1 ? t("netPos") : sign === 0 ? t("netZero") : t("netNone");
  }

  /* Show ``list`` (path records) on the graph: only their nodes and steps, laid out left to right. */
  function setHighlight(list) {
    highlightPaths = list;
    highlightNodes = new Set();
    highlightEdges = new Set();
    list.forEach(function (p) {
      p.nodes.forEach(function (n) { highlightNodes.add(n); });
      p.edges.forEach(function (e) { highlightEdges.add(e); });
    });
    state.highlight = highlightEdges.size > 0;
    document.getElementById("highlight-toggle").hidden = !state.highlight;
    document.getElementById("highlight").checked = state.highlight;
    applyFilters();
    restyle();
  }
  function leavePathMode() {
    state.highlight = false;
    document.getElementById("highlight").checked = false;
    restyle();
  }

  var pathDisease = document.getElementById("path-disease");
  var pathTherapy = document.getElementById("path-therapy");
  function byLabel(a, b) {
    var la = entityLabel(a), lb = entityLabel(b);
    return la < lb ? -1 : la > lb ? 1 : (a < b ? -1 : a > b ? 1 : 0);
  }
  function renderPathControls() {
    var entries = DATA.live ? livePairs() : DATA.paths; // served: every pair, searched on demand (57-live.js)
    document.getElementById("paths-section").hidden = entries.length === 0;
    var diseases = Array.from(new Set(entries.map(function (e) { return e.disease; }))).sort(byLabel);
    clear(pathDisease);
    pathDisease.appendChild(el("option", {value: ""}, t("chooseDisease")));
    diseases.forEach(function (id) {
      pathDisease.appendChild(el("option", {value: id, selected: id === state.pathDisease}, entityLabel(id)));
    });
    var therapies = entries.filter(function (e) { return e.disease === state.pathDisease; })
      .map(function (e) { return e.therapy; }).sort(byLabel);
    clear(pathTherapy);
    pathTherapy.appendChild(el("option", {value: ""}, t("chooseTherapy")));
    therapies.forEach(function (id) {
      pathTherapy.appendChild(el("option", {value: id, selected: id === state.pathTherapy}, entityLabel(id)));
    });
    pathTherapy.disabled = !state.pathDisease;
  }
  function showPair(therapy, disease) {
    var key = therapy + "|" + disease;
    if (!pairIndex[key]) { return DATA.live ? fetchPair(therapy, disease) : false; }
    state.pathDisease = disease;
    state.pathTherapy = therapy;
    renderPathControls();
    state.selection = {kind: "paths", id: key};
    setHighlight(pairIndex[key].paths);
    renderPanel();
    remember();
    return true;
  }
  pathDisease.addEventListener("change", function () {
    state.pathDisease = pathDisease.value;
    state.pathTherapy = "";
    renderPathControls();
  });
  pathTherapy.addEventListener("change", function () {
    if (pathTherapy.value) { showPair(pathTherapy.value, state.pathDisease); }
  });

  function renderPageLinks() {
    var nav = document.getElementById("page-links");
    clear(nav);
    nav.hidden = DATA.links.length === 0;
    DATA.links.forEach(function (l) {
      // only the sibling pages the build wrote: a plain file name, never a URL
      if (/^[A-Za-z0-9_.-]+\.html$/.test(l.href)) { nav.appendChild(el("a", {href: l.href}, l.label)); }
    });
  }

