from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from territory.models import Commune


class Committee(models.Model):
    """A commune's consultative body: the civic consultation committee (law 113-14, art. 119),
    the equality, equal opportunity and gender commission (art. 120), or another."""

    class Kind(models.TextChoices):
        CIVIC = "civic", _("Civic consultation committee")
        EQUALITY = "equality", _("Equality, equal opportunity and gender commission")
        OTHER = "other", _("Other consultative body")

    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="committees"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(_("mandate"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["commune__code", "kind", "pk"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return self.name


class Member(models.Model):
    """A committee member. Names and contacts are personal data: the public sees only counts."""

    class Group(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        YOUTH = "youth", _("Youth")
        WOMEN = "women", _("Women")
        ELECTED = "elected", _("Elected member")
        ADMINISTRATION = "administration", _("Administration")
        OTHER = "other", _("Other")

    class Sex(models.TextChoices):
        FEMALE = "female", _("Woman")
        MALE = "male", _("Man")

    class AgeGroup(models.TextChoices):
        UNDER_25 = "under_25", _("Under 25")
        FROM_25_TO_34 = "25_34", _("25 to 34")
        FROM_35_TO_54 = "35_54", _("35 to 54")
        FROM_55 = "55_plus", _("55 and over")

    # Young, for the parity figures: under 35 (consultations.selectors.parity).
    YOUNG = (AgeGroup.UNDER_25, AgeGroup.FROM_25_TO_34)

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        RAPPORTEUR = "rapporteur", _("Rapporteur")
        MEMBER = "member", _("Member")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("name"), max_length=150)
    group = models.CharField(_("group represented"), max_length=20, choices=Group.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_memberships",
    )
    contact = models.CharField(_("contact"), max_length=150, blank=True)
    # Optional, personal data under the same rules as the contact: only counts are public.
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True)
    since = models.DateField(_("member since"))
    until = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        ordering = ["committee", "role", "name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.name
