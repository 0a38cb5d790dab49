"""The web page's own pages, from the templates in layouts/serve/: the library and a leaflet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..findings import Finding, Severity
from .live import Leaflet
from .outputs import Slot
from .templates import environment
from .upload import CSRF_FIELD, FILE_FIELD, MAX_UPLOAD_MB, REPLACE_FIELD, REPLACE_LABEL, Imported, NotImported

SORTS = {
    "title": lambda row: row.leaflet.title.casefold(),
    "reviewed": lambda row: row.reviewed or date.min,
    "next-review": lambda row: row.next_review or date.min,
}  # fmt: skip


@dataclass(frozen=True)
class LibraryRow:
    leaflet: Leaflet
    outputs: list[Slot]
    today: date

    @property
    def reviewed(self) -> date | None:
        return self.leaflet.document.meta.reviewed if self.leaflet.document else None

    @property
    def next_review(self) -> date | None:
        return self.leaflet.document.meta.next_review if self.leaflet.document else None

    @property
    def review_state(self) -> str:
        """'overdue', 'due-soon' (the check warns: within its warning period), 'none' or ''."""
        if self.leaflet.document is None:
            return ""
        if self.next_review is None:
            return "none"
        if self.next_review < self.today:
            return "overdue"
        findings = self.leaflet.report.findings if self.leaflet.report else []
        due = any(f.rule == "review-date" and f.severity == Severity.WARNING for f in findings)
        return "due-soon" if due else ""

    def count(self, severity: str) -> int:
        return self.leaflet.report.count(Severity(severity)) if self.leaflet.report else 0


def library_page(rows: list[LibraryRow], sort: str, descending: bool, csrf: str,
                 outcome: Imported | NotImported | None = None) -> str:  # fmt: skip
    """The library, with the form that imports a Word file and, after an upload, its outcome."""
    if sort not in SORTS:
        sort = "next-review"
    rows = sorted(rows, key=SORTS[sort], reverse=descending)
    template = environment().get_template("library.html.j2")
    fields = {"file": FILE_FIELD, "replace": REPLACE_FIELD, "csrf": CSRF_FIELD,
              "replace_label": REPLACE_LABEL, "limit_mb": MAX_UPLOAD_MB}  # fmt: skip
    return template.render(rows=rows, sort=sort, descending=descending, csrf=csrf, fields=fields,
                           imported=outcome if isinstance(outcome, Imported) else None,
                           refused=outcome if isinstance(outcome, NotImported) else None)  # fmt: skip


@dataclass(frozen=True)
class NumberedFinding:
    number: int
    finding: Finding
    shown: bool  # marked in the preview


def leaflet_page(leaflet: Leaflet, outputs: list[Slot], csrf: str) -> str:
    findings = leaflet.report.findings if leaflet.report else []
    numbered = [NumberedFinding(n, f, n in leaflet.preview.marked) for n, f in enumerate(findings, 1)]
    template = environment().get_template("leaflet.html.j2")
    return template.render(leaflet=leaflet, findings=numbered, outputs=outputs, csrf=csrf,
                           report=leaflet.report)  # fmt: skip
