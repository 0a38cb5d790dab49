"""The editions a leaflet can be built as, and the layout settings of one build.

Variants are data, not code: each is a set of numbers that the layouts and exporters read.
The sizes follow ../shared/field-guide.md (UKAAF G003, RNIB clear print, Mencap easy read).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError

PACKAGE = Path(__file__).resolve().parent  # the whole program: its code and its data
PROJECT_ROOT = PACKAGE.parent
LAYOUTS = PROJECT_ROOT / "layouts"
PAPER_SIZES = ("a4", "a5", "letter")


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    description: str
    body_size: float  # points; the default size of the body text
    smallest_size: float  # points; no text of this edition may be smaller
    largest_size: float  # points; the largest body size --font-size may ask for
    line_spacing: float
    needs_easy_read_text: bool = False  # made only from a leaflet's `::: easy-read` blocks


VARIANTS = {
    "standard": Variant("standard", "clear print", 14, 12, 28, 1.5),
    "large-print": Variant("large-print", "large print", 18, 16, 28, 1.5),
    "easy-read": Variant("easy-read", "easy read", 16, 16, 28, 1.6, needs_easy_read_text=True),
}


@dataclass(frozen=True, slots=True)
class LayoutSettings:
    """Everything an exporter needs besides the document."""

    variant: Variant
    font_size: float
    paper: str = "a4"
    layouts: Path = LAYOUTS
    # The options of one format only (its registry row names them), such as the braille grade:
    # they reach only that format's settings, so they never change other outputs' fingerprints.
    format_options: tuple[tuple[str, object], ...] = ()

    @property
    def scale(self) -> float:
        """How much larger than the variant's default this build's text is."""
        return self.font_size / self.variant.body_size


def known_variant(name: str) -> Variant:
    """The variant of that name; an unknown name is refused with the names there are."""
    if name not in VARIANTS:
        raise UsageError(f"Unknown variant '{name}'. Choose from: {', '.join(VARIANTS)}.")
    return VARIANTS[name]


def layout_settings(variant: str, font_size: float | None = None, paper: str = "a4") -> LayoutSettings:
    """Check the options a user gave and make the settings of one build."""
    chosen = known_variant(variant)
    size = chosen.body_size if font_size is None else font_size
    if not chosen.smallest_size <= size <= chosen.largest_size:
        raise UsageError(
            f"The {chosen.description} edition needs a font size from {chosen.smallest_size:g} "
            f"to {chosen.largest_size:g} points; {size:g} was asked for."
        )
    if paper not in PAPER_SIZES:
        raise UsageError(f"Unknown paper size '{paper}'. Choose from: {', '.join(PAPER_SIZES)}.")
    return LayoutSettings(chosen, size, paper)
