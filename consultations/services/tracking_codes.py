import secrets

# No 0/O, 1/I/L, 5/S, 8/B: nothing that reads or sounds alike when spoken or typed on a phone.
ALPHABET = "2346789ACDEFGHJKMNPQRTUVWXYZ"
LENGTH = 10  # 28^10 ≈ 3e14 codes: unguessable at any rate the portal would let anyone try


def tracking_code_new() -> str:
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{code[:5]}-{code[5:]}"


def tracking_code_clean(raw: str) -> str:
    """Accept what people type: lower case, spaces, a missing or extra dash."""
    code = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    return f"{code[:5]}-{code[5:]}" if len(code) == LENGTH else code
