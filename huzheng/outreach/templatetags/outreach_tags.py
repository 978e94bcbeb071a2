"""`{% what_next_link service %}`: the counter's link to print the "what next" list of a
registration just finished (the case desk shows it on a closed case)."""

from django import template

from huzheng.outreach.models import LifeEventChecklist

register = template.Library()


@register.inclusion_tag("outreach/what_next_link.html", takes_context=True)
def what_next_link(context, service):
    checklist = LifeEventChecklist.objects.filter(service=service).first() if service else None
    return {"checklist": checklist, "request": context.get("request")}
