"""Errors an API endpoint raises to answer with a status, a code and a message."""


class ApiError(Exception):
    def __init__(self, status, code, message, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra
