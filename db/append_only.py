"""Append-only tables, enforced by PostgreSQL itself: a trigger refuses UPDATE and DELETE on
their rows, whatever the application (or a person at a SQL prompt with the portal's role) does.

`blankable` names the columns the one documented exception may empty: erasing personal data
(consultations.services.feedback._erase). Such an UPDATE passes only if every other column is
unchanged and those columns become empty; anything else still raises.

Elsewhere than PostgreSQL (SQLite for `make run`) the models' own save() and delete() guards
are what remains.
"""

from django.db import migrations


def _sql(table: str, blankable: tuple[str, ...], columns: tuple[str, ...]) -> str:
    function = f"{table}_append_only"
    if blankable:
        kept = ", ".join(f"NEW.{c}" for c in columns if c not in blankable)
        was = ", ".join(f"OLD.{c}" for c in columns if c not in blankable)
        emptied = " AND ".join(f"NEW.{c} = ''" for c in blankable)
        allowed = (
            f"IF TG_OP = 'UPDATE' AND ROW({kept}) IS NOT DISTINCT FROM ROW({was}) "
            f"AND {emptied} THEN RETURN NEW; END IF;"
        )
    else:
        allowed = ""
    return f"""
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {allowed}
  RAISE EXCEPTION 'append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS {function} ON {table};
CREATE TRIGGER {function} BEFORE UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {function}();
"""


def _drop(table: str) -> str:
    function = f"{table}_append_only"
    return f"DROP TRIGGER IF EXISTS {function} ON {table}; DROP FUNCTION IF EXISTS {function}();"


def append_only(table: str, *, columns: tuple[str, ...] = (), blankable: tuple[str, ...] = ()):
    """A migration operation making `table` append-only on PostgreSQL (nothing elsewhere)."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_sql(table, blankable, columns), params=None)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_drop(table), params=None)

    return migrations.RunPython(forward, backward, elidable=False)
