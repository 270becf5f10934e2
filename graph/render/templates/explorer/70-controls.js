  // -- controls --------------------------------------------------------------------------------

  function checkbox(checked, onChange) {
    var box = el("input", {type: "checkbox", checked: checked});
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); remember(); });
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
    remember();
  });

  /* ``opening``: the first call, when the items were made in this language already. */
  function setLanguage(lang, opening) {
    state.lang = UI[lang] ? lang : "en";
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-i18n]").forEach(function (node) { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (node) {
      node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    });
    searchInput.placeholder = t("searchPlaceholder");
    results.setAttribute("aria-label", t("searchResults"));
    graphFrame.setAttribute("aria-label", t("graphLabel"));
    document.getElementById("view-switch").setAttribute("aria-label", t("display"));
    setExpanded(panelDrawer.classList.contains("expanded"));
    document.querySelectorAll("#lang-switch button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
    });
    renderControls();
    renderPathControls();
    renderFocusBar();
    if (!opening) { restyle(); }
    updateStatus();
    renderPanel();
    renderTable();
    if (searchInput.value && !results.hidden) { showResults(); }
    if (!opening) { remember(); }
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
    remember();
  });

