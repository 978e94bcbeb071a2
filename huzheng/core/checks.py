"""System checks: what the platform needs from the machine beyond Python packages."""

from django.core.checks import Warning, register

from huzheng.core.pdf import cjk_font_available


@register()
def cjk_font_check(app_configs, **kwargs):
    if cjk_font_available():
        return []
    return [
        Warning(
            "The CJK font for PDFs (Noto Sans CJK TC) is not installed; Chinese in PDFs "
            "will print as boxes.",
            hint="Install Debian's fonts-noto-cjk (`make run`, `make test` and `make check` do "
            "it when run as root).",
            id="huzheng.W001",
        )
    ]
