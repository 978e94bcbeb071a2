"""What the case desk's operations raise."""


class CaseError(Exception):
    """A case-desk operation was refused; the message says why, for the staff member."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


class CaseNotFound(Exception):
    """One answer for every wrong fact of a public query: nothing tells which was wrong."""


class TooManyAttempts(Exception):
    """The client or the case number has used up its failed look-ups for now."""


class OptInError(CaseError):
    """An online sign-up was refused; `errors` maps each bad field to its message."""

    def __init__(self, code, message, errors=None):
        super().__init__(code, message)
        self.errors = errors or {}
