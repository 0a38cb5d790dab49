"""A finding: one problem a check found, in the shape every report and every checker shares."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"


@dataclass(frozen=True, slots=True)
class Finding:
    """`rule` is the rule's id (also its configuration key); `line` and `column` count from 1."""

    rule: str
    severity: Severity
    source: Path
    line: int
    column: int
    message: str
    suggestion: str = ""
    text: str = ""

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (the source is given once per document, not here)."""
        fields = asdict(self)
        del fields["source"]
        fields["severity"] = str(self.severity)
        return fields

    def __str__(self) -> str:
        advice = f" {self.suggestion}" if self.suggestion else ""
        return f"{self.source}:{self.line}:{self.column} {self.severity} {self.rule} {self.message}{advice}"
