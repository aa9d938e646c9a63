"""Notes leave and come back as W3C Web Annotation JSON without losing anything."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.anchors import Anchor, anchor_by_quote, resolve
from reader.core.web_annotation import (
    CONTEXT_IRI,
    Note,
    annotation,
    from_w3c,
    new_note_id,
    normalise_id,
    to_w3c,
)

KEY = "urn:reader:article:6802137d44bebb66"
TITLE = "狠抓落实严防输入 确保全市疫情不反弹"


def make_note(seed_text: str, *, note: str = "值得再读", meaning: str = "重点") -> Note:
    return Note(
        id="0f8fad5b-d9cb-469f-a165-70867728950e",
        article_key=KEY,
        article_title=TITLE,
        anchor=anchor_by_quote(seed_text, "严格执行集中隔离等管控措施", occurrence=2),
        color="yellow",
        meaning=meaning,
        note=note,
        created="2024-03-09T10:15:00+08:00",
        modified="2024-03-09T10:20:00+08:00",
    )


def items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return data["first"]["items"]


# ---------------------------------------------------------------------------------------
# Writing


def test_collection_follows_the_data_model(seed_text: str) -> None:
    note = make_note(seed_text)
    data = to_w3c([note])
    assert data["@context"] == CONTEXT_IRI == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == 1
    assert data["first"]["type"] == "AnnotationPage"
    (item,) = items(data)
    assert item["type"] == "Annotation"
    assert item["id"] == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
    assert item["motivation"] == "commenting"
    assert item["created"] == note.created and item["modified"] == note.modified
    assert item["body"] == [
        {
            "type": "TextualBody",
            "value": "值得再读",
            "purpose": "commenting",
            "format": "text/plain",
        },
        {"type": "TextualBody", "value": "重点", "purpose": "tagging"},
    ]
    target = item["target"]
    assert target["source"] == KEY
    assert target["styleClass"] == "yellow"
    quote, position = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": note.anchor.exact,
        "prefix": note.anchor.prefix,
        "suffix": note.anchor.suffix,
    }
    assert position == {
        "type": "TextPositionSelector",
        "start": note.anchor.start,
        "end": note.anchor.end,
    }


def test_a_highlight_without_a_note_is_highlighting(seed_text: str) -> None:
    (item,) = items(to_w3c([make_note(seed_text, note="")]))
    assert item["motivation"] == "highlighting"
    assert item["body"] == [{"type": "TextualBody", "value": "重点", "purpose": "tagging"}]
    (item,) = items(to_w3c([make_note(seed_text, note="", meaning="")]))
    assert "body" not in item


def test_output_is_json_and_keeps_chinese_readable(seed_text: str) -> None:
    text = json.dumps(to_w3c([make_note(seed_text)]), ensure_ascii=False)
    assert "严格执行集中隔离等管控措施" in text
    assert from_w3c(json.loads(text)) == [make_note(seed_text)]


def test_exported_selectors_find_the_words_again(seed_text: str) -> None:
    (note,) = from_w3c(to_w3c([make_note(seed_text)]))
    found = resolve(note.anchor, "新增导语。" * 3 + seed_text)
    assert found is not None and found.exact_match


def test_same_notes_give_the_same_document(seed_text: str) -> None:
    assert to_w3c([make_note(seed_text)]) == to_w3c([make_note(seed_text)])


# ---------------------------------------------------------------------------------------
# Reading what others write


def test_reads_a_single_annotation_a_list_and_a_page(seed_text: str) -> None:
    note = make_note(seed_text)
    single = {"@context": CONTEXT_IRI} | annotation(note)
    assert from_w3c(single) == [note]
    assert from_w3c([annotation(note)]) == [note]
    assert from_w3c({"type": "AnnotationPage", "items": [annotation(note)]}) == [note]
    flat = {"@context": CONTEXT_IRI, "type": "AnnotationCollection", "items": [single]}
    assert from_w3c(flat) == [note]


def test_reads_an_empty_collection() -> None:
    assert from_w3c(to_w3c([])) == []
    assert from_w3c({"type": "AnnotationCollection", "total": 0}) == []


def test_reads_the_spec_example_shapes() -> None:
    # Example 23 of the model, plus a position, a plain-string body and a list of targets.
    data = {
        "@context": CONTEXT_IRI,
        "id": "http://example.org/anno23",
        "type": "Annotation",
        "body": ["http://example.org/comment1", {"type": "TextualBody", "value": "好"}],
        "target": [
            "http://example.org/other",
            {
                "source": {"id": "http://example.org/page1", "type": "Text"},
                "selector": {
                    "type": "TextQuoteSelector",
                    "exact": "anotation",
                    "prefix": "this is an ",
                    "suffix": " that has some",
                },
            },
        ],
    }
    (note,) = from_w3c(data)
    assert note.id == "http://example.org/anno23"
    assert note.article_key == "http://example.org/page1"
    assert note.note == "好" and note.meaning == "" and note.color == ""
    # No TextPositionSelector: a placeholder position; resolve finds it by the quote.
    assert note.anchor == Anchor(0, 9, "anotation", "this is an ", " that has some")
    found = resolve(note.anchor, "well, this is an anotation that has some typos")
    assert found is not None and (found.start, found.end) == (17, 26)


def good() -> dict[str, Any]:
    return {
        "id": "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
        "type": "Annotation",
        "target": {
            "source": KEY,
            "selector": [
                {"type": "TextQuoteSelector", "exact": "疫情"},
                {"type": "TextPositionSelector", "start": 3, "end": 5},
            ],
        },
    }


def broken(change: Any) -> dict[str, Any]:
    data = good()
    change(data)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("text", "expected a JSON object or list, not str"),
        ({"type": "Dataset"}, "not an Annotation, AnnotationPage or AnnotationCollection"),
        ({"type": "AnnotationPage", "items": "x"}, "'items' must be a list"),
        ([42], "annotation 1: expected an object, not int"),
        ([good(), {"type": "Note"}], "annotation 2: type is 'Note', not 'Annotation'"),
        (broken(lambda d: d.pop("id")), "'id' must be a non-empty string"),
        (broken(lambda d: d.update(id="not an id")), "neither a UUID nor an IRI"),
        (broken(lambda d: d.update(target=KEY)), "bare IRI target cannot be anchored"),
        (broken(lambda d: d["target"].pop("source")), "no 'source'"),
        (broken(lambda d: d["target"].update(selector=[])), "no TextQuoteSelector"),
        (
            broken(lambda d: d["target"]["selector"][0].update(exact="")),
            "'exact' must be a non-empty string",
        ),
        (
            broken(lambda d: d["target"]["selector"][1].update(start=7)),
            "integers 0 <= start <= end",
        ),
        (
            broken(lambda d: d["target"]["selector"][1].update(end=True)),
            "integers 0 <= start <= end",
        ),
        (
            broken(lambda d: d["target"]["selector"][0].update(prefix=3)),
            "'prefix' must be a string",
        ),
        (broken(lambda d: d.update(created=20240309)), "'created' must be a string"),
        (
            broken(lambda d: d.update(body={"type": "TextualBody", "value": None})),
            "'value' must be a string",
        ),
    ],
)
def test_malformed_input_is_named_in_one_line(data: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        from_w3c(data)
    text = str(caught.value)
    assert message in text
    assert "\n" not in text


def test_good_fixture_is_good() -> None:
    (note,) = from_w3c(good())
    assert note.anchor == Anchor(3, 5, "疫情", "", "")


# ---------------------------------------------------------------------------------------
# Ids


def test_ids_are_held_as_uuid_urns() -> None:
    bare = "0F8FAD5B-D9CB-469F-A165-70867728950E"
    assert normalise_id(bare) == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
    assert normalise_id("urn:uuid:" + bare) == normalise_id(bare)
    assert normalise_id("https://example.org/anno/1") == "https://example.org/anno/1"
    assert new_note_id().startswith("urn:uuid:") and new_note_id() != new_note_id()
    with pytest.raises(ValueError):
        normalise_id("42")


# ---------------------------------------------------------------------------------------
# Round trip


texts = st.text(
    alphabet=st.one_of(
        st.sampled_from("重点疫情防控𠮷𡘙\n\r\t \u3000\"'\\{}"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=40,
)
nonempty = texts.filter(bool)


@st.composite
def notes(draw: st.DrawFn) -> Note:
    start = draw(st.integers(0, 10_000))
    exact = draw(nonempty)
    return Note(
        id=draw(st.uuids()).urn if draw(st.booleans()) else str(draw(st.uuids())),
        article_key=draw(st.sampled_from([KEY, "urn:reader:article:abc", "file:///tmp/页.txt"])),
        article_title=draw(texts),
        anchor=Anchor(start, start + len(exact), exact, draw(texts), draw(texts)),
        color=draw(st.sampled_from(["", "yellow", "green", "pink"])),
        meaning=draw(texts),
        note=draw(texts),
        created=draw(st.sampled_from(["", "2024-03-09T10:15:00+08:00", "2024-03-09T02:15:00Z"])),
        modified=draw(st.sampled_from(["", "2024-03-10T08:00:00.123456+08:00"])),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(notes(), max_size=5))
def test_round_trip_keeps_every_note(original: list[Note]) -> None:
    assert from_w3c(to_w3c(original)) == original
    # And through JSON text, as a file would carry it.
    assert from_w3c(json.loads(json.dumps(to_w3c(original), ensure_ascii=False))) == original
