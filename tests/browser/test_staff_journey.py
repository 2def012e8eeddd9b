"""Observatory staff: moderate and publish a feedback, answer it, download XLSX and PDF."""

import io

import openpyxl
import pypdf

from tests.browser.conftest import log_in


def test_moderate_publish_answer_and_download_reports(new_context):
    resident = new_context(javascript=False).new_page()
    resident.goto("/ar/feedback/new/?commune=09.551.01.07")
    resident.check("input[name=kind][value=complaint]")
    resident.fill("#id_text", "الإنارة العمومية في حي النهضة معطلة منذ شهر")
    resident.click("form.feedback-form button[type=submit]")
    code = resident.locator(".tracking-code").inner_text().strip()

    staff = new_context(javascript=False).new_page()
    log_in(staff, "demo-staff")
    staff.goto(f"/ar/inbox/?q={code}")
    staff.goto("/ar/inbox/?q=حي النهضة")
    staff.click(f"a:has-text('{code}')")
    staff.click("form[action$='/publish/'] button")
    staff.fill("#id_answer", "تمت برمجة الإصلاح هذا الأسبوع")
    staff.click("form[action$='/answer/'] button")
    assert staff.locator(".message-success").count() >= 1

    commune = new_context(javascript=False).new_page()
    commune.goto("/ar/communes/09.551.01.07/")
    assert "الإنارة العمومية في حي النهضة" in commune.content()
    assert "تمت برمجة الإصلاح هذا الأسبوع" in commune.content()
    resident.goto(f"/ar/feedback/{code}/")
    assert "تمت برمجة الإصلاح" in resident.content()

    staff.goto("/ar/reports/")
    with staff.expect_download() as xlsx_download:
        staff.click("a[href^='/ar/reports/download/xlsx/']")
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    book = openpyxl.load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    titles = " ".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row)
    assert "رقمنة" in titles or "الجماعة" in titles
    assert book.worksheets[0].sheet_view.rightToLeft

    with staff.expect_download() as pdf_download:
        staff.click("a[href^='/ar/reports/download/pdf/']")
    reader = pypdf.PdfReader(io.BytesIO(pdf_download.value.path().read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "الجماعة" in text or "التوصية" in text
