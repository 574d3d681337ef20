#!/usr/bin/env bash
# COPY FROM STDIN / TO STDOUT through the CLI ($1/basin): inline data in -f scripts
# and piped stdin, data piped to -c, csv and text output, and errors naming the line.
set -euo pipefail
basin="${1:-build}/basin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# expect NAME EXPECTED_FILE ACTUAL_FILE
expect() {
  if ! diff -u "$2" "$3" >"$work/diff"; then
    echo "FAILED: $1"
    cat "$work/diff"
    failed=1
  else
    echo "ok: $1"
  fi
}

# A script whose COPY data follow the statements, in both formats.
cat >"$work/script.sql" <<'SQL'
CREATE TABLE t (a INTEGER, b VARCHAR, c DATE);
COPY t FROM STDIN (FORMAT csv);
1,one,2024-01-01
2,"two, with comma",2024-01-02
\.
COPY t (a, b) FROM STDIN;
3	three\ttab
4	\N
\.
COPY t TO STDOUT (FORMAT csv, HEADER);
COPY (SELECT a, b FROM t WHERE a >= 3 ORDER BY a) TO STDOUT;
SQL
cat >"$work/expected" <<'OUT'
a,b,c
1,one,2024-01-01
2,"two, with comma",2024-01-02
3,three	tab,
4,,
3	three\ttab
4	\N
OUT
"$basin" --format=csv -f "$work/script.sql" >"$work/actual"
expect "-f script with inline data, csv and text output" "$work/expected" "$work/actual"

# The same script piped to stdin.
"$basin" --format=csv <"$work/script.sql" >"$work/actual"
expect "piped script with inline data" "$work/expected" "$work/actual"

# Data on stdin for -c; the data may end without "\.".
printf '5,five,2024-05-05\n6,six,\n' >"$work/data.csv"
"$basin" --format=csv -c "CREATE TABLE t (a INTEGER, b VARCHAR, c DATE)" \
  -c "COPY t FROM STDIN (FORMAT csv)" -c "COPY t TO STDOUT (FORMAT csv)" \
  <"$work/data.csv" >"$work/actual"
printf '5,five,2024-05-05\n6,six,\n' >"$work/expected"
expect "-c with data on stdin" "$work/expected" "$work/actual"

# A bad value: the error names the line and the column, and the table stays empty.
cat >"$work/bad.sql" <<'SQL'
CREATE TABLE t (a INTEGER, b DATE);
COPY t FROM STDIN (FORMAT csv);
1,2024-01-01
2,2024-01-02
3,not a date
\.
SQL
if "$basin" -f "$work/bad.sql" >"$work/out" 2>"$work/err"; then
  echo "FAILED: bad data should fail"; failed=1
fi
echo 'ERROR:  COPY t: STDIN, line 3, column "b": invalid input syntax for type date: "not a date"' >"$work/expected"
expect "error names the line" "$work/expected" "$work/err"

# A row with too many fields.
printf 'x,y\n' >"$work/bad.csv"
"$basin" -c "CREATE TABLE t (a INTEGER)" -c "COPY t FROM STDIN (FORMAT csv)" \
  <"$work/bad.csv" >/dev/null 2>"$work/err" || true
echo 'ERROR:  COPY t: STDIN has 2 columns but 1 column types were given' >"$work/expected"
expect "extra column" "$work/expected" "$work/err"

exit $failed
