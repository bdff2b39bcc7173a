#!/usr/bin/env python3
"""Checks the hand-written Python and Node surfaces against the OpenAPI documents.

The documents (`spec/platform.openapi.json`, `spec/ops.openapi.json`) are generated from the
Rust types (see docs/contract.md). This script reads them and, for every operation and every
object schema, checks:

- Python: the `.pyi` stubs of the clients (`cjhirashi_agents/_client.pyi`,
  `agent_client/_client.pyi`, read with `ast`) have the operation's method on its resource
  (`SDK: `users.list`` in the operation's description), on the sync and async clients and on
  their `with_raw_response` views, with the path ids as positional parameters and the query
  parameters and request-body properties as keyword parameters (snake_case of the wire names);
  each model class of `models.py` has exactly the schema's properties (snake_case).
- Node: the TypeScript sources (`bindings-node/ts/*.ts`, read with regexes and a brace
  scanner, so no `node_modules` is needed) have the method (camelCase) on the resource of
  `CJHirashiAgents` / `AgentClient`, whose parameter interface carries exactly the query and
  body properties (wire names); each schema's interface has exactly the schema's properties,
  and each closed string set (`enum`) is a `export type X = 'a' | 'b'` union of its values.

Names that legitimately differ are listed in the allowlists below, each with its reason.
Stdlib only (Python 3.9+); prints a one-line tally and exits 1 on any mismatch.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path
from typing import Any

# A JSON object as `json` reads it.
Json = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / "bindings-python" / "python"
TS = ROOT / "bindings-node" / "ts"

SERVICES: dict[str, Json] = {
    "platform": {
        "doc": ROOT / "spec" / "platform.openapi.json",
        "py_pkg": PY / "cjhirashi_agents",
        "py_roots": [
            "Client",
            "AsyncClient",
            "ClientWithRawResponse",
            "AsyncClientWithRawResponse",
        ],
        "ts_files": ["platform.ts", "platform-types.ts"],
        "ts_root": "CJHirashiAgents",
    },
    "ops": {
        "doc": ROOT / "spec" / "ops.openapi.json",
        "py_pkg": PY / "agent_client",
        "py_roots": [
            "AgentClient",
            "AsyncAgentClient",
            "AgentClientWithRawResponse",
            "AsyncAgentClientWithRawResponse",
        ],
        "ts_files": ["ops.ts", "ops-types.ts"],
        "ts_root": "AgentClient",
    },
}

# --- allowlists: (service, name) -> reason -------------------------------------------------

# Python keyword names that differ from the snake_case of the wire name.
PY_PARAM_RENAMES: dict[str, str] = {
    # `from` is a Python keyword: the query parameter `from` is the keyword argument `from_`.
    "from": "from_",
}

# Wire members an SDK method does not take as a parameter, per (service, sdk method, wire name).
PARAM_NOT_EXPOSED: dict[tuple[str, str, str], str] = {
    # `POST /api/chat` is two SDK methods: `chat.send` sends `stream: false` and `chat.stream`
    # sends `stream: true`; the caller picks the method, not the flag.
    ("ops", "chat.send", "stream"): "chosen by the method (chat.send vs chat.stream)",
    ("ops", "chat.stream", "stream"): "chosen by the method (chat.send vs chat.stream)",
}

# Request-body schemas without a Node interface: the method takes the body's members as
# positional arguments (checked as parameters instead).
NODE_BODY_POSITIONAL: dict[tuple[str, str], str] = {
    # `conversations.sendMessage(id, content)`: the body is `{content}`.
    (
        "platform",
        "SendMessageParams",
    ): "sendMessage(id, content) takes the member positionally",
    # `tools.execute(tool, parameters?)`: the body is `{tool, parameters}`.
    (
        "ops",
        "ExecuteToolParams",
    ): "execute(tool, parameters) takes the members positionally",
}

# Schema properties that an interface leaves out on purpose, per (service, schema, wire name).
NODE_FIELD_NOT_EXPOSED: dict[tuple[str, str, str], str] = {
    # `ChatParams.stream` is set by the method (`chat.send` false, `chat.stream` true).
    ("ops", "ChatParams", "stream"): "chosen by the method (chat.send vs chat.stream)",
}

# Object schemas that have no model class / interface of the same name in a language, and why.
SCHEMA_NO_MODEL: dict[tuple[str, str], str] = {}
for _svc in ("platform", "ops"):
    # The error envelope is read into the error classes (`APIError.code`, `.details`, ...),
    # not returned as a model.
    SCHEMA_NO_MODEL[(_svc, "ErrorBody")] = "read into the error classes"
    SCHEMA_NO_MODEL[(_svc, "ErrorDetail")] = "read into the error classes"
for _name in ("ValidationErrorDetails", "RateLimitErrorDetails"):
    SCHEMA_NO_MODEL[("platform", _name)] = "the `details` of an error class"
# `Meta` is the `{data, meta}` envelope's metadata: the SDKs return `data` and expose the
# request id through raw responses.
SCHEMA_NO_MODEL[("platform", "Meta")] = "envelope metadata, read by the transport"
# SSE event payloads are yielded by the stream classes (`MessageStream`, `ChatEventStream`).
SCHEMA_NO_MODEL[("platform", "TokenEvent")] = "yielded by the message stream"
SCHEMA_NO_MODEL[("platform", "DoneEvent")] = "yielded by the message stream"


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


# --- the documents ------------------------------------------------------------------------


class Operation:
    def __init__(self, service: str, method: str, path: str, op: Json, doc: Json) -> None:
        self.service = service
        self.method = method.upper()
        self.path = path
        self.op_id = op["operationId"]
        m = re.search(r"SDK: `([^`]+)`", op.get("description", ""))
        self.sdk: list[str] = [s.strip() for s in m.group(1).split("/")] if m else []
        self.path_params = [p["name"] for p in op.get("parameters", []) if p.get("in") == "path"]
        self.query = [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
        self.body: list[str] = []
        schema = (
            op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        )
        if schema is not None:
            self.body = sorted(resolve(doc, schema).get("properties", {}))

    def label(self) -> str:
        return f"{self.service} {self.op_id} ({self.method} {self.path})"


def resolve(doc: Json, schema: Json) -> Json:
    ref = schema.get("$ref")
    if ref:
        target: Json = doc["components"]["schemas"][ref.rsplit("/", 1)[-1]]
        return target
    return schema


def refs(doc: Json, node: object, out: set[str]) -> None:
    """Adds the names of the component schemas `node` refers to, transitively."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            kind, name = ref.split("/")[2:4]
            target = doc["components"].get(kind, {}).get(name)
            if kind == "schemas":
                if name in out:
                    return
                out.add(name)
            refs(doc, target, out)
        for v in node.values():
            refs(doc, v, out)
    elif isinstance(node, list):
        for v in node:
            refs(doc, v, out)


