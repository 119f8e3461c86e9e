from . import helplines, library, organisations  # noqa: F401  (each registers its ModelAdmins)
