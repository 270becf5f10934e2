  // 80-links.js ran applyFilters(): the first view (the overview, or the highlighted paths) is laid out and fitted
  network.once("afterDrawing", function () {
    fitShown(); // again once the graph area has its final size
    document.documentElement.dataset.ready = "true"; // drawn and answering: tests and benchmarks wait for this
  });
  if (!container.clientWidth || !container.clientHeight) {
    // a graph area without room is never drawn: the page still answers (and tests can say why nothing is drawn)
    document.documentElement.dataset.ready = "true";
  }
  followHash();

  /* A read-only handle for tests and benchmarks (the browser tests ask what is shown and drawn). */
  window.mechkgExplorer = {
    network: network,
    shownNodes: function () { return nodesView.getIds(); },
    shownEdges: function () { return edgesView.getIds(); },
    nodeLabel: function (id) { return DATA.entities[id] ? label(DATA.entities[id]) : null; },
    highlighted: function () { return {nodes: Array.from(highlightNodes), edges: Array.from(highlightEdges)}; },
    focused: function () { return state.focus ? {id: state.focus.id, k: state.focus.k} : null; },
    /* The node labels drawn in the last frame: [{id, text, x, y, width, height, fontPx}], CSS px
     * relative to the graph area (x, y: the box's top left corner). */
    drawnLabels: function () { return drawnLabelList.map(function (l) { return Object.assign({}, l); }); },
    /* The shown, undimmed nodes whose centre lies in the graph area. */
    inView: function () { return nodesInView(); },
    /* The steps of the shown paths drawn in the last frame: [{path, from, to, kind}]. */
    drawnPathSteps: function () { return drawnSteps.map(function (s) { return Object.assign({}, s); }); },
    /* "path" | "focus" | "filtered" | "overview" | "all". */
    viewMode: function () { return viewMode(); },
    expandNode: function (id) { return expandNode(id); }
  };
