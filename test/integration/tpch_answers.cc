// test/integration/tpch_answers.cc
//
// basin_tpch_answers RESULTS_DIR ANSWERS_DIR [QUERIES]
//
// Compares Basin's answers to the 22 TPC-H queries (RESULTS_DIR/qNN.csv, written by
// `basin --format csv`: comma-separated, RFC 4180 quoting, a header line) with the
// reference answers (ANSWERS_DIR/qNN.csv: '|'-separated, a header line). Numbers
// match within an absolute tolerance of 0.01 or a relative one of 1e-6; everything
// else must be equal. Prints one line per query (ok, or MISMATCH with the first
// differences) and ends with "N passed, M failed". Exit status 1 on any failure.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Row = std::vector<std::string>;

// Splits CSV text into rows (quoted fields may hold commas, quotes and newlines).
std::vector<Row> ParseCsv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else if (c != '\r') {
      field.push_back(c);
      any = true;
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Row> ParsePipe(const std::string& text) {
  std::vector<Row> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Row row;
    size_t start = 0;
    for (;;) {
      const size_t bar = line.find('|', start);
      row.push_back(line.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool ReadFile(const std::string& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream text;
  text << file.rdbuf();
  out = text.str();
  return true;
}

bool ParseNumber(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

bool CellsMatch(const std::string& actual, const std::string& expected) {
  if (actual == expected) return true;
  double a = 0;
  double e = 0;
  if (!ParseNumber(actual, a) || !ParseNumber(expected, e)) return false;
  const double diff = std::fabs(a - e);
  return diff <= 0.01 || diff <= 1e-6 * std::fabs(e);
}

std::string Join(const Row& row) {
  std::string text;
  for (size_t i = 0; i < row.size(); ++i) text += (i ? "|" : "") + row[i];
  return text;
}

// Empty when the answers match; otherwise what differs.
std::string Compare(const std::vector<Row>& actual, const std::vector<Row>& expected) {
  std::string problems;
  int shown = 0;
  if (actual.size() != expected.size()) {
    problems += "  rows: got " + std::to_string(actual.size() ? actual.size() - 1 : 0) + ", expected " +
                std::to_string(expected.size() ? expected.size() - 1 : 0) + "\n";
  }
  // Row 0 is the header: column names may differ in spelling, not in number.
  for (size_t r = 0; r < std::max(actual.size(), expected.size()) && shown < 5; ++r) {
    const Row empty;
    const Row& a = r < actual.size() ? actual[r] : empty;
    const Row& e = r < expected.size() ? expected[r] : empty;
    bool same = a.size() == e.size();
    for (size_t c = 0; same && c < a.size() && r > 0; ++c) same = CellsMatch(a[c], e[c]);
    if (same) continue;
    problems += "  line " + std::to_string(r + 1) + ":\n    - " + Join(e) + "\n    + " + Join(a) + "\n";
    ++shown;
  }
  return problems;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: basin_tpch_answers RESULTS_DIR ANSWERS_DIR [FIRST_QUERY LAST_QUERY]\n";
    return 2;
  }
  const std::string results = argv[1];
  const std::string answers = argv[2];
  const int first = argc > 3 ? std::atoi(argv[3]) : 1;
  const int last = argc > 4 ? std::atoi(argv[4]) : 22;
  int passed = 0;
  int failed = 0;
  for (int q = first; q <= last; ++q) {
    char name[16];
    std::snprintf(name, sizeof(name), "q%02d", q);
    std::string actual_text;
    std::string expected_text;
    std::string problems;
    if (!ReadFile(results + "/" + name + ".csv", actual_text)) {
      problems = "  no result file " + results + "/" + name + ".csv\n";
    } else if (!ReadFile(answers + "/" + name + ".csv", expected_text)) {
      problems = "  no answer file " + answers + "/" + name + ".csv\n";
    } else {
      problems = Compare(ParseCsv(actual_text), ParsePipe(expected_text));
    }
    if (problems.empty()) {
      std::cout << name << " ok\n";
      ++passed;
    } else {
      std::cout << name << " MISMATCH\n" << problems;
      ++failed;
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
