"""The queue's pages: kiosk, live queue, ticket status, display board and its event
stream, the counter console, and the statistics."""

from django.urls import path

from huzheng.queueing.views import board, console, kiosk, live, statistics

app_name = "queueing"

urlpatterns = [
    path("<str:office>/", live.live_queue, name="live"),
    path("<str:office>/t/<uuid:ticket_id>/", live.ticket_status, name="ticket"),
    path("<str:office>/kiosk/", kiosk.kiosk, name="kiosk"),
    path("<str:office>/kiosk/sign-in/", kiosk.sign_in, name="kiosk_sign_in"),
    path("<str:office>/kiosk/t/<uuid:ticket_id>/", kiosk.printed_ticket, name="kiosk_ticket"),
    path("<str:office>/display/", board.display, name="display"),
    path("<str:office>/events/", board.events, name="events"),
    path("<str:office>/counter/", console.choose_counter, name="console_choose"),
    path("<str:office>/counter/<int:number>/", console.console, name="console"),
    path("<str:office>/statistics/", statistics.statistics, name="statistics"),
    path("<str:office>/statistics.csv", statistics.statistics_csv, name="statistics_csv"),
]
