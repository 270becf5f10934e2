"""Run `kgx validate` offline on KGX TSV files, and report what kgx read.

Run with the Python of the separate kgx environment (made by scripts/kgx-env), never with
MechKG's own: kgx pins numpy<2 and weighs ~580 MB, so it is no dependency of MechKG.

    .venv-kgx/bin/python scripts/kgx_validate.py REPORT.json nodes.tsv edges.tsv \
        [--context mechkg_kgx_context.jsonld] [--terms TERMS.txt]

kgx cannot even be imported offline: bmt's Toolkit downloads the Biolink YAML and kgx a
JSON-LD context. Here bmt's default schema is pointed at the YAML shipped in the
`biolink-model` package and kgx's context map at that package's prefix map; then the very
function behind the `kgx validate` command (kgx.cli.cli_utils.validate) runs unchanged.
kgx skips files not named *nodes.tsv / *edges.tsv and still exits 0, so the number of node
and edge records the validator saw is counted and written to the report, with the messages
by level. With --terms (a file of Biolink CURIEs, one a line), the report also says, for each,
what the Biolink Model Toolkit knows of it (category, predicate, mixin, its is_a ancestors), and
it lists the prefixes the validator accepts. Exit code: 0 when kgx found no message at all, 1
otherwise (as `kgx validate`).

kgx accepts a CURIE only if its prefix is declared in the JSON-LD context it validates against
(kgx's config.yml `jsonld-context: biolink:`; `Validator.get_all_prefixes`). With --context (a
JSON-LD context such as the export's mechkg_kgx_context.jsonld), kgx validates against
Biolink's prefix map extended with that context's prefixes: the graph's own namespaces (mke:)
and standard prefixes Biolink lacks (FPLX, mirbase.mature). A prefix Biolink already maps is
never redefined; one the context maps to another IRI is listed under "conflicting_prefixes".
The report lists the prefixes added.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files


def _offline(context: dict | None = None) -> tuple[str, dict, dict]:
    """Make bmt and kgx use the Biolink Model files of the installed `biolink-model` package.

    ``context`` (a JSON-LD ``@context`` object) extends Biolink's prefix map with the prefixes
    it declares that Biolink lacks. Returns the biolink-model version, the prefixes added and
    the prefixes the context maps to another IRI than Biolink does.
    """
    import bmt.toolkit

    package = files("biolink_model")
    schema = str(package / "schema" / "biolink_model.yaml")
    prefix_map = json.loads((package / "prefixmaps" / "biolink-model-prefix-map.json").read_text(encoding="utf-8"))
    defaults = list(bmt.toolkit.Toolkit.__init__.__defaults__)
    defaults[0] = schema
    defaults[1] = {"predicate mappings": []}  # only used for mapping lookups, not by the validator
    bmt.toolkit.Toolkit.__init__.__defaults__ = tuple(defaults)

    import kgx.config

    kgx.config.get_config()
    added: dict = {}
    conflicts: dict = {}
    for prefix, value in sorted((context or {}).items()):
        iri = value.get("@id") if isinstance(value, dict) else value
        if not isinstance(iri, str) or prefix.startswith("@"):
            continue
        if prefix not in prefix_map:
            added[prefix] = iri
        elif prefix_map[prefix] != iri:
            conflicts[prefix] = {"biolink": prefix_map[prefix], "context": iri}
    prefix_map = {**prefix_map, **added}
    kgx.config.jsonld_context_map.update({"biolink": prefix_map, "monarch_context": {}, "obo_context": {}})
    from biolink_model import _version

    return getattr(_version, "__version__", "unknown"), added, conflicts


def main(report_path: str, *inputs: str, terms: tuple[str, ...] = (), context: dict | None = None) -> int:
    """Validate ``inputs`` with kgx and write the JSON report to ``report_path``."""
    version, added, conflicts = _offline(context)
    from kgx.cli import cli_utils
    from kgx.utils.kgx_utils import GraphEntityType
    from kgx.validator import Validator

    seen = {"nodes": 0, "edges": 0}
    original = Validator.__call__

    def counting(self, entity_type, rec):  # type: ignore[no-untyped-def]
        seen["nodes" if entity_type == GraphEntityType.NODE else "edges"] += 1
        return original(self, entity_type, rec)

    Validator.__call__ = counting
    errors = cli_utils.validate(list(inputs), "tsv", None, None, None)
    toolkit = Validator.get_toolkit()
    report = {
        "biolink_model_package": version,
        "biolink_model_version": toolkit.get_model_version(),
        "nodes_read": seen["nodes"],
        "edges_read": seen["edges"],
        "messages": errors,
        "added_prefixes": added,
        "conflicting_prefixes": conflicts,
        "biolink_prefixes": sorted(Validator.get_all_prefixes()),
        "terms": {
            term: {
                "category": bool(toolkit.is_category(term)),
                "predicate": bool(toolkit.is_predicate(term)),
                "mixin": bool(toolkit.is_mixin(term)),
                "element": bool(toolkit.get_element(term)),
                "ancestors": sorted(toolkit.get_ancestors(term, formatted=True, mixin=False))
                if toolkit.is_category(term)
                else [],
            }
            for term in terms
        },
    }
    with open(report_path, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2, ensure_ascii=False, default=str)
    return 1 if errors else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    wanted: tuple[str, ...] = ()
    if "--terms" in args:
        at = args.index("--terms")
        with open(args[at + 1], encoding="utf-8") as handle:
            wanted = tuple(line.strip() for line in handle if line.strip())
        del args[at : at + 2]
    extra = None
    if "--context" in args:
        at = args.index("--context")
        with open(args[at + 1], encoding="utf-8") as handle:
            extra = json.load(handle)["@context"]
        del args[at : at + 2]
    sys.exit(main(*args, terms=wanted, context=extra))
