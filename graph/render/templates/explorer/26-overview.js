  // -- overview and expansion ------------------------------------------------------------------
  /* The page opens on the overview (DATA.overview: the diseases, the therapies and the main
   * mediators between them, chosen in the build by graph/render/overview.py). A bar on the graph
   * switches to the whole graph and back; a double-click on a node (or the button in its panel)
   * brings its neighbours in; a node picked elsewhere (search, a link in the panel) is brought
   * in with its neighbourhood. */

  Object.assign(UI.en, {
    viewOverview: "Overview", viewAll: "Whole graph", viewShowAll: "Show whole graph", backToOverview: "Back to overview",
    overviewNote: "overview: diseases, therapies and the main mediators; double-click a node for its neighbours",
    expand: "Show its neighbours", expandHint: "Adds the nodes linked to this one to the overview."
  });
  Object.assign(UI["zh-Hant"], {
    viewOverview: "概覽", viewAll: "完整圖", viewShowAll: "顯示完整圖", backToOverview: "返回概覽",
    overviewNote: "概覽：疾病、療法及主要的中介；雙擊節點以顯示其相鄰節點",
    expand: "顯示相鄰節點", expandHint: "把與此節點相連的節點加入概覽。"
  });

  var EXPAND_MAX = 40; // neighbours added per expansion, most important first

  var viewBar = el("div", {id: "view-bar", className: "view-bar"});
  container.appendChild(viewBar);

  function setView(view) {
    state.view = view === "all" || !overviewSet.size ? "all" : "overview";
    if (state.view === "overview") { state.expanded = new Set(); }
    if (pathMode()) { leavePathMode(); }
    applyFilters();
  }
  function renderViewBar() {
    clear(viewBar);
    var mode = viewMode();
    var canOverview = overviewSet.size > 0 && overviewSet.size < DATA.vis.nodes.length;
    // a focus and a filter have their own ways out ("leave focus", the filters themselves)
    if (mode === "focus" || mode === "filtered") { viewBar.hidden = true; return; }
    if (mode === "overview" || (mode === "path" && state.view === "overview")) {
      var all = el("button", {type: "button", id: "view-all"}, t("viewShowAll"));
      all.addEventListener("click", function () { setView("all"); });
      viewBar.appendChild(all);
      if (mode === "overview") { viewBar.appendChild(el("span", {className: "view-note"}, t("overviewNote"))); }
    }
    if (canOverview && (state.view === "all" || mode === "path")) {
      var back = el("button", {type: "button", id: "view-overview"}, t("backToOverview"));
      back.addEventListener("click", function () { setView("overview"); });
      viewBar.appendChild(back);
    }
    viewBar.hidden = !viewBar.firstChild;
  }

  /* The neighbours of ``id`` over the edges the filters leave, most important first. */
  function neighboursOf(id) {
    var found = new Set();
    DATA.vis.edges.forEach(function (e) {
      if ((e.from === id || e.to === id) && edgePassesFilters(e.id)) {
        var other = e.from === id ? e.to : e.from;
        if (other !== id && nodePassesFilters(other)) { found.add(other); }
      }
    });
    return labelOrder.filter(function (n) { return found.has(n); });
  }
  /* Add the neighbours of ``id`` (at most EXPAND_MAX not yet shown, by importance) to the overview; relayout. */
  function expandNode(id) {
    if (!DATA.entities[id] || viewMode() !== "overview") { return false; }
    state.expanded.add(id);
    neighboursOf(id).filter(function (n) { return !shownNodeSet.has(n); }).slice(0, EXPAND_MAX)
      .forEach(function (n) { state.expanded.add(n); });
    applyFilters();
    return true;
  }
  /* Bring ``id`` into the overview with its neighbourhood when the overview leaves it out; true if it is shown. */
  function revealNode(id) {
    if (shownNodeSet.has(id)) { return true; }
    if (viewMode() === "overview" && DATA.entities[id] && nodePassesFilters(id)) { expandNode(id); }
    return shownNodeSet.has(id);
  }
  /* Centre on ``id`` and zoom so that it and its shown neighbours fill the view. */
  function centreOn(id) {
    if (!shownNodeSet.has(id)) { return; }
    var around = [id].concat(neighboursOf(id).filter(function (n) { return shownNodeSet.has(n); }).slice(0, 12));
    var pos = network.getPositions(around);
    var here = pos[id];
    var reach = 1;
    around.forEach(function (n) { if (pos[n]) { reach = Math.max(reach, Math.abs(pos[n].x - here.x), Math.abs(pos[n].y - here.y)); } });
    var half = Math.min(container.clientWidth, container.clientHeight) / 2 - 60;
    var current = network.getScale();
    // closer when the neighbours are near, never further out than now, and no closer than 1 (or now)
    var scale = Math.min(Math.max(half / reach, current), Math.max(current, 1));
    network.moveTo({position: here, scale: scale, animation: false});
  }

  network.on("doubleClick", function (params) {
    if (params.nodes.length) { expandNode(params.nodes[0]); }
  });
