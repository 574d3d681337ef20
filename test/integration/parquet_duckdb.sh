#!/usr/bin/env bash
# Parquet files exchanged with DuckDB, the reference reader and writer:
#  1. Basin writes every type; DuckDB reads it and prints the columns whose text forms
#     agree between the two engines, compared with Basin's own output; DuckDB's
#     statistics of the file (parquet_metadata) match its min/max of the data.
#  2. DuckDB rewrites Basin's file; Basin finds the rewrite equal to the original
#     (every type, nested ones included, survived DuckDB's reader).
#  3. DuckDB writes nested types; Basin reads them and writes them again; DuckDB finds
#     both files equal.
# Skipped (exit 0, with a message) when the DuckDB peer (../shared/peers/setup.sh) is
# not installed, as on a fresh CI machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
basin="$(pwd)/${1:-build}/basin"
shared_dir=${BASIN_SHARED_DIR:-$(pwd)/../shared}
peer="$shared_dir/peers/duckdb_query.mjs"
if ! command -v node >/dev/null || [ ! -f "$peer" ] || [ ! -d "$HOME/.cache/basin-peers/node_modules/@duckdb" ]; then
  echo "skipped: the DuckDB peer is not installed (run $shared_dir/peers/setup.sh)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
duck() { node "$peer" --format csv --sql "$1"; }
# Basin's CSV has a header too; the last statement's result is printed.
bas() { "$basin" --format csv -c "$1"; }

expect_same() {
  if ! diff -u "$2" "$3" >"$work/diff"; then
    echo "FAILED: $1"
    head -40 "$work/diff"
    failed=1
  else
    echo "ok: $1"
  fi
}

cat >"$work/make.sql" <<SQL
CREATE TABLE src AS SELECT i AS id,
  i % 3 = 0 AS b, (i % 30000 - 15000)::smallint AS s, i * 7919 % 1000003 - 500000 AS i32,
  i::bigint * 1000000007 - 5000000000000 AS i64, (i % 1000) / 8.0::real AS r, i / 16.0 AS d,
  (i % 9999 - 5000) / 10.0::numeric(5,1) AS n5, (i * 12345.678)::numeric(18,3) AS n18,
  (i * 1234567890123.4567891)::numeric(38,10) AS n38,
  CASE WHEN i % 11 = 0 THEN NULL WHEN i % 13 = 0 THEN '' ELSE 'str ' || (i % 500) || ' ' || repeat('x', i % 20) END AS t,
  DATE '2000-01-01' + (i % 20000 - 10000) AS dt, make_time(i % 24, i % 60, (i % 60)::double precision + 0.5) AS tm,
  TIMESTAMP '2020-01-01' + i * INTERVAL '37 minutes 1.25 seconds' AS ts,
  TIMESTAMPTZ '2020-01-01 00:00:00+00' + i * INTERVAL '1 hour' AS tz,
  make_interval(0, i % 14, 0, i % 40, i % 24, 0, 0) AS iv,
  CASE WHEN i % 7 = 0 THEN NULL WHEN i % 5 = 0 THEN ARRAY[]::integer[] ELSE ARRAY[i, NULL, i + 1] END AS l,
  CASE WHEN i % 9 = 0 THEN NULL ELSE ROW(i, ARRAY['a' || i, NULL])::struct(x integer, y text[]) END AS st,
  CASE WHEN i % 4 = 0 THEN NULL ELSE map(ARRAY['k' || i, 'z'], ARRAY[i, NULL]) END AS m,
  CASE WHEN i % 6 = 0 THEN NULL ELSE ARRAY[ARRAY[ROW(i, 'q')::struct(a integer, b text)], ARRAY[]::struct(a integer, b text)[], NULL] END AS deep
FROM generate_series(1, 50000) i;
COPY src TO '$work/basin.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000);
SQL
"$basin" -f "$work/make.sql" >/dev/null

# 1. Columns whose text agrees between the engines, as each engine reads the file.
file="read_parquet('$work/basin.parquet')"
text_columns="id, b::int AS b, s, i32, i64, n5, n18, n38, t, dt, tm, ts"
bas "SELECT $text_columns FROM $file ORDER BY id" >"$work/basin_text.csv"
duck "SELECT $text_columns FROM $file ORDER BY id" >"$work/duck_text.csv"
expect_same "DuckDB reads Basin's scalar columns" "$work/basin_text.csv" "$work/duck_text.csv"

bas "SELECT count(*) AS n, sum(r::double precision)::decimal(20,3) AS r, sum(d) AS d, count(t) AS t, sum(cardinality(l)) AS l, sum((st).x) AS x,
  sum(array_length(deep, 1)) AS deep, sum(extract(epoch from tz))::bigint AS tz FROM $file" >"$work/basin_agg.csv"
duck "SELECT count(*) AS n, sum(r::double precision)::decimal(20,3) AS r, sum(d) AS d, count(t) AS t, sum(len(l)) AS l, sum(st.x) AS x,
  sum(len(deep)) AS deep, sum(epoch(tz))::bigint AS tz FROM $file" >"$work/duck_agg.csv"
expect_same "DuckDB aggregates over floats, lists, structs, timestamptz" "$work/basin_agg.csv" "$work/duck_agg.csv"

