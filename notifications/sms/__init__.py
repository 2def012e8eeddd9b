"""Sending SMS through interchangeable backends, chosen by one setting, SMS_URL, as EMAIL_URL
chooses the mail backend:

- `console://` prints each message (for `make run`);
- `file:///path/to/dir` appends each message as a JSON line to `dir/sms.jsonl` (tests);
- `http://…` or `https://…` posts each message to an HTTP gateway (production): the URL's
  query holds the gateway's own parameters (an account, a key, a sender name); the number and
  the text go in the fields named by SMS_TO_FIELD and SMS_TEXT_FIELD.

A gateway that answers 5xx or does not answer raises `SmsUnavailable` (an OSError: the outbox
retries it with backoff); one that refuses the message (4xx) raises `SmsRefused`, which is not
retried.
"""

from functools import lru_cache

from django.conf import settings

from .backends import (
    ConsoleBackend,
    FileBackend,
    HttpGatewayBackend,
    SmsBackend,
    SmsRefused,
    SmsUnavailable,
)

__all__ = ["SmsRefused", "SmsUnavailable", "send_sms", "sms_backend"]


@lru_cache(maxsize=4)
def _backend_for(url: str) -> SmsBackend:
    scheme = url.split(":", 1)[0].lower()
    if scheme == "console":
        return ConsoleBackend()
    if scheme == "file":
        return FileBackend(url.removeprefix("file://"))
    if scheme in ("http", "https"):
        return HttpGatewayBackend(
            url,
            to_field=settings.SMS_TO_FIELD,
            text_field=settings.SMS_TEXT_FIELD,
            timeout=settings.SMS_TIMEOUT_SECONDS,
        )
    raise ValueError(f"SMS_URL: no backend for {scheme!r}")


def sms_backend() -> SmsBackend:
    return _backend_for(settings.SMS_URL)


def send_sms(to: str, text: str) -> None:
    sms_backend().send(to, text)
