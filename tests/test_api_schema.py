"""Issue 15, finding 11: schemathesis generates requests from the API's own OpenAPI
schema and checks every answer: no server error, a documented status, a body that
matches the schema. Bounded (a few examples per operation) to keep the suite fast."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from huzheng.catalog.models import RegistrationService
from huzheng.queueing import services
from huzheng.queueing.tests.factories import queue_office

pytestmark = pytest.mark.django_db

EXAMPLES = 6
# Server errors, statuses, content types and bodies against the schema. Not "valid data
# accepted": the schema cannot say that an ID number's check digit must be right, and
# such a request is rightly answered 422.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Event streams never end; they are tested by the queue's own tests.
SKIP = ("/events",)


@pytest.fixture
def api_schema(settings):
    settings.HUZHENG_DEMO = True
    office, _series = queue_office()
    services.create_kiosk(office, "大廳", token="kiosk-token-for-tests")
    RegistrationService.objects.create(
        slug="birth", name="出生登記", name_en="Birth registration", category="registration"
    )
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json",
            get_wsgi_application(),
            # A NUL byte is refused with a documented 400 before any operation runs.
            config=SchemathesisConfig.from_dict({"generation": {"allow-x00": False}}),
        )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_every_operation_keeps_to_the_schema(api_schema):
    failures = []
    operations = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.path.endswith(SKIP):
            continue
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def check(case):
            try:
                case.call_and_validate(checks=CHECKS)
            except (Exception, BaseExceptionGroup) as failure:  # report all together
                failures.append(f"{case.method} {case.formatted_path}: {failure}"[:600])

        check()
    assert operations > 10
    assert not failures, "\n\n".join(sorted(set(failures)))
