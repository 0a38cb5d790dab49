"""The plain-English check: rules with ids, the readability figures, and the reports.

`check_document(document)` returns a DocumentReport: its findings (exporters.findings.Finding)
and its score card. The rules and their thresholds are data: see data/rules.yaml.
"""

from .engine import DocumentReport, check_again_on, check_document
from .settings import CheckSettings, load_project_settings

__all__ = ["CheckSettings", "DocumentReport", "check_again_on", "check_document", "load_project_settings"]
