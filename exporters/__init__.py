"""leaflet: accessible health leaflets from one Markdown source.

The small public API: `read` a source into the document model, `check` it, `export` it.
They are imported on first use, so that `leaflet --help` stays quick.
"""

__all__ = ["check", "export", "read"]


def __getattr__(name: str):
    if name == "read":
        from .readers.leaflet import read

        return read
    if name == "check":
        from .checks import check_document

        return check_document
    if name == "export":
        from .formats import export

        return export
    raise AttributeError(f"module 'exporters' has no attribute {name!r}")
