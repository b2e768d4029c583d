"""What a paste takes from clipboard data (cocreate.canvas.clipboard, no Qt): cards, links and
notes with fields of the right types and known values; anything else is left out."""

from __future__ import annotations

from cocreate.canvas.clipboard import clean_notes, clean_touchpoints, copied, pasted


def test_cards_keep_known_fields_of_the_right_type_and_values_in_range():
    (card,) = clean_touchpoints(
        [
            {
                "id": 4,
                "title": "Order at the counter",
                "emotion": 7,
                "score": 12,
                "channel": "teleport",
                "kind": "core",
                "branded": "yes",
                "script": "<b>bold</b>",
            }
        ]
    )
    assert card == {
        "id": 4,
        "title": "Order at the counter",
        "emotion": 2,
        "score": 10,
        "kind": "core",
    }


def test_notes_keep_text_author_place_and_only_known_categories():
    first, second = clean_notes(
        [
            {"text": "Long queue", "category": "pain_point", "author_id": 2, "x": 10, "y": 5.5},
            {"text": "Hm", "category": "rant", "author_id": "Ana", "x": "left"},
        ]
    )
    assert first == {
        "text": "Long queue",
        "category": "pain_point",
        "author_id": 2,
        "x": 10.0,
        "y": 5.5,
    }
    assert second == {"text": "Hm"}


def test_a_payload_drops_cards_without_ids_links_without_ends_and_notes_without_text():
    rows = pasted(
        {
            "touchpoints": [{"id": 1, "title": "Ad"}, {"title": "no id"}, "junk"],
            "links": [{"source_id": 1, "target_id": 2}, {"source_id": 1}],
            "notes": [{"text": "Idea"}, {"text": 3}, None],
        }
    )
    assert rows.touchpoints == [{"id": 1, "title": "Ad"}]
    assert rows.links == [{"source_id": 1, "target_id": 2}]
    assert rows.notes == [{"text": "Idea"}]


def test_checking_a_paste_needs_no_qt(headless):
    _folder, loaded = headless
    assert loaded["paste check"] == []


def test_a_copy_takes_only_the_links_between_copied_cards_and_their_texts():
    cards = [{"id": 1, "title": "Menu 菜单"}, {"id": 2, "title": "Queue"}]
    links = [
        {"id": 7, "source_id": 1, "target_id": 2},
        {"id": 8, "source_id": 2, "target_id": 3},  # to a card left behind
    ]
    notes = [{"text": "<b>not markup</b>", "x": 10.0, "y": 120.0}]
    payload, text = copied(cards, links, notes)
    assert [link["id"] for link in payload["links"]] == [7]
    assert payload["touchpoints"] == cards and payload["notes"] == notes
    assert text == "Menu 菜单\nQueue\n<b>not markup</b>"