# Statistics: every column chunk's min/max as DuckDB decodes them equal the data's.
duck "WITH md AS (SELECT path_in_schema AS col, row_group_id, stats_min_value AS lo, stats_max_value AS hi, stats_null_count AS nn
        FROM parquet_metadata('$work/basin.parquet') WHERE path_in_schema IN ('id','s','i32','i64','t','dt','n18','n38','ts')),
      data AS (SELECT (file_row_number // 20000) AS row_group_id, * FROM read_parquet('$work/basin.parquet', file_row_number = true)),
      truth AS (
        SELECT 'id' AS col, row_group_id, min(id)::varchar lo, max(id)::varchar hi, count(*) - count(id) nn FROM data GROUP BY ALL UNION ALL
        SELECT 's', row_group_id, min(s)::varchar, max(s)::varchar, count(*) - count(s) FROM data GROUP BY ALL UNION ALL
        SELECT 'i32', row_group_id, min(i32)::varchar, max(i32)::varchar, count(*) - count(i32) FROM data GROUP BY ALL UNION ALL
        SELECT 'i64', row_group_id, min(i64)::varchar, max(i64)::varchar, count(*) - count(i64) FROM data GROUP BY ALL UNION ALL
        SELECT 't', row_group_id, min(t)::varchar, max(t)::varchar, count(*) - count(t) FROM data GROUP BY ALL UNION ALL
        SELECT 'dt', row_group_id, min(dt)::varchar, max(dt)::varchar, count(*) - count(dt) FROM data GROUP BY ALL UNION ALL
        SELECT 'n18', row_group_id, min(n18)::varchar, max(n18)::varchar, count(*) - count(n18) FROM data GROUP BY ALL UNION ALL
        SELECT 'n38', row_group_id, min(n38)::varchar, max(n38)::varchar, count(*) - count(n38) FROM data GROUP BY ALL UNION ALL
        SELECT 'ts', row_group_id, min(ts)::varchar, max(ts)::varchar, count(*) - count(ts) FROM data GROUP BY ALL)
    SELECT count(*) AS chunks, count(*) FILTER (WHERE md.lo IS DISTINCT FROM truth.lo OR md.hi IS DISTINCT FROM truth.hi OR md.nn <> truth.nn) AS wrong
    FROM md JOIN truth USING (col, row_group_id)" >"$work/stats.csv"
printf 'chunks,wrong\n27,0\n' >"$work/stats_expected.csv"
expect_same "DuckDB finds correct min/max/null_count statistics" "$work/stats_expected.csv" "$work/stats.csv"

# 2. DuckDB rewrites the file; Basin compares every column, nested ones included.
duck "COPY (SELECT * FROM read_parquet('$work/basin.parquet')) TO '$work/duck_rewrite.parquet' (FORMAT parquet)" >/dev/null
all_text="id, b, s, i32, i64, r, d, n5, n18, n38, t, dt, tm, ts, tz, iv, l::text, st::text, m::text, deep::text"
bas "SELECT count(*) FROM (SELECT $all_text FROM read_parquet('$work/basin.parquet') EXCEPT ALL
     SELECT $all_text FROM read_parquet('$work/duck_rewrite.parquet')) x" >"$work/rewrite.csv"
printf 'count\n0\n' >"$work/zero.csv"
expect_same "every value survives DuckDB's reader (Basin -> DuckDB -> Basin)" "$work/zero.csv" "$work/rewrite.csv"

# 3. DuckDB writes nested types; Basin reads and rewrites them; DuckDB compares.
duck "COPY (SELECT i AS id,
    CASE WHEN i % 5 = 0 THEN NULL ELSE [i, NULL, i * 2] END AS l,
    CASE WHEN i % 6 = 0 THEN [] ELSE [[i::varchar, NULL], NULL, []] END AS ll,
    CASE WHEN i % 7 = 0 THEN NULL ELSE {'a': i, 'b': [{'c': i::double / 3, 'd': NULL::date}]} END AS st,
    CASE WHEN i % 3 = 0 THEN NULL ELSE MAP(['x' || i, 'y'], [[i], NULL]) END AS m,
    i::decimal(20,3) / 7 AS wide, interval (i) minutes AS iv
  FROM range(1, 20001) t(i)) TO '$work/duck_nested.parquet' (FORMAT parquet)" >/dev/null
"$basin" -c "COPY (SELECT * FROM read_parquet('$work/duck_nested.parquet')) TO '$work/basin_nested.parquet'" >/dev/null
duck "SELECT (SELECT count(*) FROM (FROM read_parquet('$work/duck_nested.parquet') EXCEPT ALL FROM read_parquet('$work/basin_nested.parquet'))) +
       (SELECT count(*) FROM (FROM read_parquet('$work/basin_nested.parquet') EXCEPT ALL FROM read_parquet('$work/duck_nested.parquet'))) AS count" >"$work/nested.csv"
expect_same "Basin reads and rewrites DuckDB's nested types identically" "$work/zero.csv" "$work/nested.csv"
bas "SELECT id, l, ll, st, m FROM read_parquet('$work/duck_nested.parquet') WHERE id IN (1, 6, 7) ORDER BY id" >"$work/basin_nested.csv"
cat >"$work/basin_nested_expected.csv" <<'CSV'
id,l,ll,st,m
1,"{1,NULL,2}","{{1,NULL},NULL,{}}","(1,""{""""(0.3333333333333333,)""""}"")","{x1={1}, y=NULL}"
6,"{6,NULL,12}",{},"(6,""{""""(2,)""""}"")",
7,"{7,NULL,14}","{{7,NULL},NULL,{}}",,"{x7={7}, y=NULL}"
CSV
expect_same "Basin reads DuckDB's nested values" "$work/basin_nested_expected.csv" "$work/basin_nested.csv"
exit $failed
