  // -- doubt: curator flags on the graph ------------------------------------------------------
  /* An edge with a flagged claim (DATA.edges[id].flagged) gets an orange halo and, where there is
   * room, a ⚑ at its middle; a flagged node (DATA.entities[id].flags) an orange dashed ring and a ⚑
   * before its label. The flag filter shows all, only the flagged edges (and flagged nodes), or
   * hides them; it combines with the other filters. The page shows the data's flags as they are. */

  Object.assign(UI.en, {
    doubt: "Curator flags", flagAll: "show all", flagOnly: "only flagged", flagHide: "hide flagged",
    flagCounts: "flagged edges: {e}, nodes: {n}", flagNote: "Orange halo ⚑: a curator flagged a claim of this edge or this node."
  });
  Object.assign(UI["zh-Hant"], {
    doubt: "審校標記", flagAll: "全部顯示", flagOnly: "只顯示已標記", flagHide: "隱藏已標記",
    flagCounts: "已標記的邊：{e}，節點：{n}", flagNote: "橙色光暈 ⚑：審校者標記了此邊或此節點的陳述。"
  });

  var FLAG_COLOUR = "#e66100";
  var FLAG_FILTERS = ["all", "only", "hide"];
  var flaggedEdgeCount = Object.keys(DATA.edges).filter(function (id) { return DATA.edges[id].flagged; }).length;
  var flaggedNodeCount = Object.keys(DATA.entities).filter(function (id) { return present(DATA.entities[id].flags); }).length;

  function edgePassesFlagFilter(info) {
    return state.flagFilter === "only" ? !!info.flagged : state.flagFilter === "hide" ? !info.flagged : true;
  }
  function nodePassesFlagFilter(entity) {
    return state.flagFilter !== "hide" || !present(entity.flags);
  }
  /* ``filter``: "all" | "only" | "hide". */
  function setFlagFilter(filter) {
    state.flagFilter = FLAG_FILTERS.indexOf(filter) >= 0 ? filter : "all";
    applyFilters();
  }

  function renderFlagControls() {
    var legend = document.getElementById("flag-legend");
    var select = document.getElementById("flag-filter");
    if (!legend || !select) { return; }
    clear(legend);
    var mark = el("span", {className: "flag-swatch", ariaHidden: "true"}, "⚑");
    legend.appendChild(mark);
    legend.appendChild(document.createTextNode(" " + format(t("flagCounts"), {e: flaggedEdgeCount, n: flaggedNodeCount})));
    legend.appendChild(el("span", {className: "note"}, t("flagNote")));
    clear(select);
    [["all", "flagAll"], ["only", "flagOnly"], ["hide", "flagHide"]].forEach(function (o) {
      select.appendChild(el("option", {value: o[0], selected: state.flagFilter === o[0]}, t(o[1])));
    });
    select.value = state.flagFilter;
  }
  (function () {
    var select = document.getElementById("flag-filter");
    if (select) { select.addEventListener("change", function () { setFlagFilter(select.value); }); }
  }());

  /* Halos under the graph, in canvas units (drawn before vis' own edges and nodes). */
  network.on("beforeDrawing", function (ctx) {
    var body = network.body;
    var scale = network.getScale();
    ctx.save();
    ctx.strokeStyle = "rgba(230,97,0,0.28)";
    ctx.lineCap = "round";
    shownEdgeSet.forEach(function (id) {
      var info = DATA.edges[id];
      if (!info.flagged) { return; }
      var a = body.nodes[info.from], b = body.nodes[info.to];
      if (!a || !b) { return; }
      ctx.lineWidth = 5 / scale;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    });
    ctx.strokeStyle = FLAG_COLOUR;
    ctx.setLineDash([6 / scale, 4 / scale]);
    shownNodeSet.forEach(function (id) {
      if (!present(DATA.entities[id].flags)) { return; }
      var n = body.nodes[id];
      if (!n) { return; }
      ctx.lineWidth = 3 / scale;
      ctx.beginPath();
      ctx.arc(n.x, n.y, nodeRadius(id) + 6 / scale, 0, 2 * Math.PI);
      ctx.stroke();
    });
    ctx.restore();
    drawIsAStepLines(ctx, scale);
  });

  /* A ⚑ at the middle of each flagged edge that is long enough on screen and has room (after the labels). */
  function drawFlagMarks(ctx, grid, view) {
    var font = "bold 12px " + FONT_FACE;
    shownEdgeSet.forEach(function (id) {
      var info = DATA.edges[id];
      if (!info.flagged) { return; }
      var a = nodeOnScreen(info.from, view), b = nodeOnScreen(info.to, view);
      if (!a || !b || Math.abs(a.x - b.x) + Math.abs(a.y - b.y) < 70) { return; }
      var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      var box = grid.place(14, 16, [[mx - 7, my - 8], [mx - 7, my - 22], [mx - 7, my + 6]]);
      if (box) { drawText(ctx, "⚑", font, box.x + 1, box.y + 1, FLAG_COLOUR); }
    });
  }
