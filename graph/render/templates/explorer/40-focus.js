  // -- focus mode ------------------------------------------------------------------------------

  function depthSelect(className) {
    var select = el("select", {className: className, title: t("focusDepth")});
    FOCUS_DEPTHS.forEach(function (k) {
      select.appendChild(el("option", {value: String(k), selected: k === state.focusK},
        k === 1 ? t("oneHop") : format(t("nHops"), {k: k})));
    });
    select.addEventListener("change", function () {
      state.focusK = Number(select.value);
      if (state.focus) { setFocus(state.focus.id, state.focusK); }
    });
    return select;
  }
  /* In a node's panel: the depth and the button that focuses on it (or leaves the focus on it). */
  function focusBox(id) {
    var focused = state.focus && state.focus.id === id;
    var button = el("button", {type: "button", className: "focus-toggle"}, t(focused ? "leaveFocus" : "focusOn"));
    button.addEventListener("click", function () {
      if (focused) { setFocus(null); } else { setFocus(id, state.focusK); }
    });
    var expand = null;
    if (viewMode() === "overview" && neighboursOf(id).some(function (n) { return !shownNodeSet.has(n); })) {
      expand = el("button", {type: "button", className: "expand-node", title: t("expandHint")}, t("expand"));
      expand.addEventListener("click", function () { expandNode(id); centreOn(id); renderPanel(); });
    }
    return el("div", {className: "focus-box"}, el("label", null, t("focus") + " ", depthSelect("focus-depth")),
      " ", button, expand ? [" ", expand] : null, el("p", {className: "note"}, t("focusHint")));
  }
  /* The top bar while focused: which node, how deep, and the way out. */
  function renderFocusBar() {
    var bar = document.getElementById("focus-bar");
    clear(bar);
    bar.hidden = !state.focus;
    if (!state.focus) { return; }
    var exit = el("button", {type: "button", id: "focus-exit"}, t("leaveFocus"));
    exit.addEventListener("click", function () { setFocus(null); });
    var name = el("button", {type: "button", className: "ref", title: state.focus.id}, entityLabel(state.focus.id));
    var id = state.focus.id;
    name.addEventListener("click", function () { selectNode(id, true); });
    bar.appendChild(el("span", null, t("focus") + ": "));
    bar.appendChild(name);
    bar.appendChild(depthSelect("focus-depth"));
    bar.appendChild(exit);
  }
  /* Show only ``id`` and its ``k``-hop neighbourhood (``id`` null: show everything again). */
  function setFocus(id, k) {
    var moved = !state.focus || state.focus.id !== id; // a new centre (not only a new depth)
    if (id && DATA.entities[id]) {
      state.focusK = FOCUS_DEPTHS.indexOf(k) >= 0 ? k : 1;
      state.focus = {id: id, k: state.focusK};
    } else {
      state.focus = null;
    }
    if (state.focus && pathMode()) { leavePathMode(); }
    if (state.focus && moved) { state.selection = {kind: "node", id: state.focus.id}; }
    applyFilters(); // a layout of the neighbourhood of its own, fitted
    if (state.focus) {
      if (state.selection && state.selection.kind === "node" && nodesView.get(state.selection.id)) {
        network.selectNodes([state.selection.id]);
      }
    }
    renderPanel();
    remember();
  }

