"""HSDS 3.0 (Open Referral) export and import of the library's organisations and services.

`export_hsds` writes organizations.json and services.json; `import_hsds` loads them (or the official example
shapes) back, all or nothing, keeping HSDS ids. The HSDS API at /api/hsds/ serves the same objects.
"""

from .exporting import ExportResult, HSDSExportError, build_directory, export_hsds
from .importing import ImportResult, import_hsds
from .reading import HSDSImportError, Problem

__all__ = [
    "ExportResult",
    "HSDSExportError",
    "HSDSImportError",
    "ImportResult",
    "Problem",
    "build_directory",
    "export_hsds",
    "import_hsds",
]
