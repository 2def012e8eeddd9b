from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page):
    """1 … 4 5 [6] 7 8 … 40: the page numbers worth a link (the ellipsis as None)."""
    ellipsis = page.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
