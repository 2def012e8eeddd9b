from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from consultations.models import (
    Committee,
    Feedback,
    FeedbackEvent,
    Meeting,
    MeetingEvent,
    Member,
)
from web.admin_mixins import ReadOnlyAdminMixin


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(TranslationAdmin):
    list_display = ("name", "commune", "kind", "is_active")
    list_filter = ("kind", "is_active", "commune")
    inlines = [MemberInline]


class MeetingEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = MeetingEvent
    extra = 0
    readonly_fields = ("action", "actor", "at", "detail")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    inlines = [MeetingEventInline]
    list_display = ("committee", "starts_at", "status")
    list_filter = ("status",)
    list_select_related = ("committee",)
    date_hierarchy = "starts_at"


class FeedbackEventInline(admin.TabularInline):
    model = FeedbackEvent
    extra = 0
    can_delete = False
    readonly_fields = ("action", "actor", "at", "detail")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the lifecycle goes through the inbox, where every action is recorded."""

    list_display = ("tracking_code", "commune", "kind", "state", "is_published", "created_at")
    list_filter = ("state", "kind", "is_published", "commune")
    search_fields = ("tracking_code",)
    list_select_related = ("commune",)
    inlines = [FeedbackEventInline]
