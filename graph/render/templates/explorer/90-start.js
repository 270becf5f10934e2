  /* Fit the graph (or the highlighted paths), with a margin for labels at the edges. */
  function fitStart() {
    network.fit(highlightNodes.size ? {nodes: Array.from(highlightNodes), animation: false} : {animation: false});
    network.moveTo({scale: network.getScale() * 0.9});
  }
  fitStart();
  network.once("afterDrawing", function () {
    fitStart(); // again once the labels have been measured
    document.documentElement.dataset.ready = "true"; // drawn and answering: tests and benchmarks wait for this
  });
  followHash();

  /* A read-only handle for tests and benchmarks (the browser tests ask what is shown). */
  window.mechkgExplorer = {
    network: network,
    shownNodes: function () { return nodesView.getIds(); },
    shownEdges: function () { return edgesView.getIds(); },
    nodeLabel: function (id) { var n = nodes.get(id); return n ? n.label : null; },
    highlighted: function () { return {nodes: Array.from(highlightNodes), edges: Array.from(highlightEdges)}; },
    focused: function () { return state.focus ? {id: state.focus.id, k: state.focus.k} : null; }
  };
