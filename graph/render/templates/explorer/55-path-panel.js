  // -- the paths panel: a pair's numbered paths, step by step, and why each ranks where it does --
  /* Reads the path records (05-path-data.js): every step listed in walking order, is-a steps
   * included; hops that rest on a flagged claim or only on claims about another disease marked;
   * the score shown as the parts graph/paths computed (score_parts), never re-ranked here. */

  Object.assign(UI.en, {
    pathN: "Path {n}", hop1: "1 hop", hopN: "{n} hops", uses1: "1 \"uses\" step", usesN: "{n} \"uses\" steps",
    isA1: "1 is-a step", isAN: "{n} is-a steps", isA: "is a",
    isAHint: "An is-a step joins a kind to a broader kind (skos:broader): what is said of the broader kind is read " +
      "for the narrower one. It carries no claim and counts as no hop.",
    pathsExplained: "Each path runs from the therapy to the disease. A hop is an edge of the graph with the claims " +
      "that support it; an \"is a\" step joins a kind to a broader kind and carries no claim. Paths are ranked first " +
      "by what ranks them down (hops resting only on another disease's claims, a narrower therapy, " +
      "generalisations, umbrella nodes), then by score.",
    narrowerStart: "Starts from a narrower therapy", asked: "asked", tierNarrower: "starts from a narrower therapy",
    flaggedHop: "rests on a flagged claim", otherDiseaseHop: "claims about another disease",
    notCounted1: "1 other claim of this edge does not count here", notCountedN: "{n} other claims of this edge do not count here",
    scoreIs: "Score", factorEvidence: "evidence", factorLength: "length", factorHub: "hub penalty",
    factorSpecificity: "specificity", source1: "1 source", sourceN: "{n} sources", neighbours: "neighbours",
    rankedDown: "Ranked down", tierOther1: "1 hop resting only on claims about another disease",
    tierOtherN: "{n} hops resting only on claims about another disease",
    tierGeneral1: "1 generalisation (a claim about a broader kind read for a narrower one)",
    tierGeneralN: "{n} generalisations (claims about a broader kind read for a narrower one)",
    tierUmbrella: "passes umbrella nodes"
  });
  Object.assign(UI["zh-Hant"], {
    pathN: "路徑 {n}", hop1: "1 步", hopN: "{n} 步", uses1: "1 個「使用」步驟", usesN: "{n} 個「使用」步驟",
    isA1: "1 個上位概念步驟", isAN: "{n} 個上位概念步驟", isA: "屬於（上位概念）",
    isAHint: "上位概念步驟連接一個概念與其上位概念（skos:broader）：關於上位概念的陳述也適用於下位概念。" +
      "此步驟沒有陳述，也不計入步數。",
    pathsExplained: "每條路徑由療法走到疾病。每一步是圖中的一條邊，附支持它的陳述；「屬於（上位概念）」步驟" +
      "連接一個概念與其上位概念，沒有陳述。路徑先依降低排名的因素排序（僅依據其他疾病陳述的步驟、較窄的療法、" +
      "概括、概括性節點），再依評分排序。",
    narrowerStart: "從較窄（下位）的療法開始", asked: "所選療法", tierNarrower: "從較窄的療法開始",
    flaggedHop: "依據已標記的陳述", otherDiseaseHop: "關於其他疾病的陳述",
    notCounted1: "此邊另有 1 條陳述不計入此路徑", notCountedN: "此邊另有 {n} 條陳述不計入此路徑",
    scoreIs: "評分", factorEvidence: "證據", factorLength: "長度", factorHub: "樞紐懲罰",
    factorSpecificity: "特異性", source1: "1 個來源", sourceN: "{n} 個來源", neighbours: "相鄰節點數",
    rankedDown: "排名下調", tierOther1: "1 步僅依據關於其他疾病的陳述",
    tierOtherN: "{n} 步僅依據關於其他疾病的陳述",
    tierGeneral1: "1 次概括（把關於上位概念的陳述用於下位概念）",
    tierGeneralN: "{n} 次概括（把關於上位概念的陳述用於下位概念）",
    tierUmbrella: "經過概括性節點"
  });

  function colon() { return zh() ? "：" : ": "; }
  function paren(text) { return zh() ? "（" + text + "）" : " (" + text + ")"; }
  function counted(n, one, many) { return n === 1 ? t(one) : format(t(many), {n: n}); }
  function figure(x) { return String(Number(Number(x).toPrecision(3))); }
  function isAWord() { return el("span", {className: "badge is-a", title: t("isAHint")}, t("isA")); }

  /* The claims a step counts (the records say which); a record without them: its edge's claims. */
  function stepClaims(step) {
    if (isList(step.claims)) { return step.claims; }
    var info = step.edge ? DATA.edges[step.edge] : null;
    return info ? info.claims : [];
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
    panel.appendChild(el("p", {className: "note"}, t("pathsExplained")));
    var all = el("button", {type: "button", className: "show-path"}, t("showAll"));
    all.addEventListener("click", function () { setHighlight(list); });
    panel.appendChild(all);
    list.forEach(function (p, i) { panel.appendChild(renderPath(p, i, entry ? entry.therapy : null)); });
  }

  function renderPath(p, i, asked) {
    var number = p.number || i + 1;
    var steps = p.steps || [];
    var box = el("section", {className: "path"});
    box.dataset.index = String(i);
    box.dataset.number = String(number);
    var show = el("button", {type: "button", className: "show-path"}, t("showPath"));
    show.addEventListener("click", function () { setHighlight([p]); });
    box.appendChild(el("h3", null, format(t("pathN"), {n: number}), " · ", stepCounts(steps), " · ",
      el("span", {className: p.net_sign === -1 ? "net-neg" : p.net_sign === 1 ? "net-pos" : ""}, netLabel(p.net_sign)),
      p.score === null || p.score === undefined ? null : " · " + t("score") + " " + figure(p.score), " ", show));
    if (p.narrower_therapy) {
      box.appendChild(el("p", {className: "path-narrower"}, t("narrowerStart"), colon(), ref(p.narrower_therapy),
        asked && asked !== p.narrower_therapy ? [zh() ? "（" : " (", t("asked"), colon(), ref(asked), zh() ? "）" : ")"] : null,
        zh() ? "。" : "."));
    }
    box.appendChild(el("p", {className: "path-nodes"}, p.nodes.map(function (n, j) {
      return [j ? " → " : null, ref(n)];
    })));
    if (p.score_parts) { box.appendChild(scoreParts(p, asked)); }
    var list = el("ol", {className: "steps"});
    steps.forEach(function (step) { list.appendChild(renderStep(step)); });
    box.appendChild(list);
    return box;
  }

  /* "3 hops + 1 ‘uses’ step + 2 is-a steps": only mechanism hops count as hops (--max-hops). */
  function stepCounts(steps) {
    var hops = 0, uses = 0, isA = 0;
    steps.forEach(function (s) {
      if (s.kind === "is_a") { isA += 1; } else if (s.kind === "mechanism") { hops += 1; } else { uses += 1; }
    });
    var parts = [counted(hops, "hop1", "hopN")];
    if (uses) { parts.push(counted(uses, "uses1", "usesN")); }
    if (isA) { parts.push(counted(isA, "isA1", "isAN")); }
    return el("span", {className: "step-counts"}, parts.join(" + "));
  }

  function renderStep(step) {
    if (step.kind === "is_a") {
      return el("li", {className: "step is-a"}, ref(step.from), step.forward ? [" —", isAWord(), "→ "] : [" ←", isAWord(), "— "],
        ref(step.to));
    }
    var info = DATA.edges[step.edge];
    var li = el("li", {className: "step hop" + (step.flagged ? " flagged" : "") + (step.other_disease ? " other-disease" : "")});
    if (!info) { li.appendChild(document.createTextNode(String(step.edge))); return li; }
    li.appendChild(edgeRef(step.edge));
    if (!step.forward) { li.appendChild(el("span", {className: "badge", title: t("against")}, "←")); }
    var ids = stepClaims(step).filter(function (cid) { return DATA.claims[cid]; });
    if (step.flagged) { li.appendChild(flagMark(ids)); }
    if (step.other_disease) { li.appendChild(otherDiseaseMark(ids)); }
    ids.forEach(function (cid) { li.appendChild(hopClaim(DATA.claims[cid])); });
    var others = info.claims.length - ids.length;
    if (isList(step.claims) && others > 0) {
      li.appendChild(el("p", {className: "note"}, counted(others, "notCounted1", "notCountedN")));
    }
    return li;
  }

  /* ⚑ and the kinds and origins of the flags on the claims the hop counts (as the evidence panel words them). */
  function flagMark(ids) {
    var seen = Object.create(null);
    var words = [];
    ids.forEach(function (cid) {
      (DATA.claims[cid].flags || []).forEach(function (f) {
        var kind = DATA.flag_kinds[f.kind];
        var word = (kind ? label(kind) : String(f.kind)) + (present(f.origin) ? " (" + t("origin_" + f.origin) + ")" : "");
        if (!seen[word]) { seen[word] = true; words.push(word); }
      });
    });
    return el("p", {className: "flag hop-mark"}, "⚑ ", t("flaggedHop"), words.length ? colon() + words.join(zh() ? "、" : ", ") : "");
  }

  function otherDiseaseMark(ids) {
    var diseases = [];
    ids.forEach(function (cid) {
      (DATA.claims[cid].disease || []).forEach(function (d) { if (diseases.indexOf(d) < 0) { diseases.push(d); } });
    });
    diseases.sort(byLabel);
    return el("p", {className: "other-disease hop-mark"}, t("otherDiseaseHop"), diseases.length ? [colon(), refs(diseases)] : null);
  }

  function hopClaim(c) {
    return el("div", {className: "hop-claim" + (present(c.flags) ? " flagged" : "")},
      present(c.quote) ? el("blockquote", {lang: "zh-Hant"}, c.quote) : null,
      present(c.statement) ? el("p", {className: "statement", lang: "en"}, c.statement) : null,
      el("p", {className: "note"}, el("span", {className: "badge"}, evidenceLabel(c.evidence_level)),
        present(c.species) ? [entityLabel(c.species), " · "] : null,
        present(c.section) ? el("span", {lang: "zh-Hant"}, c.section) : null,
        present(c.flags) ? el("span", {className: "flag"}, " ⚑ ", c.flags.map(function (f) {
          var kind = DATA.flag_kinds[f.kind];
          return kind ? label(kind) : String(f.kind);
        }).join(", ")) : null));
  }

  /* The score as graph/paths computed it: its factors, then the tiers that ranked the path down. */
  function scoreParts(p, asked) {
    var s = p.score_parts;
    var steps = p.steps || [];
    var hops = steps.filter(function (x) { return x.kind === "mechanism"; }).length;
    var isA = steps.filter(function (x) { return x.kind === "is_a"; }).length;
    var sources = [];
    steps.forEach(function (step) {
      if (step.kind !== "mechanism") { return; }
      stepClaims(step).forEach(function (cid) {
        var c = DATA.claims[cid];
        if (c && sources.indexOf(c.source) < 0) { sources.push(c.source); }
      });
    });
    var degrees = s.hub_degrees || {};
    var hubs = p.nodes.filter(function (n) { return n in degrees; }).map(function (n) {
      return entityLabel(n) + " " + degrees[n];
    });
    var box = el("div", {className: "score-parts"});
    function factor(name, value, why) {
      return [el("span", {className: "factor"}, t(name), " ", figure(value)), why ? paren(why) : ""];
    }
    box.appendChild(el("p", null, el("strong", null, t("scoreIs"), " ", figure(s.total)), " = ",
      factor("factorEvidence", s.evidence, counted(sources.length, "source1", "sourceN")),
      " × ", factor("factorLength", s.length, counted(hops, "hop1", "hopN")),
      " × ", factor("factorHub", s.hub, hubs.length ? t("neighbours") + colon() + hubs.join(zh() ? "、" : ", ") : ""),
      " × ", factor("factorSpecificity", s.specificity, counted(isA, "isA1", "isAN"))));
    var tiers = s.tiers || {};
    var down = [];
    if (tiers.other_disease_hops) { down.push(counted(tiers.other_disease_hops, "tierOther1", "tierOtherN")); }
    if (tiers.narrower_therapy) {
      down.push(t("tierNarrower"));
    }
    if (tiers.generalisations) { down.push(counted(tiers.generalisations, "tierGeneral1", "tierGeneralN")); }
    if (tiers.umbrella_nodes) {
      down.push([t("tierUmbrella"), colon(), (s.umbrella_nodes || []).map(entityLabel).join(zh() ? "、" : ", ")]);
    }
    if (down.length) {
      box.appendChild(el("p", {className: "ranked-down"}, el("strong", null, t("rankedDown")), colon(),
        down.map(function (d, j) { return [j ? (zh() ? "；" : "; ") : null, d]; })));
    }
    return box;
  }
