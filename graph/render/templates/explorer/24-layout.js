  // -- local layouts ---------------------------------------------------------------------------
  /* Every view but the whole graph gets a layout of its own, computed for the nodes it shows:
   * a force-directed pass (Fruchterman-Reingold) seeded from the build's global positions, then
   * stretched to the graph area's shape and pushed apart until the label boxes do not overlap.
   * It is deterministic (fixed seeds, a fixed number of iterations) and bounded: at most
   * LOCAL_MAX nodes get a layout of their own (above, the global positions stay) and the
   * iterations shrink as the nodes grow (n² · iterations <= LAYOUT_BUDGET). */

  var LOCAL_MAX = 700;
  var LAYOUT_BUDGET = 1.2e7;
  var IDEAL_EDGE = 120; // canvas units at the scale the view is fitted to (about 1)
  var GRAVITY = 1.0;
  var ASPECT = 2.2; // a label box is wider than tall: nodes repel more along x
  var SEPARATE_PASSES = 8;
  var movedNodes = new Set(); // nodes whose DataSet position is not the global one

  /* Positions for the shown ``ids`` (sorted) in ``mode``, written into the DataSet before the views refresh. */
  function placeNodes(mode, ids) {
    var positions;
    if (mode === "path") {
      positions = pathPositions(highlightPaths, ids);
    } else if (mode !== "all" && ids.length <= LOCAL_MAX) {
      var seed = seedPositions(ids, shownKey.split("\u0000")[0] === mode);
      positions = seed.kept.size ? seed.positions : forceLayout(ids, shownEdgePairs(), seed.positions, seed.kept);
      separateLabels(ids, positions, seed.kept.size === 0);
    } else {
      positions = null;
    }
    var updates = [];
    if (positions) {
      ids.forEach(function (id) {
        var p = positions[id];
        if (p) { updates.push({id: id, x: Math.round(p.x), y: Math.round(p.y)}); movedNodes.add(id); }
      });
    } else {
      movedNodes.forEach(function (id) { updates.push({id: id, x: globalPosition[id].x, y: globalPosition[id].y}); });
      movedNodes.clear();
    }
    if (updates.length) { nodes.update(updates); }
  }

  function shownEdgePairs() {
    var pairs = [];
    shownEdgeSet.forEach(function (id) {
      var info = DATA.edges[id];
      if (info && info.from !== info.to) { pairs.push([info.from, info.to]); }
    });
    return pairs;
  }

  /* Start positions. In the same mode as before (an expansion, a filter more or less): where a
   * node is drawn now, and a node new to the view next to a shown neighbour. Else: the global
   * positions, rescaled. */
  function seedPositions(ids, sameMode) {
    var seed = Object.create(null);
    var current = network.getPositions();
    var drawn = Object.keys(current).filter(function (id) { return shownNodeSet.has(id); });
    var useCurrent = sameMode && drawn.length >= 2;
    var kept = new Set();
    ids.forEach(function (id) {
      if (useCurrent && current[id]) { seed[id] = {x: current[id].x, y: current[id].y}; kept.add(id); }
    });
    var jitter = function (id, salt) { // an offset that depends only on the id
      var h = 2166136261;
      var s = salt + id;
      for (var i = 0; i < s.length; i++) { h = Math.imul(h ^ s.charCodeAt(i), 16777619); }
      return ((h >>> 0) / 4294967296 - 0.5) * IDEAL_EDGE;
    };
    if (!useCurrent) {
      // the global positions, rescaled so that the nodes start about an edge apart
      var xs = ids.map(function (id) { return globalPosition[id].x; });
      var ys = ids.map(function (id) { return globalPosition[id].y; });
      var span = Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs),
        Math.max.apply(null, ys) - Math.min.apply(null, ys), 1);
      var factor = IDEAL_EDGE * Math.sqrt(ids.length) / span;
      var mx = xs.reduce(function (a, b) { return a + b; }, 0) / xs.length;
      var my = ys.reduce(function (a, b) { return a + b; }, 0) / ys.length;
      ids.forEach(function (id) {
        seed[id] = {x: (globalPosition[id].x - mx) * factor + jitter(id, "x") * 0.1, y: (globalPosition[id].y - my) * factor + jitter(id, "y") * 0.1};
      });
      return {positions: seed, kept: new Set()};
    }
    var neighbours = Object.create(null);
    shownEdgePairs().forEach(function (p) {
      (neighbours[p[0]] = neighbours[p[0]] || []).push(p[1]);
      (neighbours[p[1]] = neighbours[p[1]] || []).push(p[0]);
    });
    // the new nodes on rings around the shown node they hang on, in id order
    var around = Object.create(null);
    ids.forEach(function (id) {
      if (seed[id]) { return; }
      var anchor = (neighbours[id] || []).filter(function (o) { return kept.has(o); }).sort()[0] || "";
      (around[anchor] = around[anchor] || []).push(id);
    });
    Object.keys(around).forEach(function (anchor) {
      var list = around[anchor];
      var base = anchor ? current[anchor] : {x: 0, y: 0};
      var radius = Math.max(IDEAL_EDGE, list.length * 140 / (2 * Math.PI));
      list.forEach(function (id, i) {
        var angle = 2 * Math.PI * i / list.length + 0.3;
        seed[id] = {x: base.x + radius * Math.cos(angle) * 1.4, y: base.y + radius * Math.sin(angle)};
      });
    });
    return {positions: seed, kept: kept};
  }

  /* Fruchterman-Reingold on ``ids`` joined by ``pairs`` from ``seed``; a pull to the centre keeps
   * separate components together. The ``kept`` nodes (those on screen already) stay where they
   * are, so that the reader keeps their bearings while new nodes settle. Returns id -> {x, y}. */
  function forceLayout(ids, pairs, seed, kept) {
    var n = ids.length;
    var index = Object.create(null);
    var x = new Float64Array(n), y = new Float64Array(n), dx = new Float64Array(n), dy = new Float64Array(n);
    ids.forEach(function (id, i) { index[id] = i; x[i] = seed[id].x / ASPECT; y[i] = seed[id].y; });
    var links = [];
    pairs.forEach(function (p) { if (p[0] in index && p[1] in index) { links.push(index[p[0]], index[p[1]]); } });
    var k = IDEAL_EDGE;
    var iterations = Math.max(20, Math.min(300, Math.floor(LAYOUT_BUDGET / Math.max(n * n, 1))));
    var t0 = kept.size ? k * 2 : k * Math.max(2, Math.sqrt(n)) * 0.5;
    // the pull goes to the centre of the seed; weak when most nodes stay where they are
    var cx = 0, cy = 0;
    for (var c = 0; c < n; c++) { cx += x[c] / n; cy += y[c] / n; }
    var gravity = kept.size ? GRAVITY * 0.05 : GRAVITY;
    var moves = new Uint8Array(n);
    ids.forEach(function (id, i) { moves[i] = kept.has(id) ? 0 : 1; });
    for (var it = 0; it < iterations && n > 1; it++) {
      dx.fill(0); dy.fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var ex = x[i] - x[j], ey = y[i] - y[j];
          var d2 = ex * ex + ey * ey;
          if (d2 < 1e-6) { ex = ((i * 7 + j * 3) % 11 - 5) * 0.1 + 0.05; ey = ((i * 5 + j) % 7 - 3) * 0.1 + 0.05; d2 = ex * ex + ey * ey; }
          var f = k * k / d2; // repulsion k²/d, along the unit vector
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      for (var l = 0; l < links.length; l += 2) {
        var a = links[l], b = links[l + 1];
        var lx = x[a] - x[b], ly = y[a] - y[b];
        var d = Math.sqrt(lx * lx + ly * ly) || 0.01;
        var g = d / k; // attraction d²/k, along the unit vector
        dx[a] -= lx * g; dy[a] -= ly * g; dx[b] += lx * g; dy[b] += ly * g;
      }
      var temperature = t0 * (1 - it / iterations) + 1;
      for (var m = 0; m < n; m++) {
        if (!moves[m]) { continue; }
        // gravity, as strong as the repulsion of the whole cloud at its natural radius (k·√n)
        dx[m] -= (x[m] - cx) * gravity; dy[m] -= (y[m] - cy) * gravity;
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]);
        if (len > 0) {
          var step = Math.min(len, temperature) / len;
          x[m] += dx[m] * step; y[m] += dy[m] * step;
        }
      }
    }
    var out = Object.create(null);
    ids.forEach(function (id, i) { out[id] = {x: x[i] * ASPECT, y: y[i]}; });
    return out;
  }

  /* Stretch ``positions`` to fill the graph area at scale 1, then push overlapping nodes apart
   * (a few passes over the pairs, at most LOCAL_MAX nodes), each node a box with its label below it. */
  function separateLabels(ids, positions, stretch) {
    var n = ids.length;
    if (n < 2) { return; }
    var area = fitArea();
    var xs = ids.map(function (id) { return positions[id].x; });
    var ys = ids.map(function (id) { return positions[id].y; });
    var minX = Math.min.apply(null, xs), minY = Math.min.apply(null, ys);
    var spanX = Math.max(Math.max.apply(null, xs) - minX, 1);
    var spanY = Math.max(Math.max.apply(null, ys) - minY, 1);
    var sx = stretch ? area.width / spanX : 1, sy = stretch ? area.height / spanY : 1;
    if (!stretch) { minX = 0; minY = 0; }
    var boxes = ids.map(function (id) {
      var p = positions[id];
      var size = labelSize(id);
      var r = nodeRadius(id);
      // on a narrow area a label may not claim more than a third of its width (the grid drops what does not fit)
      var w = Math.min(size.width, area.width / 3);
      return {id: id, x: (p.x - minX) * sx, y: (p.y - minY) * sy, w: Math.max(w, 2 * r) + 10, h: size.height + 2 * r + 8};
    });
    pushApart(boxes, SEPARATE_PASSES);
    boxes.forEach(function (b) { positions[b.id] = {x: b.x, y: b.y}; });
  }
  function pushApart(boxes, passes) {
    var n = boxes.length;
    var grow = 1;
    for (var pass = 0; pass < passes; pass++) {
      var movedAny = false;
      for (var i = 0; i < n; i++) {
        var a = boxes[i];
        for (var j = i + 1; j < n; j++) {
          var b = boxes[j];
          var ox = (a.w + b.w) / 2 * grow - Math.abs(a.x - b.x);
          var oy = (a.h + b.h) / 2 * grow - Math.abs(a.y - b.y);
          if (ox <= 0 || oy <= 0) { continue; }
          movedAny = true;
          if (ox < oy) {
            var px = (a.x < b.x || (a.x === b.x && a.y < b.y) ? -1 : 1) * (ox / 2 + 0.5);
            a.x += px; b.x -= px;
          } else {
            var py = (a.y < b.y || (a.y === b.y && a.x < b.x) ? -1 : 1) * (oy / 2 + 0.5);
            a.y += py; b.y -= py;
          }
        }
      }
      if (!movedAny) { break; }
    }
  }
  /* The part of the graph area that nodes may fill (without the margins for labels): {width, height, ...}. */
  function fitArea() {
    var width = Math.max(container.clientWidth, 1), height = Math.max(container.clientHeight, 1);
    // a path's end nodes carry labels wider than the nodes: more room at the sides
    var marginX = pathMode() ? Math.min(110, width * 0.15) : Math.min(90, width * 0.06), marginTop = Math.min(44, height * 0.08), marginBottom = Math.min(48, height * 0.1);
    // nothing is fitted under the view bar (top) or under the details sheet of a phone (foot)
    var bar = document.getElementById("view-bar");
    if (bar && !bar.hidden && bar.offsetHeight) { marginTop = Math.max(marginTop, bar.offsetTop + bar.offsetHeight + 24); }
    marginBottom += sheetCover();
    return {width: Math.max(width - 2 * marginX, 50), height: Math.max(height - marginTop - marginBottom, 50),
      marginTop: marginTop, marginBottom: marginBottom};
  }

  /* Fit the shown nodes into the graph area with a margin for their labels (no animation: the
   * view is final at once, so what a test reads is what a reader sees). */
  function fitShown() {
    var ids = Array.from(shownNodeSet);
    if (!ids.length) { return; }
    var pos = network.getPositions(ids);
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    ids.forEach(function (id) {
      var p = pos[id];
      if (!p) { return; }
      var r = nodeRadius(id);
      minX = Math.min(minX, p.x - r); maxX = Math.max(maxX, p.x + r);
      minY = Math.min(minY, p.y - r); maxY = Math.max(maxY, p.y + r);
    });
    if (minX > maxX) { return; }
    var area = fitArea();
    var marginTop = area.marginTop, marginBottom = area.marginBottom;
    var scale = Math.min(area.width / Math.max(maxX - minX, 1), area.height / Math.max(maxY - minY, 1));
    scale = Math.max(Math.min(scale, 1.5), 0.02);
    var centre = {x: (minX + maxX) / 2, y: (minY + maxY) / 2 + (marginBottom - marginTop) / 2 / scale};
    network.moveTo({position: centre, scale: scale, animation: false});
  }
