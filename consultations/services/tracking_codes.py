import secrets
import unicodedata

# No 0/O, 1/I/L, 5/S, 8/B: nothing that reads or sounds alike when spoken or typed on a phone.
ALPHABET = "2346789ACDEFGHJKMNPQRTUVWXYZ"
LENGTH = 10  # 28^10 ≈ 3e14 codes: unguessable at any rate the portal would let anyone try


def tracking_code_new() -> str:
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{code[:5]}-{code[5:]}"


# Digits as an Arabic or Persian phone keyboard types them.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def tracking_code_clean(raw: str) -> str:
    """Accept what people type: lower case, spaces, a missing or extra dash, full-width
    letters, Arabic-Indic digits. The result has the stored form (ABCDE-FGHIJ) when it can."""
    text = unicodedata.normalize("NFKC", raw or "").translate(_DIGITS).upper()
    code = "".join(ch for ch in text if ch.isascii() and ch.isalnum())
    return f"{code[:5]}-{code[5:]}" if len(code) == LENGTH else code


def tracking_code_is_possible(code: str) -> bool:
    """Could this cleaned code have been given by the portal?"""
    plain = code.replace("-", "")
    return len(plain) == LENGTH and all(ch in ALPHABET for ch in plain)


# A code never holds O or 0; someone who typed one read a D or a Q in a rounded font.
_MISREAD = {"O": "DQ", "0": "DQ"}
_MAX_MISREAD = 3  # at most 2^3 readings: more guesses than that would help someone guessing


def tracking_code_readings(raw: str) -> list[str]:
    """The codes a person may have meant by what they typed: the cleaned text itself, and, when
    it holds an O or a 0, each way of reading those as D or Q. Only possible codes are kept."""
    readings = [tracking_code_clean(raw).replace("-", "")]
    if sum(readings[0].count(ch) for ch in _MISREAD) > _MAX_MISREAD:
        return []
    for index, ch in enumerate(readings[0]):
        if ch in _MISREAD:
            readings = [r[:index] + sub + r[index + 1 :] for r in readings for sub in _MISREAD[ch]]
    codes = [f"{r[:5]}-{r[5:]}" if len(r) == LENGTH else r for r in readings]
    return [code for code in codes if tracking_code_is_possible(code)]
