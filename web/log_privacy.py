"""Logs keep no client address and no tracking code in clear (privacy page): a logged path such
as /ar/feedback/ABCDE-23456/ becomes /ar/feedback/•••••-•••••/, an address 203.0.113.7
becomes •.•.•.•. Used by Django's log handler (PrivateRecords) and gunicorn's access log
(taata_portal.gunicorn_logging)."""

import ipaddress
import logging
import re

# A tracking code as people and the portal write it: two groups of five from the code's
# alphabet, with or without the dash (or a space, "+", "%20"), in any case
# (consultations.services.tracking_codes).
_LETTER = "[2-9A-HJ-NP-Za-hj-np-z]"
_CODE = re.compile(
    rf"(?<![0-9A-Za-z]){_LETTER}{{5}}(?:[-\s+]|%20|%2D)?{_LETTER}{{5}}(?![0-9A-Za-z])"
)
# Candidates, kept only when the ipaddress module agrees (09.551.01.07 is a commune's code,
# 16:20:00 a time).
_IP_LIKE = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(?![\w.:])")
CODE_MASK = "•••••-•••••"


def _address(match: re.Match) -> str:
    text = match.group(0)
    host, _colon, port = text.rpartition(":")
    if host.count(".") == 3 and port.isdigit():  # 203.0.113.7:51234
        text, port = host, f":{port}"
    else:
        port = ""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return match.group(0)
    return ("•.•.•.•" if "." in text else "•:•") + port


def mask(text: str) -> str:
    return _CODE.sub(CODE_MASK, _IP_LIKE.sub(_address, text))


class PrivateRecords(logging.Filter):
    """Rewrites each record's message with addresses and codes masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        record.msg, record.args = mask(message), ()
        return True
