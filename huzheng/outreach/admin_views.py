"""The worklist in the back office (戶政即時通 工作清單, /admin/outreach/): the list with
its filters, an item's page with its calls, letters, messages and state buttons, entry by
hand, the CSV and registry imports, and the outgoing-letter register with batch printing.
Thin: check who asks, call services, render. Pages showing people's details are audited."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.core import roc
from huzheng.core.csvimport import ImportRefused
from huzheng.core.services import for_staff, staff_office, staff_office_ids
from huzheng.notify import letters as notify_letters
from huzheng.notify.models import Letter, Message
from huzheng.outreach import intake, services
from huzheng.outreach import statistics as outreach_statistics
from huzheng.outreach.forms import CallForm, ImportForm, ItemForm, NoteForm, RegisteredForm
from huzheng.outreach.models import (
    OPEN_STATES,
    AgencyNotice,
    LifeEventChecklist,
    Source,
    State,
    WorkItem,
)

VIEW_PERMISSION = "outreach.view_workitem"
ADD_PERMISSION = "outreach.add_workitem"
CHANGE_PERMISSION = "outreach.change_workitem"
MAX_DB_ID = 2**63 - 1
PAGE_SIZE = 100


def worklist(request):
    _require(request, VIEW_PERMISSION)
    today = roc.today()
    state = request.GET.get("state", "")[:20]
    source = request.GET.get("source", "")[:20]
    due = request.GET.get("due", "")[:20]
    items = services.open_worklist(
        _scoped(request),
        user=request.user,
        limit=PAGE_SIZE,
        state=state,
        source=source,
        due=due,
        today=today,
    )
    soon = today + dt.timedelta(days=services.DUE_SOON_DAYS)
    return render(
        request,
        "outreach/admin/worklist.html",
        {
            "items": items,
            "today": today,
            "soon": soon,
            "states": State.choices,
            "sources": Source.choices,
            "state": state,
            "source": source,
            "due": due,
            "open_states": OPEN_STATES,
            "may_add": request.user.has_perm(ADD_PERMISSION),
        },
    )


def add(request):
    _require(request, ADD_PERMISSION)
    office = staff_office(request.user)
    if office is None:
        raise PermissionDenied
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item, created = services.add_item(
                office=office, user=request.user, assigned_to=request.user, **data
            )
        except services.OutreachError as exc:
            form.add_error(None, exc.message)
        else:
            if created:
                messages.success(
                    request, _("Item %(number)s is on the worklist.") % {"number": item.number}
                )
            else:
                messages.warning(
                    request,
                    _("This event is already on the worklist as %(number)s.")
                    % {"number": item.number},
                )
            return redirect("outreach_staff:item", pk=item.pk)
    return render(request, "outreach/admin/add.html", {"form": form, "office": office})


def import_items(request):
    _require(request, ADD_PERMISSION)
    office = staff_office(request.user)
    if office is None:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and request.POST.get("from") == "registry":
        created, existing = intake.import_notifications(office, user=request.user)
        messages.success(
            request,
            _("%(created)s new items, %(existing)s already on the worklist.")
            % {"created": created, "existing": existing},
        )
        return redirect("outreach_staff:worklist")
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(intake.MAX_CSV_BYTES + 1)
        try:
            created, existing = intake.import_csv(office, data, user=request.user)
        except ImportRefused as exc:
            errors = exc.errors[:50]
        else:
            messages.success(
                request,
                _("%(created)s new items, %(existing)s already on the worklist.")
                % {"created": created, "existing": existing},
            )
            return redirect("outreach_staff:worklist")
    return render(request, "outreach/admin/import.html", {"form": form, "errors": errors})


def item(request, pk):
    _require(request, VIEW_PERMISSION)
    work_item = services.open_item(_item(request, pk), user=request.user)
    return render(
        request,
        "outreach/admin/item.html",
        {
            "item": work_item,
            "events": work_item.events.select_related("by", "letter", "message"),
            "letters": Letter.objects.filter(reference=work_item.number, office=work_item.office),
            "messages_sent": Message.objects.filter(topic="outreach", reference=work_item.number),
            "fine_now": services.fine(work_item),
            "today": roc.today(),
            "may_change": request.user.has_perm(CHANGE_PERMISSION) and work_item.is_open,
            "may_close": request.user.has_perm(CHANGE_PERMISSION)
            and work_item.state != State.CLOSED,
            "call_form": CallForm(),
            "registered_form": RegisteredForm(),
            "note_form": NoteForm(),
        },
    )


@require_POST
def act(request, pk, action):
    _require(request, CHANGE_PERMISSION)
    work_item = _item(request, pk)
    user = request.user
    try:
        if action == "call":
            form = CallForm(request.POST)
            if not form.is_valid():
                raise services.OutreachError(_("Choose the call's outcome."))
            services.log_call(work_item, user=user, **form.cleaned_data)
            done = _("The call is logged.")
        elif action in ("notice-letter", "reminder-letter"):
            send = (
                services.send_reminder_letter
                if action == "reminder-letter"
                else services.send_notice_letter
            )
            letter = send(work_item, user=user)
            done = _("Letter %(number)s is in the register; print it below.") % {
                "number": letter.number
            }
        elif action in ("sms", "email"):
            services.send_message(work_item, channel=action, user=user)
            done = _("The message is queued.")
        elif action == "registered":
            form = RegisteredForm(request.POST)
            reference = form.cleaned_data["reference"] if form.is_valid() else ""
            services.mark_registered(work_item, reference=reference, user=user)
            done = _("The item is registered.")
        elif action == "hand-over":
            services.hand_over(work_item, note=request.POST.get("note", "")[:2000], user=user)
            done = _("The item is handed over for ex-officio registration.")
        elif action == "close":
            services.close(work_item, note=request.POST.get("note", "")[:2000], user=user)
            done = _("The item is closed.")
        else:
            raise Http404
    except services.OutreachError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("outreach_staff:item", pk=work_item.pk)


@require_POST
def email_checklist(request, event):
    _require(request, "outreach.view_lifeeventchecklist")
    office = staff_office(request.user)
    checklist = LifeEventChecklist.objects.filter(event=str(event)[:20]).first()
    if office is None or checklist is None:
        raise Http404
    language = "en" if request.POST.get("language") == "en" else "zh-hant"
    try:
        services.email_checklist(
            checklist,
            request.POST.get("email", "")[:254],
            office=office,
            name=request.POST.get("name", "")[:100],
            language=language,
            link=request.build_absolute_uri(checklist.get_absolute_url()),
        )
    except services.OutreachError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The list is on its way by e-mail."))
    back = request.POST.get("next", "")
    if not back.startswith("/admin/") or "//" in back:
        back = "outreach_staff:worklist"
    return redirect(back)


@require_POST
def case_agencies(request, case_pk):
    _require(request, "outreach.add_agencynotice")
    from huzheng.cases.models import Case

    case = (
        for_staff(Case.objects.select_related("service", "office"), request.user)
        .filter(pk=min(case_pk, MAX_DB_ID))
        .first()
    )
    if case is None:
        raise Http404
    services.agency_notices(case, create=True, user=request.user)
    messages.success(request, _("The usual agencies are listed for this case."))
    return redirect("cases_staff:detail", pk=case.pk)


@require_POST
def agency_notice(request, pk, what):
    _require(request, "outreach.change_agencynotice")
    notice = (
        for_staff(AgencyNotice.objects.all(), request.user).filter(pk=min(pk, MAX_DB_ID)).first()
    )
    if notice is None:
        raise Http404
    try:
        services.mark_agency_notice(notice, what, user=request.user)
    except services.OutreachError as exc:
        messages.error(request, exc.message)
    return redirect("cases_staff:detail", pk=notice.case_id)


def letter_register(request):
    _require(request, "notify.view_letter")
    letters = for_staff(Letter.objects.select_related("office"), request.user)
    if request.GET.get("unmailed"):
        letters = letters.filter(mailed_on=None)
    letters = services.open_letter_register(letters, user=request.user, limit=PAGE_SIZE)
    return render(request, "outreach/admin/letters.html", {"letters": letters})


def letters_pdf(request):
    _require(request, "notify.view_letter")
    ids = [int(i) for i in request.GET.getlist("id")[:200] if i.isdigit() and int(i) <= MAX_DB_ID]
    letters = list(
        for_staff(Letter.objects.select_related("office"), request.user)
        .filter(pk__in=ids)
        .order_by("year", "sequence")
    )
    if not letters:
        raise Http404
    pdf = services.print_letters(letters, user=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = "letter" if len(letters) == 1 else "letters"
    response["Content-Disposition"] = (
        f'inline; filename="{name}-{letters[0].year}-{letters[0].sequence}.pdf"'
    )
    return response


@require_POST
def letters_mailed(request):
    _require(request, "notify.change_letter")
    ids = [int(i) for i in request.POST.getlist("id")[:200] if i.isdigit() and int(i) <= MAX_DB_ID]
    letters = for_staff(Letter.objects.all(), request.user).filter(pk__in=ids)
    count = notify_letters.mark_mailed(list(letters))
    messages.success(request, _("%(count)s letters marked as mailed today.") % {"count": count})
    return redirect("outreach_staff:letters")


def statistics(request):
    _require(request, VIEW_PERMISSION)
    office_ids = staff_office_ids(request.user)
    outbox = Message.objects.all()
    if office_ids is not None:
        outbox = outbox.filter(office_id__in=office_ids)
    letters = for_staff(Letter.objects.all(), request.user)
    figures = outreach_statistics.figures(_scoped(request), outbox, letters)
    return render(request, "outreach/admin/statistics.html", figures)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _scoped(request):
    return for_staff(WorkItem.objects.select_related("office", "service"), request.user)


def _item(request, pk):
    if pk > MAX_DB_ID:
        raise Http404
    work_item = _scoped(request).filter(pk=pk).first()
    if work_item is None:
        raise Http404
    return work_item
