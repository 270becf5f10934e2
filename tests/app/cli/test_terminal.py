"""Control characters reach a terminal as visible escapes; pipes and files get the exact bytes."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sparql_fixture import CURATION

from mechkg.app.cli.terminal import TerminalSafeStream, escape_controls

MECHKG = [sys.executable, "-c", "from mechkg.app.cli import run; run()"]
QUERY = 'SELECT ?x WHERE { BIND("a\\u001B[2Jb\\u009Bc" AS ?x) }'


@given(st.text(max_size=40))
def test_escaped_text_has_no_control_character_but_newline_and_tab(text):
    escaped = escape_controls(text)
    assert all(ch in "\n\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) for ch in escaped)


def test_the_stream_escapes_what_is_written_and_passes_the_rest_through():
    target = io.StringIO()
    stream = TerminalSafeStream(target)
    stream.write("x\x1b]8;;http://evil\x07y\n")
    assert target.getvalue() == "x\\x1b]8;;http://evil\\x07y\n" and stream.getvalue() == target.getvalue()


@pytest.mark.slow
def test_a_terminal_sees_escapes_and_a_pipe_sees_the_exact_result():
    args = [*MECHKG, "sparql", QUERY, "--format", "csv", "--curation", str(CURATION)]
    piped = subprocess.run(args, capture_output=True, check=True)
    assert b"b\xc2\x9bc" in piped.stdout  # the C1 character reaches a pipe as it is (click drops ESC sequences there)
    main_end, child_end = os.openpty()
    try:
        done = subprocess.run(args, stdout=child_end, stderr=subprocess.DEVNULL, check=True)
        os.close(child_end)
        chunks = []
        while True:
            try:
                chunk = os.read(main_end, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main_end)
    shown = b"".join(chunks)
    assert done.returncode == 0 and b"a\\x1b[2Jb\\x9bc" in shown
    assert b"\x1b" not in shown and b"\xc2\x9b" not in shown
