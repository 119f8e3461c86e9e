"""Helplines, their channels and opening hours, emergency numbers: every write, and the rules it checks.

Pages, the API, the admin (CSV import included), the HSDS import and the demo seed all come through here:
`rules` checks and normalises (nothing is written there), `writing` writes, `csv_import` reads the admin's CSV
file. Callers import from the package, as `from resources.services import helplines as services`.
"""

from .csv_import import CSV_COLUMNS, CSV_REQUIRED, MAX_CSV_BYTES, MAX_CSV_ROWS, ImportResult, import_helplines_csv
from .rules import (
    HELPLINE_FIELDS,
    MAX_CHANNELS,
    MAX_HOURS_ROWS,
    RESERVED_SLUGS,
    CheckedHelpline,
    CleanChannel,
    CleanHours,
    check_emergency_number,
    check_helpline,
    country_name,
    format_hours,
    normalise_contact,
    parse_hours,
)
from .writing import (
    archive_helpline,
    check_channel,
    create_helpline,
    publish_helpline,
    set_emergency_number,
    update_channel,
    update_helpline,
    verify_helpline,
    write_channels,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "HELPLINE_FIELDS",
    "MAX_CHANNELS",
    "MAX_CSV_BYTES",
    "MAX_CSV_ROWS",
    "MAX_HOURS_ROWS",
    "RESERVED_SLUGS",
    "CheckedHelpline",
    "CleanChannel",
    "CleanHours",
    "ImportResult",
    "archive_helpline",
    "check_channel",
    "check_emergency_number",
    "check_helpline",
    "country_name",
    "create_helpline",
    "format_hours",
    "import_helplines_csv",
    "normalise_contact",
    "parse_hours",
    "publish_helpline",
    "set_emergency_number",
    "update_channel",
    "update_helpline",
    "verify_helpline",
    "write_channels",
]
