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
      highlighted: "Highlighted paths",
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
      highlighted: "突顯的路徑",
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

