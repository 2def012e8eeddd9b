import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
LOCALE = BASE / "locale"
LANGUAGES = ["ar", "fr"]


def _statistics(po: Path) -> subprocess.CompletedProcess:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt (gettext) is needed; `make` installs it")
    return subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    result = _statistics(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_every_string_of_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings again (in a copy of the tree, as `make catalogues` would): none is
    new, so none is shown untranslated."""
    copy = tmp_path / "tree"
    shutil.copytree(
        BASE,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", "node_modules", "*.mo", "__pycache__"
        ),
    )
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete"]
    command += [f"-l{language}" for language in LANGUAGES]
    command += ["--ignore=.venv", "--ignore=var", "--ignore=bench", "--ignore=tests"]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=300)
    for language in LANGUAGES:
        result = _statistics(copy / "locale" / language / "LC_MESSAGES" / "django.po")
        assert "untranslated" not in result.stderr, (language, result.stderr)
        assert "fuzzy" not in result.stderr, (language, result.stderr)
