"""HTML for the long lists of the public pages, built in Python.

A page lists up to fifty commitments or a whole matrix: through the template engine each row
costs dozens of node renders, a URL reversal and several translation calls. Here labels and
link prefixes are worked out once per list and each row is one `format_html`; rows that only
change with their commitment (its version) or the day are kept in the fragment cache.
"""
