from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from territory.models import Body


class User(AbstractUser):
    """A person with an account. Residents need none to send feedback; they may have one."""

    class Role(models.TextChoices):
        RESIDENT = "resident", _("Resident")
        COUNCILLOR = "councillor", _("Councillor")
        STAFF = "staff", _("Observatory staff")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text=_("For councillors: the council or body they sit on."),
    )
    is_demo = models.BooleanField(_("demo account"), default=False)

    class DigestFrequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Once a week (Monday)")

    email_reminders = models.BooleanField(
        _("reminders by email"),
        default=True,
        help_text=_("Reminders always appear on your notifications page too."),
    )
    digest_frequency = models.CharField(
        _("digest"), max_length=10, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="councillor") | models.Q(body__isnull=False),
                name="councillor_sits_on_a_body",
            ),
        ]

    @property
    def is_councillor(self) -> bool:
        return self.role == self.Role.COUNCILLOR

    @property
    def is_observatory_staff(self) -> bool:
        """Staff and administrators see and act on every commune."""
        return self.role in (self.Role.STAFF, self.Role.ADMIN) or self.is_superuser
