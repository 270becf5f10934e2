/* MechKG SPARQL editor: YASGUI's Yasqe (editor) and Yasr (results) from the vendored bundle.
 *
 * Reads its data from the JSON block #editor-data ({endpoint, query, run, examples, prefixes});
 * builds its own text with textContent only. Queries go to this server's /sparql and nowhere
 * else: no prefix.cc lookups, no LOV autocompletion, no CORS proxy, no share-link service.
 */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("editor-data").textContent);
  var UI = {
    en: {explorer: "Explorer", api: "HTTP API", examples: "Example queries", choose: "choose a named query…",
         hint: "Choose an example or write a query, then press ▶ (or Ctrl+Enter). Queries run on this server's read-only endpoint /sparql."},
    "zh-Hant": {explorer: "圖譜瀏覽", api: "HTTP API", examples: "範例查詢", choose: "選擇一個具名查詢…",
                hint: "選擇範例或自行撰寫查詢，然後按 ▶（或 Ctrl+Enter）。查詢在本伺服器的唯讀端點 /sparql 上執行。"}
  };
  var lang = /^zh/i.test(navigator.language || "") ? "zh-Hant" : "en";
  function t(key) { return (UI[lang] || UI.en)[key] || UI.en[key] || key; }

  var Yasgui = window.Yasgui;
  var yasqe = new Yasgui.Yasqe(document.getElementById("yasqe"), {
    value: DATA.query || (DATA.examples.length ? DATA.examples[0].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10"),
    persistenceId: null,
    prefixCcApi: null,
    createShareableLink: null,
    consumeShareLink: null,
    editorHeight: "320px",
    resizeable: true,
    requestConfig: {
      endpoint: DATA.endpoint,
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json",
      acceptHeaderGraph: "text/turtle",
      acceptHeaderUpdate: "text/plain"
    }
  });
  ["classes", "properties"].forEach(function (name) { yasqe.disableCompleter(name); }); // they ask lov.linkeddata.es
  var yasr = new Yasgui.Yasr(document.getElementById("yasr"), {
    persistenceId: null,
    prefixes: DATA.prefixes,
    pluginOrder: ["table", "response"],
    defaultPlugin: "table"
  });
  yasqe.on("queryResponse", function (instance, response, duration) {
    yasr.setResponse(response, duration);
    document.documentElement.dataset.results = "shown";
  });
  yasqe.on("query", function () { document.documentElement.dataset.results = "running"; });

  var picker = document.getElementById("example");
  var question = document.getElementById("question");
  function renderPicker() {
    var chosen = picker.value;
    while (picker.firstChild) { picker.removeChild(picker.firstChild); }
    var first = document.createElement("option");
    first.value = "";
    first.textContent = t("choose");
    picker.appendChild(first);
    DATA.examples.forEach(function (example) {
      var option = document.createElement("option");
      option.value = example.name;
      option.textContent = example.title;
      option.selected = example.name === chosen;
      picker.appendChild(option);
    });
    var shown = DATA.examples.filter(function (e) { return e.name === chosen; })[0];
    question.textContent = shown ? shown.question[lang] || shown.question.en : "";
  }
  picker.addEventListener("change", function () {
    var example = DATA.examples.filter(function (e) { return e.name === picker.value; })[0];
    renderPicker();
    if (example) { yasqe.setValue(example.query); yasqe.focus(); }
  });

  function setLanguage(next) {
    lang = UI[next] ? next : "en";
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll("#lang-switch button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
    });
    renderPicker();
  }
  document.querySelectorAll("#lang-switch button").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.dataset.lang); });
  });
  /* A query given in the URL may use the prefixes the endpoint declares itself (mk:, mke:, …):
   * declare them in the editor too, so that it does not mark them as errors. */
  function declareKnownPrefixes() {
    var declared = yasqe.getPrefixesFromQuery();
    var text = yasqe.getValue();
    var missing = {};
    Object.keys(DATA.prefixes).forEach(function (name) {
      if (!(name in declared) && new RegExp("(^|[^\\w:])" + name + ":").test(text)) { missing[name] = DATA.prefixes[name]; }
    });
    if (Object.keys(missing).length) { yasqe.addPrefixes(missing); }
  }
  setLanguage(lang);
  if (DATA.query) { declareKnownPrefixes(); }
  if (!DATA.query && DATA.examples.length) { picker.value = DATA.examples[0].name; renderPicker(); }
  document.documentElement.dataset.ready = "true";
  if (DATA.run) { yasqe.query(); }

  /* A read-only handle for tests. */
  window.mechkgEditor = {
    query: function () { return yasqe.getValue(); },
    rows: function () { return document.querySelectorAll("#yasr table tbody tr").length; }
  };
}());
