"""The official HSDS 3.0 schemas, for the HSDS tests: strict validators and the OpenAPI response schemas.

The reference files live beside the repository (../shared/hsds). They are never fetched from the network: a
$ref to a published URL is read from the matching local file.
"""

import copy
import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HSDS_DIR = Path(settings.BASE_DIR).parent / "shared" / "hsds"
SCHEMA_DIR = HSDS_DIR / "schema"
EXAMPLES_DIR = HSDS_DIR / "examples"
PUBLISHED_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

needs_hsds = pytest.mark.skipif(
    not (SCHEMA_DIR / "compiled" / "service.json").is_file(),
    reason=f"the HSDS reference files are not at {HSDS_DIR} (clone shared/ beside the repository)",
)


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _closed(schema):
    """The schema with additionalProperties: false on every object that lists its properties, so a
    misspelt or invented field fails too (the official schemas allow any extra field)."""
    if isinstance(schema, dict):
        schema = {key: _closed(value) for key, value in schema.items()}
        if isinstance(schema.get("properties"), dict):
            schema.setdefault("additionalProperties", False)
        return schema
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


@lru_cache(maxsize=8)
def compiled_validator(name: str, *, strict: bool = True) -> Draft202012Validator:
    schema = _read(SCHEMA_DIR / "compiled" / f"{name}.json")
    return Draft202012Validator(_closed(copy.deepcopy(schema)) if strict else schema, format_checker=FormatChecker())


def errors_against(obj, name: str, *, strict: bool = True) -> list[str]:
    return [
        f"{error.json_path}: {error.message[:200]}"
        for error in compiled_validator(name, strict=strict).iter_errors(obj)
    ]


def _local(uri: str) -> Path:
    if uri.startswith(PUBLISHED_SCHEMAS):
        return SCHEMA_DIR / uri.removeprefix(PUBLISHED_SCHEMAS)
    parts = urlsplit(uri)
    if parts.scheme != "file":
        raise LookupError(f"refusing to fetch {uri}: only the local HSDS files are read")
    return Path(unquote(parts.path))


def _retrieve(uri: str) -> Resource:
    return Resource.from_contents(_read(_local(uri)), default_specification=DRAFT202012)


@lru_cache(maxsize=32)
def openapi_validator(path: str, status: str = "200") -> Draft202012Validator:
    """A validator for the JSON response of GET `path` (as openapi.local.json names it, e.g. "/services/{id}")."""
    document = SCHEMA_DIR / "openapi.local.json"
    openapi = _read(document)
    operation = openapi["paths"][path]["get"]  # KeyError: the API description has no such endpoint
    assert "application/json" in operation["responses"][status]["content"]
    pointer = "/paths/" + path.replace("~", "~0").replace("/", "~1")
    pointer += f"/get/responses/{status}/content/application~1json/schema"
    registry = Registry(retrieve=_retrieve)
    return Draft202012Validator(
        {"$ref": f"{document.as_uri()}#{pointer}"}, registry=registry, format_checker=FormatChecker()
    )


def response_errors(path: str, body) -> list[str]:
    return [f"{error.json_path}: {error.message[:200]}" for error in openapi_validator(path).iter_errors(body)]
