from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from accounts.models import User
from recommendations.models import Commitment, Milestone, Recommendation, StatusUpdate
from recommendations.permissions import can_manage_commitments
from recommendations.services.commitments import (
    EDITABLE_FIELDS,
    commitment_create,
    commitment_edit,
)
from recommendations.services.milestones import milestone_create
from web.admin_mixins import ReadOnlyAdminMixin


class StaffOnly:
    """Admin access follows the portal's predicate, not Django's per-model permissions."""

    def has_module_permission(self, request):
        return can_manage_commitments(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_commitments(request.user)

    def has_add_permission(self, request):
        return can_manage_commitments(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_commitments(request.user)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Recommendation)
class RecommendationAdmin(TranslationAdmin):
    list_display = ("number", "title", "theme")
    search_fields = ("title_ar", "title_fr", "title_en", "text_ar")


@admin.register(Commitment)
class CommitmentAdmin(StaffOnly, TranslationAdmin):
    list_display = ("title", "recommendation", "body", "level", "progress", "target_date")
    list_filter = ("level", "recommendation", "body__kind", "is_public", "is_demo")
    list_select_related = ("recommendation", "body")
    search_fields = ("title_ar", "title_fr", "title_en")
    # A plain multiple select: the admin's two-box widget fails axe (aria-label on a span).
    # The state moves only through status updates, on the public timeline.
    readonly_fields = ("level", "progress", "version", "last_update_at", "created_at")

    def save_model(self, request, obj, form, change):
        values = {f: form.cleaned_data[f] for f in EDITABLE_FIELDS if f in form.cleaned_data}
        if change:
            commitment_edit(user=request.user, commitment_id=obj.pk, **values)
        else:
            created = commitment_create(user=request.user, **values)
            obj.pk = created.pk

    def save_related(self, request, form, formsets, change):
        # Owners go through the service too (they must sit on the owning body), after the row
        # exists.
        commitment_edit(
            user=request.user,
            commitment_id=form.instance.pk,
            owners=form.cleaned_data.get("owners", []),
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "owners":
            kwargs["queryset"] = User.objects.filter(role=User.Role.COUNCILLOR)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Milestone)
class MilestoneAdmin(StaffOnly, TranslationAdmin):
    list_display = ("title", "commitment", "due_date", "weight", "done_on")
    list_select_related = ("commitment",)
    autocomplete_fields = ("commitment",)
    readonly_fields = ("done_on",)

    def get_readonly_fields(self, request, obj=None):
        # A planned milestone is fixed: its weight and date are on the record. Ticks come from
        # the owners' page; a wrong plan is corrected with a new milestone.
        if obj is not None:
            return ("commitment", "title_ar", "due_date", "weight", "done_on")
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)  # translations only
            return
        data = form.cleaned_data
        created = milestone_create(
            user=request.user,
            commitment_id=data["commitment"].pk,
            title_ar=data.get("title_ar", ""),
            title_fr=data.get("title_fr", ""),
            title_en=data.get("title_en", ""),
            due_date=data["due_date"],
            weight=data["weight"],
        )
        obj.pk = created.pk


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the timeline is append-only, here too."""

    list_display = ("commitment", "kind", "author", "created_at", "level_after", "progress_after")
    list_filter = ("kind", "level_after")
    list_select_related = ("commitment", "author")
    search_fields = ("note",)

    def has_module_permission(self, request):
        return can_manage_commitments(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_commitments(request.user)
