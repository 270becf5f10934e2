  // -- the table view: the shown nodes and edges as text (the drawing's text alternative) -----

  /* Two tables of what the graph shows now (the same filters, focus and view): nodes and edges,
   * sorted by name, a first part of each with a button for more. A row's name is a button that
   * selects the node or the edge, as a click on the drawing does. */
  Object.assign(UI.en, {tableTitle: "Table of the shown graph", tableNodes: "Nodes ({n} shown)",
    tableEdges: "Edges ({n} shown)", name: "name", otherLanguage: "中文", predicate: "relation",
    flagsShort: "flags", showMore: "show {n} more", closeTable: "Back to the graph", none: "none"});
  Object.assign(UI["zh-Hant"], {tableTitle: "目前顯示內容的表格", tableNodes: "節點（顯示 {n} 個）",
    tableEdges: "關係（顯示 {n} 條）", name: "名稱", otherLanguage: "English", predicate: "關係",
    flagsShort: "標記", showMore: "再顯示 {n} 項", closeTable: "回到圖", none: "無"});

  var TABLE_STEP = 200;
  var tableView = document.getElementById("table-view");
  var tableBody = document.getElementById("table-body");
  var tableToggle = document.getElementById("toggle-table");
  var tableLimits = {nodes: TABLE_STEP, edges: TABLE_STEP};

  function setTableView(on, user) {
    tableView.hidden = !on;
    tableToggle.setAttribute("aria-pressed", String(on));
    tableLimits = {nodes: TABLE_STEP, edges: TABLE_STEP};
    renderTable();
    if (on && user) { document.getElementById("table-title").focus(); }
    remember();
  }
  function byLabel(a, b) {
    var x = a[0], y = b[0];
    return x < y ? -1 : x > y ? 1 : (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
  }
  function flagNames(flags) {
    return (flags || []).map(function (f) {
      var kind = DATA.flag_kinds[f.kind];
      return kind ? label(kind) : String(f.kind);
    }).join(", ");
  }
  function moreButton(kind, total) {
    if (total <= tableLimits[kind]) { return null; }
    var button = el("button", {type: "button", className: "more"},
      format(t("showMore"), {n: Math.min(TABLE_STEP, total - tableLimits[kind])}));
    button.addEventListener("click", function () {
      tableLimits[kind] += TABLE_STEP;
      renderTable();
      var again = tableBody.querySelectorAll("." + kind + " tbody th button")[tableLimits[kind] - TABLE_STEP];
      if (again) { again.focus(); }
    });
    return button;
  }
  function selected(kind, id) { return state.selection && state.selection.kind === kind && state.selection.id === id; }
  function nameButton(text, onClick) {
    var button = el("button", {type: "button", className: "ref"}, text);
    button.addEventListener("click", onClick);
    return button;
  }
  function headRow(keys) {
    return el("thead", null, el("tr", null, keys.map(function (k) { return el("th", {scope: "col"}, t(k)); })));
  }
  function renderTable() {
    if (tableView.hidden) { return; }
    clear(tableBody);
    var nodeIds = nodesView.getIds().map(function (id) { return [entityLabel(id), id]; }).sort(byLabel);
    var nodeRows = nodeIds.slice(0, tableLimits.nodes).map(function (pair) {
      var id = pair[1];
      var e = DATA.entities[id];
      var cls = classInfo(e.type);
      var row = el("tr", {className: selected("node", id) ? "selected" : ""},
        el("th", {scope: "row"}, nameButton(label(e), function () { selectNode(id, true); })),
        el("td", {lang: zh() ? "en" : "zh-Hant"}, otherLabel(e)),
        el("td", null, cls ? label(cls) : e.type),
        el("td", {className: present(e.flags) ? "flag" : ""}, present(e.flags) ? "⚑ " + flagNames(e.flags) : ""));
      row.dataset.id = id;
      return row;
    });
    tableBody.appendChild(el("h3", null, format(t("tableNodes"), {n: nodeIds.length})));
    tableBody.appendChild(el("table", {className: "nodes"},
      headRow(["name", "otherLanguage", "cls", "flagsShort"]), el("tbody", null, nodeRows)));
    append(tableBody, moreButton("nodes", nodeIds.length));

    var edgeIds = edgesView.getIds().map(function (id) {
      var info = DATA.edges[id];
      return [entityLabel(info.from) + " " + predicateLabel(info.predicate) + " " + entityLabel(info.to), id];
    }).sort(byLabel);
    var edgeRows = edgeIds.slice(0, tableLimits.edges).map(function (pair) {
      var id = pair[1];
      var info = DATA.edges[id];
      var row = el("tr", {className: selected("edge", id) ? "selected" : ""},
        el("td", null, nameButton(entityLabel(info.from), function () { selectNode(info.from, true); })),
        el("th", {scope: "row"}, nameButton(predicateLabel(info.predicate), function () { selectEdge(id, true); })),
        el("td", null, nameButton(entityLabel(info.to), function () { selectNode(info.to, true); })),
        el("td", null, String(info.claims.length)),
        el("td", {className: info.flagged ? "flag" : ""}, info.flagged ? "⚑ " + t("yes") : ""));
      row.dataset.id = id;
      return row;
    });
    tableBody.appendChild(el("h3", null, format(t("tableEdges"), {n: edgeIds.length})));
    tableBody.appendChild(el("table", {className: "edges"},
      headRow(["subject", "predicate", "object", "claims", "flagged"]), el("tbody", null, edgeRows)));
    append(tableBody, moreButton("edges", edgeIds.length));
  }

  tableToggle.addEventListener("click", function () { setTableView(tableView.hidden, true); });
  document.getElementById("table-title").tabIndex = -1;
  // the table follows what is shown: filters, focus and view change the data views
  var tablePending = false;
  function tableLater() {
    if (tableView.hidden || tablePending) { return; }
    tablePending = true;
    setTimeout(function () { tablePending = false; renderTable(); }, 0);
  }
  nodesView.on("*", tableLater);
  edgesView.on("*", tableLater);
  /* Mark the selected row without rebuilding the table (the keyboard focus stays where it is). */
  function markTableSelection() {
    if (tableView.hidden) { return; }
    tableBody.querySelectorAll("tr[data-id]").forEach(function (row) {
      var kind = row.closest("table").classList.contains("nodes") ? "node" : "edge";
      row.classList.toggle("selected", selected(kind, row.dataset.id));
    });
  }
