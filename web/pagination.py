from django.core.paginator import Page, Paginator

# Rows per page of a long public list: a page stays well under 60 KB of HTML at ten times
# today's data, and a phone on a weak connection gets it quickly.
LIST_PAGE_SIZE = 50


def page_of(items, request, *, size: int = LIST_PAGE_SIZE, count: int | None = None) -> Page:
    """The page the query asks for (?page=N); a missing or wrong number gives the first or the
    last page, never an error. `count`, when the caller knows it (a stored roll-up), saves
    counting the rows again, and makes the list as long as the figure that announces it."""
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))


def query_without_page(query) -> str:
    """The query string of a filtered list without its page number: the base of the pager's
    links, so that they keep the filters."""
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()
