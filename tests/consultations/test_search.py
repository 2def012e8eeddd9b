import pytest

from consultations.models import Feedback
from consultations.selectors.feedback import feedback_search
from tests.consultations.conftest import submit
from text.arabic import normalise

pytestmark = pytest.mark.django_db


def test_normalisation_of_arabic_spellings():
    assert normalise("إدارة") == normalise("ادارة") == normalise("أدارة")
    assert normalise("الجماعه") == normalise("الجماعة") == normalise("الجَمَاعَة")
    assert normalise("الجماعـــة") == normalise("الجماعة")
    assert normalise("مستشفي") == normalise("مستشفى")


def found(query):
    return set(feedback_search(Feedback.objects.all(), query).values_list("text", flat=True))


def test_search_finds_spelling_variants_everywhere(tata):
    submit(tata, text="ادارة المصالح الجماعية لا تجيب على الطلبات")
    submit(tata, text="الماء مقطوع في الدوار منذ أسبوعين")
    assert found("إدارة") == {"ادارة المصالح الجماعية لا تجيب على الطلبات"}
    assert found("الماء") == {"الماء مقطوع في الدوار منذ أسبوعين"}
    assert found("") == found("   ") and len(found("")) == 2


def test_arabic_full_text_search_on_postgresql(require_postgres, tata):
    submit(tata, text="مشاكل الجماعات القروية مع الطرق كثيرة")
    submit(tata, text="الإدارة الإلكترونية غير متاحة في الدواوير")
    submit(tata, text="Les routes sont en mauvais état")
    assert found("الجماعة") == {"مشاكل الجماعات القروية مع الطرق كثيرة"}
    assert found("الجماعه") == {"مشاكل الجماعات القروية مع الطرق كثيرة"}
    assert found("ادارة") == {"الإدارة الإلكترونية غير متاحة في الدواوير"}
    assert found("إدارة") == {"الإدارة الإلكترونية غير متاحة في الدواوير"}


def test_inbox_search_box(client, tata, councillor):
    submit(tata, text="ادارة المصالح الجماعية لا تجيب على الطلبات")
    submit(tata, text="الماء مقطوع في الدوار منذ أسبوعين")
    client.force_login(councillor)
    html = client.get("/ar/inbox/", {"q": "إدارة"}).content.decode()
    assert "ادارة المصالح" in html and "الماء مقطوع" not in html
