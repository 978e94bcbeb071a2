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


@register(deploy=True)
def security_headers_check(app_configs, **kwargs):
    """`make check` runs the deploy checks under production settings: the headers and
    cookie flags of docs/security.md must hold there (tests/test_security_headers.py
    checks the responses themselves)."""
    from django.conf import settings

    problems = []
    if "huzheng.core.middleware.SecurityHeadersMiddleware" not in settings.MIDDLEWARE:
        problems.append("SecurityHeadersMiddleware (CSP, Permissions-Policy) is not installed")
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
    scripts = directives.get("script-src", [])
    if not scripts or "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts:
        problems.append("the Content-Security-Policy must allow no inline or eval'd script")
    if "camera=()" not in getattr(settings, "PERMISSIONS_POLICY", ""):
        problems.append("PERMISSIONS_POLICY must switch off unused features")
    for name in ("LANGUAGE_COOKIE", "SESSION_COOKIE", "CSRF_COOKIE"):
        if not getattr(settings, f"{name}_SECURE", False):
            problems.append(f"{name}_SECURE must be on")
    if not settings.LANGUAGE_COOKIE_HTTPONLY or not settings.LANGUAGE_COOKIE_SAMESITE:
        problems.append("the language cookie must be HttpOnly and SameSite")
    return [Warning(problem, id="huzheng.W002") for problem in problems]


@register(deploy=True)
def second_factor_check(app_configs, **kwargs):
    """Production (not demo mode) asks staff who can read ID numbers for a TOTP code
    (core.secondfactor); switching it off must be a visible decision."""
    from django.conf import settings

    if settings.DEBUG or settings.HUZHENG_DEMO or settings.HUZHENG_STAFF_2FA:
        return []
    return [
        Warning(
            "HUZHENG_STAFF_2FA is off: staff who can read ID numbers sign in with a password alone",
            id="huzheng.W003",
        )
    ]
