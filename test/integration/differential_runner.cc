// Differential test: runs the same SQL on Basin (in process) and on a real
// PostgreSQL server (libpq), and compares the answers.
//
// Usage: basin_differential CONNINFO SETUP.sql QUERIES.sql...
// SETUP runs on both sides first. Each query file holds statements separated by
// ';' at line ends; each statement's rows are compared: in order when the query has
// an ORDER BY, as multisets otherwise. Floating-point values compare with a
// relative tolerance; booleans in PostgreSQL's t/f form are normalized.
#include <libpq-fe.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "main/database.h"

namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

// Splits a file into statements at ';' that end a line (queries here keep ';' out of
// strings), skipping comment-only chunks.
std::vector<std::string> SplitStatements(const std::string& text) {
  std::vector<std::string> statements;
  std::string current;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("--", 0) == 0) continue;
    current += line + "\n";
    const size_t end = line.find_last_not_of(" \t\r");
    if (end != std::string::npos && line[end] == ';') {
      current.erase(current.find_last_of(';'));
      if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  return statements;
}

std::string Normalize(std::string value) {
  if (value == "t") return "true";
  if (value == "f") return "false";
  return value;
}

bool NumbersClose(const std::string& a, const std::string& b) {
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a.c_str(), &end_a);
  const double y = std::strtod(b.c_str(), &end_b);
  if (end_a == a.c_str() || *end_a != '\0' || end_b == b.c_str() || *end_b != '\0') return false;
  if (x == y) return true;
  return std::fabs(x - y) <= 1e-9 * std::max(std::fabs(x), std::fabs(y));
}

bool RowsEqual(const Rows& a, const Rows& b) {
  if (a.size() != b.size()) return false;
  for (size_t r = 0; r < a.size(); ++r) {
    if (a[r].size() != b[r].size()) return false;
    for (size_t c = 0; c < a[r].size(); ++c) {
      if (a[r][c] != b[r][c] && !NumbersClose(a[r][c], b[r][c])) return false;
    }
  }
  return true;
}

std::string Render(const Rows& rows) {
  std::string out;
  for (size_t r = 0; r < rows.size() && r < 20; ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) out += (c ? "|" : "") + rows[r][c];
    out += "\n";
  }
  if (rows.size() > 20) out += "... (" + std::to_string(rows.size()) + " rows)\n";
  return out;
}

struct Outcome {
  bool error = false;
  std::string sqlstate;
  std::string message;
  Rows rows;
};

Outcome RunPostgres(PGconn* connection, const std::string& sql) {
  Outcome outcome;
  PGresult* result = PQexec(connection, sql.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_TUPLES_OK) {
    for (int r = 0; r < PQntuples(result); ++r) {
      std::vector<std::string> row;
      for (int c = 0; c < PQnfields(result); ++c) {
        row.push_back(PQgetisnull(result, r, c) ? "NULL" : Normalize(PQgetvalue(result, r, c)));
      }
      outcome.rows.push_back(std::move(row));
    }
  } else if (status != PGRES_COMMAND_OK) {
    outcome.error = true;
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    outcome.sqlstate = state ? state : "";
    outcome.message = PQresultErrorMessage(result);
  }
  PQclear(result);
  return outcome;
}

Outcome RunBasin(basin::Connection& connection, const std::string& sql) {
  Outcome outcome;
  try {
    basin::QueryResult result = connection.Query(sql);
    for (uint64_t r = 0; r < result.NumRows(); ++r) {
      std::vector<std::string> row;
      for (size_t c = 0; c < result.NumColumns(); ++c) row.push_back(result.GetText(c, r, "NULL"));
      outcome.rows.push_back(std::move(row));
    }
  } catch (const basin::Error& error) {
    outcome.error = true;
    outcome.sqlstate = error.state().ToString();
    outcome.message = error.message();
  }
  return outcome;
}

bool HasOrderBy(const std::string& sql) {
  std::string lower = sql;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const size_t order = lower.rfind("order by");
  return order != std::string::npos && lower.find(')', order) == std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: basin_differential CONNINFO SETUP.sql QUERIES.sql...\n";
    return 2;
  }
  PGconn* postgres = PQconnectdb(argv[1]);
  if (PQstatus(postgres) != CONNECTION_OK) {
    std::cerr << "cannot connect to PostgreSQL: " << PQerrorMessage(postgres);
    return 2;
  }
  basin::Database database;
  basin::Connection basin(database);
  for (const auto& statement : SplitStatements(ReadFile(argv[2]))) {
    Outcome pg = RunPostgres(postgres, statement);
    Outcome ours = RunBasin(basin, statement);
    if (pg.error || ours.error) {
      std::cerr << "setup failed: " << statement << "\n  postgres: " << pg.message << "\n  basin: " << ours.message << "\n";
      return 2;
    }
  }
  int passed = 0;
  int failed = 0;
  for (int f = 3; f < argc; ++f) {
    for (const auto& query : SplitStatements(ReadFile(argv[f]))) {
      Outcome pg = RunPostgres(postgres, query);
      Outcome ours = RunBasin(basin, query);
      bool same;
      if (pg.error || ours.error) {
        same = pg.error && ours.error && pg.sqlstate == ours.sqlstate;
      } else {
        if (!HasOrderBy(query)) {
          std::sort(pg.rows.begin(), pg.rows.end());
          std::sort(ours.rows.begin(), ours.rows.end());
        }
        same = RowsEqual(pg.rows, ours.rows);
      }
      if (same) {
        ++passed;
        continue;
      }
      ++failed;
      std::cout << "MISMATCH in " << argv[f] << ":\n" << query << "\n-- postgres"
                << (pg.error ? " error " + pg.sqlstate + ": " + pg.message : ":\n" + Render(pg.rows)) << "\n-- basin"
                << (ours.error ? " error " + ours.sqlstate + ": " + ours.message : ":\n" + Render(ours.rows)) << "\n\n";
    }
  }
  PQfinish(postgres);
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
