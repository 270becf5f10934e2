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

