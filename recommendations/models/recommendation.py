from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Recommendation(models.Model):
    """One of the nine recommendations of the Tata consultation (December 2021)."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1)]
    )
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=120)
    text = models.TextField(
        _("text"), help_text=_("The Arabic text is the wording of the December 2021 report.")
    )
    addressees = models.CharField(_("main addressees"), max_length=250, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return f"{self.number}. {self.title}"
