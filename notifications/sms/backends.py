import json
import logging
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

log = logging.getLogger(__name__)


class SmsUnavailable(OSError):
    """The gateway could not take the message now: try again later."""


class SmsRefused(Exception):
    """The gateway refused the message for good (a bad number, a bad request)."""


class SmsBackend:
    def send(self, to: str, text: str) -> None:
        raise NotImplementedError


class ConsoleBackend(SmsBackend):
    def send(self, to: str, text: str) -> None:
        print(f"SMS to {to}:\n{text}\n", flush=True)  # noqa: T201 - the console backend's job


class FileBackend(SmsBackend):
    """One JSON line per message in `sms.jsonl` under a folder: what tests read back."""

    _lock = threading.Lock()

    def __init__(self, folder: str):
        self.path = Path(folder) / "sms.jsonl"

    def send(self, to: str, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"to": to, "text": text}, ensure_ascii=False)
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


class HttpGatewayBackend(SmsBackend):
    """A form POST to a gateway; its fixed parameters come from the URL's query."""

    def __init__(self, url: str, *, to_field: str, text_field: str, timeout: float):
        parts = urllib.parse.urlsplit(url)
        self.endpoint = urllib.parse.urlunsplit((*parts[:3], "", ""))
        self.fixed = urllib.parse.parse_qsl(parts.query)
        self.to_field, self.text_field, self.timeout = to_field, text_field, timeout

    def send(self, to: str, text: str) -> None:
        body = urllib.parse.urlencode(
            [*self.fixed, (self.to_field, to), (self.text_field, text)]
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - the scheme is http(s), from settings
            self.endpoint,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as exc:
            if exc.code >= 500:
                raise SmsUnavailable(f"gateway answered {exc.code}") from exc
            raise SmsRefused(f"gateway refused the message: {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError) as exc:
            raise SmsUnavailable(f"gateway unreachable: {exc}") from exc
