  // -- deep links: the page's state in the address (grammar: graph/render/templates/README.md) --

  /* #node=ID | #edge=S|pred|O | #paths=THERAPY|DISEASE, then any of focus=ID&k=N, lang=, disease=,
   * hide=Class,Class, signs=, evidence=, flags=, view=, table=1. A key is written only when its
   * state differs from the page's opening state, so a plain link stays short. Reading is lenient:
   * an unknown key or value, or an id not in DATA, is ignored (a key left out means its default). */
  var ALL_SIGNS = ["1", "-1", "0"];
  var STRUCTURAL = "structural"; // the evidence "level" of an edge without claims
  var FLAG_FILTERS = ["all", "only", "hide"];
  var VIEWS = ["overview", "all"];
  var LINK_KEYS = ["node", "edge", "paths", "focus", "k", "lang", "disease", "hide", "signs", "evidence", "flags", "view", "table"];
  var linkDefaults = {flags: state.flagFilter, view: state.view};
  var following = false;

  function allEvidence() { return DATA.evidence_levels.map(function (l) { return l.name; }).concat([""]); }
  function sameSet(set, list) { return set.size === list.length && list.every(function (x) { return set.has(x); }); }
  function listValue(list) { return list.map(encodeURIComponent).join(","); }

  /* The link of the current state, without the "#". */
  function linkOfState() {
    var parts = [];
    var focusedNode = state.focus && state.selection && state.selection.kind === "node" &&
      state.selection.id === state.focus.id;
    if (state.selection && state.selection.id !== "" && !focusedNode) {
      parts.push(state.selection.kind + "=" + encodeURIComponent(state.selection.id));
    }
    if (state.focus) { parts.push("focus=" + encodeURIComponent(state.focus.id), "k=" + state.focus.k); }
    if (state.lang !== DATA.lang) { parts.push("lang=" + state.lang); }
    if (state.disease) { parts.push("disease=" + encodeURIComponent(state.disease)); }
    if (state.hiddenClasses.size) { parts.push("hide=" + listValue(Array.from(state.hiddenClasses).sort())); }
    if (!sameSet(state.signs, ALL_SIGNS)) { parts.push("signs=" + listValue(Array.from(state.signs).sort())); }
    if (!sameSet(state.evidence, allEvidence())) {
      parts.push("evidence=" + listValue(Array.from(state.evidence).map(function (l) { return l || STRUCTURAL; }).sort()));
    }
    if (typeof state.flagFilter === "string" && state.flagFilter !== linkDefaults.flags) { parts.push("flags=" + state.flagFilter); }
    if (typeof state.view === "string" && state.view !== linkDefaults.view) { parts.push("view=" + state.view); }
    if (!tableView.hidden) { parts.push("table=1"); }
    return parts.join("&");
  }
  /* Write the state into the address (replaceState: no history entry, no hashchange). */
  function remember() {
    if (following) { return; }
    var link = linkOfState();
    try {
      history.replaceState(null, "", link ? "#" + link : location.pathname + location.search);
    } catch (err) { /* some browsers refuse history on file:// */ }
  }
  function parseHash(hash) {
    var out = Object.create(null);
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("=");
      if (at <= 0 || LINK_KEYS.indexOf(part.slice(0, at)) < 0) { return; }
      try { out[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (err) { /* ignored */ }
    });
    return out;
  }
  /* A list value: its items, decoded, that ``valid`` accepts. */
  function parseList(value, valid) {
    var out = [];
    String(value).split(",").forEach(function (item) {
      try { item = decodeURIComponent(item); } catch (err) { return; }
      if (valid(item)) { out.push(item); }
    });
    return out;
  }

  /* Set the page to what the address says, then centre the view on what it names. */
  function followHash() {
    var wanted = parseHash(location.hash);
    if (!Object.keys(wanted).length) { return false; }
    following = true;
    try {
      var lang = UI[wanted.lang] ? wanted.lang : DATA.lang;
      if (lang !== state.lang) { setLanguage(lang); }
      state.disease = DATA.diseases.indexOf(wanted.disease) >= 0 ? wanted.disease : "";
      state.hiddenClasses = new Set("hide" in wanted ? parseList(wanted.hide, function (c) { return !!classInfo(c); }) : []);
      state.signs = new Set("signs" in wanted ? parseList(wanted.signs, function (s) { return ALL_SIGNS.indexOf(s) >= 0; }) : ALL_SIGNS);
      state.evidence = new Set("evidence" in wanted ? parseList(wanted.evidence, function (l) {
        return l !== "" && (l === STRUCTURAL || allEvidence().indexOf(l) >= 0);
      }).map(function (l) { return l === STRUCTURAL ? "" : l; }) : allEvidence());
      if (typeof state.flagFilter === "string") {
        state.flagFilter = FLAG_FILTERS.indexOf(wanted.flags) >= 0 ? wanted.flags : linkDefaults.flags;
      }
      if (typeof state.view === "string") { state.view = VIEWS.indexOf(wanted.view) >= 0 ? wanted.view : linkDefaults.view; }
      renderControls();
      var k = /^[0-9]+$/.test(wanted.k || "") ? Math.min(Math.max(Number(wanted.k), 1), 3) : 1;
      var focus = DATA.entities[wanted.focus] ? wanted.focus : null;
      if (focus) { state.focusK = k; }
      state.focus = focus ? {id: focus, k: k} : null;
      applyFilters();
      var named = [];
      if (focus) { state.selection = {kind: "node", id: focus}; named = [focus]; }
      if (DATA.entities[wanted.node]) {
        selectNode(wanted.node, false);
        named = [wanted.node];
      } else if (DATA.edges[wanted.edge]) {
        selectEdge(wanted.edge);
        named = [DATA.edges[wanted.edge].from, DATA.edges[wanted.edge].to];
      } else if ("paths" in wanted && showPair(wanted.paths.split("|")[0], wanted.paths.split("|")[1])) {
        named = Array.from(highlightNodes);
      } else {
        if (state.selection && state.selection.kind === "paths" && state.selection.id !== "") { setHighlight(DATA.highlight.paths); }
        if (!focus) { state.selection = DATA.highlight.paths.length ? {kind: "paths", id: ""} : null; }
        if (focus) { network.selectNodes(nodesView.get(focus) ? [focus] : []); }
        renderPanel();
      }
      setTableView(wanted.table === "1");
    } finally {
      following = false;
    }
    remember();
    if (state.selection && state.selection.kind !== "paths" || named.length) { revealPanel(); }
    whenDrawn(function () {
      if (named.length === 1) { centreOnNode(named[0]); } else if (named.length) { centreOnNodes(named); }
    });
    return true;
  }
  /* Run ``then`` once the graph has been drawn (and fitted) for the first time. */
  function whenDrawn(then) {
    if (document.documentElement.dataset.ready === "true") { then(); } else { network.once("afterDrawing", then); }
  }
  window.addEventListener("hashchange", followHash);

  renderPageLinks();
  if (DATA.highlight.paths.length) { state.selection = {kind: "paths", id: ""}; }
  setLanguage(state.lang, true);
  applyFilters();
