"""Server time of the public pages, the offices API and the health probe, with the demo
data. Run by `make bench`; results in docs/performance.md."""

from common import measure, report, setup_django

PATHS = ["/", "/privacy/", "/api/v1/offices", "/api/v1/offices/huxi", "/healthz"]
ROUNDS = 200


def main():
    setup_django()
    from django.test import Client

    client = Client()
    report([(path, measure(client, path, ROUNDS)) for path in PATHS])


if __name__ == "__main__":
    main()
