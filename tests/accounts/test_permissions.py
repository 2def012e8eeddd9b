"""Whose commune a person acts for: a councillor's council's commune, and nobody else's, even
someone recorded with a body who is not a councillor."""

import pytest

from accounts.permissions import councillor_commune_id
from territory.models import Body
from tests.factories import CouncillorFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_a_councillor_acts_for_the_commune_of_their_council(reference_data):
    council = Body.objects.get(slug="council-09-551-01-07")
    assert councillor_commune_id(CouncillorFactory(body=council)) == council.commune_id
    assert councillor_commune_id(StaffFactory(body=council)) is None
    assert councillor_commune_id(UserFactory(body=council)) is None
