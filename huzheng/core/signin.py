"""Staff sign-in throttle (登入次數限制): django-axes counts failed sign-ins per account
and per address in the shared cache and refuses a locked one before its password is
even checked."""

from axes.backends import AxesStandaloneBackend


class ThrottledSignInBackend(AxesStandaloneBackend):
    """Axes's check, for sign-ins that come with a request (the back office's sign-in
    form, every real one). A sign-in without a request (a test client's `login()`, a
    management command) has no address to count and is left to ModelBackend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
