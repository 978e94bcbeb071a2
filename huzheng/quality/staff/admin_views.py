"""The director's staff account pages (/admin/quality/staff/). Thin: check who asks,
parse, call staff/services.py, render; a refusal is a message on the page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.core.roles import ALL_ROLES
from huzheng.core.services import staff_office
from huzheng.quality.staff import services
from huzheng.quality.staff.forms import NewStaffForm, StaffForm


def staff_list(request):
    _allowed(request)
    rows = [
        {"user": user, "roles": [g.name for g in user.groups.all() if g.name in ALL_ROLES]}
        for user in services.office_staff(request.user)
    ]
    return render(
        request,
        "quality/admin/staff_list.html",
        {"office": staff_office(request.user), "rows": rows},
    )


def staff_new(request):
    _allowed(request)
    form = NewStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = services.create_staff(request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _show_password(request, user, password)
    return render(
        request, "quality/admin/staff_form.html", {"form": form, "title": _("New staff account")}
    )


def staff_edit(request, pk):
    _allowed(request)
    member = services.staff_member(request.user, pk)
    initial = {
        "name": member.first_name,
        "email": member.email,
        "title": member.staff_profile.title,
        "roles": [g.name for g in member.groups.all() if g.name in ALL_ROLES],
    }
    form = StaffForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_staff(request.user, member, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The staff account is saved."))
            return redirect("quality_admin:staff")
    return render(
        request,
        "quality/admin/staff_form.html",
        {"form": form, "member": member, "title": member.get_username()},
    )


@require_POST
def staff_active(request, pk):
    _allowed(request)
    member = services.staff_member(request.user, pk)
    active = request.POST.get("active") == "1"
    try:
        services.set_active(request.user, member, active)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The account is active again.") if active else _("The account is deactivated."),
        )
    return redirect("quality_admin:staff")


@require_POST
def staff_password(request, pk):
    _allowed(request)
    member = services.staff_member(request.user, pk)
    return _show_password(request, member, services.reset_password(request.user, member))


def _show_password(request, user, password):
    response = render(
        request, "quality/admin/staff_password.html", {"member": user, "password": password}
    )
    response["Cache-Control"] = "no-store"
    return response


def _allowed(request):
    if not services.may_manage_staff(request.user):
        raise PermissionDenied
