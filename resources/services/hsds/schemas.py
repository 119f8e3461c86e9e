"""The official HSDS 3.0 JSON schemas, read from the shared reference files (never from the network)."""

import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

# Where CI and the README put the reference files: a `shared/` folder beside the repository.
# A deployment may point HSDS_DIR elsewhere.


def hsds_dir() -> Path:
    return Path(getattr(settings, "HSDS_DIR", settings.BASE_DIR.parent / "shared" / "hsds"))


def schema_dir() -> Path:
    return hsds_dir() / "schema"


def schemas_available() -> bool:
    return (schema_dir() / "compiled" / "service.json").is_file()


@lru_cache(maxsize=8)
def _load(relative: str, root: str) -> dict:
    return json.loads((Path(root) / relative).read_text(encoding="utf-8"))


def compiled(name: str) -> dict:
    """One compiled schema: "service", "organization", "service_list", "organization_list"."""
    return _load(f"compiled/{name}.json", str(schema_dir()))


@lru_cache(maxsize=8)
def _validator(name: str, root: str) -> Draft202012Validator:
    # The compiled schemas inline every table, so they need no $ref resolution. They name no dialect:
    # JSON Schema 2020-12, as openapi.json's jsonSchemaDialect says.
    return Draft202012Validator(_load(f"compiled/{name}.json", root), format_checker=FormatChecker())


def validator(name: str) -> Draft202012Validator:
    return _validator(name, str(schema_dir()))
