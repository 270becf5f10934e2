  // -- the label grid --------------------------------------------------------------------------
  /* vis-network draws no node labels; this module draws them after each frame, in screen pixels
   * at a constant size (never below LABEL_MIN_PX), like sigma.js' label grid: labels are tried in
   * order of importance (the selection, the search picks and the shown path first; then diseases,
   * therapies, the nodes most often on the precomputed paths, the best connected) and each is
   * drawn only where its box overlaps no label already drawn and lies inside the canvas, so less
   * important labels appear as the reader zooms in. A node's label sits below it, else above,
   * right or left of it. Dimmed nodes (outside a highlighted path) get none. */

  var LABEL_MIN_PX = 12;
  var LABEL_MAX_DRAWN = 400;
  var LABEL_PAD = 3; // px kept free around each label box
  var FONT_FACE = (DATA.vis.options.nodes && DATA.vis.options.nodes.font && DATA.vis.options.nodes.font.face) ||
    "system-ui, sans-serif";
  var CLASS_FONT = dictionary({Disease: ["bold ", 14], Therapy: ["bold ", 13]});
  var measureContext = document.createElement("canvas").getContext("2d");
  var labelCache = Object.create(null); // lang|id -> {text, width, font, px}
  var nodeSize = Object.create(null);
  DATA.vis.nodes.forEach(function (n) { nodeSize[n.id] = n.size || 10; });
  var drawnLabelList = [];

  /* Nodes by importance, most important first (a fixed order: sorted once). */
  var onPathCount = Object.create(null);
  DATA.paths.forEach(function (entry) {
    entry.paths.forEach(function (p) { p.nodes.forEach(function (id) { onPathCount[id] = (onPathCount[id] || 0) + 1; }); });
  });
  var LABEL_TIER = dictionary({Disease: 0, Therapy: 1});
  var labelOrder = Object.keys(DATA.entities).sort(function (a, b) {
    var ea = DATA.entities[a], eb = DATA.entities[b];
    var ta = ea.type in LABEL_TIER ? LABEL_TIER[ea.type] : 2;
    var tb = eb.type in LABEL_TIER ? LABEL_TIER[eb.type] : 2;
    return ta - tb || (onPathCount[b] || 0) - (onPathCount[a] || 0) || (eb.degree || 0) - (ea.degree || 0) ||
      (a < b ? -1 : a > b ? 1 : 0);
  });

  /* A label's text: the current language's label, cut at a word boundary when very long
   * (the full label is in the tooltip and the panel); a flagged node's starts with ⚑. */
  function shortLabel(id) {
    var e = DATA.entities[id];
    var text = label(e) || id;
    var max = Math.ceil((/[\u3000-\u9fff]/.test(text) ? 14 : 28) * (narrowArea() ? 0.75 : 1));
    if (text.length > max) {
      var cut = text.lastIndexOf(" ", max - 1);
      text = text.slice(0, cut > max * 0.6 ? cut : max - 1).replace(/[\s,;:(\-–]+$/, "") + "…";
    }
    return (present(e.flags) ? "⚑ " : "") + text;
  }
  /* A narrow graph area (a phone) gets shorter labels, all at the smallest size. */
  function narrowArea() { return container.clientWidth < 600; }
  /* The characters a label keeps when its whole text finds no room. */
  var SHORTEST_LABEL = 8;
  function labelInfo(id) {
    var narrow = narrowArea();
    var key = state.lang + "|" + (narrow ? "n|" : "") + id;
    var info = labelCache[key];
    if (!info) {
      var style = narrow ? ["", LABEL_MIN_PX] : CLASS_FONT[DATA.entities[id].type] || ["", LABEL_MIN_PX];
      var font = style[0] + style[1] + "px " + FONT_FACE;
      var text = shortLabel(id);
      measureContext.font = font;
      info = labelCache[key] = {text: text, font: font, px: style[1], width: Math.ceil(measureContext.measureText(text).width)};
    }
    return info;
  }
  /* The box of a node's label in px: {width, height}. */
  function labelSize(id) {
    var info = labelInfo(id);
    return {width: info.width + 4, height: info.px + 4};
  }
  function nodeRadius(id) { return nodeSize[id] || 10; }

  /* Label boxes on a grid of cells: a box is checked only against the boxes in its cells. */
  function LabelGrid(width, height) {
    this.width = width;
    this.height = height;
    this.cells = new Map();
  }
  LabelGrid.CELL = 64;
  LabelGrid.prototype.keys = function (b) {
    var out = [];
    var c = LabelGrid.CELL;
    for (var gx = Math.floor((b.x - LABEL_PAD) / c); gx <= Math.floor((b.x + b.width + LABEL_PAD) / c); gx++) {
      for (var gy = Math.floor((b.y - LABEL_PAD) / c); gy <= Math.floor((b.y + b.height + LABEL_PAD) / c); gy++) {
        out.push(gx * 100003 + gy);
      }
    }
    return out;
  };
  LabelGrid.prototype.fits = function (b) {
    if (b.x < 0 || b.y < 0 || b.x + b.width > this.width || b.y + b.height > this.height) { return false; }
    var keys = this.keys(b);
    for (var i = 0; i < keys.length; i++) {
      var cell = this.cells.get(keys[i]);
      if (!cell) { continue; }
      for (var j = 0; j < cell.length; j++) {
        var o = cell[j];
        if (b.x < o.x + o.width + LABEL_PAD && o.x < b.x + b.width + LABEL_PAD &&
            b.y < o.y + o.height + LABEL_PAD && o.y < b.y + b.height + LABEL_PAD) { return false; }
      }
    }
    return true;
  };
  LabelGrid.prototype.add = function (b) {
    var self = this;
    this.keys(b).forEach(function (k) {
      var cell = self.cells.get(k);
      if (cell) { cell.push(b); } else { self.cells.set(k, [b]); }
    });
  };
  /* Place a box of ``width`` x ``height`` at the first of ``spots`` ([x, y] top-left corners) where it fits. */
  LabelGrid.prototype.place = function (width, height, spots) {
    for (var i = 0; i < spots.length; i++) {
      var b = {x: spots[i][0], y: spots[i][1], width: width, height: height};
      if (this.fits(b)) { this.add(b); return b; }
    }
    return null;
  };

  function drawText(ctx, text, font, x, y, color) {
    ctx.font = font;
    ctx.textBaseline = "top";
    ctx.textAlign = "left";
    ctx.lineJoin = "round";
    ctx.lineWidth = 4;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.strokeText(text, x, y);
    ctx.fillStyle = color || "#1b1b1b";
    ctx.fillText(text, x, y);
  }

  /* The view: canvas units -> CSS px of the graph container. */
  function viewTransform() {
    var scale = network.getScale();
    var t = network.body.view.translation;
    return {scale: scale, tx: t.x, ty: t.y, width: container.clientWidth, height: container.clientHeight};
  }
  function nodeOnScreen(id, view) {
    var n = network.body.nodes[id];
    if (!n || !shownNodeSet.has(id)) { return null; }
    return {x: n.x * view.scale + view.tx, y: n.y * view.scale + view.ty, r: Math.max(nodeRadius(id) * view.scale, 3)};
  }
  function isDimmed(id) { return emphasised() && !highlightNodes.has(id); }
  /* The ids whose labels go first: the selection, the search picks, the focus and the shown paths. */
  function pinnedLabels() {
    var first = [];
    if (state.selection && state.selection.kind === "node") { first.push(state.selection.id); }
    network.getSelectedNodes().forEach(function (id) { first.push(id); });
    if (state.focus) { first.push(state.focus.id); }
    if (pathMode()) { highlightPaths.forEach(function (p) { p.nodes.forEach(function (id) { first.push(id); }); }); }
    return first;
  }

  function drawLabels(ctx) {
    var view = viewTransform();
    var grid = new LabelGrid(view.width, view.height);
    var drawn = [];
    var done = new Set();
    var ratio = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var tryNode = function (id) {
      if (done.has(id) || drawn.length >= LABEL_MAX_DRAWN) { return; }
      done.add(id);
      if (isDimmed(id)) { return; }
      var s = nodeOnScreen(id, view);
      if (!s || s.x < -200 || s.y < -50 || s.x > view.width + 200 || s.y > view.height + 50) { return; }
      var info = labelInfo(id);
      var text = info.text, h = info.px + 4;
      var placeAround = function (w) {
        return grid.place(w, h, [
          [s.x - w / 2, s.y + s.r + 2], [s.x - w / 2, s.y - s.r - 2 - h],
          [s.x + s.r + 3, s.y - h / 2], [s.x - s.r - 3 - w, s.y - h / 2]
        ]);
      };
      var box = placeAround(info.width + 4);
      if (!box && Array.from(text).length > SHORTEST_LABEL + 1) {
        // no room for the label: its first characters (the full name is in the tooltip and panel)
        text = Array.from(text).slice(0, SHORTEST_LABEL).join("") + "…";
        measureContext.font = info.font;
        box = placeAround(Math.ceil(measureContext.measureText(text).width) + 4);
      }
      if (!box) { return; }
      drawText(ctx, text, info.font, box.x + 2, box.y + 2);
      drawn.push({id: id, text: text, x: box.x, y: box.y, width: box.width, height: box.height, fontPx: info.px});
    };
    // what lies on the graph (the view bar, the status line) is an obstacle
    var status = document.getElementById("status");
    Array.from(container.querySelectorAll(".view-bar:not([hidden]) > *")).concat(status ? [status] : []).forEach(function (child) {
      var r = child.getBoundingClientRect(), c = container.getBoundingClientRect();
      if (r.width && r.height) { grid.add({x: r.left - c.left, y: r.top - c.top, width: r.width, height: r.height}); }
    });
    pinnedLabels().forEach(tryNode);
    drawPathStepLabels(ctx, grid, view);
    for (var i = 0; i < labelOrder.length && drawn.length < LABEL_MAX_DRAWN; i++) { tryNode(labelOrder[i]); }
    drawFlagMarks(ctx, grid, view);
    ctx.restore();
    drawnLabelList = drawn;
  }
  network.on("afterDrawing", drawLabels);

  /* The shown, undimmed nodes whose centre is inside the graph area (for tests: how many could have a label). */
  function nodesInView() {
    var view = viewTransform();
    return Array.from(shownNodeSet).filter(function (id) {
      var s = nodeOnScreen(id, view);
      return s && !isDimmed(id) && s.x >= 0 && s.y >= 0 && s.x <= view.width && s.y <= view.height;
    }).sort();
  }
