"""The settings of the check: the defaults of data/rules.yaml, then pyproject.toml, then front matter."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import SourceError, UsageError
from ..findings import Severity

PROFILES = ("standard", "easy-read")
OFF_WORDS = {"off", "false", "no", "none", "ignore"}


@lru_cache(maxsize=1)
def default_rules() -> dict[str, dict[str, Any]]:
    """Every rule's defaults, as data/rules.yaml gives them."""
    text = resources.files(__package__).joinpath("data", "rules.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C loader: faster


@dataclass(frozen=True)
class RuleSettings:
    """One rule's settings in one profile."""

    rule: str
    enabled: bool
    severity: Severity
    forced: bool  # True when a team or a leaflet set the severity, replacing graded thresholds
    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def severity_of(self, key: str) -> Severity:
        """A severity kept under another name (such as "share-severity"), unless one was forced."""
        return self.severity if self.forced else Severity(self.values[key])


@dataclass(frozen=True)
class CheckSettings:
    """The settings of every rule, layered: defaults, then each override in turn."""

    layers: tuple[dict[str, Any], ...] = ()
    profile: str | None = None  # None: each text in its own profile

    def rule(self, rule: str, profile: str) -> RuleSettings:
        values = dict(default_rules()[rule])
        values.update(values.pop(profile, {}) if profile != "standard" else {})
        values.pop("easy-read", None)
        enabled, forced = True, False
        for layer in self.layers:
            setting = layer.get(rule)
            if setting is None:
                continue
            if isinstance(setting, dict):
                values.update({k: v for k, v in setting.items() if k not in PROFILES})
                values.update(setting.get(profile, {}) if profile != "standard" else {})
                forced = forced or "severity" in setting
            else:
                enabled, forced = _switch(setting), True
                if enabled:
                    values["severity"] = str(setting).lower()
        severity = Severity(values.get("severity", "warning"))
        return RuleSettings(rule, enabled, severity, forced, values)

    def with_layer(self, layer: dict[str, Any]) -> CheckSettings:
        return CheckSettings((*self.layers, layer), self.profile)


def _switch(setting: Any) -> bool:
    return setting is not False and str(setting).lower() not in OFF_WORDS


def load_project_settings(folder: Path | None = None, profile: str | None = None) -> CheckSettings:
    """The settings of `[tool.leaflet.checks]` in pyproject.toml of the folder (the current one)."""
    path = (folder or Path.cwd()) / "pyproject.toml"
    if not path.is_file():
        return CheckSettings(profile=profile)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path} cannot be read: {error}.") from None
    table: Any = data
    for name in ("tool", "leaflet", "checks"):
        table = table.get(name, {}) if isinstance(table, dict) else None
    problem = validate_layer(table)
    if problem:
        raise UsageError(f"{path}, [tool.leaflet.checks]: {problem}")
    return CheckSettings((table,), profile)


def leaflet_layer(checks: tuple[tuple[str, object], ...], source: Path, line: int) -> dict[str, Any]:
    """The front matter's `checks:` mapping, refused with its line when it names no known rule."""
    layer = dict(checks)
    problem = validate_layer(layer)
    if problem:
        raise SourceError(
            source,
            line,
            f"The 'checks' setting is not right: {problem}",
            "Write each rule's id, then 'off', a severity or its thresholds.",
        )
    return layer


def validate_layer(layer: Any) -> str:
    """What is wrong with a layer of settings, or "" when nothing is."""
    if not isinstance(layer, dict):
        return "the settings must be a list of rules, each with 'off', a severity or its thresholds."
    known = default_rules()
    for rule, setting in layer.items():
        if rule not in known:
            return f"there is no rule called '{rule}'. The rules are: {', '.join(known)}."
        if isinstance(setting, dict):
            problem = _values_problem(rule, setting, known[rule])
            if problem:
                return problem
        elif isinstance(setting, list):
            return f"'{rule}' must be 'off', a severity or its thresholds, not a list."
        elif _switch(setting) and str(setting).lower() not in set(Severity):
            return f"'{setting}' is not a severity for '{rule}': use off, error, warning or suggestion."
    return ""


def _values_problem(rule: str, setting: dict[str, Any], defaults: dict[str, Any]) -> str:
    """A setting the rule does not have, or one of the wrong kind (a word where a number goes)."""
    for key, value in setting.items():
        if key in PROFILES:
            if not isinstance(value, dict):
                return f"'{key}' under '{rule}' must be its settings for {key} text, as {{ error: 15 }}."
            problem = _values_problem(rule, value, {**defaults, **defaults.get(key, {})})
            if problem:
                return problem
        elif key == "severity":
            if str(value).lower() not in set(Severity):
                return f"'{value}' is not a severity for '{rule}': use error, warning or suggestion."
        elif key not in defaults:
            return f"the rule '{rule}' has no setting '{key}'."
        elif not _same_kind(value, defaults[key]):
            return f"the setting '{key}' of '{rule}' must be {_kind(defaults[key])}, not '{value}'."
        elif key == "list" and value not in _word_lists():
            return f"'{value}' is not a word list of leaflet: use one of {', '.join(sorted(_word_lists()))}."
    return ""


@lru_cache(maxsize=1)
def _word_lists() -> frozenset[str]:
    """The word lists in data/: a `list` setting may name only these, never another file."""
    return frozenset(entry.name for entry in resources.files(__package__).joinpath("data").iterdir())


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def _kind(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int | float):
        return "a number"
    return {str: "a word", list: "a list", dict: "a group of settings"}.get(type(default), "as in rules.yaml")
