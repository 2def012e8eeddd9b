from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from recommendations.forms import MilestoneDoneForm, StatusUpdateForm
from recommendations.models import Milestone, StatusUpdate
from recommendations.permissions import (
    can_read_commitment,
    can_tick_milestone,
    can_update_commitment,
)
from recommendations.selectors.commitments import (
    commitment_get,
    commitment_timeline_ids,
    commitment_updates_since,
)
from recommendations.services.milestones import milestone_mark_done
from recommendations.services.timeline import CommitmentVersionConflict
from recommendations.services.updates import commitment_record_update
from uploads.serving import checked_file_response
from uploads.thumbnails import thumbnail_of
from web.forms import add_service_errors
from web.page_cache import cache_public_page
from web.pagination import page_of
from web.refusal import refuse


@require_safe
@cache_public_page(
    scopes=lambda request, commitment_id: [f"commitment:{commitment_id}"], query=("page",)
)
def commitment_detail(request, commitment_id: int):
    commitment = commitment_get(commitment_id=commitment_id)
    if not can_read_commitment(request.user, commitment):
        raise Http404
    return _render_detail(request, commitment)


def _render_detail(request, commitment, *, tick_form=None, ticked_id=None, status=200):
    """The commitment's page; after a refused tick, with that milestone's form as it was sent
    and its errors, so nothing typed is lost."""
    context = {
        "commitment": commitment,
        "timeline": page_of(commitment_timeline_ids(commitment=commitment), request, size=20),
        "can_update": can_update_commitment(request.user, commitment),
        "tick_form": tick_form,
        "ticked_id": ticked_id,
    }
    return render(request, "recommendations/commitment_detail.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def commitment_update(request, commitment_id: int):
    commitment = commitment_get(commitment_id=commitment_id)
    if not can_update_commitment(request.user, commitment):
        return refuse(request)
    conflict = None
    if request.method == "POST":
        form = StatusUpdateForm(request.POST, request.FILES, commitment=commitment)
        if form.is_valid():
            data = form.cleaned_data
            try:
                commitment_record_update(
                    user=request.user,
                    commitment_id=commitment.pk,
                    expected_version=data["version"],
                    level=data["level"],
                    progress=data["progress"],
                    note=data["note"],
                    evidence_file=data["evidence_file"],
                    evidence_link=data["evidence_link"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            except CommitmentVersionConflict as exc:
                conflict = _conflict_context(exc, form)
            else:
                messages.success(request, _("Your update is on the public timeline."))
                return redirect("commitment_detail", commitment_id=commitment.pk)
    else:
        form = StatusUpdateForm(commitment=commitment)
    context = {"commitment": commitment, "form": form, "conflict": conflict}
    status = 409 if conflict else 400 if form.is_bound and form.errors else 200
    return render(request, "recommendations/commitment_update.html", context, status=status)


def _conflict_context(exc: CommitmentVersionConflict, form) -> dict:
    """Keep everything the loser typed, but on the current version so a resend is deliberate."""
    current = exc.commitment
    form.data = form.data.copy()
    form.data["version"] = str(current.version)
    return {
        "message": exc.message,
        "current": current,
        "changes": commitment_updates_since(commitment=current, version=exc.seen_version),
    }


@require_POST
def milestone_done(request, milestone_id: int):
    milestone = get_object_or_404(Milestone.objects.select_related("commitment"), pk=milestone_id)
    if not can_tick_milestone(request.user, milestone):
        return refuse(request)
    form = MilestoneDoneForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            milestone_mark_done(
                user=request.user,
                milestone_id=milestone.pk,
                done_on=data["done_on"],
                evidence_file=data["evidence_file"],
                evidence_link=data["evidence_link"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except CommitmentVersionConflict as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Milestone marked done."))
            return redirect("commitment_detail", commitment_id=milestone.commitment_id)
    commitment = commitment_get(commitment_id=milestone.commitment_id)
    return _render_detail(request, commitment, tick_form=form, ticked_id=milestone.pk, status=400)


@require_safe
def evidence_file(request, update_id: int):
    """Evidence is served through here, never from a public folder: the commitment's read
    permission applies, and the type is the one checked at upload."""
    update = get_object_or_404(StatusUpdate.objects.select_related("commitment"), pk=update_id)
    if not update.evidence_file or not can_read_commitment(request.user, update.commitment):
        raise Http404
    return checked_file_response(update.evidence_file)


@require_safe
def evidence_thumbnail(request, update_id: int):
    """A photo's thumbnail, under the same permission as the photo; PDFs have none."""
    update = get_object_or_404(StatusUpdate.objects.select_related("commitment"), pk=update_id)
    if (
        update.evidence_kind != StatusUpdate.EvidenceKind.IMAGE
        or not update.evidence_file
        or not can_read_commitment(request.user, update.commitment)
    ):
        raise Http404
    storage = update.evidence_file.storage
    name = thumbnail_of(update.evidence_file)
    response = FileResponse(storage.open(name, "rb"), content_type="image/webp")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response
