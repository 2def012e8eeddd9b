"""The Arabic catalogue speaks the glossary's words (docs/glossary.md): a term is translated with
its word, and nothing the glossary rules out appears (Eastern month names, calques, the second
name for the demonstration, "ملاحظة" for a resident's message)."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
GLOSSARY = (BASE / "docs" / "glossary.md").read_text()
CATALOGUE = BASE / "locale" / "ar" / "LC_MESSAGES" / "django.po"


def _section(title: str) -> str:
    return GLOSSARY.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def _rows(text: str, header_start: str) -> list[list[str]]:
    table = text.split(f"| {header_start}", 1)[1].split("\n\n", 1)[0]
    rows = [line.strip().strip("|").split("|") for line in table.splitlines()[2:]]
    return [[cell.strip() for cell in row] for row in rows if row]


RULES = _section("Rules the test enforces")
REQUIRED = {word: arabic for word, arabic, *_ in _rows(RULES, "English word in the msgid")}
RULED_OUT = [expression for expression, *_ in _rows(RULES, "Ruled out in Arabic")]


def _joined(block: str, key: str) -> str:
    """A field of a catalogue entry, its quoted lines joined."""
    match = re.search(rf'^{key} ((?:".*"\n?)+)', block, re.M)
    return "".join(re.findall(r'"(.*)"', match.group(1))) if match else ""


def _entries() -> list[tuple[str, list[str]]]:
    """(msgid, its Arabic translations) for every entry of the catalogue."""
    entries = []
    for block in CATALOGUE.read_text().split("\n\n"):
        if "\nmsgid" not in f"\n{block}" or block.lstrip().startswith("#~"):
            continue

        msgid = _joined(block, "msgid") + " " + _joined(block, "msgid_plural")
        translations = [_joined(block, "msgstr")] + [
            _joined(block, rf"msgstr\[{n}\]") for n in range(6) if f"msgstr[{n}]" in block
        ]
        entries.append((msgid, [t for t in translations if t]))
    return entries


ENTRIES = _entries()


def test_the_glossary_rules_are_read():
    assert REQUIRED["feedback"] == "مراسل" and "مسحوب" in RULED_OUT and len(ENTRIES) > 500


def test_each_term_is_translated_with_the_glossarys_word():
    wrong = []
    for msgid, translations in ENTRIES:
        for word, arabic in REQUIRED.items():
            if re.search(rf"\b{word}\b", msgid, re.I):
                wrong += [(word, msgid, t) for t in translations if arabic not in t]
    assert not wrong, "\n".join(f"{w}: {m!r} → {t}" for w, m, t in wrong)


def test_no_translation_uses_a_word_the_glossary_rules_out():
    found = [
        (expression, msgid, t)
        for msgid, translations in ENTRIES
        for t in translations
        for expression in RULED_OUT
        if expression in t
    ]
    assert not found, "\n".join(f"{e}: {m!r} → {t}" for e, m, t in found)
