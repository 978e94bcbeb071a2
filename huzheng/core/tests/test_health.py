"""/healthz: what a load balancer and an operator need to know, never a 500."""

import datetime as dt

import pytest
from django.utils import timezone

from huzheng.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def _beat(seconds_ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w1",
        hostname="h",
        pid=1,
        backend="DatabaseBackend",
        started_at=now - dt.timedelta(hours=1),
        last_seen=now - dt.timedelta(seconds=seconds_ago),
    )


def test_with_a_live_worker_everything_is_ok(client):
    _beat(seconds_ago=5)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["cache"]["default"]["ok"] and body["cache"]["shared"]["ok"]
    assert body["tasks"]["state"] == "running"
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_worker_never_seen_or_gone_quiet_degrades_but_keeps_serving(client):
    assert client.get("/healthz").json()["tasks"]["state"] == "never_seen"
    _beat(seconds_ago=600)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["tasks"]["state"] == "stale"


def test_a_broken_database_answers_503_not_500(client, monkeypatch):
    from huzheng.core import views

    def broken_cursor():
        raise ConnectionError("database gone")

    monkeypatch.setattr(views.connection, "cursor", broken_cursor)
    monkeypatch.setattr(views, "_check_worker", lambda: {"ok": False})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["database"] == {
        "ok": False,
        "vendor": views.connection.vendor,
        "error": "ConnectionError",
    }
