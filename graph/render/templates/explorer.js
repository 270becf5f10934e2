/* MechKG explorer page.
 *
 * Reads all data from the JSON block #mechkg-data and builds every piece of text with
 * textContent / createElement: no data is ever parsed as HTML. Links are made only
 * for http(s) URLs.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("mechkg-data").textContent);
  // Ids are data, never property names of Object.prototype: an entity or claim named
  // "constructor" or "toString" must look itself up, not a built-in (maps without a prototype).
  function dictionary(object) { return Object.assign(Object.create(null), object || {}); }
  ["claims", "disease_scope", "edges", "entities", "flag_kinds", "predicates", "sources"].forEach(function (key) {
    DATA[key] = dictionary(DATA[key]);
  });

  var UI = {
    en: {
      search: "Search", searchPlaceholder: "Search: English, 中文, synonyms…",
      physics: "physics", edgeLabels: "edge labels", highlight: "highlight paths",
      fit: "Fit", reset: "Reset filters", classes: "Entity classes", edgeSigns: "Edges",
      dashedNote: "Dashed: not causal (association). Bar head ⊣: negative. Width: number of claims.",
      disease: "Disease context", allDiseases: "all diseases", evidence: "Evidence",
      structural: "no claim (structural)", status: "{n} nodes · {e} edges shown",
      noMatch: "no match", panelHint: "Click a node or an edge to see its labels, identifiers and the claims with their quotes.",
      cls: "class", id: "id", iri: "IRI", synonyms: "synonyms", definition: "definition",
      ungrounded: "ungrounded", xrefs: "identifiers", properties: "properties", figures: "reported figures",
      flags: "curation flags", claims: "claims", edges: "edges", noClaims: "no claims",
      sign: "sign", causal: "causal", yes: "yes", no: "no", confidence: "confidence", aspects: "aspects",
      diseases: "diseases", evidenceLevels: "evidence", flagged: "flagged", quote: "quote",
      statement: "statement", evidenceRow: "evidence", species: "species", model: "model",
      primarySays: "the primary paper says", paraphrase: "paraphrase of a primary paper (no quote)",
      derivedFrom: "primary source", corrects: "corrects",
      section: "section", source: "source", study: "study", context: "context", notes: "notes",
      aspect: "aspect", intended: "intended", roles: "role",
      origin_translation: "error of the translation", origin_review: "error of the review",
      origin_primary_paper: "error of the primary paper", origin_press_report: "error of a press report", subject: "subject", object: "object",
      measure: "measure", value: "value", timepoint: "timepoint", direction: "direction", claim: "claim",
      hiddenByFilter: "hidden by the current filters", broader: "broader",
      arms: "study arms", arm: "arm", n: "n", intervention: "intervention",
      paths: "Mechanism paths", pathDisease: "disease", pathTherapy: "therapy", chooseDisease: "choose a disease…",
      chooseTherapy: "choose a therapy…", pathsFor: "Mechanism paths", path: "path", hops: "hops", score: "score",
      netNeg: "counteracts the disease (net −)", netPos: "would aggravate the disease (net +)", netZero: "unknown sign (net 0)",
      netNone: "connection (no net sign)",
      showPath: "show on graph", showAll: "show all paths", observed: "observed outcome (direct edge)",
      highlighted: "Highlighted paths", pathsHint: "Each hop is an edge of the graph with the claims that support it.",
      against: "walked against the edge direction",
      focus: "Focus", focusOn: "Show only this neighbourhood", leaveFocus: "Leave focus",
      focusDepth: "neighbourhood", oneHop: "1 hop", nHops: "{k} hops",
      focusStatus: "{n} of {total} nodes · {e} edges shown",
      focusHint: "Keeps this node and the nodes at most k edges away (either direction, within the filters).",
      outsideFocus: "outside the focused neighbourhood"
    },
    "zh-Hant": {
      search: "搜尋", searchPlaceholder: "搜尋實體（中文 / English / 同義詞）…",
      physics: "物理模擬", edgeLabels: "邊標籤", highlight: "突顯路徑",
      fit: "全圖", reset: "重設篩選", classes: "實體類別", edgeSigns: "關係",
      dashedNote: "虛線：非因果（關聯）。⊣ 端：負向。線寬：支持陳述的數目。",
      disease: "疾病背景", allDiseases: "全部疾病", evidence: "證據",
      structural: "無陳述（結構性）", status: "顯示 {n} 個節點 · {e} 條邊",
      noMatch: "沒有符合項目", panelHint: "點選節點或邊，查看其標籤、標識符及附原文引述的陳述。",
      cls: "類別", id: "編號", iri: "IRI", synonyms: "同義詞", definition: "定義",
      ungrounded: "未對應標準術語", xrefs: "標準標識符", properties: "屬性", figures: "報告數據",
      flags: "審校標記", claims: "陳述", edges: "關係", noClaims: "沒有陳述",
      sign: "方向", causal: "因果", yes: "是", no: "否", confidence: "可信度", aspects: "方面",
      diseases: "疾病", evidenceLevels: "證據", flagged: "已標記", quote: "原文",
      statement: "英文陳述", evidenceRow: "證據", species: "物種", model: "模型",
      primarySays: "原始論文指出", paraphrase: "原始論文的轉述（無原文引述）",
      derivedFrom: "原始文獻", corrects: "更正",
      section: "章節", source: "來源", study: "研究", context: "細胞/組織背景", notes: "備註",
      aspect: "方面", intended: "原意應為", roles: "角色",
      origin_translation: "翻譯之誤", origin_review: "綜述之誤",
      origin_primary_paper: "原始論文之誤", origin_press_report: "新聞報導之誤", subject: "主語", object: "賓語",
      measure: "指標", value: "數值", timepoint: "時間點", direction: "方向", claim: "陳述",
      hiddenByFilter: "已被目前的篩選隱藏", broader: "上位概念",
      arms: "研究組別", arm: "組別", n: "人數", intervention: "干預",
      paths: "機制路徑", pathDisease: "疾病", pathTherapy: "療法", chooseDisease: "選擇疾病…",
      chooseTherapy: "選擇療法…", pathsFor: "機制路徑", path: "路徑", hops: "步", score: "評分",
      netNeg: "對抗疾病（淨符號 −）", netPos: "可能加重疾病（淨符號 +）", netZero: "方向未知（淨符號 0）",
      netNone: "關聯（無淨符號）",
      showPath: "在圖中顯示", showAll: "顯示全部路徑", observed: "觀察到的療效（直接關係）",
      highlighted: "突顯的路徑", pathsHint: "每一步都是圖中的一條邊，附支持它的陳述。",
      against: "逆著邊的方向",
      focus: "聚焦", focusOn: "只顯示此鄰域", leaveFocus: "離開聚焦",
      focusDepth: "鄰域範圍", oneHop: "1 步", nHops: "{k} 步",
      focusStatus: "顯示 {n}/{total} 個節點 · {e} 條邊",
      focusHint: "保留此節點及與它相距不超過 k 條邊的節點（不論方向，限於目前的篩選）。",
      outsideFocus: "在聚焦鄰域之外"
    }
  };
  var SHAPE_SYMBOL = {
    dot: "●", diamond: "◆", star: "★", triangle: "▲", triangleDown: "▼", square: "■", hexagon: "⬢"
  };

  var state = {
    lang: DATA.lang,
    selection: null, // {kind: "node"|"edge", id: string}
    hiddenClasses: new Set(),
    signs: new Set(["1", "-1", "0"]),
    evidence: new Set(DATA.evidence_levels.map(function (l) { return l.name; }).concat([""])),
    disease: "",
    diseaseNodes: null,
    edgeLabels: false,
    highlight: DATA.highlight.edges.length > 0,
    pathDisease: "",
    pathTherapy: "",
    focus: null, // {id, k}: show only the node and its k-hop neighbourhood
    focusK: 1,
    focusNodes: null
  };
  var FOCUS_DEPTHS = [1, 2, 3];

  // -- helpers ---------------------------------------------------------------------------------

  function t(key) { return UI[state.lang][key] || UI.en[key] || key; }
  function zh() { return state.lang !== "en"; }
  function label(obj) { return obj ? (zh() ? obj.label_zh : obj.label_en) : ""; }
  function otherLabel(obj) { return zh() ? obj.label_en : obj.label_zh; }
  function entityLabel(id) { var e = DATA.entities[id]; return e ? label(e) : id; }
  function predicateLabel(name) { return label(DATA.predicates[name]) || name; }
  function classInfo(name) {
    for (var i = 0; i < DATA.classes.length; i++) { if (DATA.classes[i].name === name) { return DATA.classes[i]; } }
    return null;
  }
  function evidenceLabel(name) {
    for (var i = 0; i < DATA.evidence_levels.length; i++) {
      if (DATA.evidence_levels[i].name === name) { return label(DATA.evidence_levels[i]); }
    }
    return name;
  }
  function signInfo(sign) {
    for (var i = 0; i < DATA.signs.length; i++) { if (DATA.signs[i].sign === sign) { return DATA.signs[i]; } }
    return DATA.signs[2];
  }
  function isList(x) { return Array.isArray(x); }
  function present(x) { return x !== null && x !== undefined && x !== "" && !(isList(x) && x.length === 0); }

  /* el("p", {className: "x", lang: "zh-Hant"}, child, "text", ...): attributes are set as
   * DOM properties, strings become text nodes. */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) { Object.keys(props).forEach(function (k) { node[k] = props[k]; }); }
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }
  function append(parent, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (isList(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function link(url, text) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      return el("a", {href: url, target: "_blank", rel: "noopener noreferrer"}, text || url);
    }
    return el("span", null, text || String(url || ""));
  }
  function ref(id) {
    if (!DATA.entities[id]) { return el("span", null, id); }
    var button = el("button", {type: "button", className: "ref", title: id}, entityLabel(id));
    button.addEventListener("click", function () { selectNode(id, true); });
    return button;
  }
  function refs(ids) {
    var out = [];
    (isList(ids) ? ids : [ids]).forEach(function (id, i) { if (i) { out.push(", "); } out.push(ref(id)); });
    return out;
  }
  function edgeRef(edgeId) {
    var info = DATA.edges[edgeId];
    var button = el("button", {type: "button", className: "ref"},
      entityLabel(info.from) + " —" + predicateLabel(info.predicate) + "→ " + entityLabel(info.to));
    button.addEventListener("click", function () { selectEdge(edgeId); });
    return button;
  }
  /* A definition list from [key, value] rows; rows with an empty value are left out. */
  function rows(list) {
    var dl = el("dl");
    list.forEach(function (row) {
      if (present(row[1])) { dl.appendChild(el("dt", null, t(row[0]))); dl.appendChild(el("dd", null, row[1])); }
    });
    return dl;
  }
  function flagList(flags) {
    if (!present(flags)) { return null; }
    return el("ul", {className: "flag"}, flags.map(function (f) {
      var kind = DATA.flag_kinds[f.kind];
      var origin = present(f.origin) ? " (" + t("origin_" + f.origin) + ")" : "";
      return el("li", null, el("strong", null, kind ? label(kind) : String(f.kind)), origin, ": ", f.note || "",
        present(f.intended) ? [" — ", t("intended"), ": ", el("span", {lang: "zh-Hant"}, f.intended)] : null);
    }));
  }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
  }

  // -- graph -----------------------------------------------------------------------------------

  var highlightNodes = new Set(DATA.highlight.nodes);
  var highlightEdges = new Set(DATA.highlight.edges);

  /* What of a node or an edge depends on the language and the path emphasis. */
  function nodeLook(n) {
    var e = DATA.entities[n.id];
    var cls = classInfo(e.type);
    var emphasise = state.highlight && highlightEdges.size > 0;
    var dim = emphasise && !highlightNodes.has(n.id);
    return {
      id: n.id,
      label: label(e),
      title: label(e) + " / " + otherLabel(e) + " (" + (cls ? label(cls) : e.type) + ")",
      opacity: dim ? 0.25 : 1,
      // a dimmed node's label fades too, so that the highlighted path reads on its own
      font: {size: n.font && n.font.size ? n.font.size : 14, color: dim ? "rgba(68,68,68,0.25)" : "#222222",
        strokeWidth: dim ? 0 : 3}
    };
  }
  function edgeLook(base) {
    var info = DATA.edges[base.id];
    var sign = signInfo(info.sign);
    var emphasise = state.highlight && highlightEdges.size > 0;
    var on = highlightEdges.has(base.id);
    return {
      id: base.id,
      label: state.edgeLabels ? predicateLabel(info.predicate) : "",
      title: entityLabel(info.from) + " —" + predicateLabel(info.predicate) + "→ " + entityLabel(info.to) +
        " (" + info.claims.length + " " + t("claims") + ")",
      width: emphasise && on ? base.width * 2 + 2 : base.width,
      arrows: {to: {enabled: true, type: sign.arrow, scaleFactor: 0.8}},
      color: {color: sign.color, highlight: sign.color, hover: sign.color, opacity: emphasise && !on ? 0.2 : 1}
    };
  }
  // the items are complete before vis sees them: one pass, no update of 20,000 items
  var nodes = new vis.DataSet(DATA.vis.nodes.map(function (n) { return Object.assign({}, n, nodeLook(n)); }));
  var edges = new vis.DataSet(DATA.vis.edges.map(function (e) { return Object.assign({}, e, edgeLook(e)); }));

  /* The filters (class, sign, evidence, disease) without the focus. */
  function edgePassesFilters(edgeId) {
    var info = DATA.edges[edgeId];
    if (!state.signs.has(String(info.sign))) { return false; }
    var levels = info.evidence_levels.length ? info.evidence_levels : [""];
    if (!levels.some(function (l) { return state.evidence.has(l); })) { return false; }
    if (state.disease) {
      // a disease stands for itself and its narrower diseases (skos:broader*, graph/queries/README.md)
      var scope = DATA.disease_scope[state.disease] || [state.disease];
      var inScope = function (d) { return scope.indexOf(d) >= 0; };
      if (!(info.diseases.some(inScope) || inScope(info.from) || inScope(info.to))) { return false; }
    }
    return !state.hiddenClasses.has(DATA.entities[info.from].type) &&
      !state.hiddenClasses.has(DATA.entities[info.to].type);
  }
  function nodePassesFilters(id) {
    if (state.hiddenClasses.has(DATA.entities[id].type)) { return false; }
    return !state.diseaseNodes || state.diseaseNodes.has(id);
  }
  function edgeVisible(e) {
    if (!edgePassesFilters(e.id)) { return false; }
    return !state.focusNodes || (state.focusNodes.has(e.from) && state.focusNodes.has(e.to));
  }
  function nodeVisible(n) {
    return nodePassesFilters(n.id) && (!state.focusNodes || state.focusNodes.has(n.id));
  }
  /* The nodes at most k edges from ``start``, walking edges in either direction, using only the
   * edges and nodes that the filters leave (breadth-first search). Empty if the filters hide ``start``. */
  function neighbourhood(start, k) {
    var found = new Set();
    if (!DATA.entities[start] || !nodePassesFilters(start)) { return found; }
    var adjacent = Object.create(null);
    Object.keys(DATA.edges).forEach(function (edgeId) {
      var info = DATA.edges[edgeId];
      if (!edgePassesFilters(edgeId) || !nodePassesFilters(info.from) || !nodePassesFilters(info.to)) { return; }
      (adjacent[info.from] = adjacent[info.from] || []).push(info.to);
      (adjacent[info.to] = adjacent[info.to] || []).push(info.from);
    });
    found.add(start);
    var frontier = [start];
    for (var depth = 0; depth < k && frontier.length; depth++) {
      var next = [];
      frontier.forEach(function (id) {
        (adjacent[id] || []).forEach(function (other) {
          if (!found.has(other)) { found.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return found;
  }
  var nodesView = new vis.DataView(nodes, {filter: nodeVisible});
  var edgesView = new vis.DataView(edges, {filter: edgeVisible});
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodesView, edges: edgesView}, DATA.vis.options);

  function applyFilters() {
    state.diseaseNodes = null;
    if (state.disease) {
      var keep = new Set([state.disease]);
      edges.get().forEach(function (e) {
        if (edgePassesFilters(e.id)) { keep.add(e.from); keep.add(e.to); }
      });
      state.diseaseNodes = keep;
    }
    state.focusNodes = state.focus ? neighbourhood(state.focus.id, state.focus.k) : null;
    nodesView.refresh();
    edgesView.refresh();
    updateStatus();
    renderFocusBar();
  }
  function updateStatus() {
    document.getElementById("status").textContent = state.focus
      ? format(t("focusStatus"), {n: nodesView.length, total: DATA.vis.nodes.length, e: edgesView.length})
      : format(t("status"), {n: nodesView.length, e: edgesView.length});
  }

  /* Labels, tooltips and path emphasis of nodes and edges for the current language. */
  function restyle() {
    nodes.update(DATA.vis.nodes.map(nodeLook));
    edges.update(DATA.vis.edges.map(edgeLook));
  }

  // -- side panel ------------------------------------------------------------------------------

  var panel = document.getElementById("panel");

  function renderPanel() {
    clear(panel);
    if (!state.selection) { panel.appendChild(el("p", {className: "empty"}, t("panelHint"))); return; }
    if (state.selection.kind === "node") { renderNode(state.selection.id); }
    else if (state.selection.kind === "edge") { renderEdge(state.selection.id); }
    else { renderPaths(state.selection.id); }
    panel.scrollTop = 0;
  }

  function renderNode(id) {
    var e = DATA.entities[id];
    var cls = classInfo(e.type);
    panel.appendChild(el("h2", {lang: state.lang}, label(e)));
    panel.appendChild(el("p", {className: "subtitle", lang: zh() ? "en" : "zh-Hant"}, otherLabel(e)));
    if (!nodesView.get(id)) {
      var outside = state.focus && nodePassesFilters(id);
      panel.appendChild(el("p", {className: "note"}, t(outside ? "outsideFocus" : "hiddenByFilter")));
    }
    panel.appendChild(focusBox(id));
    panel.appendChild(rows([
      ["cls", cls ? label(cls) + " (" + e.type + ")" : e.type],
      ["id", e.id],
      ["iri", present(e.iri) ? link(e.iri) : null],
      ["synonyms", e.synonyms.join(" · ")],
      ["definition", e.definition],
      ["broader", present(e.broader) ? refs(e.broader) : null],
      ["ungrounded", e.ungrounded],
      ["notes", e.notes]
    ]));
    if (present(e.xrefs)) {
      panel.appendChild(el("h3", null, t("xrefs")));
      panel.appendChild(el("ul", null, e.xrefs.map(function (x) {
        return el("li", null, link(x.url, x.curie), present(x.label) ? " " + x.label : "",
          present(x.match) ? el("span", {className: "badge"}, x.match) : null);
      })));
    }
    var structured = ["figures", "arms", "quote"];
    var props = Object.keys(e.properties).filter(function (k) { return structured.indexOf(k) < 0; }).sort();
    if (props.length) {
      panel.appendChild(el("h3", null, t("properties")));
      panel.appendChild(rows(props.map(function (k) {
        var v = e.properties[k];
        return [k, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)];
      })));
    }
    if (present(e.properties.quote)) { panel.appendChild(el("blockquote", {lang: "zh-Hant"}, String(e.properties.quote))); }
    if (present(e.properties.arms)) { panel.appendChild(armTable(e.properties.arms)); }
    if (present(e.properties.figures)) { panel.appendChild(figureTable(e.properties.figures)); }
    if (present(e.flags)) { panel.appendChild(el("h3", {className: "flag"}, t("flags"))); panel.appendChild(flagList(e.flags)); }

    var touching = Object.keys(DATA.edges).filter(function (k) {
      return DATA.edges[k].from === id || DATA.edges[k].to === id;
    }).sort();
    if (touching.length) {
      panel.appendChild(el("h3", null, t("edges") + " (" + touching.length + ")"));
      panel.appendChild(el("ul", null, touching.map(function (k) { return el("li", null, edgeRef(k)); })));
    }
    panel.appendChild(el("h3", null, t("claims") + " (" + e.claims.length + ")"));
    if (!e.claims.length) { panel.appendChild(el("p", {className: "empty"}, t("noClaims"))); }
    e.claims.forEach(function (c) {
      var claim = DATA.claims[c.claim];
      if (claim) { panel.appendChild(renderClaim(claim, false, c.roles)); }
    });
  }

  function armTable(arms) {
    var head = el("tr", null, ["arm", "n", "intervention", "quote"].map(function (k) { return el("th", null, t(k)); }));
    var body = arms.map(function (a) {
      return el("tr", null,
        el("td", null, a.label || a.id || ""),
        el("td", null, present(a.n) ? String(a.n) : ""),
        el("td", null, present(a.intervention) ? ref(a.intervention) : ""),
        el("td", {lang: "zh-Hant"}, a.quote || ""));
    });
    return el("div", null, el("h3", null, t("arms")), el("table", null, el("thead", null, head), el("tbody", null, body)));
  }

  function figureTable(figures) {
    var head = el("tr", null, ["measure", "value", "timepoint", "direction", "quote", "claim"].map(function (k) {
      return el("th", null, t(k));
    }));
    var body = figures.map(function (f) {
      var value = [f.value, f.unit].filter(present).join(" ");
      return el("tr", null,
        el("td", null, present(f.measure) ? ref(f.measure) : ""),
        el("td", null, value),
        el("td", null, f.timepoint || ""),
        el("td", null, f.direction || ""),
        el("td", {lang: "zh-Hant"}, f.quote || ""),
        el("td", null, f.claim || ""));
    });
    return el("div", null, el("h3", null, t("figures")), el("table", null, el("thead", null, head), el("tbody", null, body)));
  }

  function renderEdge(edgeId) {
    var info = DATA.edges[edgeId];
    var sign = signInfo(info.sign);
    panel.appendChild(el("h2", null, ref(info.from), " —" + predicateLabel(info.predicate) + "→ ", ref(info.to)));
    panel.appendChild(el("p", {className: "subtitle"}, info.from + " " + info.predicate + " " + info.to));
    if (!edgesView.get(edgeId)) { panel.appendChild(el("p", {className: "note"}, t("hiddenByFilter"))); }
    panel.appendChild(rows([
      ["sign", label(sign)],
      ["causal", info.causal ? t("yes") : t("no")],
      ["confidence", info.confidence === null ? null : String(info.confidence)],
      ["aspects", info.aspects.join(", ")],
      ["diseases", present(info.diseases) ? refs(info.diseases) : null],
      ["evidenceLevels", info.evidence_levels.map(evidenceLabel).join(", ")],
      ["flagged", info.flagged ? t("yes") : null]
    ]));
    panel.appendChild(el("h3", null, t("claims") + " (" + info.claims.length + ")"));
    if (!info.claims.length) { panel.appendChild(el("p", {className: "empty"}, t("noClaims"))); }
    info.claims.forEach(function (cid) {
      var claim = DATA.claims[cid];
      panel.appendChild(claim ? renderClaim(claim, true, null) : el("p", null, cid));
    });
  }

  // What a primary paper reports instead of a review claim (a paraphrase claim that corrects it).
  // Text only (escaped by text nodes); the DOI is shown as text and as an ordinary link, so the
  // panel works offline.
  function doiLink(doi) { return link("https://doi.org/" + encodeURI(String(doi)), "doi:" + doi); }
  function primarySays(p) {
    return el("div", {className: "primary-says", lang: "en"},
      el("strong", null, t("primarySays"), ": "), p.statement || "",
      present(p.doi) ? [" (", doiLink(p.doi), ")"] : null,
      present(p.evidence_level) ? [" ", el("span", {className: "badge"}, evidenceLabel(p.evidence_level))] : null);
  }

  function renderClaim(c, open, roles) {
    var flagged = present(c.flags);
    var box = el("details", {className: "claim" + (flagged ? " flagged" : ""), open: open});
    box.appendChild(el("summary", null,
      flagged ? el("span", {className: "flag", title: t("flags")}, "⚑ ") : null,
      entityLabel(c.subject) + " —" + predicateLabel(c.predicate) + "→ " + entityLabel(c.object),
      " ", el("span", {className: "badge"}, evidenceLabel(c.evidence_level)),
      roles ? el("span", {className: "badge"}, roles.map(t).join(", ")) : null));
    if (present(c.quote)) { box.appendChild(el("blockquote", {lang: "zh-Hant"}, c.quote)); }
    if (present(c.statement)) { box.appendChild(el("p", {className: "statement", lang: "en"}, c.statement)); }
    if (c.paraphrase) { box.appendChild(el("p", {className: "note paraphrase"}, t("paraphrase"))); }
    (c.corrected_by || []).forEach(function (p) { box.appendChild(primarySays(p)); });
    var source = DATA.sources[c.source];
    box.appendChild(rows([
      ["evidenceRow", [evidenceLabel(c.evidence_level), present(c.evidence) ? " (" + c.evidence + ")" : ""].join("")],
      ["aspect", c.aspect],
      ["species", present(c.species) ? ref(c.species) : null],
      ["model", c.model],
      ["diseases", present(c.disease) ? refs(c.disease) : null],
      ["context", present(c.context) ? refs(c.context) : null],
      ["study", present(c.study) ? ref(c.study) : null],
      ["section", present(c.section) ? el("span", {lang: "zh-Hant"}, c.section) : null],
      ["source", source ? [(zh() ? source.title_zh : source.title_en) || source.title_en || c.source,
        present(source.doi) ? [" ", doiLink(source.doi)] : null] : c.source],
      ["derivedFrom", present(c.derived_from) ? c.derived_from.map(function (sid, i) {
        var s = DATA.sources[sid] || {};
        return [i ? "; " : "", s.title_en || sid, present(s.doi) ? [" ", doiLink(s.doi)] : null];
      }) : null],
      ["corrects", present(c.corrects) ? c.corrects.join(", ") : null],
      ["confidence", c.confidence === null || c.confidence === undefined ? null : String(c.confidence)],
      ["notes", c.notes],
      ["claim", c.id]
    ]));
    if (flagged) { box.appendChild(flagList(c.flags)); }
    return box;
  }

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
    return el("div", {className: "focus-box"}, el("label", null, t("focus") + " ", depthSelect("focus-depth")),
      " ", button, el("p", {className: "note"}, t("focusHint")));
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
    applyFilters();
    if (state.focus) {
      var shown = nodesView.getIds();
      if (shown.length) { network.fit({nodes: shown, animation: {duration: 400}}); }
      if (moved) { state.selection = {kind: "node", id: state.focus.id}; }
      if (state.selection && state.selection.kind === "node" && nodesView.get(state.selection.id)) {
        network.selectNodes([state.selection.id]);
      }
    }
    renderPanel();
    remember();
  }

  // -- mechanism paths -------------------------------------------------------------------------
  /* DATA.paths: [{therapy, disease, paths: [{nodes: [id], edges: ["S|pred|O"], net_sign, score}]}]
   * (made by graph/html.py path_record); DATA.highlight.paths: the paths the page was opened on. */

  var pairIndex = Object.create(null);
  DATA.paths.forEach(function (entry) { pairIndex[entry.therapy + "|" + entry.disease] = entry; });

  function netLabel(sign) {
    return sign === -1 ? t("netNeg") : sign === 1 ? t("netPos") : sign === 0 ? t("netZero") : t("netNone");
  }

  function setHighlight(list) {
    highlightNodes = new Set();
    highlightEdges = new Set();
    list.forEach(function (p) {
      p.nodes.forEach(function (n) { highlightNodes.add(n); });
      p.edges.forEach(function (e) { highlightEdges.add(e); });
    });
    state.highlight = highlightEdges.size > 0;
    document.getElementById("highlight-toggle").hidden = !state.highlight;
    document.getElementById("highlight").checked = state.highlight;
    restyle();
    var shown = Array.from(highlightNodes).filter(function (id) { return nodesView.get(id); });
    if (shown.length) { network.fit({nodes: shown, animation: {duration: 400}}); }
  }

  function renderPaths(key) {
    var entry = key === "" ? null : pairIndex[key];
    var list = entry ? entry.paths : DATA.highlight.paths;
    if (entry) {
      panel.appendChild(el("h2", null, t("pathsFor"), ": ", ref(entry.therapy), " → ", ref(entry.disease)));
      var direct = Object.keys(DATA.edges).filter(function (k) {
        var info = DATA.edges[k];
        return info.from === entry.therapy && info.to === entry.disease;
      }).sort();
      if (direct.length) {
        panel.appendChild(el("p", {className: "observed"}, t("observed"), ": ",
          direct.map(function (k) { return edgeRef(k); })));
      }
    } else {
      panel.appendChild(el("h2", null, t("highlighted")));
    }
    panel.appendChild(el("p", {className: "note"}, t("pathsHint")));
    var all = el("button", {type: "button", className: "show-path"}, t("showAll"));
    all.addEventListener("click", function () { setHighlight(list); });
    panel.appendChild(all);
    list.forEach(function (p, i) { panel.appendChild(renderPath(p, i)); });
  }

  function renderPath(p, i) {
    var box = el("section", {className: "path"});
    box.dataset.index = String(i);
    var show = el("button", {type: "button", className: "show-path"}, t("showPath"));
    show.addEventListener("click", function () { setHighlight([p]); });
    box.appendChild(el("h3", null, t("path") + " " + (i + 1) + " · " + p.edges.length + " " + t("hops") + " · ",
      el("span", {className: p.net_sign === -1 ? "net-neg" : p.net_sign === 1 ? "net-pos" : ""}, netLabel(p.net_sign)),
      p.score === null || p.score === undefined ? null : " · " + t("score") + " " + String(p.score), " ", show));
    box.appendChild(el("p", {className: "path-nodes"}, p.nodes.map(function (n, j) {
      return [j ? " → " : null, ref(n)];
    })));
    var hops = el("ol", {className: "hops"});
    p.edges.forEach(function (edgeId, j) {
      var info = DATA.edges[edgeId];
      if (!info) { hops.appendChild(el("li", null, edgeId)); return; }
      var against = p.nodes.length > j && p.nodes[j] === info.to && info.from !== info.to;
      var hop = el("li", {className: "hop"}, edgeRef(edgeId),
        against ? el("span", {className: "badge", title: t("against")}, "←") : null);
      info.claims.forEach(function (cid) {
        var c = DATA.claims[cid];
        if (!c) { return; }
        hop.appendChild(el("div", {className: "hop-claim" + (present(c.flags) ? " flagged" : "")},
          present(c.quote) ? el("blockquote", {lang: "zh-Hant"}, c.quote) : null,
          present(c.statement) ? el("p", {className: "statement", lang: "en"}, c.statement) : null,
          el("p", {className: "note"}, el("span", {className: "badge"}, evidenceLabel(c.evidence_level)),
            present(c.species) ? [entityLabel(c.species), " · "] : null,
            present(c.section) ? el("span", {lang: "zh-Hant"}, c.section) : null,
            present(c.flags) ? el("span", {className: "flag"}, " ⚑ ", c.flags.map(function (f) {
              var kind = DATA.flag_kinds[f.kind];
              return kind ? label(kind) : String(f.kind);
            }).join(", ")) : null)));
      });
      hops.appendChild(hop);
    });
    box.appendChild(hops);
    return box;
  }

  var pathDisease = document.getElementById("path-disease");
  var pathTherapy = document.getElementById("path-therapy");
  function byLabel(a, b) {
    var la = entityLabel(a), lb = entityLabel(b);
    return la < lb ? -1 : la > lb ? 1 : (a < b ? -1 : a > b ? 1 : 0);
  }
  function renderPathControls() {
    document.getElementById("paths-section").hidden = DATA.paths.length === 0;
    var diseases = Array.from(new Set(DATA.paths.map(function (e) { return e.disease; }))).sort(byLabel);
    clear(pathDisease);
    pathDisease.appendChild(el("option", {value: ""}, t("chooseDisease")));
    diseases.forEach(function (id) {
      pathDisease.appendChild(el("option", {value: id, selected: id === state.pathDisease}, entityLabel(id)));
    });
    var therapies = DATA.paths.filter(function (e) { return e.disease === state.pathDisease; })
      .map(function (e) { return e.therapy; }).sort(byLabel);
    clear(pathTherapy);
    pathTherapy.appendChild(el("option", {value: ""}, t("chooseTherapy")));
    therapies.forEach(function (id) {
      pathTherapy.appendChild(el("option", {value: id, selected: id === state.pathTherapy}, entityLabel(id)));
    });
    pathTherapy.disabled = !state.pathDisease;
  }
  function showPair(therapy, disease) {
    var key = therapy + "|" + disease;
    if (!pairIndex[key]) { return false; }
    state.pathDisease = disease;
    state.pathTherapy = therapy;
    renderPathControls();
    state.selection = {kind: "paths", id: key};
    setHighlight(pairIndex[key].paths);
    renderPanel();
    remember();
    return true;
  }
  pathDisease.addEventListener("change", function () {
    state.pathDisease = pathDisease.value;
    state.pathTherapy = "";
    renderPathControls();
  });
  pathTherapy.addEventListener("change", function () {
    if (pathTherapy.value) { showPair(pathTherapy.value, state.pathDisease); }
  });

  function renderPageLinks() {
    var nav = document.getElementById("page-links");
    clear(nav);
    nav.hidden = DATA.links.length === 0;
    DATA.links.forEach(function (l) {
      // only the sibling pages the build wrote: a plain file name, never a URL
      if (/^[A-Za-z0-9_.-]+\.html$/.test(l.href)) { nav.appendChild(el("a", {href: l.href}, l.label)); }
    });
  }

  // -- selection and search --------------------------------------------------------------------

  function selectNode(id, focus) {
    state.selection = {kind: "node", id: id};
    if (nodesView.get(id)) {
      network.selectNodes([id]);
      if (focus) { network.focus(id, {scale: Math.max(network.getScale(), 1), animation: {duration: 400}}); }
    }
    renderPanel();
    remember();
  }
  function selectEdge(id) {
    state.selection = {kind: "edge", id: id};
    if (edgesView.get(id)) { network.setSelection({nodes: [], edges: [id]}, {unselectAll: true}); }
    renderPanel();
    remember();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { selectNode(params.nodes[0], false); }
    else if (params.edges.length) { selectEdge(params.edges[0]); }
  });

  var searchInput = document.getElementById("search");
  var results = document.getElementById("search-results");
  function norm(s) { return String(s).normalize("NFKC").toLowerCase(); }
  var searchIndex = Object.keys(DATA.entities).sort().map(function (id) {
    var e = DATA.entities[id];
    return {id: id, terms: [id, e.label_en, e.label_zh].concat(e.synonyms).map(norm)};
  });
  function search(query) {
    var q = norm(query).trim();
    if (!q) { return []; }
    var scored = [];
    searchIndex.forEach(function (item) {
      var best = 9;
      item.terms.forEach(function (term) {
        var at = term.indexOf(q);
        if (at < 0) { return; }
        best = Math.min(best, term === q ? 0 : at === 0 ? 1 : 2);
      });
      if (best < 9) { scored.push([best, entityLabel(item.id).length, item.id]); }
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0); });
    return scored.map(function (s) { return s[2]; });
  }
  function showResults() {
    var found = search(searchInput.value);
    clear(results);
    results.hidden = !searchInput.value.trim();
    if (results.hidden) { return; }
    if (!found.length) { results.appendChild(el("li", {className: "empty"}, t("noMatch"))); return; }
    found.slice(0, 30).forEach(function (id) {
      var e = DATA.entities[id];
      var button = el("button", {type: "button"}, label(e), el("span", {className: "other"}, otherLabel(e)));
      button.dataset.id = id;
      button.addEventListener("click", function () { results.hidden = true; selectNode(id, true); });
      results.appendChild(el("li", null, button));
    });
    network.selectNodes(found.filter(function (id) { return nodesView.get(id); }));
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = search(searchInput.value);
      if (found.length) { results.hidden = true; selectNode(found[0], true); }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("search-box").contains(event.target)) { results.hidden = true; }
  });

  // -- controls --------------------------------------------------------------------------------

  function checkbox(checked, onChange) {
    var box = el("input", {type: "checkbox", checked: checked});
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
    return box;
  }
  function renderControls() {
    var classList = document.getElementById("class-legend");
    clear(classList);
    DATA.classes.forEach(function (c) {
      var symbol = el("span", {className: "symbol"}, SHAPE_SYMBOL[c.shape] || "●");
      symbol.style.color = c.color;
      classList.appendChild(el("li", null, el("label", {title: c.name},
        checkbox(!state.hiddenClasses.has(c.name), function (on) {
          if (on) { state.hiddenClasses.delete(c.name); } else { state.hiddenClasses.add(c.name); }
        }),
        symbol, label(c), el("span", {className: "count"}, String(c.count)))));
    });

    var signList = document.getElementById("sign-legend");
    clear(signList);
    DATA.signs.forEach(function (s) {
      var symbol = el("span", {className: "symbol"}, s.arrow === "bar" ? "⊣" : "→");
      symbol.style.color = s.color;
      signList.appendChild(el("li", null, el("label", null,
        checkbox(state.signs.has(String(s.sign)), function (on) {
          if (on) { state.signs.add(String(s.sign)); } else { state.signs.delete(String(s.sign)); }
        }),
        symbol, label(s))));
    });

    var select = document.getElementById("disease-filter");
    clear(select);
    select.appendChild(el("option", {value: ""}, t("allDiseases")));
    DATA.diseases.forEach(function (id) {
      select.appendChild(el("option", {value: id, selected: id === state.disease}, entityLabel(id)));
    });

    var evidenceList = document.getElementById("evidence-filter");
    clear(evidenceList);
    DATA.evidence_levels.concat([{name: "", label_en: UI.en.structural, label_zh: UI["zh-Hant"].structural}])
      .forEach(function (level) {
        evidenceList.appendChild(el("li", null, el("label", null,
          checkbox(state.evidence.has(level.name), function (on) {
            if (on) { state.evidence.add(level.name); } else { state.evidence.delete(level.name); }
          }),
          label(level))));
      });
  }
  document.getElementById("disease-filter").addEventListener("change", function (event) {
    state.disease = event.target.value;
    applyFilters();
  });

  /* ``opening``: the first call, when the items were made in this language already. */
  function setLanguage(lang, opening) {
    state.lang = UI[lang] ? lang : "en";
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.dataset.i18n); });
    searchInput.placeholder = t("searchPlaceholder");
    document.querySelectorAll("#lang-switch button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
    });
    renderControls();
    renderPathControls();
    renderFocusBar();
    if (!opening) { restyle(); }
    updateStatus();
    renderPanel();
    if (searchInput.value) { showResults(); }
  }
  document.querySelectorAll("#lang-switch button").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.dataset.lang); });
  });

  var physics = document.getElementById("physics");
  physics.addEventListener("change", function () { network.setOptions({physics: {enabled: physics.checked}}); });
  document.getElementById("edge-labels").addEventListener("change", function (event) {
    state.edgeLabels = event.target.checked;
    restyle();
  });
  document.getElementById("highlight-toggle").hidden = highlightEdges.size === 0;
  document.getElementById("highlight").addEventListener("change", function (event) {
    state.highlight = event.target.checked;
    restyle();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: {duration: 400}}); });
  document.getElementById("reset").addEventListener("click", function () {
    state.hiddenClasses.clear();
    state.signs = new Set(["1", "-1", "0"]);
    state.evidence = new Set(DATA.evidence_levels.map(function (l) { return l.name; }).concat([""]));
    state.disease = "";
    renderControls();
    applyFilters();
  });

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
  /* Fit the graph (or the highlighted paths), with a margin for labels at the edges. */
  function fitStart() {
    network.fit(highlightNodes.size ? {nodes: Array.from(highlightNodes), animation: false} : {animation: false});
    network.moveTo({scale: network.getScale() * 0.9});
  }
  fitStart();
  network.once("afterDrawing", function () {
    fitStart(); // again once the labels have been measured
    document.documentElement.dataset.ready = "true"; // drawn and answering: tests and benchmarks wait for this
  });
  followHash();

  /* A read-only handle for tests and benchmarks (the browser tests ask what is shown). */
  window.mechkgExplorer = {
    network: network,
    shownNodes: function () { return nodesView.getIds(); },
    shownEdges: function () { return edgesView.getIds(); },
    nodeLabel: function (id) { var n = nodes.get(id); return n ? n.label : null; },
    highlighted: function () { return {nodes: Array.from(highlightNodes), edges: Array.from(highlightEdges)}; },
    focused: function () { return state.focus ? {id: state.focus.id, k: state.focus.k} : null; }
  };
}());
