from django.db import models
from django.utils.translation import gettext_lazy as _


class Commune(models.Model):
    """One of the 20 territorial communes of Tata province."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        RURAL = "rural", _("Rural commune")

    code = models.CharField(_("official code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    cercle = models.CharField(_("cercle"), max_length=80, blank=True)
    aliases = models.CharField(
        _("other spellings"),
        max_length=500,
        blank=True,
        help_text=_(
            "Other ways people write the name, separated by commas (Aqqa, اقا): the commune "
            "search finds them too."
        ),
    )
    name_uncertain = models.BooleanField(
        _("Arabic spelling uncertain"),
        default=False,
        help_text=_("Public sources spell this name in several ways; staff should confirm it."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name


class Body(models.Model):
    """Who can own a commitment: a commune council, a higher council, a forum, a public service."""

    class Kind(models.TextChoices):
        COMMUNE_COUNCIL = "commune_council", _("Commune council")
        PROVINCIAL_COUNCIL = "provincial_council", _("Provincial council")
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        FORUM = "forum", _("Organising forum")
        OBSERVATORY = "observatory", _("Observatory")
        PUBLIC_SERVICE = "public_service", _("Public service")

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
    )

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="commune_council") | models.Q(commune__isnull=False),
                name="commune_council_has_commune",
            ),
            models.UniqueConstraint(
                fields=["commune"],
                condition=models.Q(kind="commune_council"),
                name="one_council_per_commune",
            ),
        ]

    def __str__(self):
        return self.name
