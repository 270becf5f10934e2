  // -- graph -----------------------------------------------------------------------------------

  var highlightNodes = new Set(DATA.highlight.nodes);
  var highlightEdges = new Set(DATA.highlight.edges);

  /* What of a node or an edge depends on the language and the path emphasis. */
  function nodeLook(n) {
    var e = DATA.entities[n.id];
    var cls = classInfo(e.type);
    var emphasise = state.highlight && highlightEdges.size > 0;
    var dim = emphasise && !highlightNodes.has(n.id);
    return {
      id: n.id,
      label: label(e),
      title: label(e) + " / " + otherLabel(e) + " (" + (cls ? label(cls) : e.type) + ")",
      opacity: dim ? 0.25 : 1,
      // a dimmed node's label fades too, so that the highlighted path reads on its own
      font: {size: n.font && n.font.size ? n.font.size : 14, color: dim ? "rgba(68,68,68,0.25)" : "#222222",
        strokeWidth: dim ? 0 : 3}
    };
  }
  function edgeLook(base) {
    var info = DATA.edges[base.id];
    var sign = signInfo(info.sign);
    var emphasise = state.highlight && highlightEdges.size > 0;
    var on = highlightEdges.has(base.id);
    return {
      id: base.id,
      label: state.edgeLabels ? predicateLabel(info.predicate) : "",
      title: entityLabel(info.from) + " —" + predicateLabel(info.predicate) + "→ " + entityLabel(info.to) +
        " (" + info.claims.length + " " + t("claims") + ")",
      width: emphasise && on ? base.width * 2 + 2 : base.width,
      arrows: {to: {enabled: true, type: sign.arrow, scaleFactor: 0.8}},
      color: {color: sign.color, highlight: sign.color, hover: sign.color, opacity: emphasise && !on ? 0.2 : 1}
    };
  }
  // the items are complete before vis sees them: one pass, no update of 20,000 items
  var nodes = new vis.DataSet(DATA.vis.nodes.map(function (n) { return Object.assign({}, n, nodeLook(n)); }));
  var edges = new vis.DataSet(DATA.vis.edges.map(function (e) { return Object.assign({}, e, edgeLook(e)); }));

  /* The filters (class, sign, evidence, disease) without the focus. */
  function edgePassesFilters(edgeId) {
    var info = DATA.edges[edgeId];
    if (!state.signs.has(String(info.sign))) { return false; }
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
    return !state.diseaseNodes || state.diseaseNodes.has(id);
  }
  function edgeVisible(e) {
    if (!edgePassesFilters(e.id)) { return false; }
    return !state.focusNodes || (state.focusNodes.has(e.from) && state.focusNodes.has(e.to));
  }
  function nodeVisible(n) {
    return nodePassesFilters(n.id) && (!state.focusNodes || state.focusNodes.has(n.id));
  }
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

  function applyFilters() {
    state.diseaseNodes = null;
    if (state.disease) {
      var keep = new Set([state.disease]);
      edges.get().forEach(function (e) {
        if (edgePassesFilters(e.id)) { keep.add(e.from); keep.add(e.to); }
      });
      state.diseaseNodes = keep;
    }
    state.focusNodes = state.focus ? neighbourhood(state.focus.id, state.focus.k) : null;
    nodesView.refresh();
    edgesView.refresh();
    updateStatus();
    renderFocusBar();
  }
  function updateStatus() {
    document.getElementById("status").textContent = state.focus
      ? format(t("focusStatus"), {n: nodesView.length, total: DATA.vis.nodes.length, e: edgesView.length})
      : format(t("status"), {n: nodesView.length, e: edgesView.length});
  }

  /* Labels, tooltips and path emphasis of nodes and edges for the current language. */
  function restyle() {
    nodes.update(DATA.vis.nodes.map(nodeLook));
    edges.update(DATA.vis.edges.map(edgeLook));
  }

