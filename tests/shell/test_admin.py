import pytest

from accounts.models import User
from territory.models import Body, Commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, reference_data):
    admin = User.objects.create_superuser("root", "root@example.org", "pw", role="admin")
    client.force_login(admin)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/territory/commune/",
        "/admin/territory/body/",
        "/admin/recommendations/recommendation/",
    ],
)
def test_admin_lists_open(admin_client_, path):
    assert admin_client_.get(path).status_code == 200


def test_translated_fields_have_one_labelled_field_per_language(admin_client_):
    """One field per language, one under the other: the tabbed widget failed axe (an unnamed
    language switch, tabs inside list items)."""
    commune = Commune.objects.get(code="09.551.01.07")
    html = admin_client_.get(f"/admin/territory/commune/{commune.pk}/change/").content.decode()
    for language in ("ar", "fr", "en", "zgh"):
        assert f'name="name_{language}"' in html
        assert f'<label for="id_name_{language}"' in html or f'for="id_name_{language}"' in html
    assert "tabbed_translation_fields.js" not in html


def test_admin_edit_of_a_body_name_is_kept(admin_client_):
    body = Body.objects.get(slug="provincial-council")
    data = {
        "slug": body.slug,
        "kind": body.kind,
        "name_ar": "المجلس الإقليمي لعمالة طاطا",
        "name_fr": body.name_fr,
        "name_en": body.name_en,
        "commune": "",
    }
    response = admin_client_.post(f"/admin/territory/body/{body.pk}/change/", data)
    assert response.status_code == 302
    body.refresh_from_db()
    assert body.name_ar == "المجلس الإقليمي لعمالة طاطا"
