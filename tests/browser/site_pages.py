"""Every page of the portal a browser test visits, found from the demo data as a visitor
finds them: the public pages, a councillor's and a staff member's."""


def discover(page, lang: str) -> dict:
    """Addresses of the demo data's objects, found as a visitor finds them."""
    found = {}
    page.goto(f"/{lang}/communes/09.551.01.07/")
    found["commitment"] = page.locator(".commitment-list a.commitment-title").first.get_attribute(
        "href"
    )
    found["committee"] = page.locator("a[href*='/committees/']").first.get_attribute("href")
    page.goto(found["committee"])
    found["meeting"] = page.locator("a[href*='/meetings/']").first.get_attribute("href")
    return found


def pages_for(lang: str, found: dict) -> dict[str, list[str]]:
    commitment, committee, meeting = found["commitment"], found["committee"], found["meeting"]
    return {
        "anonymous": [
            f"/{lang}/",
            f"/{lang}/matrix/",
            f"/{lang}/recommendations/7/",
            f"/{lang}/communes/",
            f"/{lang}/communes/09.551.01.07/",
            commitment,
            committee,
            meeting,
            f"/{lang}/feedback/new/",
            f"/{lang}/feedback/follow/",
            f"/{lang}/feedback/answers/",
            f"/{lang}/scorecard/",
            f"/{lang}/privacy/",
            "/open-data/",
            f"/{lang}/accounts/login/",
        ],
        "demo-councillor-tata": [
            f"/{lang}/my/",
            f"{commitment}update/",
            f"/{lang}/inbox/",
            "INBOX_DETAIL",
            f"/{lang}/communes/09.551.01.07/committees/new/",
            f"{committee}members/new/",
            f"{committee}meetings/new/",
            f"{meeting}record/",
            f"{committee}",
            f"{meeting}decisions/new/",
            f"/{lang}/my/notifications/",
            f"/{lang}/my/preferences/",
        ],
        "demo-staff": [f"/{lang}/my/", f"/{lang}/reports/", f"/{lang}/inbox/", f"/{lang}/imports/"],
    }


def visit_every_page(new_context, lang: str, *, also_for_staff=(), **context_options):
    """Open every page in turn, as the role that sees it; yields (role, path, response) with the
    page shown. `also_for_staff`: more paths for the staff member (the admin's pages)."""
    from tests.browser.conftest import log_in

    for role, paths in pages_for(lang, discover(new_context().new_page(), lang)).items():
        page = new_context(**context_options).new_page()
        if role != "anonymous":
            log_in(page, role, lang)
        if role == "demo-staff":
            paths = [*paths, *also_for_staff]
        for path in paths:
            if path == "INBOX_DETAIL":
                page.goto(f"/{lang}/inbox/")
                path = page.locator("table.inbox a").first.get_attribute("href")
            yield role, page, path, page.goto(path)
