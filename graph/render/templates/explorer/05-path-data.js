  // -- path records, unpacked -----------------------------------------------------------------
  /* The page carries its paths packed (graph/render/page_paths.py): a record's
   * `steps` are indices into DATA.path_steps and its `score_parts` an index into
   * DATA.path_score_parts. Unpacked here, before any other module reads them, every record in
   * DATA.paths[i].paths and DATA.highlight.paths is {nodes, edges, net_sign, score, number,
   * narrower_therapy, score_parts: {...} | null, steps: [{from, to, edge, kind, forward, flagged,
   * other_disease, claims}]}; each step is a copy of its own. A record that is already unpacked
   * (steps as objects, e.g. a live path from the server) is left as it is. */

  function unpackPath(record) {
    var steps = DATA.path_steps || [];
    var parts = DATA.path_score_parts || [];
    if (typeof record.score_parts === "number") { record.score_parts = parts[record.score_parts] || null; }
    record.steps = (record.steps || []).map(function (s) {
      return typeof s === "number" ? Object.assign({}, steps[s]) : s;
    });
    return record;
  }
  DATA.paths.forEach(function (entry) { entry.paths.forEach(unpackPath); });
  DATA.highlight.paths.forEach(unpackPath);
