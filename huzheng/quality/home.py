"""The director's home (主任首頁): the back office's start page for a director, and a
registrar's own variant, showing today's figures and this month against the plan's
targets, each linking to where to act. Cheap: counts only, kept for a minute."""

import datetime as dt

from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from laces.components import Component

from huzheng.core import roc
from huzheng.core.indicators import Period
from huzheng.core.roles import DIRECTOR, REGISTRAR
from huzheng.core.services import staff_office

TODAY_SECONDS = 60
MONTH_SECONDS = 600


def home_role(user):
    """ "director", "registrar" or None: which home the staff member gets."""
    if not getattr(user, "is_authenticated", False):
        return None
    names = {group.name for group in user.groups.all()}
    if DIRECTOR in names:
        return "director"
    if REGISTRAR in names:
        return "registrar"
    return None


def today_figures(office):
    """Today at the office, as a list of {"key", "label", "value", "detail", "url",
    "alert"}; computed at most once a minute per office."""
    key = f"quality:today:{office.pk}:{roc.today().isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = _today(office)
        cache.set(key, figures, TODAY_SECONDS)
    return figures


def month_figures(office):
    """This month's and last month's indicators of the office's plan against their
    targets: [{"key", "name", "unit", "value", "last", "target", "meets", …}]."""
    from huzheng.quality import services
    from huzheng.quality.models import Plan

    today = roc.today()
    key = f"quality:month:{office.pk}:{today:%Y-%m}"
    figures = cache.get(key)
    if figures is None:
        plan = Plan.objects.filter(office=office, year=today.year).first()
        keys = {ind.key for ind, _t in services.plan_indicators(plan)} if plan else None
        before = today.replace(day=1) - dt.timedelta(days=1)
        last = {
            f["key"]: f
            for f in services.indicator_figures(
                office, Period.month(before.year, before.month), plan=plan, keys=keys
            )
        }
        figures = services.indicator_figures(
            office, Period.month(today.year, today.month), plan=plan, keys=keys
        )
        for figure in figures:
            previous = last.get(figure["key"])
            figure["last"] = previous["value"] if previous else None
            figure["meets"] = services.meets_target(figure)
            figure["last_meets"] = services.meets_target(previous) if previous else None
        cache.set(key, figures, MONTH_SECONDS)
    return figures


class DirectorHomePanel(Component):
    """The panel that replaces Wagtail's default home panels."""

    name = "director_home"
    order = 10
    template_name = "quality/admin/home_panel.html"

    class Media:
        css = {"all": ["css/quality-admin.css"]}

    def __init__(self, request, office, role):
        self.request = request
        self.office = office
        self.role = role

    def get_context_data(self, parent_context=None):
        return {
            "office": self.office,
            "role": self.role,
            "today": roc.today(),
            "figures": today_figures(self.office),
            "cases": _my_cases(self.request.user, self.office),
            "month": month_figures(self.office) if self.role == "director" else [],
            "meetings_url": _url("quality_admin:meetings"),
            "evaluation_url": _url("quality_admin:evaluation"),
        }


def panel_for(request):
    """The panel for this staff member, or None to keep Wagtail's home."""
    role = home_role(request.user)
    office = staff_office(request.user) if role else None
    return DirectorHomePanel(request, office, role) if office else None


