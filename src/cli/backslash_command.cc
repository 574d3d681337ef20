// src/cli/backslash_command.cc
#include "cli/backslash_command.h"

namespace basin::cli {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool IsBackslashCommand(std::string_view line) {
  size_t pos = 0;
  while (pos < line.size() && IsBlank(line[pos])) ++pos;
  return pos < line.size() && line[pos] == '\\';
}

BackslashCommand ParseBackslashCommand(std::string_view line) {
  BackslashCommand command;
  size_t pos = line.find('\\') + 1;
  while (pos < line.size() && !IsBlank(line[pos])) command.name += line[pos++];
  while (true) {
    while (pos < line.size() && IsBlank(line[pos])) ++pos;
    if (pos >= line.size()) break;
    std::string argument;
    while (pos < line.size() && !IsBlank(line[pos])) {
      if (line[pos] != '\'') {
        argument += line[pos++];
        continue;
      }
      for (++pos; pos < line.size(); ++pos) {  // a quoted run; an unclosed one ends the line
        if (line[pos] != '\'') {
          argument += line[pos];
        } else if (pos + 1 < line.size() && line[pos + 1] == '\'') {
          argument += line[++pos];
        } else {
          ++pos;
          break;
        }
      }
    }
    command.arguments.push_back(std::move(argument));
  }
  return command;
}

std::string BackslashHelpText() {
  return R"(Backslash commands:
  \q                     quit (also Ctrl-D)
  \timing [on|off]       print each statement's run time (toggles without argument)
  \mode FORMAT           output format: table, csv, json or markdown (alias \format)
  \i FILE                run the statements and commands in FILE
  \help, \?              show this help

SQL (PostgreSQL dialect); end each statement with ';':
  CREATE TABLE t (id integer, name varchar);     CREATE TABLE t AS SELECT ...;
  INSERT INTO t VALUES (1, 'a'), (2, 'b');         UPDATE, DELETE, DROP TABLE t;
  SELECT ... FROM ... JOIN ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT n;
  WITH cte AS (...) SELECT ...;   window functions: f(...) OVER (PARTITION BY ... ORDER BY ...)
  COPY t FROM 'file.csv' (FORMAT csv, HEADER);      COPY (SELECT ...) TO 'out.csv';
  EXPLAIN SELECT ...;    SET name = value;    SHOW name;

Ctrl-C cancels the running statement, or clears the input at the prompt.
)";
}

}  // namespace basin::cli
