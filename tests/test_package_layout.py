"""The package reads as the pipeline: no import cycle, nothing imports against the flow, format
names live in the registry, and the program's fingerprint covers every file of the package."""

from __future__ import annotations

import ast
import shutil
from datetime import date
from pathlib import Path

from exporters.build.incremental import Library, _folder_digest
from exporters.formats import FORMATS
from exporters.variants import PACKAGE

# Stage -> the stages it must never import (the pipeline: readers -> model -> checks ->
# editions -> formats -> output, driven by build and the command line).
AGAINST_THE_FLOW = {
    "readers": ("checks", "editions", "formats", "build", "cli", "serve"),
    "checks": ("editions", "formats", "build", "cli", "serve"),
    "editions": ("formats", "build", "cli", "serve"),
    "formats": ("build", "cli", "serve"),
    "build": ("cli", "serve"),
    "serve": ("cli",),
}
# Strings that spell a format's name but mean something else: a report format of `leaflet check`,
# markdown-it's option that lets the reader see (and refuse) raw HTML, and SVG's <audio> element,
# which a picture may not hold.
OTHER_MEANINGS = {("checks/reports/__init__.py", "html"), ("readers/markdown.py", "html"),
                  ("readers/picture_safety.py", "audio")}  # fmt: skip


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """Every module of the package that `name` imports, at the top or inside a function."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            candidates = [target, *(f"{target}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found.update(candidate for candidate in candidates if candidate in MODULES)
    return found - {name}


def test_no_module_imports_itself_back_round_a_cycle():
    graph = {name: imports_of(name) for name in MODULES}
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, "import cycle: " + " -> ".join((*path[path.index(name):], name))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_no_stage_imports_a_later_stage():
    for name in MODULES:
        stage = name.split(".")[1] if "." in name else ""
        forbidden = tuple(f"exporters.{later}" for later in AGAINST_THE_FLOW.get(stage, ()))
        wrong = [i for i in imports_of(name) if i in forbidden or i.startswith(tuple(f + "." for f in forbidden))]
        assert not wrong, f"{name} imports {wrong} against the flow"


def test_each_format_has_its_own_folder_and_no_helper_is_left_at_the_top():
    top = [path.name for path in PACKAGE.glob("*.py")]
    assert not [name for name in top if name.startswith(("docx_", "epub_", "pdf_", "html_"))]
    for chosen in FORMATS.values():
        assert chosen.module.startswith("exporters.formats."), chosen.module
        assert chosen.module in MODULES


def test_format_names_are_written_only_in_the_formats_and_the_command_line():
    names = set(FORMATS) | {f.extension for f in FORMATS.values()} | {"." + f.extension for f in FORMATS.values()}
    found = []
    for path in MODULES.values():
        where = path.relative_to(PACKAGE).as_posix()
        if where.startswith("formats/") or where == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names and (where, node.value) not in OTHER_MEANINGS:
                found.append(f"{where}:{node.lineno} {node.value!r}")
    assert not found


def test_the_program_fingerprint_covers_every_module_of_the_package(tmp_path):
    assert (PACKAGE / "__init__.py").is_file() and PACKAGE.name == "exporters"
    assert Library(tmp_path, date(2027, 1, 1)).program == _folder_digest(PACKAGE)
    copy = tmp_path / "exporters"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _folder_digest(copy)
    for nested in ("cli.py", "readers/markdown.py", "formats/pdf/tags.py", "checks/rules/terms.py",
                   "checks/data/plain-words.yaml", "build/parallel.py"):  # fmt: skip
        changed = copy / nested
        original = changed.read_bytes()
        changed.write_bytes(original + b"\n")
        assert _folder_digest(copy) != before, nested
        changed.write_bytes(original)
    assert _folder_digest(copy) == before
