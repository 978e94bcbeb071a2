"""PDFs from templates (WeasyPrint), with Noto Sans CJK TC embedded so that Chinese
prints the same on any machine, the citizen's included.

WeasyPrint embeds a subset of every font it uses in the PDF itself, so the font has to
be present only where the PDF is made: the Makefile installs Debian's fonts-noto-cjk,
and `manage.py check` warns when the font cannot be found.
"""

import mimetypes
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

# Relative and /static/ URLs in PDF templates resolve against this made-up origin, which
# the fetcher below maps onto the static files.
_BASE_URL = "https://pdf.huzheng.invalid/"


class PdfResourceRefused(Exception):
    """A PDF template asked for a resource outside the static files."""


def render_pdf(template_name, context=None, *, request=None):
    """Render a Django template (usually extending core/pdf/base.html) to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context or {}, request=request))


def html_to_pdf(html):
    from weasyprint import HTML  # imported late: it loads Pango, which web pages never need

    return HTML(string=html, base_url=_BASE_URL, url_fetcher=_fetcher()).write_pdf()


def _fetcher():
    """Templates may load static files and data: URLs, nothing from the network or the
    disk at large, so a value a citizen typed can never make the server fetch a URL."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=["data"])

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_path_for(url)
            if path is None:
                raise PdfResourceRefused(url)
            mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": mime_type}
            )

    return StaticOnlyFetcher()


def static_path_for(url):
    """The static file a PDF template's URL names, or None for anything else."""
    parsed = urlparse(url)
    static_prefix = settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
    if f"{parsed.scheme}://{parsed.netloc}/" != _BASE_URL:
        return None
    if not parsed.path.startswith(static_prefix) or ".." in parsed.path:
        return None
    found = finders.find(parsed.path.removeprefix(static_prefix))
    return Path(found) if found else None


@lru_cache(maxsize=1)
def cjk_font_available():
    """True when fontconfig knows the font the PDFs embed."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    family = settings.HUZHENG_PDF_FONT_FAMILY
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [fc_list, f":family={family}", "family"], capture_output=True, text=True, check=False
    )
    return family in result.stdout
