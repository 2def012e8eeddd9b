"""Search as a reader means it: the same feedback found whatever form either side wrote —
hamza and taa marbuta, article and attached particles, singular and plural, broken plurals
(الماء / المياه), French accents — and nothing found inside another word. The table runs on the
database of the run: SQLite under `make test` on a laptop, PostgreSQL in CI."""

import pytest

from consultations.models import Feedback
from consultations.selectors.feedback import feedback_search
from tests.consultations.conftest import submit
from text.arabic import normalise

pytestmark = pytest.mark.django_db

CORPUS = {
    "water": "الماء مقطوع في الدوار منذ أسبوعين",
    "wells": "الآبار جفت ونطلب حفر بئر جديد للمياه الصالحة للشرب",
    "roads": "الطرق المؤدية إلى الدواوير مقطوعة بعد الأمطار",
    "street": "الطريق الرئيسي في حي السلام مليء بالحفر",
    "method": "طريقة استقبال المواطنين في مكتب الحالة المدنية غير لائقة",
    "schools": "المدارس في الجماعة تحتاج إلى ترميم",
    "school": "مدرستنا بلا ماء ولا مراحيض",
    "sky": "السماء صافية والحرارة مرتفعة في الصيف",
    "administration": "ادارة المصالح الجماعية لا تجيب على الطلبات",
    "women": "النساء في القرى لا يجدن من يستمع إليهن",
    "health": "المستوصف يفتقر إلى الأدوية والأطباء",
    "palms": "النخيل في الواحة يموت بسبب الجفاف",
    "lights": "الأعمدة الكهربائية في الحي بلا مصابيح",
    "youth": "شباب الجماعة يطالبون بملعب للقرب",
    "documents": "الوثائق الإدارية تتأخر كثيرا",
    "french_roads": "Les routes de la commune sont en très mauvais état",
    "french_school": "L'école du douar n'a pas d'eau",
}

TABLE = [
    # (query, must find, must not find)
    ("الماء", {"water", "school"}, {"sky"}),
    ("المياه", {"water", "wells", "school"}, {"sky"}),
    ("ماء", {"water", "wells", "school"}, {"sky"}),
    ("بالماء", {"water", "wells"}, {"sky"}),
    ("للمياه", {"water", "wells"}, set()),
    ("بئر", {"wells"}, set()),
    ("الابار", {"wells"}, set()),
    ("طريق", {"roads", "street"}, {"method"}),
    ("الطرق", {"roads", "street"}, {"method"}),
    ("الطرقات", {"roads", "street"}, {"method"}),
    ("طريقة", {"method"}, {"roads", "street"}),
    ("مدرسة", {"schools", "school"}, set()),
    ("المدارس", {"schools", "school"}, set()),
    ("للمدرسة", {"schools", "school"}, set()),
    ("السماء", {"sky"}, {"water", "school"}),
    ("إدارة", {"administration"}, set()),
    ("الادارة", {"administration"}, set()),
    ("الجماعه", {"schools", "youth"}, set()),
    ("جماعة", {"schools", "youth"}, set()),
    ("امرأة", {"women"}, set()),
    ("نساء", {"women"}, set()),
    ("قرية", {"women"}, set()),
    ("دوار", {"water", "roads"}, set()),
    ("الدواوير", {"water", "roads"}, set()),
    ("الدواء", {"health"}, set()),
    ("طبيب", {"health"}, set()),
    ("نخلة", {"palms"}, set()),
    ("واحات", {"palms"}, set()),
    ("مصباح", {"lights"}, set()),
    ("عمود", {"lights"}, set()),
    ("شاب", {"youth"}, set()),
    ("وثيقة", {"documents"}, set()),
    ("الماء الدوار", {"water"}, {"wells", "roads", "school"}),
    ("route", {"french_roads"}, set()),
    ("ROUTES", {"french_roads"}, set()),
    ("ecole", {"french_school"}, set()),
    ("écoles", {"french_school"}, set()),
    ("حديقة", set(), set(CORPUS)),
]


def test_normalisation_of_arabic_spellings():
    assert normalise("إدارة") == normalise("ادارة") == normalise("أدارة")
    assert normalise("الجماعه") == normalise("الجماعة") == normalise("الجَمَاعَة")
    assert normalise("الجماعـــة") == normalise("الجماعة")
    assert normalise("مستشفي") == normalise("مستشفى")


def test_the_table_has_at_least_thirty_real_queries():
    assert len(TABLE) >= 30


@pytest.fixture
def corpus(tata):
    ids = {name: submit(tata, text=text).pk for name, text in CORPUS.items()}
    return {pk: name for name, pk in ids.items()}


@pytest.mark.parametrize(
    ("query", "must", "must_not"), TABLE, ids=[f"query-{n:02d}" for n in range(len(TABLE))]
)
def test_a_query_finds_what_a_reader_means(corpus, query, must, must_not):
    found = {
        corpus[pk]
        for pk in feedback_search(Feedback.objects.all(), query).values_list("pk", flat=True)
    }
    assert must <= found, f"missing: {must - found}"
    assert not (must_not & found), f"wrongly found: {must_not & found}"


def test_more_mentions_rank_first(tata):
    once = submit(tata, text="الماء مقطوع").pk
    thrice = submit(tata, text="الماء ثم المياه ثم الماء مرة أخرى").pk
    ranked = list(feedback_search(Feedback.objects.all(), "ماء").values_list("pk", flat=True))
    assert ranked.index(thrice) < ranked.index(once)


def test_an_empty_query_finds_everything(corpus):
    assert feedback_search(Feedback.objects.all(), "   ").count() == len(CORPUS)


def test_inbox_search_box(client, tata, councillor):
    submit(tata, text="ادارة المصالح الجماعية لا تجيب على الطلبات")
    submit(tata, text="الماء مقطوع في الدوار منذ أسبوعين")
    client.force_login(councillor)
    html = client.get("/ar/inbox/", {"q": "إدارة"}).content.decode()
    assert "ادارة المصالح" in html and "الماء مقطوع" not in html
    html = client.get("/ar/inbox/", {"q": "المياه"}).content.decode()
    assert "الماء مقطوع" in html and "ادارة المصالح" not in html
