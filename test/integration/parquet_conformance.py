#!/usr/bin/env python3
"""Compares Basin's and DuckDB's answers over the parquet-testing corpus.

Called by parquet_conformance.sh (which checks that DuckDB and the corpus exist):
  parquet_conformance.py BASIN CORPUS PEER EXPECTED_FILE VERBOSE FILTER
Exit status 0 when every file reads as DuckDB reads it, or fails or differs as
EXPECTED_FILE says.
"""
import csv
import fnmatch
import io
import json
import math
import os
import subprocess
import sys

NULL = "\x01NULL\x01"  # what a NULL cell becomes in both engines' text


def is_bytes(duck_type):
    return duck_type == "BLOB" or duck_type.startswith("GEOMETRY")


def run_basin(basin, sql):
    proc = subprocess.run([basin, "-c", sql, "--format", "csv"], capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8", "surrogateescape"), proc.stderr.decode("utf-8", "replace")


def run_duckdb(peer, sql):
    proc = subprocess.run(["node", peer, "--format", "csv", "--sql", sql], capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def parse_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0] if rows else [], rows[1:]


def quote_ident(name):
    return '"' + name.replace('"', '""') + '"'


def canonical_cell(cell):
    """Numbers to a float (compared with a tolerance); other text as is."""
    if cell == NULL:
        return cell
    try:
        if cell.strip() != cell or cell == "":
            return cell
        value = float(cell)
        if cell.lower() in ("nan", "-nan"):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    except ValueError:
        return cell


def cells_equal(a, b):
    if isinstance(a, float) and isinstance(b, float):
        if a == b:
            return True
        return abs(a - b) <= 1e-6 * max(abs(a), abs(b))
    return a == b


# ---- nested values: DuckDB gives JSON (to_json), Basin its PostgreSQL-style text ----

def parse_type(text):
    """DuckDB type text to ('list', t) | ('struct', [(name, t)]) | ('map', k, v) | ('leaf', name)."""
    text = text.strip()
    if text.endswith("[]"):
        return ("list", parse_type(text[:-2]))
    upper = text.upper()
    if upper.startswith("STRUCT(") or upper.startswith("MAP("):
        inner = text[text.index("(") + 1:-1]
        parts, depth, quoted, start = [], 0, False, 0
        for i, c in enumerate(inner):
            if c == '"':
                quoted = not quoted
            elif not quoted and c == "(":
                depth += 1
            elif not quoted and c == ")":
                depth -= 1
            elif not quoted and c == "," and depth == 0:
                parts.append(inner[start:i])
                start = i + 1
        parts.append(inner[start:])
        if upper.startswith("MAP("):
            return ("map", parse_type(parts[0]), parse_type(parts[1]))
        fields = []
        for part in parts:
            part = part.strip()
            if part.startswith('"'):
                end = part.index('"', 1)
                while end + 1 < len(part) and part[end + 1] == '"':
                    end = part.index('"', end + 2)
                fields.append((part[1:end].replace('""', '"'), parse_type(part[end + 1:])))
            else:
                name, _, rest = part.partition(" ")
                fields.append((name, parse_type(rest)))
        return ("struct", fields)
    return ("leaf", text)


def is_nested(t):
    return t[0] != "leaf"


def split_items(text, open_c, close_c, quote_doubling):
    """Items of {a,b} or (a,b): list of (text, quoted)."""
    assert text[0] == open_c and text[-1] == close_c, text
    body, items, i = text[1:-1], [], 0
    if body == "" and open_c == "{":
        return items
    while True:
        if i < len(body) and body[i] == '"':
            i += 1
            item = []
            while True:
                c = body[i]
                if c == "\\" and not quote_doubling:
                    item.append(body[i + 1]); i += 2; continue
                if c == '"':
                    if quote_doubling and i + 1 < len(body) and body[i + 1] == '"':
                        item.append('"'); i += 2; continue
                    i += 1
                    break
                if c == "\\" and quote_doubling and i + 1 < len(body) and body[i + 1] == "\\":
                    item.append("\\"); i += 2; continue
                item.append(c); i += 1
            items.append(("".join(item), True))
        else:
            start, depth, quoted = i, 0, False
            while i < len(body):
                c = body[i]
                if quoted:
                    if c == "\\":
                        i += 1
                    elif c == '"':
                        quoted = False
                elif c == '"':
                    quoted = True
                elif c in "{(":
                    depth += 1
                elif c in "})":
                    depth -= 1
                elif c == "," and depth == 0:
                    break
                i += 1
            items.append((body[start:i], False))
        if i >= len(body):
            return items
        assert body[i] == ",", body
        i += 1


def split_map(text):
    body, items, depth, start = text[1:-1], [], 0, 0
    if body == "":
        return items
    for i, c in enumerate(body):
        if c in "{(":
            depth += 1
        elif c in "})":
            depth -= 1
        elif depth == 0 and body.startswith(", ", i):
            items.append(body[start:i])
            start = i + 2
    items.append(body[start:])
    result = []
    for item in items:
        depth = 0
        for i, c in enumerate(item):
            if c in "{(":
                depth += 1
            elif c in "})":
                depth -= 1
            elif c == "=" and depth == 0:
                result.append((item[:i], item[i + 1:]))
                break
    return result


def from_basin(text, t):
    """Basin's text of a value of type t (None: NULL) to a canonical Python value."""
    if text is None:
        return None
    if t[0] == "leaf":
        return canonical_leaf(text)
    if t[0] == "list":
        items = split_items(text, "{", "}", False)
        return [None if (not q and s == "NULL") else from_basin(s, t[1]) for s, q in items]
    if t[0] == "struct":
        items = split_items(text, "(", ")", True)
        if len(items) != len(t[1]):
            return ("bad struct", text)
        return {name: (None if (not q and s == "") else from_basin(s, ft))
                for (name, ft), (s, q) in zip(t[1], items)}
    return [(from_basin(k, t[1]), None if v == "NULL" else from_basin(v, t[2])) for k, v in split_map(text)]


def from_json(value, t):
    if value is None:
        return None
    if t[0] == "leaf":
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return float(value)
        return canonical_leaf(str(value))
    if t[0] == "list":
        return [from_json(v, t[1]) for v in value]
    if t[0] == "struct":
        return {name: from_json(value.get(name), ft) for name, ft in t[1]}
    if isinstance(value, dict):
        return [(canonical_leaf(k), from_json(v, t[2])) for k, v in value.items()]
    return [(from_json(e.get("key"), t[1]), from_json(e.get("value"), t[2])) for e in value]


def canonical_leaf(text):
    if text in ("true", "t"):
        return "true"
    if text in ("false", "f"):
        return "false"
    return canonical_cell(text)


def values_equal(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, float) and isinstance(b, float) and cells_equal(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    return a == b


def sort_key(row):
    return [("0" + repr(c)) if isinstance(c, float) else ("1" + c) for c in row]


def load_expected(path):
    """Lines `FILE<TAB>fail<TAB>message fragment` or `FILE<TAB>differs<TAB>reason`."""
    expected = {}
    if not os.path.exists(path):
        return expected
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            expected[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")
    return expected


def compare_file(basin, peer, path):
    """Returns (status, detail): status in ok, basin_error, duckdb_error, differs."""
    source = "read_parquet('" + path.replace("'", "''") + "')"
    code, out, err = run_basin(basin, "SELECT * FROM " + source + " LIMIT 0")
    if code != 0:
        return "basin_error", (err.strip() or out.strip())
    basin_names, _ = parse_csv(out)
    code, out, err = run_duckdb(peer, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + source + ")")
    if code != 0:
        return "duckdb_error", err.strip()
    _, described = parse_csv(out)
    duck_names = [r[0] for r in described]
    if basin_names != duck_names:
        return "differs", "column names: Basin %s, DuckDB %s" % (basin_names, duck_names)

    types = [parse_type(t) for _, t in described]

    def select(duckdb):
        items = []
        for (name, duck_type), t in zip(described, types):
            expr = quote_ident(name)
            if is_bytes(duck_type):
                # DuckDB reads unannotated BYTE_ARRAY as BLOB (and GEOMETRY as such),
                # Basin as VARCHAR: DuckDB's hex is compared with Basin's bytes in hex.
                if duckdb:
                    expr = ("hex(ST_AsWKB(%s))" if duck_type != "BLOB" else "hex(%s)") % expr
            elif is_nested(t) and duckdb:
                expr = "to_json(%s)" % expr
            items.append("coalesce(CAST(%s AS VARCHAR), '%s') AS %s" % (expr, NULL, quote_ident(name)))
        return "SELECT " + (", ".join(items) if items else "*") + " FROM " + source

    code, duck_out, err = run_duckdb(peer, select(True))
    if code != 0:
        return "duckdb_error", err.strip()
    code, basin_out, err = run_basin(basin, select(False))
    if code != 0:
        return "basin_error", (err.strip() or basin_out.strip())
    _, duck_rows = parse_csv(duck_out)
    _, basin_rows = parse_csv(basin_out)

    def canonical_row(row, duckdb):
        values = []
        for cell, t, (_, duck_type) in zip(row, types, described):
            if cell == NULL:
                values.append(None)
            elif is_bytes(duck_type):
                values.append(cell if duckdb else cell.encode("utf-8", "surrogateescape").hex().upper())
            elif not is_nested(t):
                values.append(canonical_leaf(cell))
            elif duckdb:
                values.append(from_json(json.loads(cell), t))
            else:
                try:
                    values.append(from_basin(cell, t))
                except (AssertionError, IndexError, ValueError):
                    values.append(("unparsable", cell))
        return values

    duck_rows = sorted((canonical_row(r, True) for r in duck_rows), key=repr)
    basin_rows = sorted((canonical_row(r, False) for r in basin_rows), key=repr)
    if len(duck_rows) != len(basin_rows):
        return "differs", "row count: Basin %d, DuckDB %d" % (len(basin_rows), len(duck_rows))
    names = [n for n, _ in described]
    for d, b in zip(duck_rows, basin_rows):
        for name, x, y in zip(names, d, b):
            if not values_equal(x, y):
                return "differs", "column %s: Basin %r, DuckDB %r" % (name, y, x)
    return "ok", "%d rows" % len(duck_rows)


def main():
    basin, corpus, peer, expected_path, verbose, name_filter = sys.argv[1:7]
    verbose = verbose == "1"
    expected = load_expected(expected_path)
    files = []
    for sub in ("data", "bad_data", "shredded_variant"):
        for root, _, names in os.walk(os.path.join(corpus, sub)):
            for name in names:
                if name.endswith(".parquet") or name.endswith(".parquet.encrypted"):
                    files.append(os.path.relpath(os.path.join(root, name), corpus))
    files.sort()
    counts = {}
    failures = []
    for rel in files:
        if name_filter and name_filter not in rel:
            continue
        status, detail = compare_file(basin, peer, os.path.join(corpus, rel))
        want = expected.get(rel)
        if want is None:
            want = next((v for k, v in expected.items() if fnmatch.fnmatch(rel, k)), None)
        if want and want[0] == "fail":
            if status == "basin_error" and want[1] in detail:
                outcome = "expected_error"
            else:
                outcome = "FAILED"
                detail = "expected a Basin error containing %r, got %s: %s" % (want[1], status, detail)
        elif want and want[0] == "differs":
            outcome = "expected_difference" if status in ("differs", "duckdb_error") else "FAILED"
            if outcome == "FAILED":
                detail = "listed as differing (%s) but %s: %s" % (want[1], status, detail)
        elif status == "duckdb_error":
            outcome = "basin_only"  # DuckDB cannot read it; Basin's answer is unchecked
            if "Basin" not in detail:
                detail = "DuckDB: " + detail
        else:
            outcome = "ok" if status == "ok" else "FAILED"
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "FAILED":
            failures.append(rel)
        if verbose or outcome in ("FAILED", "basin_only"):
            print("%-20s %s: %s" % (outcome, rel, detail[:400].replace("\n", " ")))
    print("parquet conformance: " + ", ".join("%s %d" % (k, v) for k, v in sorted(counts.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
