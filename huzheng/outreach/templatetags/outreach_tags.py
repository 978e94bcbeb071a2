"""`{% what_next_link service %}`: the counter's link to print the "what next" list of a
registration just finished (the case desk shows it on a closed case)."""

from django import template

from huzheng.outreach.models import LifeEventChecklist

register = template.Library()


@register.inclusion_tag("outreach/what_next_link.html", takes_context=True)
def what_next_link(context, service):
    checklist = LifeEventChecklist.objects.filter(service=service).first() if service else None
    return {"checklist": checklist, "request": context.get("request")}


@register.inclusion_tag("outreach/agency_notices.html", takes_context=True)
def agency_notices(context, case):
    """The agencies told of this case, with buttons to mark them sent or acknowledged."""
    from huzheng.outreach.services import USUAL_AGENCIES, agency_notices

    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "case": case,
        "notices": list(agency_notices(case)),
        "usual": getattr(case.service, "slug", "") in USUAL_AGENCIES,
        "may_add": bool(user and user.has_perm("outreach.add_agencynotice")),
        "may_change": bool(user and user.has_perm("outreach.change_agencynotice")),
        "csrf_token": context.get("csrf_token"),
    }
