import datetime

import factory

from accounts.models import User
from recommendations.models import Commitment, Milestone, Recommendation
from recommendations.services.rollups import cell_of, rollups_refresh
from territory.models import Body, Commune


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"99.999.{n // 100:02d}.{n % 100:02d}")
    kind = Commune.Kind.RURAL
    name_ar = factory.Sequence(lambda n: f"جماعة {n}")
    name_fr = factory.Sequence(lambda n: f"Commune {n}")
    name_en = factory.SelfAttribute("name_fr")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    commune = factory.SubFactory(CommuneFactory)
    kind = Body.Kind.COMMUNE_COUNCIL
    slug = factory.Sequence(lambda n: f"council-test-{n}")
    name_ar = factory.LazyAttribute(lambda o: f"مجلس {o.commune.name_ar}")
    name_fr = factory.LazyAttribute(lambda o: f"Conseil de {o.commune.name_fr}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    role = User.Role.RESIDENT
    password = factory.django.Password("pw")


class CouncillorFactory(UserFactory):
    role = User.Role.COUNCILLOR
    body = factory.SubFactory(CouncilFactory)


class StaffFactory(UserFactory):
    role = User.Role.STAFF
    is_staff = True


class AdminFactory(UserFactory):
    role = User.Role.ADMIN
    is_staff = True
    is_superuser = True


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation
        django_get_or_create = ("number",)

    number = factory.Sequence(lambda n: n % 9 + 1)
    title_ar = factory.LazyAttribute(lambda o: f"توصية {o.number}")
    title_fr = factory.LazyAttribute(lambda o: f"Recommandation {o.number}")
    theme_ar = "موضوع"
    text_ar = "نص"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    recommendation = factory.SubFactory(RecommendationFactory)
    body = factory.SubFactory(CouncilFactory)
    title_ar = factory.Sequence(lambda n: f"التزام رقم {n}")
    title_fr = factory.Sequence(lambda n: f"Engagement {n}")
    start_date = datetime.date(2024, 1, 1)
    target_date = datetime.date(2027, 12, 31)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As commitment_create does: the roll-ups the pages read count the new commitment.
        commitment = super()._create(model_class, *args, **kwargs)
        rollups_refresh(cells=[cell_of(commitment)])
        return commitment


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    title_ar = factory.Sequence(lambda n: f"مرحلة {n}")
    due_date = datetime.date(2026, 6, 30)
    weight = 1

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A planned step without its timeline entry (tests that count versions rely on it), but
        # with the date the flags read, as the timeline would keep it.
        milestone = super()._create(model_class, *args, **kwargs)
        commitment = milestone.commitment
        due = commitment.milestones.filter(done_on__isnull=True).order_by("due_date").first()
        Commitment.objects.filter(pk=commitment.pk).update(next_due=due and due.due_date)
        return milestone
