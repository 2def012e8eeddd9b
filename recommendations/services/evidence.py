"""Evidence attached to a timeline entry: a checked file, or an http(s) link."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from uploads.checks import CheckedUpload, upload_check

LINK_MAX_LENGTH = 500
_http_only = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Evidence:
    file: CheckedUpload | None = None
    link: str = ""

    def __bool__(self) -> bool:
        return self.file is not None or bool(self.link)


def evidence_check(*, file: UploadedFile | None, link: str, errors: dict) -> Evidence:
    """What was attached, checked; problems go into `errors` under the form's field names."""
    checked = None
    if file:
        try:
            checked = upload_check(file)
        except ValidationError as exc:
            errors["evidence_file"] = exc.messages
    link = (link or "").strip() if isinstance(link, str) else ""
    if link:
        try:
            if len(link) > LINK_MAX_LENGTH:
                raise ValidationError("too long")
            _http_only(link)
        except ValidationError:
            errors["evidence_link"] = _("Enter a link that starts with http:// or https://.")
            link = ""
    return Evidence(checked, link)
