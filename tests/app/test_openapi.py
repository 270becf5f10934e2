"""The API description (graph/app/openapi.py): every route of the app documented, nothing documented that is not served."""

from __future__ import annotations

import re

import jsonschema
import pytest
from starlette.routing import Route

from mechkg.app.live import LivePaths
from mechkg.app.openapi import OPENAPI_URL, api_html, openapi_document
from mechkg.app.routes import ServerConfig, create_app


def _app_operations() -> set[tuple[str, str]]:
    app = create_app(ServerConfig(pool=None))  # type: ignore[arg-type] - routes only; nothing is served
    operations = set()
    for route in app.routes:
        assert isinstance(route, Route)
        path = re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)
        operations |= {(path, method.lower()) for method in route.methods or () if method != "HEAD"}
    return operations


def _documented() -> set[tuple[str, str]]:
    return {(path, method) for path, ops in openapi_document()["paths"].items() for method in ops}


def test_every_route_is_documented_and_every_documented_route_exists():
    assert _app_operations() == _documented()
    assert (OPENAPI_URL, "get") in _documented() and ("/api", "get") in _documented()


def test_every_operation_has_parameters_responses_and_examples():
    doc = openapi_document()
    assert doc["openapi"] == "3.1.0"
    ids = []
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            ids.append(op["operationId"])
            assert op["summary"] and op["responses"], (method, path)
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == set(re.findall(r"\{(\w+)\}", path)), path
            for p in op.get("parameters", []):
                jsonschema.validate(p["example"], p["schema"])  # each parameter's example fits its schema
            assert any("example" in c for r in op["responses"].values() for c in r.get("content", {}).values()) or op[
                "operationId"
            ] in ("explorer", "apiPage", "staticFile"), f"{method} {path} has no example"
    assert len(ids) == len(set(ids))


def test_the_pair_paths_schema_holds_for_real_answers():
    from mechkg.network.assemble import assemble
    from mechkg.network.evidence import Claim, EntityNode

    doc = openapi_document()
    schema = {"$ref": "#/components/schemas/PairPaths", "components": doc["components"]}
    nodes = [EntityNode(n, t, n, n, n) for n, t in [("T", "Therapy"), ("C", "CellType"), ("X", "GeneProduct"), ("D", "Disease")]]
    claims = [Claim("c1", "C", "secretes", "X", 1, source="s", evidence_level="in_vitro"),
              Claim("c2", "X", "decreases", "D", -1, source="s", evidence_level="animal_model")]  # fmt: skip
    entry = LivePaths(assemble(nodes, claims, [("T", "uses", "C"), *(c.triple for c in claims)])).pair("T", "D")
    assert entry["paths"]
    jsonschema.validate(entry, schema)
    example = doc["paths"]["/api/pair-paths"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    jsonschema.validate(example, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"therapy": "T", "disease": "D", "paths": [{"nodes": []}]}, schema)


def test_the_page_shows_every_operation_escaped():
    page = api_html()
    for path, method in _documented():
        assert f"<code>{method.upper()} {path}</code>" in page
    assert "<script" not in page and f'href="{OPENAPI_URL}"' in page
    assert "#focus=ID&amp;k=N" in page and "#focus=ID&k=N" not in page  # text is escaped
    assert "哪些療法被認為能改善某疾病" in page
