from django import template
from django.utils.translation import gettext as _

from huzheng.core.qr import qr_svg

register = template.Library()


@register.simple_tag(takes_context=True)
def survey_qr(context, path):
    """The QR code of a survey link, absolute so a phone can open it."""
    request = context.get("request")
    url = request.build_absolute_uri(path) if request is not None else path
    return qr_svg(url, label=_("QR code of the survey link"))
