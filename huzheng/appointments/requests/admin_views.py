"""Back office for home visits (到府服務), group applications (團體申辦) and outreach
sessions (機動櫃檯、到校服務).

Every counter role answers requests: confirm a time agreed by phone, or decline saying
why (the applicant is told by e-mail and SMS). The staff who go out print the visit
schedule. The director publishes outreach sessions; counter roles see them and their
bookings. Staff see only their own office's records.
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from huzheng.appointments import services
from huzheng.appointments.models import GroupRequest, HomeVisit, OutreachSession, SessionBooking
from huzheng.appointments.requests.forms import ConfirmRequestForm, DeclineRequestForm
from huzheng.appointments.services import AppointmentError
from huzheng.core.admin_views import AuditedInspectView, OfficeScopedViewSet
from huzheng.core.services import for_staff
from huzheng.core.templatetags.core_tags import roc_datetime

NAMESPACE = "appointment_requests"
MAX_ID = 2**31 - 1  # larger ids cannot exist, and some databases refuse to compare them


class _RequestKindMixin(WagtailAdminTemplateMixin):
    """One kind of request (home visit or group application), scoped to the staff
    member's offices."""

    model = HomeVisit
    kind = "home_visit"
    header_icon = "home"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission("view")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def permission(self, action):
        return f"appointments.{action}_{self.model._meta.model_name}"

    def get_queryset(self):
        queryset = self.model.objects.select_related("office", "service", "handled_by")
        if self.model is HomeVisit:
            queryset = queryset.select_related("village")
        return for_staff(queryset, self.request.user)

    def index_url(self):
        return reverse(f"{NAMESPACE}:{self.kind}_index")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.index_url(), "label": self.model._meta.verbose_name_plural},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kind=self.kind,
            is_home_visit=self.model is HomeVisit,
            namespace=NAMESPACE,
            can_change=self.request.user.has_perm(self.permission("change")),
        )
        return context


class RequestIndexView(_RequestKindMixin, View):
    template_name = "appointments/admin/requests/index.html"

    def get_page_title(self):
        return self.model._meta.verbose_name_plural

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        status = request.GET.get("status", self.model.Status.REQUESTED)
        queryset = self.get_queryset()
        if status in self.model.Status.values:
            queryset = queryset.filter(status=status)
        else:
            status = ""  # every status
        return self.render_to_response(
            self.get_context_data(
                requests=queryset[:500],
                status=status,
                statuses=self.model.Status.choices,
                schedule_url=reverse(f"{NAMESPACE}:home_visit_schedule")
                if self.model is HomeVisit
                else "",
            )
        )