def object_schemas(doc: Json) -> dict[str, list[str]]:
    out = {}
    for name, s in doc["components"]["schemas"].items():
        if s.get("type") == "object" and "properties" in s:
            out[name] = sorted(s["properties"])
    return out


# --- Python -------------------------------------------------------------------------------


def py_classes(path: Path) -> dict[str, ast.ClassDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def py_attrs(cls: ast.ClassDef, classes: dict[str, ast.ClassDef]) -> dict[str, str]:
    """Annotated attributes (name -> annotation text), with those of same-file bases."""
    out: dict[str, str] = {}
    for base in cls.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            out.update(py_attrs(classes[base.id], classes))
    for n in cls.body:
        if (
            isinstance(n, ast.AnnAssign)
            and isinstance(n.target, ast.Name)
            and not n.target.id.startswith("_")  # private state, not a wire field
        ):
            out[n.target.id] = ast.unparse(n.annotation) if hasattr(ast, "unparse") else ""
            if not out[n.target.id] and isinstance(n.annotation, ast.Name):
                out[n.target.id] = n.annotation.id
    return out


def py_methods(cls: ast.ClassDef) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    return {n.name: n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def check_python(
    svc: str,
    cfg: Json,
    ops: list[Operation],
    schemas: dict[str, list[str]],
    errors: list[str],
) -> None:
    classes = py_classes(cfg["py_pkg"] / "_client.pyi")
    for root in cfg["py_roots"]:
        if root not in classes:
            errors.append(f"python {svc}: no class {root} in _client.pyi")
            continue
        for op in ops:
            for sdk in op.sdk:
                *res, meth = sdk.split(".")
                cls: ast.ClassDef | None = classes[root]
                where = root
                for r in res:
                    attrs = py_attrs(cls, classes) if cls else {}
                    ann = attrs.get(r)
                    cls = classes.get(ann) if ann else None
                    where += "." + r
                    if cls is None:
                        break
                if cls is None:
                    errors.append(f"python {op.label()}: no resource {where} for `{sdk}`")
                    continue
                fn = py_methods(cls).get(meth)
                if fn is None:
                    errors.append(f"python {op.label()}: no method {where}.{meth}")
                    continue
                args = fn.args
                positional = [a.arg for a in args.posonlyargs + args.args if a.arg != "self"]
                keywords = [a.arg for a in args.kwonlyargs]
                want_pos = [snake(p) for p in op.path_params]
                if positional[: len(want_pos)] != want_pos:
                    errors.append(
                        f"python {op.label()}: {where}.{meth} positional {positional}, "
                        f"expected path ids {want_pos} first"
                    )
                want = set()
                for w in op.query + op.body:
                    if (svc, sdk, w) in PARAM_NOT_EXPOSED:
                        continue
                    want.add(PY_PARAM_RENAMES.get(w, snake(w)))
                have = set(keywords) | set(positional[len(want_pos) :])
                report(
                    errors,
                    f"python {op.label()}: {where}.{meth} parameters",
                    want,
                    have,
                )
    models = py_classes(cfg["py_pkg"] / "models.py")
    for name, props in schemas.items():
        if is_request_schema(name, ops, cfg) or (svc, name) in SCHEMA_NO_MODEL:
            continue
        if name.endswith("List") and name not in models:
            continue  # lists are returned as sequences (API.md): `list[Agent]`, pages
        cls = models.get(name)
        if cls is None:
            errors.append(f"python {svc} schema {name}: no model class in models.py")
            continue
        have = set(py_attrs(cls, models))
        report(
            errors,
            f"python {svc} schema {name}: model fields",
            {snake(p) for p in props},
            have,
        )


_REQUEST_SCHEMAS: dict[str, set[str]] = {}


def is_request_schema(name: str, ops: list[Operation], cfg: Json) -> bool:
    """Schemas used only as request bodies: checked through the method parameters."""
    return name in _REQUEST_SCHEMAS.get(str(cfg["doc"]), set())


def report(errors: list[str], what: str, want: set[str], have: set[str]) -> None:
    missing = sorted(want - have)
    extra = sorted(have - want)
    if missing or extra:
        errors.append(f"{what}: missing {missing}, extra {extra}")


# --- Node ---------------------------------------------------------------------------------


def strip_comments(src: str) -> str:
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.DOTALL)
    return re.sub(r"(?m)^\s*//.*$", "", src)


def match_close(src: str, start: int) -> int:
    """Index of the bracket closing the one at `start` (counts {} () [])."""
    depth = 0
    for i in range(start, len(src)):
        c = src[i]
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
            if depth == 0:
                return i
    return len(src) - 1


def ts_members(body: str) -> list[str]:
    """Splits a type-literal body at depth-0 `;`."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for c in body:
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        if c == ";" and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
    if "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


class TsResource:
    def __init__(self) -> None:
        self.methods: dict[str, str] = {}  # name -> parameter list text
        self.children: dict[str, TsResource] = {}


def ts_resource(body: str) -> TsResource:
    res = TsResource()
    for m in ts_members(body):
        mm = re.match(r"(?:readonly\s+)?(\w+)\s*(?:<[^(]*?>)?\s*\(", m)
        if mm:
            open_at = m.index("(", mm.end() - 1)
            res.methods[mm.group(1)] = m[open_at + 1 : match_close(m, open_at)]
            continue
        mm = re.match(r"(?:readonly\s+)?(\w+)\s*:\s*[^{;]*\{", m)
        if mm:
            open_at = mm.end() - 1
            res.children[mm.group(1)] = ts_resource(m[open_at + 1 : match_close(m, open_at)])
    return res


def ts_root(src: str, cls_name: str) -> TsResource:
    m = re.search(r"export class " + cls_name + r"\b[^{]*\{", src)
    root = TsResource()
    if not m:
        return root
    body = src[m.end() : match_close(src, m.end() - 1)]
    for r in re.finditer(r"(?m)^  readonly (\w+)\s*:\s*([^;{]*)\{", body):
        open_at = r.end() - 1
        root.children[r.group(1)] = ts_resource(body[open_at + 1 : match_close(body, open_at)])
    return root


def ts_interfaces(src: str) -> dict[str, set[str]]:
    out = {}
    for m in re.finditer(r"export interface (\w+)(?:<[^{]*>)?(?:\s+extends[^{]*)?\s*\{", src):
        open_at = m.end() - 1
        body = src[open_at + 1 : match_close(src, open_at)]
        fields = set()
        for mem in ts_members(body):
            fm = re.match(r"(?:readonly\s+)?['\"]?(\w+)['\"]?\??\s*:", mem)
            if fm:
                fields.add(fm.group(1))
        out[m.group(1)] = fields
    return out


def check_node(
    svc: str,
    cfg: Json,
    ops: list[Operation],
    schemas: dict[str, list[str]],
    enums: dict[str, list[str]],
    errors: list[str],
) -> None:
    client_src = strip_comments((TS / cfg["ts_files"][0]).read_text(encoding="utf-8"))
    types_src = strip_comments((TS / cfg["ts_files"][1]).read_text(encoding="utf-8"))
    root = ts_root(client_src, cfg["ts_root"])
    ifaces = ts_interfaces(types_src)
    for op in ops:
        for sdk in op.sdk:
            *res, meth = [camel(p) for p in sdk.split(".")]
            node: TsResource | None = root
            where = cfg["ts_root"]
            for r in res:
                node = node.children.get(r) if node else None
                where += "." + r
            if node is None:
                errors.append(f"node {op.label()}: no resource {where} for `{sdk}`")
                continue
            params = node.methods.get(meth)
            if params is None:
                errors.append(f"node {op.label()}: no method {where}.{meth}")
                continue
            names = re.findall(r"(?:^|,)\s*(\w+)\??\s*:", params)
            want_pos = [camel(p) for p in op.path_params]
            if names[: len(want_pos)] != want_pos:
                errors.append(f"node {op.label()}: {where}.{meth}({params}): path ids first")
            want = {w for w in op.query + op.body if (svc, sdk, w) not in PARAM_NOT_EXPOSED}
            # Members taken positionally (after the path ids), e.g. `sendMessage(id, content)`.
            positional = {n for n in names[len(want_pos) :] if n not in ("params", "options")}
            report(
                errors,
                f"node {op.label()}: {where}.{meth} positional parameters",
                want & positional,
                positional,
            )
            want -= positional
            pm = re.search(r"\bparams\??\s*:\s*(?:T\.)?(\w+)", params)
            if not want:
                if pm:
                    errors.append(f"node {op.label()}: {where}.{meth} takes params, none expected")
                continue
            if not pm:
                errors.append(f"node {op.label()}: {where}.{meth} takes no params interface")
                continue
            have = ifaces.get(pm.group(1))
            if have is None:
                errors.append(f"node {op.label()}: interface {pm.group(1)} not found")
                continue
            report(errors, f"node {op.label()}: {pm.group(1)}", want, have)
    for name, values in enums.items():
        m = re.search(r"export type " + name + r"\s*=([^;]*);", types_src)
        if m is None:
            errors.append(f"node {svc} schema {name}: no `export type {name} = ...` union")
            continue
        have_values = set(re.findall(r"'([^']*)'", m.group(1)))
        report(errors, f"node {svc} schema {name}: union members", set(values), have_values)
    for name, props in schemas.items():
        if (svc, name) in SCHEMA_NO_MODEL or (svc, name) in NODE_BODY_POSITIONAL:
            continue
        props = [p for p in props if (svc, name, p) not in NODE_FIELD_NOT_EXPOSED]
        have = ifaces.get(name)
        if have is None:
            if name.endswith("List"):
                continue  # lists are returned as arrays / pages (API.md)
            errors.append(f"node {svc} schema {name}: no interface in {cfg['ts_files'][1]}")
            continue
        report(errors, f"node {svc} schema {name}: interface fields", set(props), have)


def main() -> int:
    errors: list[str] = []
    n_ops = n_schemas = n_http = n_enums = 0
    for svc, cfg in SERVICES.items():
        doc = json.loads(cfg["doc"].read_text(encoding="utf-8"))
        ops = []
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method in ("get", "put", "post", "patch", "delete"):
                    o = Operation(svc, method, path, op, doc)
                    if not o.sdk:
                        errors.append(f"{o.label()}: no `SDK: ...` in its description")
                    ops.append(o)
        req: set[str] = set()
        resp: set[str] = set()
        for item in doc["paths"].values():
            for op in item.values():
                if isinstance(op, dict):
                    refs(doc, op.get("requestBody", {}), req)
                    refs(doc, op.get("responses", {}), resp)
        # Python takes request bodies as keyword arguments (plain mappings below the top level),
        # so the schemas only requests use have no model class.
        _REQUEST_SCHEMAS[str(cfg["doc"])] = req - resp
        schemas = object_schemas(doc)
        n_ops += sum(len(o.sdk) for o in ops)
        n_http += len(ops)
        enums = {
            name: [str(v) for v in sch["enum"]]
            for name, sch in doc["components"]["schemas"].items()
            if sch.get("type") == "string" and "enum" in sch
        }
        n_schemas += len(schemas)
        n_enums += len(enums)
        check_python(svc, cfg, ops, schemas, errors)
        check_node(svc, cfg, ops, schemas, enums, errors)
    for e in errors:
        print(e)
    print(
        f"surfaces: {n_http} operations ({n_ops} SDK methods), {n_schemas} object schemas "
        f"checked in Python and Node, {n_enums} closed sets in Node, {len(errors)} mismatches"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
