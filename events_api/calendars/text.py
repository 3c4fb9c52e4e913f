"""RFC 5545 text: what a TEXT value can carry, its escaping, and folding content lines at
75 octets. Pure functions, shared by the VEVENT and VTIMEZONE writers."""

import re

# Control characters RFC 5545 TEXT cannot carry (TAB and LF can: LF is written as "\n").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
FOLD_LIMIT = 75


def normalise_text(text: str) -> str:
    """What a TEXT value can faithfully carry: CRLF and lone CR become LF (TEXT has only
    one line break), other control characters are dropped. Everything else (``;``, ``,``,
    ``\\``, emoji, any length) goes through exactly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _width(char: str) -> int:
    code = ord(char)
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def fold(line: str) -> str:
    """Fold one content line so no physical line passes 75 octets (RFC 5545 3.1), never
    inside a UTF-8 sequence and never inside a backslash escape (some clients mis-read an
    escape split across a fold)."""
    if len(line) <= FOLD_LIMIT and len(line.encode()) <= FOLD_LIMIT:
        return line
    ascii_only = line.isascii()
    parts: list[str] = []
    start, length = 0, len(line)
    # The first physical line holds 75 octets; a continuation line a space and 74.
    limit = FOLD_LIMIT
    while True:
        if ascii_only:
            end = start + limit
        else:
            end, size = start, 0
            while end < length and size + _width(line[end]) <= limit:
                size += _width(line[end])
                end += 1
        if end >= length:
            parts.append(line[start:])
            return "\r\n ".join(parts)
        backslashes = 0
        while end - backslashes - 1 >= start and line[end - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 and end - 1 > start:
            end -= 1
        parts.append(line[start:end])
        start, limit = end, FOLD_LIMIT - 1


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value (3.3.11) from normalised text."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def content_line(name: str, value: str) -> str:
    """A property line with a TEXT value, normalised and escaped (before folding)."""
    return f"{name}:{escape_text(normalise_text(value))}"
