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

