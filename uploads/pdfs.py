"""PDFs that are documents and nothing else: parsable, with at least one page, and carrying no
script, launch action, embedded file or form submission. A file that only starts with "%PDF-"
(an HTML page behind the header, say) is not one."""

import io
import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Keys and action types that make a PDF do something when opened or clicked.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/EmbeddedFile", "/RichMedia", "/XFA"}
ACTIVE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/RichMediaExecute",
}
MAX_OBJECTS = 50_000  # a walk of a real document visits far fewer; more is a trap

log = logging.getLogger(__name__)


def _refused() -> ValidationError:
    return ValidationError(
        _(
            "This PDF cannot be accepted: it is damaged, or it carries scripts, actions or "
            "attached files. Save it again as a plain PDF (print to PDF) and send that."
        ),
        code="pdf_active",
    )


def _walk(root) -> None:
    """Every object reachable from the document's catalogue, once; refused on anything
    active."""
    seen: set = set()
    stack = [root]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise _refused()
        if isinstance(item, DictionaryObject):
            if ACTIVE_KEYS & set(item.keys()):
                raise _refused()
            if item.get("/S") in ACTIVE_ACTIONS:
                raise _refused()
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def pdf_check(data: bytes) -> None:
    """Raises ValidationError unless `data` is a plain, readable PDF document."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        if reader.is_encrypted or len(reader.pages) < 1:
            raise _refused()
        _walk(reader.trailer[NameObject("/Root")])
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        log.info("refused a PDF that does not parse: %s", exc)
        raise _refused() from exc
