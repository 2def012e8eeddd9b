"""Every page, public and back office, as the role that sees it, on a 360 x 740 phone and a
1366 x 900 screen, in Arabic and French: nothing wider than the screen, no table cell clipped
or off-screen, the page's heading on the first screen. And every form, sent wrong, answers with
an error summary that has the focus and links to each field."""

import pytest

from tests.browser.conftest import ARTIFACTS, log_in, screenshot
from tests.browser.site_pages import discover, visit_every_page

# Pages whose phone screenshots go to docs/screenshots/ (shown in the README).
SHOWN = {
    "/{lang}/": "home",
    "/{lang}/communes/": "communes",
    "/{lang}/communes/09.551.01.07/": "commune",
    "/{lang}/feedback/answers/": "answers",
    "/{lang}/my/": "my",
    "/{lang}/inbox/": "inbox",
    "/{lang}/reports/": "reports",
}
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1366, "height": 900}}

PROBLEMS = """() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) {
    problems.push(`the page is ${doc.scrollWidth}px wide in ${doc.clientWidth}px`);
  }
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.trim() : "");
  const hidden = (el) => el.closest(".sr-only, .hp, thead, svg, select, [aria-hidden=true]");
  for (const el of document.body.querySelectorAll("*")) {
    if (hidden(el) || ["INPUT", "TEXTAREA", "SELECT", "OPTION"].includes(el.tagName)) continue;
    if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} holds ${el.scrollWidth}px in ${el.clientWidth}px`);
    }
  }
  for (const cell of document.querySelectorAll("td, th")) {
    if (hidden(cell)) continue;
    const box = cell.getBoundingClientRect();
    if (!box.width) continue;
    if (box.left < -1 || box.right > window.innerWidth + 1) {
      problems.push(`a cell (${cell.innerText.slice(0, 30)}) lies off the screen`);
    }
    if (cell.scrollWidth > cell.clientWidth + 1) {
      problems.push(`a cell (${cell.innerText.slice(0, 30)}) is clipped`);
    }
  }
  const heading = document.querySelector("main h1");
  if (!heading) {
    problems.push("no heading");
  } else {
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      problems.push(`the heading is at ${Math.round(box.top)}-${Math.round(box.bottom)}px`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("lang", ["ar", "fr", "zgh"])
def test_every_page_fits_the_screen(new_context, lang, size):
    failures = []
    for role, page, path, response in visit_every_page(new_context, lang, viewport=SIZES[size]):
        assert response.ok, (path, response.status)
        shown = SHOWN.get(path.replace(f"/{lang}/", "/{lang}/", 1))
        if size == "phone" and shown:
            suffix = "-staff" if role == "demo-staff" else ""
            screenshot(page, f"phone-{lang}-{shown}{suffix}")
        problems = page.evaluate(PROBLEMS)
        if problems:
            shot = f"fit-{lang}-{size}-{path.strip('/').replace('/', '_') or 'home'}"
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
            failures.append((role, path, problems[:5]))
    assert not failures, "\n".join(map(str, failures))


FORMS = [
    # (who, path, what to type before sending: field -> value)
    ("anonymous", "/{lang}/feedback/new/", {}),
    ("anonymous", "/{lang}/accounts/login/", {}),
    ("anonymous", "/{lang}/feedback/follow/?code=1", None),  # sent by its address
    ("demo-councillor-tata", "{commitment}update/", {"#id_note": ""}),
    ("demo-councillor-tata", "/{lang}/communes/09.551.01.07/committees/new/", {}),
    ("demo-councillor-tata", "{committee}members/new/", {}),
    ("demo-councillor-tata", "{committee}meetings/new/", {}),
    ("demo-councillor-tata", "{meeting}decisions/new/", {}),
]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_form_sent_wrong_answers_with_a_focused_summary_linking_to_each_field(new_context, lang):
    found = discover(new_context().new_page(), lang)
    pages = {}
    failures = []
    for who, template, typed in FORMS:
        if who not in pages:
            pages[who] = new_context(javascript=False).new_page()
            if who != "anonymous":
                log_in(pages[who], who, lang)
        page = pages[who]
        page.goto(template.format(lang=lang, **found))
        if typed is not None:
            for selector, value in typed.items():
                page.fill(selector, value)
            page.locator("main form.stacked-form button[type=submit]").first.click()
        summary = page.locator(".error-summary")
        if summary.count() != 1:
            failures.append((template, "no error summary"))
            continue
        focused = page.evaluate("() => document.activeElement.classList.contains('error-summary')")
        links = page.evaluate(
            """() => [...document.querySelectorAll('.error-summary a')].map(a => a.hash.slice(1))
                     .filter(id => !document.getElementById(id))"""
        )
        box = summary.bounding_box()
        if not focused:
            failures.append((template, "the summary does not have the focus"))
        if links:
            failures.append((template, f"links to nothing: {links}"))
        if box["y"] < 0 or box["y"] > 740:
            failures.append((template, f"the summary is off screen at {box['y']}"))
        if (
            "This field is required" in page.content()
            or "Ce champ est obligatoire" in page.content()
        ):
            failures.append((template, "a bare 'this field is required'"))
        if lang == "ar" and template.startswith("/{lang}/feedback/new"):
            screenshot(page, "form-errors-ar")
    assert not failures, failures
