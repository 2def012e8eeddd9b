import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_postgresql_in_ci():
    if os.environ.get("CI", "").lower() != "true":
        pytest.skip("only CI promises PostgreSQL")
    assert connection.vendor == "postgresql"
