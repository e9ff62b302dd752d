"""Lint of the ODCS data contracts in data-contracts/ (docs/CONVENTIONS.md, "Data contracts").

Each contract must validate against the Open Data Contract Standard v3 JSON schema, carry the
project's customProperties, describe and classify every property, classify personal data as
`restricted`, and, in gold, hold none. The schema is the one shipped in the pinned
`open-data-contract-standard` package (requirements-dev.txt), read at test time.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

CONTRACTS = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in CONTRACTS.rglob("*.yaml") if "tests" not in p.relative_to(CONTRACTS).parts)

LAYERS = {"landing", "bronze", "silver", "silver_restricted", "gold", "ops"}
FILE_FORMATS = {"csv", "jsonl", "geojson", "shapefile"}
CLASSIFICATIONS = {"restricted", "internal", "public"}

# Personal data by column name, matched on the snake_case form of the name ("childFirstName",
# "Child First Name" -> child_first_name): names of people, birth dates, phone, email, address lines.
PERSONAL = {
    "a person's name": re.compile(
        r"(^|_)(first|last|middle|given|family|full|sur|maiden|nick|preferred|legal)_?name(_|$)"
        r"|^(child|parent|guardian|applicant|person|contact|member|head|tenant|student|participant|recipient)"
        r"(_[a-z0-9]+)*_(name|first|last|middle)$"
    ),
    "a birth date": re.compile(r"(^|_)(birth|dob)(_|$)|birth_?date|birthday|date_of_birth"),
    "a phone number": re.compile(r"(^|_)(phone|telephone|tel|mobile|cell|fax)(_|$)|phone"),
    "an email address": re.compile(r"(^|_)e_?mail(_|$)"),
    "an address line": re.compile(
        r"(^|_)addr(ess)?_?line|(^|_)(street|home|mailing|residential|postal)_address"
        r"|(^|_)address_?[0-9](_|$)|^address$|(^|_)(apt|apartment|suite|unit_number)(_|$)"
    ),
}
# Inside an address object, its lines are address lines too ({"address": {"line1": ...}}).
ADDRESS_PART = re.compile(r"^(line_?[0-9]+|street(_[a-z0-9]+)*)$")


class _ContractLoader(yaml.SafeLoader):
    """YAML as the jobs read it: dates stay strings, and a key given twice is an error."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_ContractLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        doc = yaml.load(f, Loader=_ContractLoader)  # noqa: S506 - a SafeLoader subclass
    assert isinstance(doc, dict), f"{path.name}: not a YAML mapping"
    return doc


def custom_properties(doc: dict[str, Any]) -> dict[str, Any]:
    return {p.get("property"): p.get("value") for p in doc.get("customProperties") or []}


