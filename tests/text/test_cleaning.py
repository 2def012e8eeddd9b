"""Typed text as it is stored: trimmed of what no reader sees at its ends, empty when nothing in
it can be seen, and otherwise as the writer typed it, marks and joiners included."""

import pytest

from text.cleaning import clean_text

ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize(
    "typed",
    [
        "\u200fWiFi غير متوفر في دار الشباب",  # a mark typed to keep the note right to left
        "اجتماع لجنة \u2066Wi-Fi\u2069 يوم الأحد",  # an isolate closed at the end of a word
        "مدرسة\u200cجديدة",  # a zero-width non-joiner inside a word
        "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⵓⵔⴷ\u2d7fⵜ",  # the Tifinagh joiner
        "\u0600١٢٣ درهم",  # the Arabic number sign, which shows
        f"نحب بلادنا {ENGLAND}",  # a flag of tag characters at the very end
        "سطر أول\nسطر ثان",
    ],
)
def test_what_a_writer_typed_on_purpose_is_kept(typed):
    assert clean_text(typed) == typed
    assert clean_text(f"  {typed}\n ") == typed


@pytest.mark.parametrize(
    "typed",
    ["", "   \n\t ", "\u200f", "\u200f\u200b \u200e\ufeff", "\u2066\u2069", "\u00ad\u2060"],
)
def test_nothing_a_reader_can_see_is_empty(typed):
    assert clean_text(typed) == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("\ufeff مرحلة أولى", "مرحلة أولى"),  # a byte order mark pasted from a file
        ("مرحلة أولى\u200b ", "مرحلة أولى"),
        ("\u00adمرحلة\u2060", "مرحلة"),
        ("مرحلة \u202eأولى\u202c", "مرحلة أولى"),  # overrides dropped anywhere
        ("نص\x00 فيه\x07 تحكم", "نص فيه تحكم"),
    ],
)
def test_invisible_ends_and_control_characters_go(typed, stored):
    assert clean_text(typed) == stored
