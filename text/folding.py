"""Folding text for matching what a person types against names: the same word typed many ways
(أقا / اقا / Akka / AKKA / aqqa, فم زكيد / Foum-Zguid) folds to the same key.

Arabic goes through `text.arabic.normalise` (hamza on alef, taa marbuta, alef maqsura,
diacritics, tatweel) and loses its article; Latin letters lose case and accents; spaces,
hyphens and apostrophes go. Folding is for looking things up, never for showing them.
"""

import re
import unicodedata

from .arabic import normalise

_ARTICLE = re.compile(r"(^|\s)ال(?=\S)")
_SEPARATORS = re.compile(r"[\s\-'’ʼ`.]+")
# Latin spellings of the same Amazigh and Arabic sounds: qq/kk/q/k, ou/u, gu/g.
_LATIN_SOUNDS = (
    (re.compile(r"qq|kk|q|ck"), "k"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"gu"), "g"),
)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip().lower()
    text = _ARTICLE.sub(r"\1", normalise(text))
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    text = _SEPARATORS.sub("", text)
    for pattern, sound in _LATIN_SOUNDS:
        text = pattern.sub(sound, text)
    return text