def walk_properties(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """Every property of every schema object, nested ones and array items included: its path, the
    property, and the kind of personal data it holds (None if none)."""

    def walk(props, where: str, parent_kind: str | None):
        for i, prop in enumerate(props or []):
            here = f"{where}.properties[{i}] ({prop.get('name')})"
            kind = personal_kind(str(prop.get("name") or ""), parent_kind)
            yield here, prop, kind
            yield from walk(prop.get("properties"), here, kind)
            items = prop.get("items")
            if isinstance(items, dict):
                yield from walk(items.get("properties"), here + ".items", kind)

    for s, obj in enumerate(doc.get("schema") or []):
        yield from walk(obj.get("properties"), f"schema[{s}]", None)


def snake(name: str) -> str:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def personal_kind(name: str, parent_kind: str | None = None) -> str | None:
    key = snake(name)
    if parent_kind == "an address line" and ADDRESS_PART.match(key):
        return parent_kind
    return next((kind for kind, pattern in PERSONAL.items() if pattern.search(key)), None)


def is_reference_data(doc: dict[str, Any]) -> bool:
    """A landing layout of a reference file (places, not people): no `program`."""
    custom = custom_properties(doc)
    return custom.get("layer") == "landing" and not custom.get("program")


@pytest.fixture(scope="module")
def odcs_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(resources.files("open_data_contract_standard").joinpath("schema.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def rel(path: Path) -> str:
    return str(path.relative_to(CONTRACTS))


contract_files = pytest.mark.parametrize("path", FILES, ids=[rel(p) for p in FILES])


@contract_files
def test_validates_against_odcs_v3(path, odcs_validator):
    doc = load(path)

    errors = sorted(odcs_validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))

    assert not errors, f"{rel(path)} is not valid ODCS:\n" + "\n".join(
        f"  /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors
    )
    assert str(doc["apiVersion"]).startswith("v3."), f"{rel(path)}: apiVersion {doc['apiVersion']} is not ODCS v3"


@contract_files
def test_has_the_project_custom_properties(path):
    doc = load(path)
    names = [p.get("property") for p in doc.get("customProperties") or []]
    custom = custom_properties(doc)
    problems = [f"customProperties names {n} twice" for n in sorted({n for n in names if names.count(n) > 1})]

    if custom.get("layer") not in LAYERS:
        problems.append(f"layer is {custom.get('layer')!r}, not one of {sorted(LAYERS)}")
    if custom.get("layer") == "landing":
        glob = str(custom.get("landingGlob") or "")
        if not glob or glob.startswith("/") or ".." in Path(glob).parts:
            problems.append(f"landingGlob {glob!r} must be a glob relative to the landing root")
        if custom.get("fileFormat") not in FILE_FORMATS:
            problems.append(f"fileFormat is {custom.get('fileFormat')!r}, not one of {sorted(FILE_FORMATS)}")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(custom.get("bronzeTable") or "")):
            problems.append(f"bronzeTable {custom.get('bronzeTable')!r} must be a snake_case table name")

    assert not problems, f"{rel(path)}:\n  " + "\n  ".join(problems)


def test_ids_are_unique():
    owners: dict[str, list[str]] = {}
    for path in FILES:
        owners.setdefault(str(load(path).get("id")), []).append(rel(path))

    assert {i: f for i, f in owners.items() if len(f) > 1} == {}


@contract_files
def test_every_property_is_described_and_classified(path):
    problems = []
    for where, prop, _ in walk_properties(load(path)):
        if not str(prop.get("description") or "").strip():
            problems.append(f"{where}: no description")
        if prop.get("classification") not in CLASSIFICATIONS:
            problems.append(f"{where}: classification {prop.get('classification')!r} is not one of {sorted(CLASSIFICATIONS)}")

    assert not problems, f"{rel(path)}:\n  " + "\n  ".join(problems)


@contract_files
def test_personal_data_is_restricted(path):
    doc = load(path)
    if is_reference_data(doc):
        pytest.skip("reference data describes places, not people")
    problems = [
        f"{where} looks like {kind} but is classified {prop.get('classification')!r}"
        for where, prop, kind in walk_properties(doc)
        if kind and prop.get("classification") != "restricted"
    ]

    assert not problems, f"{rel(path)}: personal data must be `restricted`:\n  " + "\n  ".join(problems)


@contract_files
def test_gold_holds_no_restricted_data(path):
    doc = load(path)
    if custom_properties(doc).get("layer") != "gold":
        return
    restricted = [where for where, prop, _ in walk_properties(doc) if prop.get("classification") == "restricted"]
    personal = [where for where, _, kind in walk_properties(doc) if kind]

    assert not restricted, f"{rel(path)}: gold publishes restricted properties: {restricted}"
    assert not personal, f"{rel(path)}: gold publishes what looks like personal data: {personal}"


def test_contracts_are_yaml_files():
    """The jobs read `*.yaml` only; a `.yml` contract would be silently ignored."""
    assert sorted(rel(p) for p in CONTRACTS.rglob("*.yml")) == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("child_first_name", "a person's name"),
        ("childFirstName", "a person's name"),
        ("Parent Name", "a person's name"),
        ("guardian_last_name", "a person's name"),
        ("DOB", "a birth date"),
        ("dateOfBirth", "a birth date"),
        ("child_birth_date", "a birth date"),
        ("parentPhone", "a phone number"),
        ("phone_number", "a phone number"),
        ("E-mail", "an email address"),
        ("contact_email", "an email address"),
        ("address_line1", "an address line"),
        ("addressLine2", "an address line"),
        ("street_address", "an address line"),
        ("address", "an address line"),
        ("Street Address", "an address line"),
        ("Address Line 2", "an address line"),
        ("Apt #", "an address line"),
        ("Parent First", "a person's name"),
        ("Parent/Guardian Last Name", "a person's name"),
        ("Child DOB", "a birth date"),
        ("Email Address", "an email address"),
        ("site_name", None),
        ("program_name", None),
        ("street_name", None),
        ("tract_name", None),
        ("address_id", None),
        ("household_size", None),
        ("telemetry", None),
    ],
)
def test_personal_data_patterns(name, kind):
    assert personal_kind(name) == kind


def test_lines_of_an_address_object_are_address_lines():
    assert personal_kind("line1", "an address line") == "an address line"
    assert personal_kind("city", "an address line") is None
    assert personal_kind("line1") is None
