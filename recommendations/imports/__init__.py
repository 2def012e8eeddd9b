"""Commitments, milestones and progress updates imported from a spreadsheet (XLSX or CSV).

- `columns`: the three tables a file may hold, their columns and what each means;
- `reading`: the file read into rows of text, with what makes a file unreadable (merged cells,
  formulas, too many rows, unknown columns);
- `rows`: each row's values parsed and checked (dates, numbers, a commune however spelled);
- `runner`: the rows applied through the services, each in a savepoint, all in one transaction
  which a preview rolls back and an import commits only when no row failed;
- `template`: the XLSX template with the columns explained in Arabic and French.
"""
