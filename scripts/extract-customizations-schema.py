#!/usr/bin/env python3
"""Extracts schemas/customizations.schema.json from the official Webex device OpenAPI description.

Usage: scripts/extract-customizations-schema.py [webex-device.json] [> schemas/customizations.schema.json]

The result holds CustomizationObject (organization and location scope: ata, dect, mpp, wifi) and
CustomizationDeviceLevelObject (device scope: ata, mpp, wifi) with every schema they reference, as
local $defs. wxphones manages only the keys a manifest declares, so `required` is removed; every
object with `properties` gets `additionalProperties: false` so a misspelt key is an error at its
line; `example` is dropped. The build does not run this: the output is committed, and a unit test
(tests/unit/manifest/test_customizations_schema.cpp) checks it still matches the description.
"""
import json
import os
import sys

ROOTS = ["CustomizationObject", "CustomizationDeviceLevelObject"]
PREFIX = "#/components/schemas/"


def referenced(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
                out.add(value[len(PREFIX):])
            else:
                referenced(value, out)
    elif isinstance(node, list):
        for value in node:
            referenced(value, out)


def transform(node):
    """A schema node rewritten: local refs, no required/example, closed objects."""
    if isinstance(node, list):
        return [transform(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("required", "example"):
            continue
        if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
            out[key] = "#/$defs/" + value[len(PREFIX):]
        elif key == "properties" and isinstance(value, dict):
            out[key] = {name: transform(sub) for name, sub in value.items()}
        else:
            out[key] = transform(value)
    if isinstance(node.get("properties"), dict):
        out["additionalProperties"] = False
    return out


def extract(description):
    schemas = description["components"]["schemas"]
    names, todo = set(), list(ROOTS)
    while todo:
        name = todo.pop()
        if name in names:
            continue
        names.add(name)
        found = set()
        referenced(schemas[name], found)
        todo.extend(found)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Webex device customizations",
        "description": "Extracted from the official webex-device.json by "
        "scripts/extract-customizations-schema.py; do not edit by hand.",
        "$defs": {name: transform(schemas[name]) for name in sorted(names)},
    }


def dump(value, indent=0, prefix=0, width=120):
    """JSON laid out like the other schemas/*.json: small objects on one line."""
    one = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(value, (dict, list)) or not value or indent + prefix + len(one) <= width:
        return one
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = []
        for key, sub in value.items():
            name = json.dumps(key, ensure_ascii=False) + ": "
            items.append(pad + name + dump(sub, indent + 2, len(name), width))
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return "[\n" + ",\n".join(pad + dump(sub, indent + 2, 0, width) for sub in value) + "\n" + " " * indent + "]"


def main():
    default = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "webex-openapi", "webex-device.json")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    with open(path, encoding="utf-8") as f:
        description = json.load(f)
    sys.stdout.write(dump(extract(description)) + "\n")


if __name__ == "__main__":
    main()
