  // -- live paths (the served page, mechkg serve): a pair's paths fetched when it is chosen ----
  /* DATA.live (served page only): {endpoint, therapies, diseases, sparql, api}. The choosers offer
   * every pair (50-paths.js renderPathControls); showPair asks fetchPair for a pair not yet in
   * pairIndex, which fetches {therapy, disease, paths: [path record]} from the endpoint, keeps it in
   * pairIndex and shows it with the same code as the built page's precomputed table. */

  Object.assign(UI.en, {
    loadingPaths: "Searching the mechanism paths from {therapy} to {disease}…",
    pathsFailed: "Could not load the paths: {error}",
    noPaths: "No mechanism path joins them within the search's limits.",
    sparqlLink: "SPARQL editor", apiLink: "HTTP API"
  });
  Object.assign(UI["zh-Hant"], {
    loadingPaths: "正在搜尋由{therapy}至{disease}的機制路徑…",
    pathsFailed: "無法載入路徑：{error}",
    noPaths: "在搜尋限制之內，沒有連接兩者的機制路徑。",
    sparqlLink: "SPARQL 查詢編輯器", apiLink: "HTTP API"
  });

  var livePairList = null;
  var liveWanted = "";
  function livePairs() {
    if (!livePairList) {
      livePairList = [];
      DATA.live.diseases.forEach(function (disease) {
        DATA.live.therapies.forEach(function (therapy) { livePairList.push({therapy: therapy, disease: disease}); });
      });
    }
    return livePairList;
  }

  /* The search's state, under the choosers: a line there does not change the layout, so the graph is not
   * redrawn while the paths are on their way (replacing the side panel's content would resize it). */
  function liveStatus(text, className) {
    var line = document.getElementById("live-status");
    if (!line) {
      line = el("p", {id: "live-status"});
      line.setAttribute("role", "status");
      document.getElementById("paths-section").appendChild(line);
    }
    line.className = className;
    line.textContent = text;
    line.hidden = !text;
  }

  function fetchPair(therapy, disease) {
    if (DATA.live.therapies.indexOf(therapy) < 0 || DATA.live.diseases.indexOf(disease) < 0) { return false; }
    var key = therapy + "|" + disease;
    liveWanted = key;
    state.pathDisease = disease;
    state.pathTherapy = therapy;
    renderPathControls();
    document.documentElement.dataset.livePaths = "loading";
    liveStatus(t("loadingPaths").replace("{therapy}", entityLabel(therapy)).replace("{disease}", entityLabel(disease)), "note");
    var url = DATA.live.endpoint + "?therapy=" + encodeURIComponent(therapy) + "&disease=" + encodeURIComponent(disease);
    fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin"})
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok) { throw new Error(body.error || ("HTTP " + response.status)); }
          return body;
        });
      })
      .then(function (entry) {
        if (liveWanted !== key) { return; }
        pairIndex[key] = {therapy: therapy, disease: disease, paths: Array.isArray(entry.paths) ? entry.paths : []};
        liveStatus("", "note");
        showPair(therapy, disease);
        if (!pairIndex[key].paths.length) { panel.appendChild(el("p", {className: "note live-empty"}, t("noPaths"))); }
        document.documentElement.dataset.livePaths = "shown";
      }, function (err) {
        if (liveWanted !== key) { return; }
        var message = t("pathsFailed").replace("{error}", err.message);
        liveStatus(message, "note flag");
        clear(panel);
        panel.appendChild(el("p", {className: "note flag"}, message));
        panel.lastChild.setAttribute("role", "alert");
        document.documentElement.dataset.livePaths = "failed";
      });
    return true;
  }

  /* Links to the served SPARQL editor and the API's description, in the top bar (setLanguage translates them). */
  function renderLiveLinks() {
    var nav = el("nav", {id: "live-links"});
    nav.setAttribute("aria-label", "MechKG server");
    nav.style.display = "flex";
    nav.style.gap = "0.6rem";
    nav.style.fontSize = "0.85rem";
    [["sparql", "sparqlLink"], ["api", "apiLink"]].forEach(function (item) {
      var href = DATA.live[item[0]];
      if (typeof href === "string" && /^\/[A-Za-z0-9_\/-]*$/.test(href)) {
        var a = el("a", {href: href}, t(item[1]));
        a.style.color = "var(--accent)";
        a.dataset.i18n = item[1];
        nav.appendChild(a);
      }
    });
    var title = document.querySelector("#topbar h1");
    if (title) { title.insertAdjacentElement("afterend", nav); } else { document.getElementById("topbar").appendChild(nav); }
  }
  if (DATA.live) { renderLiveLinks(); }
