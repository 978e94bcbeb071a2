"""The public "what next" lists (後續事項一覽表): after a birth, a death, a name change.
Printed from the counter too, from the same page (its print style drops the site chrome)."""

from django.http import Http404
from django.shortcuts import render

from huzheng.core.pagecache import public_page
from huzheng.outreach.models import LifeEventChecklist


@public_page("outreach")
def checklist_index(request):
    checklists = LifeEventChecklist.objects.all()
    return render(request, "outreach/checklist_index.html", {"checklists": checklists})


@public_page("outreach")
def checklist(request, event):
    found = LifeEventChecklist.objects.filter(event=str(event)[:20]).first()
    if found is None:
        raise Http404
    return render(
        request,
        "outreach/checklist.html",
        {"checklist": found, "lines": found.lines.all()},
    )
