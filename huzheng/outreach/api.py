"""The "what next" lists in the API: GET /api/v1/what-next/ and /api/v1/what-next/{event}.
Public and read-only, for partner sites and apps; text in the request's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from huzheng.core.errors import ApiError
from huzheng.core.i18n import localized
from huzheng.outreach.models import LifeEventChecklist

router = Router(tags=["what-next"], auth=None)


class LineOut(Schema):
    task: str
    agency: str
    deadline: str
    link: str = Field("", description="the agency's web page, if any")
    phone: str = ""


class ChecklistOut(Schema):
    event: str = Field(..., description="birth, death or name-change")
    title: str
    intro: str
    lines: list[LineOut]


@router.get("/", response=list[ChecklistOut])
def checklists(request):
    return [_out(c) for c in LifeEventChecklist.objects.prefetch_related("lines")]


@router.get("/{event}", response=ChecklistOut)
def checklist(request, event: str):
    found = LifeEventChecklist.objects.filter(event=event[:20]).first()
    if found is None:
        raise ApiError(404, "not_found", _("No list for this event."))
    return _out(found)


def _out(checklist):
    language = get_language()
    return {
        "event": checklist.event,
        "title": localized(checklist, "title", language),
        "intro": localized(checklist, "intro", language),
        "lines": [
            {
                "task": localized(line, "task", language),
                "agency": localized(line, "agency", language),
                "deadline": localized(line, "deadline", language),
                "link": line.link,
                "phone": line.phone,
            }
            for line in checklist.lines.all()
        ],
    }
