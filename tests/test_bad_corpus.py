"""The bad-input corpus (tests/data/bad): every broken file is reported as FILE:LINE: FIELD, never a crash.

Each case file goes into a copy of the mini curation where tests/data/bad/cases.yaml says; then
``mechkg validate`` must exit 1 with the expected ``file:line: field:`` message and no traceback,
and ``mechkg build`` must fail the same way and leave the previous build byte for byte as it was.
Most cases run in-process through click's CliRunner (fast); a handful run ``mechkg`` as a real
process for the real exit code and stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import DATA, MINI, MINI_SOURCES, lexicons_or_skip

from mechkg.app.cli import main
from mechkg.ingest.yaml_lines import MAX_FILE_BYTES
from mechkg.resources import find_lexicons_dir

BAD = DATA / "bad"
CASES: list[dict] = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
BROKEN = [case for case in CASES if not case.get("valid")]
ACCEPTED = [case for case in CASES if case.get("valid")]
LEXICONS = find_lexicons_dir()
HAVE_LEXICONS = LEXICONS is not None and LEXICONS.is_dir()
MECHKG = str(Path(sys.executable).with_name("mechkg"))


def _options(case: dict | None = None) -> list[str]:
    if case and case.get("needs") == "lexicons" and not HAVE_LEXICONS:
        lexicons_or_skip()  # skips with the reason, or fails under MECHKG_REQUIRE_DATA=1
    return ["--sources", str(MINI_SOURCES), *(["--lexicons", str(LEXICONS)] if HAVE_LEXICONS else [])]


def _curation_with(tmp_path: Path, name: str, to: str, content: bytes | None = None) -> Path:
    root = tmp_path / "curation"
    shutil.copytree(MINI, root)
    target = root / to
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((BAD / name).read_bytes() if content is None else content)
    return root


def _expected_start(expect: dict) -> str:
    where = expect["file"] if expect["line"] is None else f"{expect['file']}:{expect['line']}"
    return f"{where}: {expect['field']}: " if expect["field"] else f"{where}: "


def _assert_reported(output: str, expect: dict) -> None:
    assert "Traceback" not in output, output
    start = _expected_start(expect)
    lines = [line for line in output.splitlines() if line.startswith(start)]
    assert any(all(word in line for word in expect["words"]) for line in lines), (
        f"want {start}… {expect['words']}; got:\n{output}"
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """A good build of the mini curation, and its bytes: what a failed build must not touch."""
    out = tmp_path_factory.mktemp("build") / "out"
    result = CliRunner().invoke(main, ["build", "--curation", str(MINI), "--out", str(out), *_options()])
    assert result.exit_code == 0, result.output
    return out, _snapshot(out)


def test_the_corpus_is_complete_and_each_file_says_what_is_wrong():
    listed = {case["file"] for case in CASES}
    present = {path.name for path in BAD.iterdir() if path.name != "cases.yaml"}
    assert listed == present
    assert len(BROKEN) >= 40
    for case in BROKEN:
        raw = (BAD / case["file"]).read_bytes()
        assert raw == b"" or raw.removeprefix(b"\xef\xbb\xbf").startswith(b"# BROKEN: "), case["file"]


@pytest.mark.parametrize("case", BROKEN, ids=[c["file"] for c in BROKEN])
def test_broken_file_is_reported_and_the_previous_build_survives(case, tmp_path, previous_build):
    root = _curation_with(tmp_path, case["file"], case["to"])
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--curation", str(root), *_options(case)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    _assert_reported(result.output, case["expect"])

    out, before = previous_build
    result = runner.invoke(main, ["build", "--curation", str(root), "--out", str(out), *_options(case)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    _assert_reported(result.output, case["expect"])
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir() if p.name != ".out.lock") == ["out"]  # no staging folder left behind


@pytest.mark.parametrize("case", ACCEPTED, ids=[c["file"] for c in ACCEPTED])
def test_harmless_variants_are_accepted(case, tmp_path):
    root = _curation_with(tmp_path, case["file"], case["to"])
    result = CliRunner().invoke(main, ["validate", "--curation", str(root), *_options(case)])
    assert result.exit_code == 0, result.output


def test_crlf_line_ends_keep_line_numbers(tmp_path):
    """The CRLF case reports the same line as the same text with LF line ends."""
    crlf = (BAD / "bytes_crlf_unknown_predicate.yaml").read_bytes()
    assert b"\r\n" in crlf
    root = _curation_with(tmp_path, "bytes_crlf_unknown_predicate.yaml", "claims/bad.yaml", crlf.replace(b"\r\n", b"\n"))
    result = CliRunner().invoke(main, ["validate", "--curation", str(root), *_options()])
    assert "claims/bad.yaml:4: predicate: unknown predicate 'lowers'" in result.output


GENERATED = [
    # (name, content, start of the expected message line, its words): too big to store, so made here
    (
        "huge",
        b"# BROKEN: a file one byte over the size limit\n" + b"#" * MAX_FILE_BYTES + b"\n",
        "claims/bad.yaml: ",
        ["bytes; the limit is"],
    ),
    (
        "deep_block",
        ("- " + "".join("  " * i + f"k{i}:\n" for i in range(1, 2001)) + "  " * 2001 + "v\n").encode(),
        "claims/bad.yaml:1000: ",
        ["not valid YAML", "maximum nesting depth"],
    ),
    (
        "wide_alias",  # one list of 20,000 aliases to a 3-item list: 80,000 values from 60 kB
        ("- a: &x [1, 2, 3]\n  b: [" + ", ".join(["*x"] * 20_000) + "]\n").encode(),
        "claims/bad.yaml:1: b.",
        ["anchors and aliases expand to more than 10,000 values"],
    ),
]


@pytest.mark.parametrize(("name", "content", "start", "words"), GENERATED, ids=[g[0] for g in GENERATED])
def test_generated_hostile_file_is_reported(name, content, start, words, tmp_path):
    root = _curation_with(tmp_path, "", "claims/bad.yaml", content)
    result = CliRunner().invoke(main, ["validate", "--curation", str(root), *_options()])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    assert any(line.startswith(start) and all(w in line for w in words) for line in result.output.splitlines()), result.output


SUBPROCESS_CASES = [
    "tag_python_object_apply.yaml",
    "tag_python_object_new.yaml",
    "alias_billion_laughs.yaml",
    "bytes_big5.yaml",
    "lang_label_simplified.yaml",
    "yaml_unclosed_quote.yaml",
]


@pytest.mark.slow
@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_process_exits_1_without_traceback(name, tmp_path):
    case = next(c for c in CASES if c["file"] == name)
    root = _curation_with(tmp_path, name, case["to"])
    hacked = Path("/tmp/mechkg-hacked")  # noqa: S108 - the path the hostile tags name
    hacked.unlink(missing_ok=True)
    started = time.monotonic()
    done = subprocess.run(
        [MECHKG, "validate", "--curation", str(root), *_options(case)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    _assert_reported(done.stderr, case["expect"])
    assert not hacked.exists()  # the tags constructed nothing
    assert time.monotonic() - started < 100  # bounded: the alias bomb is refused, not expanded


@pytest.mark.slow
def test_real_build_leaves_the_previous_outputs_byte_identical(tmp_path, previous_build):
    out, before = previous_build
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    for name in ("alias_billion_laughs.yaml", "lang_label_simplified.yaml"):
        case = next(c for c in CASES if c["file"] == name)
        root = _curation_with(tmp_path / name, name, case["to"])
        done = subprocess.run(
            [MECHKG, "build", "--curation", str(root), "--out", str(copy), *_options(case)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
        _assert_reported(done.stderr, case["expect"])
        assert _snapshot(copy) == before


def test_traditional_rule_accepts_the_articles_own_wording():
    """The zh-Hant rule must never reject the article's text: every character it uses is allowed."""
    from mechkg.ingest.hanzi import simplified_only
    from mechkg.resources import find_sources_dir

    texts = [MINI_SOURCES / "mini_sle.txt"]
    shared = find_sources_dir()
    if shared is not None and shared.is_dir():
        texts += sorted(shared.glob("*.txt"))
    for path in texts:
        assert simplified_only(path.read_text(encoding="utf-8")) == [], path
    assert simplified_only("干細胞 2800余例 孫凌云 并") == []  # shared with Traditional Chinese: allowed
    assert simplified_only("间充质干细胞") == ["间", "质", "细"]
