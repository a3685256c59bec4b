#!/usr/bin/env python3
"""Writes fresh seed inputs for the fuzz targets; scripts/fuzz.sh --reseed merges them into the corpus.

  fuzz/seeds.py manifest OUT_DIR               examples/, tests/bad-manifests/, tests/fixtures/
  fuzz/seeds.py responses OUT_DIR [TRAFFIC...] emulator responses from traffic files (JSON lines of an
                                               e2e run, build/e2e-traffic/traffic.jsonl), the OpenAPI
                                               response examples, Link / Retry-After header samples
Each seed is named by the SHA-1 of its content, as libFuzzer names corpus files.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_SEED = 16 * 1024  # bigger inputs slow every run; the structure is what matters
OPENAPI = pathlib.Path("/work/shared/webex-openapi")


def write(out, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_SEED:
        return
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def manifest_seeds(out):
    dirs = [ROOT / "examples", ROOT / "tests" / "bad-manifests", ROOT / "tests" / "fixtures"]
    for top in dirs:
        for d in sorted(p for p in top.rglob("*") if p.is_dir()) + [top]:
            files = sorted(p for p in d.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))
            for f in files:
                write(out, f.read_bytes())
            if len(files) > 1:  # a directory as one multi-document text: cross-file references resolve
                write(out, b"\n---\n".join(f.read_bytes() for f in files))


def shrink(value, keep=3):
    """Lists cut to a few items: one page of 1,000 devices teaches nothing that three do not."""
    if isinstance(value, list):
        return [shrink(v, keep) for v in value[:keep]]
    if isinstance(value, dict):
        return {k: shrink(v, keep) for k, v in value.items()}
    return value


def traffic_seeds(out, files):
    seen = {}
    for name in files:
        for line in open(name, encoding="utf-8"):
            record = json.loads(line)
            path = re.sub(r"/[A-Za-z0-9_=-]{20,}", "/{id}", record.get("path", ""))
            key = (record.get("method"), path, record.get("status"))
            body = record.get("responseBody")
            if body is None or seen.get(key, 0) >= 2:
                continue
            seen[key] = seen.get(key, 0) + 1
            write(out, json.dumps(shrink(body), separators=(",", ":")))


def openapi_examples(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "responses" and isinstance(value, dict):
                for response in value.values():
                    collect_examples(response, found)
            else:
                openapi_examples(value, found)
    elif isinstance(node, list):
        for value in node:
            openapi_examples(value, found)


def collect_examples(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "example":
                found.append(value)
            elif key == "examples" and isinstance(value, dict):
                found.extend(v.get("value") for v in value.values() if isinstance(v, dict) and "value" in v)
            else:
                collect_examples(value, found)
    elif isinstance(node, list):
        for value in node:
            collect_examples(value, found)


def response_seeds(out, traffic):
    traffic_seeds(out, traffic)
    found = []
    for spec in sorted(OPENAPI.glob("*")):
        if spec.suffix == ".json":
            openapi_examples(json.loads(spec.read_text()), found)
        elif spec.suffix in (".yml", ".yaml"):
            try:
                import yaml
            except ImportError:
                continue
            openapi_examples(yaml.safe_load(spec.read_text()), found)
    for example in found:
        write(out, json.dumps(shrink(example), separators=(",", ":")))
    # Header values (one per line) and non-JSON error bodies.
    for text in [
        '<https://webexapis.com/v1/devices?max=100&start=100>; rel="next"',
        '<https://webexapis.com/v1/people?cursor=abc>; rel="prev", <https://webexapis.com/v1/people?cursor=def>; rel="next"',
        '</v1/devices?start=2>; rel=next\n<https://evil.example/v1/devices>; rel="first next"',
        '<http://127.0.0.1:8080/v1/workspaces?start=3>; title="a, <b>"; rel="next"',
        "<https://[::1]:443/v1/x>; rel=\"next\"\n30",
        "120",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        '{"message":"Invalid token","errors":[{"description":"Invalid token","errorCode":"401"}],"trackingId":"ROUTER_1"}',
    ]:
        write(out, text)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("manifest", "responses"):
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    if sys.argv[1] == "manifest":
        manifest_seeds(out)
    else:
        response_seeds(out, sys.argv[3:])


if __name__ == "__main__":
    main()
