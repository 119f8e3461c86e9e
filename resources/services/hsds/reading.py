"""Reading an HSDS directory: organizations.json and services.json, each checked against the official schemas.

Each file holds one JSON array of objects, as the export writes it. The shapes of the official examples are
read too: one object on its own (organization_full.json, service_full.json) or an API page whose `contents`
holds the objects (service_list.json). Nothing here touches the database.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import schemas

ORGANIZATIONS_FILE = "organizations.json"
SERVICES_FILE = "services.json"
# Which compiled schema checks the objects of each file.
FILE_SCHEMAS = {ORGANIZATIONS_FILE: "organization", SERVICES_FILE: "service"}
MAX_REPORTED = 20
MAX_MESSAGE = 300


@dataclass(frozen=True)
class Problem:
    """One reason an import is refused: which file, which object, where in it (a JSON path), and why."""

    file: str
    index: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.index is not None:
            where = _("%(file)s, object %(index)s") % {"file": self.file, "index": self.index}
        if self.path:
            where = f"{where} ({self.path})"
        return f"{where}: {self.message}"


class HSDSImportError(ValidationError):
    """The import was refused; `problems` lists why. Nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        messages = [str(problem) for problem in self.problems[:MAX_REPORTED]]
        if len(self.problems) > MAX_REPORTED:
            messages.append(_("… and %(count)s more problems.") % {"count": len(self.problems) - MAX_REPORTED})
        super().__init__(messages, code="invalid_hsds")


@dataclass(frozen=True)
class Source:
    """Where an object was read: its file, its position in the file's list, and its JSON path."""

    file: str
    index: int
    path: str

    def problem(self, message: str, at: str = "") -> Problem:
        return Problem(self.file, self.index, self.path + at, str(message))

    def nested(self, at: str) -> "Source":
        return Source(self.file, self.index, self.path + at)


def _reject_constant(name: str):
    # Python's json reads NaN and Infinity, which JSON does not have.
    raise ValueError(_("%(name)s is not allowed in JSON") % {"name": name})


def _objects(data, file_name: str) -> tuple[list[tuple[dict, Source]], list[Problem]]:
    if isinstance(data, list):
        return [(obj, Source(file_name, index, f"$[{index}]")) for index, obj in enumerate(data)], []
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        contents = data["contents"]
        return [(obj, Source(file_name, index, f"$.contents[{index}]")) for index, obj in enumerate(contents)], []
    if isinstance(data, dict):
        return [(data, Source(file_name, 0, "$"))], []
    return [], [Problem(file_name, None, "$", _("The file must hold a JSON array of objects."))]


def read_file(path: Path) -> tuple[list[tuple[dict, Source]], list[Problem]]:
    """The objects of one HSDS file, and the problems that stop it from being read or fail the schema."""
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [Problem(name, None, "", _("not UTF-8 text (byte %(position)s).") % {"position": error.start})]
    except OSError as error:
        return [], [Problem(name, None, "", _("cannot be read: %(error)s") % {"error": error.strerror})]
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        return [], [
            Problem(
                name,
                None,
                "",
                _("not valid JSON: %(error)s at line %(line)s, column %(column)s.")
                % {"error": error.msg, "line": error.lineno, "column": error.colno},
            )
        ]
    except ValueError as error:
        return [], [Problem(name, None, "", _("not valid JSON: %(error)s.") % {"error": error})]
    objects, problems = _objects(data, name)
    if problems:
        return [], problems
    validator = schemas.validator(FILE_SCHEMAS[name])
    for obj, source in objects:
        for error in sorted(validator.iter_errors(obj), key=lambda error: error.json_path):
            message = error.message if len(error.message) <= MAX_MESSAGE else error.message[: MAX_MESSAGE - 1] + "…"
            problems.append(source.problem(message, error.json_path[1:]))
    return objects, problems


@dataclass
class Directory:
    organizations: list[tuple[dict, Source]]
    services: list[tuple[dict, Source]]


def read_directory(directory: Path | str) -> Directory:
    """Read and check both files of an HSDS directory; raise HSDSImportError listing every problem found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise HSDSImportError([Problem(str(directory), None, "", _("There is no such directory."))])
    if not schemas.schemas_available():
        raise HSDSImportError(
            [
                Problem(
                    str(schemas.schema_dir()),
                    None,
                    "",
                    _("The official HSDS schemas are not there, so the files cannot be checked. Nothing was read."),
                )
            ]
        )
    read: dict[str, list] = {}
    problems: list[Problem] = []
    for name in FILE_SCHEMAS:
        path = directory / name
        if path.exists():
            read[name], found = read_file(path)
            problems.extend(found)
    if not read and not problems:
        problems.append(
            Problem(
                str(directory),
                None,
                "",
                _("Found neither %(organizations)s nor %(services)s.")
                % {"organizations": ORGANIZATIONS_FILE, "services": SERVICES_FILE},
            )
        )
    if problems:
        raise HSDSImportError(problems)
    return Directory(organizations=read.get(ORGANIZATIONS_FILE, []), services=read.get(SERVICES_FILE, []))
