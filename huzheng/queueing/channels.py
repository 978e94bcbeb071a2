"""The broadcast channel of an office's queue: the services publish each change on it;
boards, live pages and the page cache listen."""


def channel(office):
    """The broadcast channel of one office's queue."""
    return f"queue:{office.code}"
