"""Reading a whole number someone sent (a row's id in a query string, a choice in a form).

`str.isdigit()` is true for "²" and "٣", which `int()` then refuses or the database
cannot hold, so a hand-edited address gave a server error. `whole_number` takes ASCII
digits only, and only as many as a database id can hold.
"""

import re
from typing import Any

# The largest id a 64-bit signed column (BigAutoField) holds, on SQLite and PostgreSQL.
MAX_ID = 2**63 - 1

_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def whole_number(value: Any, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """`value` as an int when it is only the ASCII digits of a number from `low` to `high`,
    else None (a missing value, "", " 7", "-1", "²", "1e3", a number too big to store)."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if low <= number <= high else None


def row_id(value: Any) -> int | None:
    """`value` as a database id (1 or more), else None."""
    return whole_number(value, low=1)
