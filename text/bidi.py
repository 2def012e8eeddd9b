"""Unicode isolates for plain text (PDF paragraphs, e-mails, SMS): a date, a figure or a code
keeps its own order inside a sentence of the other direction, without an element around it."""

FSI, PDI = "\u2068", "\u2069"


def isolated(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else ""
