  // -- a path on the graph ---------------------------------------------------------------------
  /* The shown paths are laid out left to right in layers (the therapy at the left, the disease at
   * the right, each path on its own row; a node on several paths sits between their rows, at the
   * mean of its places along them). Every step is drawn and labelled in the label grid: an edge
   * step with its predicate, an is-a (skos:broader) step, which is a node attribute and no edge of
   * the graph, as a dashed line labelled "is a". A step that rests on a flagged claim is marked ⚑,
   * one that rests only on another disease's claims ≠; each path gets its number when several are shown. */

  Object.assign(UI.en, {isA: "is a", otherDiseaseMark: "≠: the step rests only on claims about another disease"});
  Object.assign(UI["zh-Hant"], {isA: "屬於", otherDiseaseMark: "≠：此步只依據關於另一疾病的陳述"});

  var PATH_ROW = 96;
  var drawnSteps = [];

  /* A record's steps: ``p.steps`` when the record has them, else derived from ``nodes`` and
   * ``edges`` (consecutive nodes joined by one of the record's edges, or else an is-a step). */
  function pathSteps(p, disease) {
    if (isList(p.steps)) { return p.steps; }
    var scope = disease ? (DATA.disease_scope[disease] || [disease]) : null;
    var steps = [];
    for (var i = 0; i + 1 < p.nodes.length; i++) {
      var a = p.nodes[i], b = p.nodes[i + 1];
      var edge = null;
      for (var j = 0; j < p.edges.length && !edge; j++) {
        var info = DATA.edges[p.edges[j]];
        if (info && ((info.from === a && info.to === b) || (info.from === b && info.to === a))) { edge = p.edges[j]; }
      }
      var e = edge ? DATA.edges[edge] : null;
      steps.push({
        from: a, to: b, edge: edge, kind: edge ? "mechanism" : "is_a", forward: e ? e.from === a : true,
        flagged: e ? !!e.flagged : false,
        other_disease: !!(e && scope && e.diseases.length && !e.diseases.some(function (d) { return scope.indexOf(d) >= 0; }))
      });
    }
    return steps;
  }
  function pathDiseaseOf(p) { return p.nodes.length ? p.nodes[p.nodes.length - 1] : ""; }
  function pathNumber(p, i) { return typeof p.number === "number" ? p.number : i + 1; }
  function pathKey() { return highlightPaths.map(function (p) { return p.nodes.join(">"); }).join(" ; "); }

  /* Layered positions for the nodes of ``paths`` (the rest of ``ids``, if any, stay where they are globally). */
  function pathPositions(paths, ids) {
    var place = Object.create(null);
    var longest = 2;
    var widest = 80;
    paths.forEach(function (p) { longest = Math.max(longest, p.nodes.length); });
    ids.forEach(function (id) { widest = Math.max(widest, labelSize(id).width); });
    // columns as wide as the labels, within what the graph area offers
    var column = Math.min(Math.max(widest + 30, 140), 260, Math.max(fitArea().width / (longest - 1), 140));
    var rows = paths.length;
    paths.forEach(function (p, lane) {
      var last = p.nodes.length - 1;
      p.nodes.forEach(function (id, j) {
        var at = place[id] || (place[id] = {xs: [], lanes: []});
        at.xs.push(last > 0 ? j / last : 0);
        at.lanes.push(lane);
      });
    });
    // a portrait graph area (a phone) takes the layers from top to bottom, the rows side by side
    var area = fitArea();
    var portrait = container.clientHeight > container.clientWidth * 1.2;
    if (portrait) { column = Math.max(Math.min(area.height / (longest - 1), 120), 70); }
    var row = portrait ? Math.max(Math.min(area.width / Math.max(rows - 1, 1), widest + 20), 60) : PATH_ROW;
    var out = Object.create(null);
    ids.forEach(function (id) {
      var at = place[id];
      if (!at) { out[id] = globalPosition[id]; return; }
      var mean = function (list) { return list.reduce(function (s, v) { return s + v; }, 0) / list.length; };
      var layer = Math.round(mean(at.xs) * (longest - 1)) * column;
      var lane = (mean(at.lanes) - (rows - 1) / 2) * row;
      out[id] = portrait ? {x: lane, y: layer} : {x: layer, y: lane};
    });
    if (portrait) { return out; }
    // nodes of one column at least 3/4 of a row apart, in the order of their rows
    var columns = Object.create(null);
    ids.forEach(function (id) { if (place[id]) { (columns[out[id].x] = columns[out[id].x] || []).push(id); } });
    Object.keys(columns).forEach(function (x) {
      var list = columns[x].sort(function (a, b) { return out[a].y - out[b].y || (a < b ? -1 : 1); });
      for (var i = 1; i < list.length; i++) {
        var above = out[list[i - 1]];
        if (out[list[i]].y < above.y + PATH_ROW * 0.75) { out[list[i]] = {x: out[list[i]].x, y: above.y + PATH_ROW * 0.75}; }
      }
    });
    return out;
  }

  /* Is-a steps as dashed lines with an open arrow head, in canvas units (before vis draws the nodes). */
  function drawIsAStepLines(ctx, scale) {
    if (!pathMode()) { return; }
    var body = network.body;
    ctx.save();
    ctx.strokeStyle = "#555555";
    ctx.lineWidth = 2 / Math.max(scale, 0.3);
    ctx.setLineDash([8 / scale, 5 / scale]);
    highlightPaths.forEach(function (p) {
      pathSteps(p, pathDiseaseOf(p)).forEach(function (s) {
        if (s.kind !== "is_a") { return; }
        var a = body.nodes[s.from], b = body.nodes[s.to];
        if (!a || !b) { return; }
        var angle = Math.atan2(b.y - a.y, b.x - a.x);
        var end = {x: b.x - Math.cos(angle) * nodeRadius(s.to), y: b.y - Math.sin(angle) * nodeRadius(s.to)};
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(end.x, end.y);
        ctx.stroke();
        var head = 12 / Math.max(scale, 0.3);
        ctx.beginPath();
        ctx.setLineDash([]);
        ctx.moveTo(end.x - head * Math.cos(angle - 0.45), end.y - head * Math.sin(angle - 0.45));
        ctx.lineTo(end.x, end.y);
        ctx.lineTo(end.x - head * Math.cos(angle + 0.45), end.y - head * Math.sin(angle + 0.45));
        ctx.stroke();
        ctx.setLineDash([8 / scale, 5 / scale]);
      });
    });
    ctx.restore();
  }

  /* The steps' labels and the paths' numbers, in screen px, in the label grid (after the path nodes' labels). */
  function drawPathStepLabels(ctx, grid, view) {
    drawnSteps = [];
    if (!pathMode()) { return; }
    var labelled = new Set();
    var numbered = highlightPaths.length > 1;
    var font = "12px " + FONT_FACE;
    highlightPaths.forEach(function (p, i) {
      var number = pathNumber(p, i);
      var steps = pathSteps(p, pathDiseaseOf(p));
      steps.forEach(function (s, j) {
        var a = nodeOnScreen(s.from, view), b = nodeOnScreen(s.to, view);
        var drawn = !!(a && b && (s.kind === "is_a" || shownEdgeSet.has(s.edge)));
        if (!drawn) { return; }
        drawnSteps.push({path: number, from: s.from, to: s.to, kind: s.kind});
        var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        if (numbered && j === Math.floor((steps.length - 1) / 2)) {
          var badge = grid.place(18, 18, [[mx - 9 - 18, my - 9], [mx + 9, my - 9], [mx - 9, my - 30], [mx - 9, my + 12]]);
          if (badge) {
            ctx.fillStyle = "#333333";
            ctx.beginPath();
            ctx.arc(badge.x + 9, badge.y + 9, 9, 0, 2 * Math.PI);
            ctx.fill();
            ctx.font = "bold 12px " + FONT_FACE;
            ctx.fillStyle = "#ffffff";
            ctx.textAlign = "center";
            ctx.textBaseline = "middle";
            ctx.fillText(String(number), badge.x + 9, badge.y + 9.5);
          }
        }
        var key = s.from + ">" + s.to + ">" + (s.edge || "is_a");
        if (labelled.has(key)) { return; }
        labelled.add(key);
        var text = (s.flagged ? "⚑ " : "") + (s.other_disease ? "≠ " : "") +
          (s.kind === "is_a" ? t("isA") : predicateLabel(DATA.edges[s.edge].predicate));
        measureContext.font = font;
        var w = Math.ceil(measureContext.measureText(text).width) + 4, h = 16;
        var box = grid.place(w, h, [[mx - w / 2, my - h / 2], [mx - w / 2, my - h - 4], [mx - w / 2, my + 4]]);
        if (box) { drawText(ctx, text, font, box.x + 2, box.y + 2, s.flagged || s.other_disease ? FLAG_COLOUR : "#444444"); }
      });
    });
  }