def _today(office):
    from huzheng.appointments.models import Booking
    from huzheng.cases.models import Case, Stage
    from huzheng.cases.services import DUE_SOON_WORKING_DAYS
    from huzheng.core.services import working_days_between
    from huzheng.idcards.models import IdCardApplication
    from huzheng.queueing.models import Counter, CounterState, Ticket, TicketStatus
    from huzheng.queueing.services import current_messages

    now = timezone.now()
    today = roc.today()
    waiting = Ticket.objects.filter(office=office, date=today, status=TicketStatus.WAITING)
    line = waiting.aggregate(people=Count("id"), since=Min("queued_at"))
    longest = int((now - line["since"]).total_seconds() // 60) if line["since"] else 0
    counters = Counter.objects.filter(office=office, is_active=True).aggregate(
        open=Count("id", filter=Q(state=CounterState.OPEN)), all=Count("id")
    )
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    bookings = Booking.objects.filter(
        office=office, start__gte=start, start__lt=start + dt.timedelta(days=1)
    ).aggregate(
        all=Count("id", filter=~Q(status=Booking.Status.CANCELLED)),
        no_show=Count("id", filter=Q(status=Booking.Status.NO_SHOW)),
    )
    open_cases = Case.objects.filter(office=office).exclude(stage=Stage.CLOSED)
    overdue = open_cases.filter(due_on__lt=today).count()
    due_soon = sum(
        1
        for case in open_cases.filter(
            due_on__gte=today, due_on__lte=today + dt.timedelta(days=DUE_SOON_WORKING_DAYS * 3)
        ).select_related("office")[:500]
        if working_days_between(office, today, case.due_on) <= DUE_SOON_WORKING_DAYS
    )
    ready = IdCardApplication.objects.filter(
        collect_at=office, status=IdCardApplication.Status.READY
    ).count()
    marquee = [m.text for m in current_messages(office, at=now)][:1]
    figures = [
        {
            "key": "waiting",
            "label": str(_("People waiting")),
            "value": line["people"],
            "detail": str(_("longest %(minutes)s min") % {"minutes": longest})
            if line["people"]
            else "",
            "url": _url("queueing:statistics", office.code),
            "alert": longest > 30,
        },
        {
            "key": "counters",
            "label": str(_("Counters open")),
            "value": counters["open"],
            "detail": str(_("of %(count)s") % {"count": counters["all"]}),
            "url": _url("queueing:console_choose", office.code),
            "alert": bool(line["people"]) and not counters["open"],
        },
        {
            "key": "appointments",
            "label": str(_("Appointments today")),
            "value": bookings["all"],
            "detail": str(_("%(count)s no-shows so far") % {"count": bookings["no_show"]}),
            "url": _url("appointments_staff:schedule"),
            "alert": False,
        },
        {
            "key": "cases_overdue",
            "label": str(_("Cases overdue")),
            "value": overdue,
            "detail": "",
            "url": _url("cases_staff:dashboard"),
            "alert": overdue > 0,
        },
        {
            "key": "cases_due_soon",
            "label": str(_("Cases due within 3 working days")),
            "value": due_soon,
            "detail": "",
            "url": _url("cases_staff:dashboard"),
            "alert": False,
        },
        {
            "key": "cards_ready",
            "label": str(_("ID cards ready for collection")),
            "value": ready,
            "detail": "",
            "url": _url("idcards_staff:applications"),
            "alert": False,
        },
        {
            "key": "marquee",
            "label": str(_("Marquee now")),
            "value": None,
            "detail": marquee[0] if marquee else str(_("nothing showing")),
            "url": _url("marquee:index"),
            "alert": False,
        },
    ]
    return figures + _other_desks(office, today)


def _other_desks(office, today):
    """The mailbox, the worklist and the site search, each read through its own app's
    functions (the same figures their own pages show)."""
    from huzheng.feedback.deadlines import digest_figures
    from huzheng.outreach.models import WorkItem
    from huzheng.outreach.services import worklist
    from huzheng.search.usage import empty_search_counts

    mail = digest_figures(office, today)
    items = WorkItem.objects.filter(office=office)
    overdue_items = worklist(items, due="overdue", today=today).count()
    soon_items = worklist(items, due="soon", today=today).count()
    searches = empty_search_counts(today - dt.timedelta(days=6), today)
    return [
        {
            "key": "mailbox",
            "label": str(_("Mailbox messages open")),
            "value": mail["open"],
            "detail": str(
                _("%(overdue)s overdue, %(today)s due today")
                % {"overdue": mail["overdue"], "today": mail["due_today"]}
            ),
            "url": _url("feedback_staff:dashboard"),
            "alert": mail["overdue"] > 0,
        },
        {
            "key": "worklist",
            "label": str(_("Worklist items due within a week")),
            "value": soon_items + overdue_items,
            "detail": str(_("%(count)s past the deadline") % {"count": overdue_items}),
            "url": _url("outreach_staff:worklist"),
            "alert": overdue_items > 0,
        },
        {
            "key": "searches_empty",
            "label": str(_("Searches with no result, last 7 days")),
            "value": searches["empty"],
            "detail": str(_("of %(count)s searches") % {"count": searches["searches"]}),
            "url": _url("search_unanswered"),
            "alert": False,
        },
    ]


def _my_cases(user, office):
    """The overdue cases with links, the longest overdue first (a few)."""
    from huzheng.cases.models import Case, Stage

    rows = (
        Case.objects.filter(office=office, due_on__lt=roc.today())
        .exclude(stage=Stage.CLOSED)
        .order_by("due_on", "sequence")
        .only("pk", "number", "due_on")[:5]
    )
    return [{"case": case, "url": _url("cases_staff:detail", case.pk)} for case in rows]


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None
