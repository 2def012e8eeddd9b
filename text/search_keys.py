"""Search keys: each word of a text reduced to what a reader means by it, so feedback is found
whichever form either side wrote — with or without the article and attached particles
(بالماء، للمياه، والمدارس), singular or plural, sound (الجماعات) or broken (المياه / الماء, via
text.thesaurus), hamza and taa marbuta as typed (text.arabic), French accents and plurals folded.

Why not PostgreSQL's Arabic full-text search: its snowball stemmer joins no broken plural to its
singular, and SQLite (`make run`) has none at all. Keys computed here are stored with each
feedback (`search_text`) and matched word for word by the same query on both databases, so a
search finds the same feedback, in the same order, under PostgreSQL and SQLite.
"""

import re
import unicodedata
from functools import lru_cache

from .arabic import normalise
from .thesaurus import CIVIC_WORDS, KEPT_AS_WRITTEN

_WORD = re.compile(r"\w+")
_ARABIC = re.compile(r"[\u0621-\u064a]")
# Article with an attached particle, longest first: وال، بال، كال، فال، لل، ال.
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_POSSESSIVES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها")
_PLURALS = ("ات", "ون", "ين", "ان")


def _light_stem(word: str) -> str:
    """Larkey's light stemming, adapted to text.arabic's spelling: particles off the front,
    possessives, plural endings and the taa marbuta off the back; never below three letters."""
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    for ending in _POSSESSIVES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            # The taa marbuta is written ت before a possessive: مدرستنا → مدرسة.
            if word.endswith("ت"):
                word = word[:-1] + "ة"
            break
    if word.endswith("ة") and len(word) > 3:
        word = word[:-1]
    for ending in _PLURALS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word


def _meanings() -> dict[str, str]:
    keys = {}
    for head, forms in CIVIC_WORDS.items():
        head_key = _light_stem(normalise(head))
        keys[head_key] = head_key
        for form in forms:
            keys[_light_stem(normalise(form))] = head_key
    return keys


_MEANINGS = _meanings()


def _arabic_key(word: str) -> str:
    if word in KEPT_AS_WRITTEN:
        return word
    candidates = [word]
    # و and ف are also first letters of words (وثيقة، فرع): only taken off when what is left
    # is a word this portal knows or starts with a particle.
    for conjunction in _CONJUNCTIONS:
        rest = word[1:]
        known = rest.startswith(("ال", "لل", "ب")) or _light_stem(rest) in _MEANINGS
        if word.startswith(conjunction) and len(rest) >= 3 and known:
            candidates.insert(0, rest)
    for candidate in candidates:
        if candidate in KEPT_AS_WRITTEN:
            return candidate
        stem = _light_stem(candidate)
        if stem in _MEANINGS:
            return _MEANINGS[stem]
        # بماء، لمدرسة: a one-letter preposition without the article.
        if candidate.startswith(_PREPOSITIONS) and _light_stem(candidate[1:]) in _MEANINGS:
            return _MEANINGS[_light_stem(candidate[1:])]
    return _light_stem(candidates[-1] if len(candidates) == 1 else candidates[0])


def _latin_key(word: str) -> str:
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if len(word) > 3 and word.endswith(("s", "x")):
        word = word[:-1]
    return word


@lru_cache(maxsize=20000)
def word_key(word: str) -> str:
    word = normalise(unicodedata.normalize("NFKC", word).lower())
    return _arabic_key(word) if _ARABIC.search(word) else _latin_key(word)


def text_keys(text: str) -> list[str]:
    return [word_key(word) for word in _WORD.findall(text or "")]


def indexed(text: str) -> str:
    """What is stored to search a text by: its keys each between spaces (two between keys), so
    " key " matches whole keys only (الماء is not found inside السماء) and every mention of a
    key can be counted without two mentions sharing a space."""
    keys = text_keys(text)
    return f" {'  '.join(keys)} " if keys else ""


def query_keys(query: str) -> list[str]:
    """The distinct keys of what a reader typed, in order."""
    return list(dict.fromkeys(text_keys(query)))
