"""The example leaflets in source/ pass their own check with no errors."""

from __future__ import annotations

import pytest

from exporters.checks import check_document
from exporters.readers.leaflet import read
from tests.conftest import EXAMPLE_LEAFLETS


@pytest.mark.parametrize("source", EXAMPLE_LEAFLETS, ids=lambda path: path.name)
def test_example_leaflet_has_no_errors(source):
    report = check_document(read(source))
    assert not [str(finding) for finding in report.errors]
