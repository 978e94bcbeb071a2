"""A notice slip (一次告知單) as the citizen reads and prints it."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from huzheng.catalog import services
from huzheng.core import ratelimit
from huzheng.core.pdf import render_pdf
from huzheng.core.qr import qr_svg


def slip_detail(request, number):
    try:
        slip = _slip_or_404(request, number)
    except ratelimit.TooManyLookups:
        return ratelimit.too_many_lookups_page(request)
    return render(request, "catalog/slip_detail.html", _slip_context(request, slip))


def slip_pdf(request, number):
    try:
        slip = _slip_or_404(request, number)
    except ratelimit.TooManyLookups:
        return ratelimit.too_many_lookups_page(request)
    pdf = render_pdf("catalog/slip_pdf.html", _slip_context(request, slip), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-slip-{slip.number}.pdf"'
    return response


def _slip_context(request, slip):
    url = request.build_absolute_uri(slip.get_absolute_url())
    contacts = [c for c in slip.service.contacts.all() if c.office_id == slip.office_id]
    return {
        "slip": slip,
        "printed_on": slip.created_at,
        "slip_url": url,
        "slip_qr": qr_svg(url, label=_("QR code of this notice slip's address")),
        "office": slip.office,
        "contacts": contacts,
    }


def _slip_or_404(request, number):
    # A slip's number is its only key: guessing numbers is limited like every look-up.
    ratelimit.check_lookup(request, "slip")
    try:
        return services.get_slip(number)
    except services.SlipNotFound:
        ratelimit.lookup_missed(request, "slip")
        raise Http404(number) from None
