"""Write the published directory as HSDS 3.0: organizations.json and services.json, one array each."""

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from ...selectors import hsds as selectors
from . import schemas
from .objects import organization_object, service_object

logger = logging.getLogger(__name__)

ORGANIZATIONS_FILE = "organizations.json"
SERVICES_FILE = "services.json"


class HSDSExportError(Exception):
    pass


@dataclass
class ExportResult:
    organizations: int
    services: int
    validated: bool  # against the official schemas (False only when they are not installed)


def build_directory(*, base_url: str = "") -> tuple[list[dict], list[dict]]:
    """The HSDS organizations and services the export writes (what the HSDS API publishes, fully nested)."""
    absolute_url = (lambda path: base_url.rstrip("/") + path) if base_url else None
    organisations = [
        organization_object(organisation, absolute_url=absolute_url) for organisation in selectors.hsds_organisations()
    ]
    rows = [*selectors.published_helplines(), *selectors.published_service_resources()]
    rows.sort(key=lambda row: str(row.hsds_id))
    services = [service_object(row, absolute_url=absolute_url) for row in rows]
    return organisations, services


def _check(objects: list[dict], schema: str, file_name: str) -> None:
    validator = schemas.validator(schema)
    for index, obj in enumerate(objects):
        error = next(iter(validator.iter_errors(obj)), None)
        if error is not None:
            raise HSDSExportError(
                _("%(file)s, object %(index)s (%(path)s): %(message)s")
                % {"file": file_name, "index": index, "path": error.json_path, "message": error.message[:300]}
            )


def _write(path: Path, objects: list[dict]) -> None:
    # Written beside the target, then renamed: a reader never sees half a file.
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with temporary.open("x", encoding="utf-8") as out:
            json.dump(objects, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def export_hsds(*, directory: Path | str, base_url: str = "") -> ExportResult:
    """Write organizations.json and services.json into `directory` (created if missing).

    Every object is checked against the official compiled schemas first; nothing is written if one fails.
    """
    directory = Path(directory)
    organizations, services = build_directory(base_url=base_url)
    validated = schemas.schemas_available()
    if validated:
        _check(organizations, "organization", ORGANIZATIONS_FILE)
        _check(services, "service", SERVICES_FILE)
    directory.mkdir(parents=True, exist_ok=True)
    _write(directory / ORGANIZATIONS_FILE, organizations)
    _write(directory / SERVICES_FILE, services)
    logger.info("HSDS export: %s organizations, %s services", len(organizations), len(services))
    return ExportResult(organizations=len(organizations), services=len(services), validated=validated)
