"""Server time of the catalog's pages with the full demo catalog, and the time to render
a notice slip PDF. Targets (issue 3): service detail and table pages under 50 ms, a slip
PDF under 1 s. Run by `make bench`; results in docs/performance.md."""

from common import measure, report, setup_django

ROUNDS = 100


def main():
    setup_django()
    from django.test import Client

    from huzheng.catalog import services
    from huzheng.catalog.models import RegistrationService
    from huzheng.core.models import Office

    client = Client()
    print(f"catalog: {RegistrationService.objects.count()} services")
    paths = ["/services/", "/services/move-in/", "/services/household-transcript-english/"]
    paths += [f"/services/tables/{t}/" for t in ("guides", "time-limits", "fees", "fines")]
    paths += ["/services/tables/guides.csv", "/services/tables/fees.json"]
    rows = [(path, measure(client, path, ROUNDS)) for path in paths]

    slip = services.issue_slip(
        office=Office.objects.get(code="huxi"),
        service=RegistrationService.objects.get(slug="move-in"),
    )
    rows.append(("/slips/<number>.pdf", measure(client, f"/slips/{slip.number}.pdf", 20, 3)))
    report(rows)


if __name__ == "__main__":
    main()