class RequestDetailView(_RequestKindMixin, View):
    """The request, with the confirm and decline forms."""

    template_name = "appointments/admin/requests/detail.html"

    def get_page_title(self):
        return self.object.code

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.object.code}]

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(self.permission("view")):
            raise PermissionDenied
        # Another office's request is as unknown here as one that does not exist.
        self.object = self.get_queryset().filter(pk=pk).first() if pk <= MAX_ID else None
        if self.object is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        services.open_request(self.object, user=request.user)
        return self.render_to_response(self.get_context_data())

    def post(self, request):
        if not request.user.has_perm(self.permission("change")):
            raise PermissionDenied
        action = request.POST.get("action")
        confirm_form = decline_form = None
        try:
            if action == "confirm":
                confirm_form = ConfirmRequestForm(request.POST, prefix="confirm")
                if confirm_form.is_valid():
                    services.confirm_request(
                        self.object,
                        confirm_form.scheduled_at(),
                        user=request.user,
                        note=confirm_form.cleaned_data["note"],
                    )
                    messages.success(
                        request,
                        gettext("Request %(code)s confirmed; the applicant has been told.")
                        % {"code": self.object.code},
                    )
                    return redirect(request.path)
            elif action == "decline":
                decline_form = DeclineRequestForm(request.POST, prefix="decline")
                if decline_form.is_valid():
                    services.decline_request(
                        self.object, user=request.user, note=decline_form.cleaned_data["note"]
                    )
                    messages.success(
                        request,
                        gettext("Request %(code)s declined; the applicant has been told.")
                        % {"code": self.object.code},
                    )
                    return redirect(request.path)
            else:
                messages.error(request, gettext("Please choose to confirm or to decline."))
        except AppointmentError as exc:
            form = confirm_form if action == "confirm" else decline_form
            for name, message in exc.fields.items():
                form.add_error(name if name in form.fields else None, message)
            if not exc.fields:
                # Also as a message: a closed request no longer shows its forms.
                messages.error(request, exc.message)
        self.object.refresh_from_db()
        context = self.get_context_data(confirm_form=confirm_form, decline_form=decline_form)
        return self.render_to_response(context, status=400)

    def get_context_data(self, confirm_form=None, decline_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        open_ = obj.status in (obj.Status.REQUESTED, obj.Status.CONFIRMED)
        context.update(
            object=obj,
            open=open_,
            confirm_form=confirm_form
            or ConfirmRequestForm(prefix="confirm", initial=_initial(obj)),
            decline_form=decline_form or DeclineRequestForm(prefix="decline"),
            # Declining is for a request not yet agreed; a confirmed one can be moved.
            can_decline=obj.status == obj.Status.REQUESTED,
        )
        return context


class VisitScheduleView(_RequestKindMixin, View):
    """Confirmed home visits from today on, by date, for the staff who go out (出勤表)."""

    template_name = "appointments/admin/requests/schedule.html"
    header_icon = "date"

    def get_page_title(self):
        return gettext("Home visit schedule")

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get(self, request):
        visits = services.home_visit_schedule(self.get_queryset(), user=request.user)
        days = [
            {"date": day, "visits": list(items)}
            for day, items in groupby(visits, key=lambda v: timezone.localdate(v.scheduled_at))
        ]
        return self.render_to_response(self.get_context_data(days=days))


def _initial(obj):
    if obj.scheduled_at:
        local = timezone.localtime(obj.scheduled_at)
        return {"date": local.date(), "time": local.time().replace(second=0, microsecond=0)}
    return {}


def _views(model, kind):
    attrs = {"model": model, "kind": kind}
    if model is GroupRequest:
        attrs["header_icon"] = "group"
    return (
        type(f"{model.__name__}IndexView", (RequestIndexView,), attrs).as_view(),
        type(f"{model.__name__}DetailView", (RequestDetailView,), attrs).as_view(),
    )


_home_index, _home_detail = _views(HomeVisit, "home_visit")
_group_index, _group_detail = _views(GroupRequest, "group")

urlpatterns = [
    path("home-visits/", _home_index, name="home_visit_index"),
    path("home-visits/schedule/", VisitScheduleView.as_view(), name="home_visit_schedule"),
    path("home-visits/<int:pk>/", _home_detail, name="home_visit_detail"),
    path("groups/", _group_index, name="group_index"),
    path("groups/<int:pk>/", _group_detail, name="group_detail"),
]


@hooks.register("register_admin_urls")
def register_request_urls():
    return [path("appointment-requests/", include((urlpatterns, NAMESPACE)))]


# The appointments submenu (wagtail_hooks.MENU_HOOK); named here, not imported, because
# wagtail_hooks imports this module first.
MENU_HOOK = "register_appointments_menu_item"


class PermissionMenuItem(MenuItem):
    def __init__(self, label, url_name, permission, **kwargs):
        super().__init__(label, reverse_lazy(url_name), **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(MENU_HOOK)
def register_home_visits_menu_item():
    return PermissionMenuItem(
        _("Home visits"),
        f"{NAMESPACE}:home_visit_index",
        "appointments.view_homevisit",
        icon_name="home",
        order=200,
    )


@hooks.register(MENU_HOOK)
def register_visit_schedule_menu_item():
    return PermissionMenuItem(
        _("Home visit schedule"),
        f"{NAMESPACE}:home_visit_schedule",
        "appointments.view_homevisit",
        icon_name="date",
        order=210,
    )


@hooks.register(MENU_HOOK)
def register_groups_menu_item():
    return PermissionMenuItem(
        _("Group applications"),
        f"{NAMESPACE}:group_index",
        "appointments.view_grouprequest",
        icon_name="group",
        order=220,
    )


@hooks.register(MENU_HOOK)
def register_sessions_menu_item():
    return PermissionMenuItem(
        _("Outreach sessions"),
        "outreach_sessions:index",
        "appointments.view_outreachsession",
        icon_name="site",
        order=230,
    )


# --- outreach sessions ---------------------------------------------------------------


class SessionInspectView(AuditedInspectView):
    """The session with its bookings (names and phones: an audited read) and places left."""

    template_name = "appointments/admin/requests/session_inspect.html"

    def get(self, request, *args, **kwargs):
        # One entry naming the bookings' personal data, in place of the parent's entry
        # (the session itself holds none).
        services.open_session(self.object, user=request.user)
        return super(AuditedInspectView, self).get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bookings"] = self.object.bookings.order_by("created_at")
        context["places_left"] = services.places_left(self.object)
        context["booked_status"] = SessionBooking.Status.BOOKED
        return context


class OutreachSessionViewSet(OfficeScopedViewSet):
    model = OutreachSession
    icon = "site"
    menu_label = _("Outreach sessions")
    add_to_admin_menu = False  # listed in the appointments submenu
    inspect_view_enabled = True
    inspect_view_class = SessionInspectView
    list_display = [
        "title",
        "kind",
        Column("starts_at", label=_("starts at"), accessor=lambda s: roc_datetime(s.starts_at)),
        "place",
        "capacity",
        Column("places_left", label=_("places left"), accessor=services.places_left),
        BooleanColumn("published", label=_("published")),
    ]
    list_filter = ["kind", "published"]
    search_fields = ["title", "place"]
    form_fields = [
        "office",
        "kind",
        "title",
        "place",
        "starts_at",
        "ends_at",
        "capacity",
        "services",
        "description",
        "published",
    ]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update)
        return type("OutreachSessionForm", (SessionTimesMixin, base), {})


class SessionTimesMixin:
    """Say plainly when the end is not after the start, before the database refuses it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("services")
        if field is not None:
            field.widget = CheckboxSelectMultiple(choices=field.choices)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", gettext("The session must end after it starts."))
        return data


@hooks.register("register_admin_viewset")
def register_outreach_sessions():
    return OutreachSessionViewSet("outreach_sessions")
