"""Form bodies decoded in slices: the same fields as the standard library, UTF-8 and field limits."""

from __future__ import annotations

import asyncio
import urllib.parse

import pytest

from mechkg.app.forms import MAX_FIELDS, SLICE_BYTES, FormError, read_form


def test_a_long_form_is_decoded_as_the_standard_library_decodes_it():
    text = 'SELECT * WHERE { ?s ?p "紅 %+&=" }\n' * 2000
    body = ("query=" + urllib.parse.quote(text, safe="") + "&format=json").encode()
    assert len(body) > 10 * SLICE_BYTES
    assert asyncio.run(read_form(body)) == urllib.parse.parse_qs(body.decode(), keep_blank_values=True)


def test_the_event_loop_gets_turns_while_a_long_form_is_decoded():
    turns = 0

    async def other() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    async def both() -> None:
        task = asyncio.ensure_future(other())
        await read_form(b"query=" + b"%41" * (20 * SLICE_BYTES))
        task.cancel()

    asyncio.run(both())
    assert turns >= 20


@pytest.mark.parametrize(
    ("body", "message"),
    [(b"query=%FF", "not UTF-8"), (b"a=%E7%B4&b=%85", "not UTF-8"), (b"&".join([b"a=1"] * (MAX_FIELDS + 1)), "fields")],
)
def test_bad_forms_are_refused(body, message):
    with pytest.raises(FormError, match=message):
        asyncio.run(read_form(body))
