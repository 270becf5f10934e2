  /* Deep links: #node=ID, #edge=S|pred|O or #paths=THERAPY|DISEASE, and #focus=ID&k=2 (focus mode,
   * alone or after a selection: #edge=…&focus=ID&k=1). Ids are checked against the data. */
  function remember() {
    var parts = [];
    var focusedNode = state.focus && state.selection && state.selection.kind === "node" &&
      state.selection.id === state.focus.id;
    if (state.selection && !focusedNode) {
      parts.push(state.selection.kind + "=" + encodeURIComponent(state.selection.id));
    }
    if (state.focus) { parts.push("focus=" + encodeURIComponent(state.focus.id), "k=" + state.focus.k); }
    if (!parts.length) { return; }
    try {
      history.replaceState(null, "", "#" + parts.join("&"));
    } catch (err) { /* some browsers refuse history on file:// */ }
  }
  function parseHash(hash) {
    var out = Object.create(null);
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at <= 0) { return; }
      try { out[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (err) { /* ignored */ }
    });
    return out;
  }
  function followHash() {
    var wanted = parseHash(location.hash);
    var known = ["node", "edge", "paths", "focus"].some(function (key) { return key in wanted; });
    if (!known) { return false; }
    var k = /^[0-9]+$/.test(wanted.k || "") ? Math.min(Math.max(Number(wanted.k), 1), 3) : 1;
    var focus = DATA.entities[wanted.focus] ? wanted.focus : null;
    if (focus) { state.focusK = k; }
    if (focus !== (state.focus && state.focus.id) || (focus && state.focus.k !== k)) { setFocus(focus, k); }
    if ("node" in wanted && DATA.entities[wanted.node]) { selectNode(wanted.node, false); return true; }
    if ("edge" in wanted && DATA.edges[wanted.edge]) { selectEdge(wanted.edge); return true; }
    if ("paths" in wanted) { var parts = wanted.paths.split("|"); return showPair(parts[0], parts[1]) || !!focus; }
    return !!focus;
  }
  window.addEventListener("hashchange", followHash);

  renderPageLinks();
  if (DATA.highlight.paths.length) { state.selection = {kind: "paths", id: ""}; }
  setLanguage(state.lang, true);
  applyFilters();
