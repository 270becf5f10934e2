  // -- graph -----------------------------------------------------------------------------------
  /* What is shown is decided here, once per change (applyFilters): the *mode* picks the
   * candidate nodes (a highlighted path, a focus neighbourhood, a narrowing filter over the whole
   * graph, the overview, or the whole graph), the filters pick among them, and a node left
   * without any shown edge by a filter is hidden too. Each mode but "all" gets a layout of its
   * own (24-layout.js, the paths' in 50-paths.js); "all" keeps the build's global positions. */

  var highlightNodes = new Set(DATA.highlight.nodes);
  var highlightEdges = new Set(DATA.highlight.edges);
  var highlightPaths = DATA.highlight.paths;
  var overviewSet = new Set(DATA.overview || []);
  // the overview is the first view when it leaves something out; a small graph is shown whole
  state.view = overviewSet.size && overviewSet.size < DATA.vis.nodes.length ? "overview" : "all";
  state.flagFilter = "all"; // "all" | "only" | "hide" (28-flags.js)
  state.expanded = new Set(); // nodes brought into the overview: expandNode, a search pick

  /* What of a node or an edge depends on the language and the path emphasis. Nodes carry no
   * vis label: 22-labels.js draws the labels that fit. */
  function nodeLook(n) {
    var e = DATA.entities[n.id];
    var cls = classInfo(e.type);
    var dim = emphasised() && !highlightNodes.has(n.id);
    return {
      id: n.id,
      title: label(e) + " / " + otherLabel(e) + " (" + (cls ? label(cls) : e.type) + ")" +
        (present(e.flags) ? " ⚑ " + t("flagged") : ""),
      opacity: dim ? 0.25 : 1
    };
  }
  function emphasised() { return state.highlight && highlightEdges.size > 0; }
  function edgeLook(base) {
    var info = DATA.edges[base.id];
    var sign = signInfo(info.sign);
    var on = highlightEdges.has(base.id);
    return {
      id: base.id,
      // in a path view the steps are labelled by 50-paths.js, in the label grid
      label: state.edgeLabels && !pathMode() ? predicateLabel(info.predicate) : "",
      title: entityLabel(info.from) + " —" + predicateLabel(info.predicate) + "→ " + entityLabel(info.to) +
        " (" + info.claims.length + " " + t("claims") + ")" + (info.flagged ? " ⚑ " + t("flagged") : ""),
      width: emphasised() && on ? base.width * 2 + 2 : base.width,
      arrows: {to: {enabled: true, type: sign.arrow, scaleFactor: 0.8}},
      color: {color: sign.color, highlight: sign.color, hover: sign.color, opacity: emphasised() && !on ? 0.2 : 1}
    };
  }
  function nodeItem(n) {
    var item = Object.assign({}, n, nodeLook(n));
    delete item.label;
    delete item.font;
    return item;
  }
  // the items are complete before vis sees them: one pass, no update of 20,000 items
  var nodes = new vis.DataSet(DATA.vis.nodes.map(nodeItem));
  var edges = new vis.DataSet(DATA.vis.edges.map(function (e) { return Object.assign({}, e, edgeLook(e)); }));
  var globalPosition = Object.create(null);
  DATA.vis.nodes.forEach(function (n) { globalPosition[n.id] = {x: n.x, y: n.y}; });

  /* The filters (class, sign, evidence, disease, flags) without the focus. */
  function edgePassesFilters(edgeId) {
    var info = DATA.edges[edgeId];
    if (!state.signs.has(String(info.sign))) { return false; }
    if (!edgePassesFlagFilter(info)) { return false; }
    var levels = info.evidence_levels.length ? info.evidence_levels : [""];
    if (!levels.some(function (l) { return state.evidence.has(l); })) { return false; }
    if (state.disease) {
      // a disease stands for itself and its narrower diseases (skos:broader*, graph/queries/README.md)
      var scope = DATA.disease_scope[state.disease] || [state.disease];
      var inScope = function (d) { return scope.indexOf(d) >= 0; };
      if (!(info.diseases.some(inScope) || inScope(info.from) || inScope(info.to))) { return false; }
    }
    return !state.hiddenClasses.has(DATA.entities[info.from].type) &&
      !state.hiddenClasses.has(DATA.entities[info.to].type);
  }
  function nodePassesFilters(id) {
    if (state.hiddenClasses.has(DATA.entities[id].type)) { return false; }
    if (!nodePassesFlagFilter(DATA.entities[id])) { return false; }
    return !state.diseaseNodes || state.diseaseNodes.has(id);
  }
  var shownNodeSet = new Set();
  var shownEdgeSet = new Set();
  function edgeVisible(e) { return shownEdgeSet.has(e.id); }
  function nodeVisible(n) { return shownNodeSet.has(n.id); }
  /* The nodes at most k edges from ``start``, walking edges in either direction, using only the
   * edges and nodes that the filters leave (breadth-first search). Empty if the filters hide ``start``. */
  function neighbourhood(start, k) {
    var found = new Set();
    if (!DATA.entities[start] || !nodePassesFilters(start)) { return found; }
    var adjacent = Object.create(null);
    Object.keys(DATA.edges).forEach(function (edgeId) {
      var info = DATA.edges[edgeId];
      if (!edgePassesFilters(edgeId) || !nodePassesFilters(info.from) || !nodePassesFilters(info.to)) { return; }
      (adjacent[info.from] = adjacent[info.from] || []).push(info.to);
      (adjacent[info.to] = adjacent[info.to] || []).push(info.from);
    });
    found.add(start);
    var frontier = [start];
    for (var depth = 0; depth < k && frontier.length; depth++) {
      var next = [];
      frontier.forEach(function (id) {
        (adjacent[id] || []).forEach(function (other) {
          if (!found.has(other)) { found.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return found;
  }
  var nodesView = new vis.DataView(nodes, {filter: nodeVisible});
  var edgesView = new vis.DataView(edges, {filter: edgeVisible});
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodesView, edges: edgesView}, DATA.vis.options);

  function pathMode() { return state.highlight && highlightNodes.size > 1 && highlightEdges.size > 0; }
  /* "path" | "focus" | "filtered" (a disease, or only flagged: over the whole graph) | "overview" | "all". */
  function viewMode() {
    if (pathMode()) { return "path"; }
    if (state.focus) { return "focus"; }
    if (state.disease || state.flagFilter === "only") { return "filtered"; }
    return state.view === "overview" ? "overview" : "all";
  }
  /* The node ids that stay shown even without a shown edge: the focus, the selection, the disease filtered on. */
  function pinnedNodes() {
    var pinned = new Set();
    if (state.focus) { pinned.add(state.focus.id); }
    if (state.selection && state.selection.kind === "node") { pinned.add(state.selection.id); }
    if (state.disease) { pinned.add(state.disease); }
    return pinned;
  }
  function computeShown(mode) {
    var nodeSet = new Set();
    var edgeSet = new Set();
    if (mode === "path") {
      highlightNodes.forEach(function (id) { if (DATA.entities[id]) { nodeSet.add(id); } });
      highlightEdges.forEach(function (id) { if (DATA.edges[id]) { edgeSet.add(id); } });
      return {nodes: nodeSet, edges: edgeSet};
    }
    var candidate = function (id) {
      if (!nodePassesFilters(id)) { return false; }
      if (mode === "focus") { return state.focusNodes.has(id); }
      return mode !== "overview" || overviewSet.has(id) || state.expanded.has(id);
    };
    var rawDegree = Object.create(null);
    var shownDegree = Object.create(null);
    var candidates = [];
    DATA.vis.nodes.forEach(function (n) { if (candidate(n.id)) { candidates.push(n.id); rawDegree[n.id] = 0; } });
    DATA.vis.edges.forEach(function (e) {
      if (!(e.from in rawDegree) || !(e.to in rawDegree)) { return; }
      rawDegree[e.from]++; rawDegree[e.to]++;
      if (edgePassesFilters(e.id)) {
        edgeSet.add(e.id);
        shownDegree[e.from] = 1; shownDegree[e.to] = 1;
      }
    });
    var pinned = pinnedNodes();
    var onlyFlagged = state.flagFilter === "only";
    candidates.forEach(function (id) {
      // a node that a filter left without any shown edge goes too (it had some in this view)
      if (shownDegree[id] || pinned.has(id) ||
          (onlyFlagged ? present(DATA.entities[id].flags) : rawDegree[id] === 0)) { nodeSet.add(id); }
    });
    return {nodes: nodeSet, edges: edgeSet};
  }

  var shownKey = "";
  function applyFilters() {
    state.diseaseNodes = null;
    if (state.disease) {
      var keep = new Set([state.disease]);
      DATA.vis.edges.forEach(function (e) {
        if (edgePassesFilters(e.id)) { keep.add(e.from); keep.add(e.to); }
      });
      state.diseaseNodes = keep;
    }
    state.focusNodes = state.focus ? neighbourhood(state.focus.id, state.focus.k) : null;
    var mode = viewMode();
    var shown = computeShown(mode);
    shownNodeSet = shown.nodes;
    shownEdgeSet = shown.edges;
    var ids = Array.from(shownNodeSet).sort();
    var key = mode + "\u0000" + (mode === "path" ? pathKey() + "\u0000" : "") + ids.join("\u0000");
    var moved = key !== shownKey;
    if (moved) { placeNodes(mode, ids); }
    shownKey = key;
    nodesView.refresh();
    edgesView.refresh();
    if (moved) { fitShown(); }
    updateStatus();
    renderFocusBar();
  }
  function updateStatus() {
    document.getElementById("status").textContent = state.focus
      ? format(t("focusStatus"), {n: nodesView.length, total: DATA.vis.nodes.length, e: edgesView.length})
      : format(t("status"), {n: nodesView.length, e: edgesView.length});
    renderViewBar();
    renderFlagControls();
  }

  /* Labels, tooltips and path emphasis of nodes and edges for the current language. */
  function restyle() {
    if ((viewMode() === "path") !== shownKey.startsWith("path\u0000")) { applyFilters(); }
    nodes.update(DATA.vis.nodes.map(nodeLook));
    edges.update(DATA.vis.edges.map(edgeLook));
  }
