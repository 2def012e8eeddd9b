"""PDFs for the tests, made with pypdf: a plain document, and the kinds an upload must refuse."""

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def plain_pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return _bytes(writer)


def pdf_with_javascript() -> bytes:
    """A document-level script in the catalogue's name tree, run when the PDF opens."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    script = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )
    names = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {
                    NameObject("/Names"): ArrayObject(
                        [TextStringObject("hello"), writer._add_object(script)]
                    )
                }
            )
        }
    )
    writer._root_object[NameObject("/Names")] = names
    return _bytes(writer)


def pdf_with_open_action_launch() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _bytes(writer)


def pdf_with_attachment() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("payload.exe", b"MZ\x90\x00")
    return _bytes(writer)


def pdf_with_link_annotation_running_script() -> bytes:
    """The script hides in a page's link annotation, not in the catalogue."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
    )
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (0, 0, 100, 100)]),
            NameObject("/A"): action,
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _bytes(writer)


def html_behind_a_pdf_header() -> bytes:
    return b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n"


def pdf_with_a_script_behind_a_shared_object() -> bytes:
    """The catalogue names one object twice before an opening script: a walk that stops at the
    first object it has seen already never reaches the script."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    shared = writer._add_object(DictionaryObject({NameObject("/Note"): TextStringObject("x")}))
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
    )
    writer._root_object[NameObject("/Extra")] = ArrayObject([shared, shared])
    return _bytes(writer)


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="", owner_password="owner")
    return _bytes(writer)


def pdf_with_a_broken_index() -> bytes:
    """Its cross-reference offsets point nowhere: lenient readers rebuild it, strict ones don't."""
    data = plain_pdf()
    start = data.rindex(b"startxref")
    return data[:start] + b"startxref\n9\n%%EOF\n"


def pdf_of_many_objects(count: int) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer._root_object[NameObject("/Extra")] = ArrayObject(
        [writer._add_object(NumberObject(n)) for n in range(count)]
    )
    return _bytes(writer)
