  // -- drawers: the filters and the details beside the graph, or over it on a narrow screen ----

  /* On a wide screen the filters (left) and the details (right) are columns that can be closed;
   * below 1100 px they slide over the graph and start closed, so the graph has the screen; below
   * 700 px the details are a bottom sheet that opens small (a summary, with "more") when something
   * is selected. Only one drawer is open at a time on a narrow screen. */
  Object.assign(UI.en, {filters: "Filters", details: "Details", table: "Table", close: "Close", more: "More",
    less: "Less", display: "Display", graphLabel: "Graph drawing of the shown nodes and edges",
    graphHelp: "Arrow keys move the drawing, + and − zoom. The same nodes and edges are listed as text in the Table view (the Table button at the top)."});
  Object.assign(UI["zh-Hant"], {filters: "篩選", details: "詳情", table: "表格", close: "關閉", more: "展開",
    less: "收起", display: "顯示", graphLabel: "目前顯示的節點與關係圖",
    graphHelp: "方向鍵移動圖面，+ 與 − 縮放。同樣的節點與關係以文字列在「表格」檢視中（頂部的「表格」按鈕）。"});

  var narrowScreen = window.matchMedia("(max-width: 1099px)");
  var phoneScreen = window.matchMedia("(max-width: 699px)");
  var DRAWERS = {"controls": "toggle-controls", "panel-drawer": "toggle-panel"};
  var panelDrawer = document.getElementById("panel-drawer");
  var panelMore = document.getElementById("panel-more");

  function drawerOpen(id) { return !document.getElementById(id).classList.contains("closed"); }
  /* Open or close a drawer; ``user``: the reader asked (the keyboard focus follows). */
  function setDrawer(id, open, user) {
    var drawer = document.getElementById(id);
    var toggle = document.getElementById(DRAWERS[id]);
    var wasOpen = drawerOpen(id);
    drawer.classList.toggle("closed", !open);
    toggle.setAttribute("aria-expanded", String(open));
    if (open && narrowScreen.matches) {
      Object.keys(DRAWERS).forEach(function (other) { if (other !== id) { setDrawer(other, false); } });
    }
    if (!open && id === "panel-drawer") { setExpanded(false); }
    // a path is fitted into what the sheet leaves free: fit it again when the sheet comes or goes
    if (id === "panel-drawer" && wasOpen !== open && phoneScreen.matches && pathMode()) { fitShown(); }
    if (!narrowScreen.matches && wasOpen !== open) { window.dispatchEvent(new Event("resize")); } // the graph's width changed
    if (user && open) { drawer.querySelector(".drawer-close").focus(); }
    if (user && !open && drawer.contains(document.activeElement)) { toggle.focus(); }
  }
  function setExpanded(on) {
    panelDrawer.classList.toggle("expanded", on);
    panelMore.setAttribute("aria-expanded", String(on));
    panelMore.textContent = t(on ? "less" : "more");
  }
  /* Something was selected: on a narrow screen the details open (small, on a phone). */
  function revealPanel() {
    if (narrowScreen.matches && !drawerOpen("panel-drawer")) { setDrawer("panel-drawer", true); }
  }
  /* How much of the graph's foot the details sheet covers (a phone, the sheet open), in px. */
  function sheetCover() {
    if (!phoneScreen || !phoneScreen.matches || !drawerOpen("panel-drawer")) { return 0; }
    return panelDrawer.getBoundingClientRect().height;
  }
  /* Where the free part of the graph is centred: the view moves by half of what an open drawer covers. */
  function drawerOffset() {
    if (!narrowScreen.matches || !drawerOpen("panel-drawer")) { return {x: 0, y: 0}; }
    var box = panelDrawer.getBoundingClientRect();
    return phoneScreen.matches ? {x: 0, y: -box.height / 2} : {x: -box.width / 2, y: 0};
  }
  function layoutDrawers() {
    Object.keys(DRAWERS).forEach(function (id) { setDrawer(id, !narrowScreen.matches); });
  }

  Object.keys(DRAWERS).forEach(function (id) {
    document.getElementById(DRAWERS[id]).addEventListener("click", function () { setDrawer(id, !drawerOpen(id), true); });
    var drawer = document.getElementById(id);
    drawer.querySelector(".drawer-close").addEventListener("click", function () { setDrawer(id, false, true); });
    drawer.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrowScreen.matches) { event.stopPropagation(); setDrawer(id, false, true); }
    });
  });
  panelMore.addEventListener("click", function () { setExpanded(!panelDrawer.classList.contains("expanded")); });
  narrowScreen.addEventListener("change", layoutDrawers);
  // a pair of paths chosen in the filters drawer shows in the details
  document.getElementById("path-therapy").addEventListener("change", function () {
    if (narrowScreen.matches && document.getElementById("path-therapy").value) { setDrawer("panel-drawer", true); }
  });
  layoutDrawers();

  /* The drawing itself: one tab stop (vis-network's own frame), named, described, and moved or
   * zoomed with the keyboard when it has the focus. */
  var graphFrame = container.querySelector(".vis-network") || container;
  graphFrame.setAttribute("role", "application");
  graphFrame.setAttribute("aria-describedby", "graph-help");
  graphFrame.tabIndex = 0;
  var KEY_MOVES = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]};
  graphFrame.addEventListener("keydown", function (event) {
    var scale = network.getScale();
    var at = network.getViewPosition();
    var move = KEY_MOVES[event.key];
    if (move) {
      network.moveTo({position: {x: at.x + move[0] * 80 / scale, y: at.y + move[1] * 80 / scale}, animation: false});
    } else if (event.key === "+" || event.key === "=" || event.key === "-" || event.key === "−") {
      network.moveTo({scale: scale * (event.key === "-" || event.key === "−" ? 1 / 1.25 : 1.25), animation: false});
    } else {
      return;
    }
    event.preventDefault();
  });
