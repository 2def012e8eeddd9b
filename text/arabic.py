"""Arabic text normalisation for search.

People type the same word many ways: with or without hamza on the alef (إدارة / ادارة),
with a haa for the taa marbuta (الجماعه), a yaa for the alef maqsura, with diacritics or
tatweel (الجماعـــة). Documents and queries both pass through `normalise`, so they meet.

The direction of the taa marbuta and alef maqsura mappings (word-final ه → ة, ي → ى) is chosen
for PostgreSQL's Arabic snowball stemmer, which strips ة consistently but not ه: with it,
الجماعه, الجماعة and الجماعات all stem to جماع.
"""

import re

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # and tatweel
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_FINAL_HAA = re.compile(r"ه\b")
_FINAL_YAA = re.compile(r"ي\b")


def normalise(text: str) -> str:
    text = _DIACRITICS.sub("", text or "").translate(_ALEF)
    text = _FINAL_HAA.sub("ة", text)
    text = _FINAL_YAA.sub("ى", text)
    return text
