"""The offline dependency audit (scripts/audit_offline.py) against real OSV records of the PyPA database.

The fixture record is PYSEC-2021-66 (jinja2 ReDoS, fixed in 2.11.3), copied unchanged from the
PyPA advisory database (CC-BY 4.0, licence beside it).
"""

from __future__ import annotations

import importlib.util
import io
import os
import sys
import tarfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parents[1]
RECORD = ROOT / "tests" / "data" / "advisories" / "PYSEC-2021-66.yaml"
SHARED_SNAPSHOTS = ROOT.parent / "shared" / "reference" / "advisories"

spec = importlib.util.spec_from_file_location("audit_offline", ROOT / "scripts" / "audit_offline.py")
audit_offline = importlib.util.module_from_spec(spec)
sys.modules["audit_offline"] = audit_offline
spec.loader.exec_module(audit_offline)


def snapshot_of(tmp_path: Path, records: dict[str, bytes], mtime: int = 1728518400) -> Path:
    """A tarball laid out like ``git archive`` of the advisory database, holding ``records``."""
    path = tmp_path / "pypa-advisory-database-test.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in records.items():
            info = tarfile.TarInfo(f"vulns/{name}")
            info.size, info.mtime = len(data), mtime
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(("version", "affected"), [("2.11.2", True), ("2.10", True), ("2.11.3", False), ("3.1.4", False)])
def test_a_real_record_affects_exactly_the_versions_before_the_fix(tmp_path, version, affected):
    snapshot = snapshot_of(tmp_path, {"jinja2/PYSEC-2021-66.yaml": RECORD.read_bytes()})
    findings = audit_offline.audit(snapshot, {"jinja2": version})
    assert [f.advisory for f in findings] == (["PYSEC-2021-66"] if affected else [])
    if affected:
        assert findings[0].fixed == ("2.11.3",) and "CVE-2020-28493" in findings[0].aliases


def test_last_affected_and_withdrawn_follow_the_osv_rules():
    record = {
        "affected": [
            {
                "package": {"name": "Demo-Pkg", "ecosystem": "PyPI"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "1.0"}, {"last_affected": "1.4"}]}],
            }
        ]
    }
    assert audit_offline.affects(record, "demo_pkg", "1.4") and not audit_offline.affects(record, "demo-pkg", "1.5")
    assert not audit_offline.affects(record, "demo-pkg", "0.9")
    assert not audit_offline.affects({**record, "withdrawn": "2024-01-01T00:00:00Z"}, "demo-pkg", "1.2")


def test_another_ecosystem_or_package_is_not_matched():
    record = yaml.safe_load(RECORD.read_text(encoding="utf-8"))
    assert not audit_offline.affects(record, "markupsafe", "2.11.2")
    record["affected"][0]["package"]["ecosystem"] = "npm"
    assert not audit_offline.affects(record, "jinja2", "2.11.2")


def test_the_snapshot_date_is_the_archive_commit_time(tmp_path):
    snapshot = snapshot_of(tmp_path, {"jinja2/PYSEC-2021-66.yaml": RECORD.read_bytes()}, mtime=1728518400)
    assert audit_offline.snapshot_date(snapshot) == "2024-10-10"


def test_no_snapshot_is_an_audit_that_could_not_run(tmp_path, capsys):
    assert audit_offline.main(["--snapshot", str(tmp_path / "missing")]) == 2
    assert "could not run" in capsys.readouterr().err


def test_the_installed_project_against_the_shared_snapshot(capsys):
    if not any(SHARED_SNAPSHOTS.glob("*.tar.gz")):
        if os.environ.get("MECHKG_REQUIRE_TOOLS"):
            pytest.fail(f"no advisory snapshot in {SHARED_SNAPSHOTS}")
        pytest.skip(f"no advisory snapshot in {SHARED_SNAPSHOTS}")
    status = audit_offline.main(["--snapshot", str(SHARED_SNAPSHOTS)])
    out = capsys.readouterr().out
    assert "advisories up to 20" in out and status in (0, 1)
    assert status == 0, out
