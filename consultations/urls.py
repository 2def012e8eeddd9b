from django.urls import path

from consultations.views import (
    answers,
    committees,
    commune,
    communes,
    feedback_follow,
    feedback_new,
    inbox,
)

urlpatterns = [
    path("communes/", communes.commune_list_page, name="commune_list"),
    path("communes/<str:code>/", commune.commune_detail, name="commune_detail"),
    path("communes/<str:code>/committees/new/", committees.committee_new, name="committee_new"),
    path("committees/<int:committee_id>/", committees.committee_detail, name="committee_detail"),
    path("committees/<int:committee_id>/members/new/", committees.member_new, name="member_new"),
    path("committees/<int:committee_id>/meetings/new/", committees.meeting_new, name="meeting_new"),
    path("meetings/<int:meeting_id>/", committees.meeting_detail, name="meeting_detail"),
    path(
        "meetings/<int:meeting_id>/minutes.pdf",
        committees.meeting_minutes_pdf,
        name="meeting_minutes_pdf",
    ),
    path("meetings/<int:meeting_id>/record/", committees.meeting_record, name="meeting_record"),
    path("meetings/<int:meeting_id>/decisions/new/", committees.decision_new, name="decision_new"),
    path("feedback/new/", feedback_new.feedback_new, name="feedback_new"),
    path("feedback/follow/", feedback_follow.feedback_lookup, name="feedback_lookup"),
    path("feedback/answers/", answers.answers_page, name="feedback_answers"),
    path("feedback/<str:code>/", feedback_follow.feedback_follow, name="feedback_follow"),
    path(
        "feedback/<str:code>/erase/",
        feedback_follow.feedback_erase_contact,
        name="feedback_erase",
    ),
    path("feedback/<str:code>/helped/", feedback_follow.feedback_verdict, name="feedback_verdict"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/<int:feedback_id>/", inbox.inbox_detail, name="inbox_detail"),
    path("inbox/<int:feedback_id>/voice/", inbox.inbox_voice, name="inbox_voice"),
    path("inbox/<int:feedback_id>/<str:action>/", inbox.inbox_action, name="inbox_action"),
]
