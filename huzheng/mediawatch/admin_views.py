"""News monitoring in the back office (輿情監看): the hits to triage, each taken from new
to not relevant, or relevant → inaccurate → clarification published → closed. Thin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from huzheng.core.services import for_staff
from huzheng.mediawatch import services
from huzheng.mediawatch.models import Hit

VIEW_PERMISSION = "mediawatch.view_hit"
CHANGE_PERMISSION = "mediawatch.change_hit"
MAX_DB_ID = 2**63 - 1


def hits(request):
    _require(request, VIEW_PERMISSION)
    rows = for_staff(Hit.objects.select_related("source", "clarification"), request.user)
    news = (
        Page.objects.live()
        .filter(content_type__model="newspage")
        .order_by("-first_published_at")[:50]
    )
    return render(
        request,
        "mediawatch/admin/hits.html",
        {
            "open": rows.exclude(status__in=["not_relevant", "closed"]),
            "done": rows.filter(status__in=["not_relevant", "closed"])[:50],
            "steps": {status: sorted(steps) for status, steps in services.NEXT_STEPS.items()},
            "news": news,
            "may_change": request.user.has_perm(CHANGE_PERMISSION),
        },
    )


@require_POST
def triage(request, pk):
    _require(request, CHANGE_PERMISSION)
    if pk > MAX_DB_ID:
        raise Http404
    hit = for_staff(Hit.objects.all(), request.user).filter(pk=pk).first()
    if hit is None:
        raise Http404
    page_id = request.POST.get("clarification", "")
    page = None
    if page_id.isdigit() and int(page_id) <= MAX_DB_ID:
        page = Page.objects.filter(pk=int(page_id)).first()
    try:
        services.triage(
            hit,
            request.POST.get("status", "")[:20],
            user=request.user,
            note=request.POST.get("note", "")[:2000],
            clarification=page,
        )
    except services.TriageError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The hit is updated."))
    return redirect("mediawatch_staff:hits")


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
