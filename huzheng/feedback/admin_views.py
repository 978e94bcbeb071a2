"""The mailbox desk in the back office (民意信箱管理): the register of open messages (due,
overdue, waiting for the director), entering an opinion taken at the counter, by phone
or in writing, and a message's page with its reply (from a template), review, closing,
transfer and withdrawal. Thin: check who asks, call services, render."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huzheng.core import roc
from huzheng.core.services import (
    for_staff,
    staff_office,
    staff_office_asked,
    staff_offices,
)
from huzheng.feedback import services, statistics
from huzheng.feedback.forms import TakeForm
from huzheng.feedback.models import OPEN_STATUSES, Category, Channel, FeedbackMessage, Status

VIEW_PERMISSION = "feedback.view_feedbackmessage"
ADD_PERMISSION = "feedback.add_feedbackmessage"
CHANGE_PERMISSION = "feedback.change_feedbackmessage"
MAX_DB_ID = 2**63 - 1


def dashboard(request):
    _require(request, VIEW_PERMISSION)
    rows = _scoped(request)
    today = roc.today()
    open_rows = rows.filter(status__in=OPEN_STATUSES).order_by("due_on")
    return render(
        request,
        "feedback/admin/dashboard.html",
        {
            "overdue": open_rows.filter(due_on__lt=today),
            "open": open_rows.filter(due_on__gte=today),
            "review": open_rows.exclude(draft_reply=""),
            "waiting": rows.filter(status=Status.WAITING).order_by("waiting_since"),
            "recent": rows.exclude(status__in=(*OPEN_STATUSES, Status.WAITING)).order_by(
                "-created_at"
            )[:30],
            "may_add": request.user.has_perm(ADD_PERMISSION),
            "today": today,
        },
    )


def take(request):
    _require(request, ADD_PERMISSION)
    office = staff_office(request.user)
    if office is None:
        raise PermissionDenied
    categories = list(Category.objects.filter(office=office))
    form = TakeForm(request.POST or None, categories=categories)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            message = services.take_message(
                office=office,
                channel=data["channel"],
                mailbox=data["mailbox"],
                category=next((c for c in categories if str(c.pk) == data["category"]), None),
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                subject=data["subject"],
                body=data["body"],
                user=request.user,
            )
        except services.FeedbackError as exc:
            for field, text in exc.errors.items():
                form.add_error(field if field in form.fields else None, text)
        else:
            messages.success(
                request, _("Message %(number)s is registered.") % {"number": message.number}
            )
            return redirect("feedback_staff:detail", pk=message.pk)
    return render(request, "feedback/admin/take.html", {"form": form})


def detail(request, pk):
    _require(request, VIEW_PERMISSION)
    message = services.read_message(_message(request, pk), user=request.user)
    templates = list(services.templates_for(message))
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("template")), None)
    reply_text = message.draft_reply
    if chosen is not None:
        reply_text = services.fill_template(chosen, message)
    return render(
        request,
        "feedback/admin/detail.html",
        {
            "message": message,
            "events": message.events.select_related("by"),
            "templates": templates,
            "chosen": chosen,
            "reply_text": reply_text,
            "may_change": request.user.has_perm(CHANGE_PERMISSION),
            "is_director": services.is_director(request.user, message.office),
            "clerks": get_user_model()
            .objects.filter(is_active=True, staff_profile__office=message.office)
            .order_by("username"),
            "attachments": message.attachments.only("pk", "filename", "size", "content_type"),
        },
    )


@require_POST
def act(request, pk, action):
    _require(request, CHANGE_PERMISSION)
    message = _message(request, pk)
    post = request.POST
    try:
        if action == "assign":
            clerk_id = post.get("clerk", "")
            clerk = (
                get_user_model().objects.filter(pk=int(clerk_id)).first()
                if clerk_id.isdigit() and int(clerk_id) <= MAX_DB_ID
                else None
            )
            services.assign(message, clerk, user=request.user)
            done = _("The message is assigned.")
        elif action == "answer":
            message = services.answer(
                message,
                post.get("reply", "")[:20000],
                user=request.user,
                address=post.get("address", "")[:400],
                postcode=post.get("postcode", "")[:20],
            )
            done = (
                _("The reply waits for the director's review.")
                if message.status in OPEN_STATUSES
                else _("The reply is sent.")
            )
        elif action == "approve":
            services.approve_reply(
                message,
                user=request.user,
                text=post.get("reply", "")[:20000],
                address=post.get("address", "")[:400],
                postcode=post.get("postcode", "")[:20],
            )
            done = _("The reply is sent.")
        elif action == "close":
            services.close(message, user=request.user)
            done = _("The message is closed.")
        elif action == "transfer":
            services.transfer(message, post.get("agency", "")[:300], user=request.user)
            done = _("The message is passed on.")
        elif action == "wait":
            services.wait_for_citizen(message, user=request.user, note=post.get("note", "")[:2000])
            done = _("The clock is stopped until the writer replies.")
        elif action == "resume":
            message = services.resume(message, user=request.user, note=post.get("note", "")[:2000])
            done = _("The clock runs again; the message is due on %(date)s.") % {
                "date": roc.format_long(message.due_on)
            }
        elif action == "withdraw":
            services.withdraw(message, user=request.user, note=post.get("note", "")[:2000])
            done = _("The message is withdrawn.")
        else:
            raise Http404
    except services.FeedbackError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("feedback_staff:detail", pk=message.pk)


def reply_letter(request, pk):
    """The reply letter of a message answered by post, as the PDF to print (A4, the
    office's letterhead, its number from the outgoing-letter register)."""
    from huzheng.notify.letters import letters_pdf

    _require(request, VIEW_PERMISSION)
    message = _message(request, pk)
    letter = services.read_reply_letter(message, user=request.user)
    if letter is None:
        raise Http404
    response = HttpResponse(
        letters_pdf([letter], user=request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="reply-{message.number}.pdf"'
    return response


def attachment(request, pk, attachment_pk):
    """A citizen's file, only ever as a download with its checked type: never shown
    inline, so nothing in it runs in the back office."""
    _require(request, VIEW_PERMISSION)
    message = _message(request, pk)
    if attachment_pk > MAX_DB_ID:
        raise Http404
    item = services.read_attachment(message, attachment_pk, user=request.user)
    if item is None:
        raise Http404
    response = HttpResponse(bytes(item.data), content_type=item.content_type)
    response["Content-Disposition"] = f'attachment; filename="attachment-{item.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def statistics_page(request):
    """The director's figures (民意統計): per month, channel and category, the share
    answered by the due day, mean and median working days to the reply; as CSV too.
    Staff see their own office; county staff choose one with ?office=."""
    _require(request, VIEW_PERMISSION)
    office = staff_office_asked(request.user, request.GET.get("office", "")[:40])
    months = request.GET.get("months", "12")[:3]
    months = int(months) if months.isdigit() and 1 <= int(months) <= 60 else 12
    rows = statistics.monthly(office, months=months)
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            statistics.as_csv(rows, breakdown=True), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="feedback-statistics-{office.code}.csv"'
        )
        return response
    channels = dict(Channel.choices)
    return render(
        request,
        "feedback/admin/statistics.html",
        {
            "office": office,
            "offices": staff_offices(request.user),
            "months": months,
            "rows": rows,
            "channels": [
                (channels.get(code, code), sum(r["by_channel"].get(code, 0) for r in rows))
                for code in channels
            ],
            "categories": _totals(rows, "by_category"),
            "total": statistics.figures(office, _first_day(rows), roc.today()),
        },
    )


def _totals(rows, field):
    totals = {}
    for row in rows:
        for name, count in row[field].items():
            totals[name] = totals.get(name, 0) + count
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))


def _first_day(rows):
    import datetime as dt

    return dt.date.fromisoformat(rows[0]["month"] + "-01")


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _scoped(request):
    rows = FeedbackMessage.objects.select_related("office", "category", "assigned_to")
    return for_staff(rows, request.user).exclude(status=Status.UNCONFIRMED)


def _message(request, pk):
    if pk > MAX_DB_ID:
        raise Http404
    message = _scoped(request).filter(pk=pk).first()
    if message is None:
        raise Http404
    return message
