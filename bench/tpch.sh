#!/usr/bin/env bash
# TPC-H side by side: Basin and DuckDB on the same data, same thread count, one run.
#   bench/tpch.sh --sf 0.1|1|10 [--threads N] [--runs N] [--queries 1,3,5] [--parquet]
# --parquet: both engines query views over Parquet copies of the tables (written by
# DuckDB into bench/data/sfN-parquet) instead of in-memory tables.
# Generates the data once (bench/data/sfN, with Basin's generator; SF0.1 uses the
# official dbgen data of ../shared), checks both engines' answers (official answers
# at SF0.1 and SF1, DuckDB's otherwise), prints per-query ms, the ratio and geometric
# means, and writes bench/results/tpch-sfN-<date>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
sf=1
threads=2
runs=3
queries=all
mode=mem
while [ $# -gt 0 ]; do
  case "$1" in
    --sf) sf=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --parquet) mode=parquet; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared=${BASIN_SHARED_DIR:-$(cd .. && pwd)/shared}
data=bench/data/sf$sf
results=bench/results
mkdir -p "$data" "$results"

make -s build >/dev/null
cmake --build build --target basin_tpch_bench >/dev/null
if [ ! -f "$data/lineitem.tbl" ]; then
  if [ "$sf" = 0.1 ]; then
    tar --zstd -xf "$shared/tpch/sf0.1/tpch-sf0.1.tar.zst" -C "$data"
  else
    echo "generating SF$sf into $data"
    build/basin tpch generate --sf "$sf" --out "$data" --threads "$threads"
  fi
fi
answers="$data-answers"
case "$sf" in
  0.1) answers=$shared/tpch/answers-sf0.1 ;;
  *) [ -f "$answers/q22.csv" ] || node "$shared/peers/gen_answers.mjs" "$data" "$answers" ;;
esac

stamp=$(date +%Y%m%d-%H%M%S)
basin_json=$results/tpch-sf$sf-basin-$stamp.json
duckdb_json=$results/tpch-sf$sf-duckdb-$stamp.json
query_args=()
[ "$queries" != all ] && query_args=(--queries "$queries")

bash "$shared/peers/setup.sh" >/dev/null
parquet_args=()
if [ "$mode" = parquet ]; then
  # DuckDB writes the Parquet copies (once) as it loads the tables.
  [ -f "$data-parquet/lineitem.parquet" ] ||
    node "$shared/peers/duckdb_tpch.mjs" "$data" /dev/null --mode mem --runs 1 --queries 1 --answers none >/dev/null
  parquet_args=(--parquet-dir "$data-parquet")
fi
echo "== Basin (threads=$threads, $mode)"
build/bench/basin_tpch_bench "$data" "$shared/tpch/queries" "$basin_json" --threads "$threads" \
  --runs "$runs" --answers "$answers" "${query_args[@]}" "${parquet_args[@]}"
echo "== DuckDB (threads=$threads, $mode)"
node "$shared/peers/duckdb_tpch.mjs" "$data" "$duckdb_json" --mode "$mode" --threads "$threads" --runs "$runs" \
  --answers "$answers" --queries "$queries" >/dev/null
node bench/tpch_compare.mjs "$basin_json" "$duckdb_json" "$mode" | tee "$results/tpch-sf$sf-$mode-$stamp.md"
