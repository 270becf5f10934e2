  // -- the paths panel: a pair's paths, hop by hop with their claims --------------------------

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

