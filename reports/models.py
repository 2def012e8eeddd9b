from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMATS = [("csv", "CSV"), ("xlsx", "XLSX"), ("pdf", "PDF"), ("json", "JSON")]


class PublishedReport(models.Model):
    """A report staff made public: the file as it was, and its SHA-256 so anyone can check a
    copy is the one published."""

    title = models.CharField(_("title"), max_length=200)
    format = models.CharField(_("format"), max_length=10, choices=FORMATS)
    language = models.CharField(_("language"), max_length=5)
    as_of = models.DateField(_("as of"))
    filters = models.JSONField(_("filters"), default=dict)
    file = models.FileField(_("file"), upload_to="published/%Y/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("published report")
        verbose_name_plural = _("published reports")

    def __str__(self):
        return self.title


class ReportJob(models.Model):
    """A big report built by a worker; the page shows its progress and offers the file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    format = models.CharField(_("format"), max_length=10, choices=FORMATS)
    language = models.CharField(_("language"), max_length=5)
    params = models.JSONField(_("filters"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="reports/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report job")
        verbose_name_plural = _("report jobs")

    def __str__(self):
        return f"{self.format} {self.created_at:%Y-%m-%d %H:%M}"
