"""{% hot_services as services %}: the catalog's hot services, for the 404 page."""

from django import template

from huzheng.catalog.models import RegistrationService

register = template.Library()


@register.simple_tag
def hot_services(limit=8):
    return list(RegistrationService.objects.filter(is_hot=True, live=True)[:limit])
