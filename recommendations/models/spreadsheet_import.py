from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SpreadsheetImport(models.Model):
    """One spreadsheet staff imported (or only previewed): who, when, which file (its SHA-256),
    and what it did. The file is kept, so the record says exactly what was read."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed, not imported")
        IMPORTED = "imported", _("Imported")
        REFUSED = "refused", _("Refused: errors to correct")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    file = models.FileField(_("file"), upload_to="imports/%Y/")
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREVIEWED
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    # {"created": n, "changed": n, "unchanged": n, "errors": n}
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")

    def __str__(self):
        return f"{self.file_name} ({self.sha256[:12]})"
