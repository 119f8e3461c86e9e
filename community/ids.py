"""Ids that come from outside (a path, a query string, a form field), read as a row of ours could have them."""


def id_or_none(value) -> int | None:
    """The id `value` names, or None for what no row could have: not a whole number, 0 or less, or past a
    bigint (which the database would refuse rather than not find)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
