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

