"""The resident's loop, on a 360 x 740 phone in Arabic with JavaScript off: find Tata, send a
voice message with a phone number, be told by SMS, come back with the code typed any old way,
say the answer did not help; the councillor's side on their own phone, playing the recording.
Then the same by e-mail, and with a gateway that fails twice."""

import email
import email.policy
import re

import pytest

from tests import audio_samples
from tests.browser.conftest import log_in, screenshot
from tests.servers import wait_until

PHONE_TYPED = "06 12 34 56 78"
PHONE = "+212612345678"


def sms_with(gateway, code: str, words: str) -> list[dict]:
    return [m for m in gateway.messages if code in m["text"] and words in m["text"]]


def mails_to(sink, address: str, code: str) -> list[email.message.EmailMessage]:
    found = []
    for raw in list(sink.messages):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",)).get_content()
        if address in message["To"] and code in message["Subject"] + body:
            found.append(message)
    return found


def send_feedback(page, *, contact: str, voice=None, text: str = "") -> str:
    """From the home page to the confirmation, as a resident would: returns the code."""
    page.goto("/")
    link = page.locator("main a[href='/ar/communes/']").first
    box = link.bounding_box()
    assert box and box["y"] + box["height"] <= 740, "the commune list is on the first screen"
    link.click()
    page.fill("#commune-q", "طاطا")
    page.click("form.search-box button[type=submit]")
    assert page.locator("a.commune-name").all_inner_texts() == ["طاطا"]
    page.click("a.commune-name")
    assert page.locator("h1").inner_text() == "طاطا"
    page.click("a[href^='/ar/feedback/new/?commune=09.551.01.07']")
    page.check("input[name=kind][value=complaint]")
    if text:
        page.fill("#id_text", text)
    if voice:
        page.set_input_files("#id_voice", str(voice))
    page.fill("#id_contact", contact)
    page.check("#id_consent_to_contact")
    page.click("form.feedback-form button[type=submit]")
    code = page.locator(".tracking-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", code)
    return code


def councillor_answers(new_context, code: str, answer: str, *, voice_seconds=None):
    """The councillor of Tata, on a phone with JavaScript: finds the feedback by its code,
    hears the recording, sees the number to call, answers."""
    page = new_context(javascript=True).new_page()
    log_in(page, "demo-councillor-tata")
    page.goto(f"/ar/inbox/?q={code.lower()}")
    page.click(f"a:has-text('{code}')")
    if voice_seconds:
        duration = page.evaluate(
            """async () => {
                const audio = document.querySelector("audio.voice-player");
                audio.preload = "auto";
                audio.load();
                await new Promise((ok, fail) => {
                    audio.onloadedmetadata = ok;
                    audio.onerror = () => fail(new Error("cannot play: " + audio.error.code));
                });
                return audio.duration;
            }"""
        )
        assert duration == pytest.approx(voice_seconds, abs=0.1)
        assert page.locator("a.tel-link").get_attribute("href") == f"tel:{PHONE}"
        screenshot(page, "inbox-voice-ar")
    page.fill("#id_answer", answer)
    page.click("form[action$='/answer/'] button[type=submit]")
    assert page.locator(".messages, [role=status]").first.is_visible()
    page.close()


def test_the_whole_loop_by_sms(new_context, sms_gateway, mail_sink, tmp_path):
    voice = tmp_path / "recording.wav"
    voice.write_bytes(audio_samples.wav(4.0, rate=8000))
    resident = new_context(javascript=False).new_page()
    code = send_feedback(resident, contact=PHONE_TYPED, voice=voice)
    screenshot(resident, "feedback-voice-sent-ar")

    assert wait_until(lambda: sms_with(sms_gateway, code, "سُجلت"), timeout=15)
    (received,) = sms_with(sms_gateway, code, "سُجلت")
    assert received["to"] == PHONE and len(received["text"]) <= 134

    councillor_answers(
        new_context, code, "سيتم إصلاح الإنارة العمومية في الحي يوم الاثنين.", voice_seconds=4.0
    )
    assert wait_until(lambda: sms_with(sms_gateway, code, "أجيب"), timeout=15)
    (answered,) = sms_with(sms_gateway, code, "أجيب")
    assert answered["to"] == PHONE and f"/f/{code}" in answered["text"]

    resident.goto("/ar/")
    resident.fill("#follow-code-home", code.lower().replace("-", ""))
    resident.click("form.follow-box:has(#follow-code-home) button")
    assert resident.url.endswith(f"/ar/feedback/{code}/")
    assert "سيتم إصلاح الإنارة العمومية" in resident.locator(".answer").inner_text()
    screenshot(resident, "feedback-answered-ar")

    resident.check("input[name=helped][value=no]")
    resident.fill("#id_reason", "ما زال الحي مظلما")
    resident.click("form.verdict-form button[type=submit]")
    assert "أعيد فتح مراسلتكم" in resident.content()
    assert resident.locator(".state").inner_text().strip() != "تمت الإجابة"
    assert "أعيد فتحها" in resident.locator("ol.history").inner_text()
    screenshot(resident, "feedback-reopened-ar")

    assert wait_until(lambda: mails_to(mail_sink, "demo-staff@", code), timeout=15)
    staff = new_context(javascript=False).new_page()
    log_in(staff, "demo-staff")
    staff.goto(f"/ar/inbox/?q={code}")
    staff.click(f"a:has-text('{code}')")
    assert "ما زال الحي مظلما" in staff.content()


def test_the_loop_by_email(new_context, mail_sink):
    resident = new_context(javascript=False).new_page()
    code = send_feedback(
        resident,
        contact="Resident.Tata@example.ma",
        text="الماء مقطوع عن الدوار منذ ثلاثة أيام ولم يأت أحد",
    )
    address = "resident.tata@example.ma"
    assert wait_until(lambda: mails_to(mail_sink, address, code), timeout=15)
    councillor_answers(new_context, code, "أرسلنا صهريجا إلى الدوار صباح اليوم.")
    assert wait_until(lambda: len(mails_to(mail_sink, address, code)) == 2, timeout=15)
    answer_mail = mails_to(mail_sink, address, code)[1]
    body = answer_mail.get_body(preferencelist=("plain",)).get_content()
    assert "أرسلنا صهريجا" in body
    link = re.search(r"http://127\.0\.0\.1:\d+/f/[2-9A-Z-]+", body).group(0)
    resident.goto(link)
    assert resident.url.endswith(f"/ar/feedback/{code}/")
    assert "أرسلنا صهريجا" in resident.locator(".answer").inner_text()


def test_a_gateway_that_fails_twice_delivers_one_sms(new_context, sms_gateway):
    before = sms_gateway.requests
    sms_gateway.fail(2, status=503)
    resident = new_context(javascript=False).new_page()
    code = send_feedback(resident, contact="0700112233", text="الطريق إلى المدرسة مقطوعة بالرمال")
    assert wait_until(lambda: sms_with(sms_gateway, code, "سُجلت"), timeout=15)
    assert len([m for m in sms_gateway.messages if code in m["text"]]) == 1
    assert sms_gateway.requests - before == 3
