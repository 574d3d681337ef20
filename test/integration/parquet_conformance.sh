#!/usr/bin/env bash
# Reads every Parquet file of apache/parquet-testing (data/, bad_data/, shredded_variant/)
# with Basin ($1/basin) and with DuckDB (the peer in ../shared/peers) and compares the
# answers cell by cell. Skipped, with a message, when DuckDB or the corpus is missing.
#
# Canonical form: both engines run `SELECT CAST(c AS VARCHAR) ...` over every column, so
# nested values, dates and timestamps are in the engines' own text (they agree on it);
# the comparison then treats numbers that parse as floating point as equal within a
# relative 1e-6, and rows as a multiset (row groups may arrive in any order).
# Files listed in test/integration/parquet_conformance_expected.txt are expected to
# fail in Basin with the given message fragment, or to differ from DuckDB for a
# documented reason.
#
# usage: parquet_conformance.sh [BUILD_DIR] [--verbose] [FILE_SUBSTRING]
set -uo pipefail
build=${1:-build}
shift || true
verbose=0
filter=""
for arg in "$@"; do
  if [ "$arg" = "--verbose" ]; then verbose=1; else filter=$arg; fi
done
cd "$(dirname "$0")/../.."
basin="$build/basin"
shared_dir=${BASIN_SHARED_DIR:-$(pwd)/../shared}
corpus="$shared_dir/testdata/parquet-testing"
peer="$shared_dir/peers/duckdb_query.mjs"

if [ ! -d "$corpus/data" ]; then
  echo "skipped: no parquet-testing corpus at $corpus (set BASIN_SHARED_DIR)"
  exit 0
fi
if ! command -v node >/dev/null || [ ! -f "$peer" ] || ! node "$peer" --sql "SELECT 1" >/dev/null 2>&1; then
  echo "skipped: the DuckDB peer is not installed (see ../shared/peers/README.md, run setup.sh)"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is needed to compare answers"
  exit 0
fi

exec python3 test/integration/parquet_conformance.py "$basin" "$corpus" "$peer" \
  test/integration/parquet_conformance_expected.txt "$verbose" "$filter"
