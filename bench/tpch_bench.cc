// Runs the 22 TPC-H queries on Basin and writes the timings as JSON in the layout of
// ../shared/peers/duckdb_tpch.mjs, so that ../shared/peers/summarize.mjs can put both
// engines side by side.
//
// usage: basin_tpch_bench TBL_DIR QUERY_DIR OUT.json [--threads N] [--warmup N]
//                         [--runs N] [--answers DIR] [--queries 1,3,5] [--parquet-dir DIR]
// With --parquet-dir, the tables are views over DIR/<table>.parquet (read_parquet)
// instead of in-memory tables loaded from TBL_DIR.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "main/database.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : text) {
    if (c == separator) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

bool CellsMatch(const std::string& got, const std::string& expected) {
  if (got == expected) return true;
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double a = std::strtod(got.c_str(), &end_a);
  const double b = std::strtod(expected.c_str(), &end_b);
  if (*end_a != '\0' || *end_b != '\0' || end_a == got.c_str() || end_b == expected.c_str()) return false;
  return std::fabs(a - b) <= 0.01 || std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

// "true" / "false" / "mismatch detail" against the answer file (header + rows, '|').
std::string CheckAnswer(const basin::QueryResult& result, const std::string& answer_path) {
  std::ifstream file(answer_path);
  if (!file) return "";
  std::vector<std::vector<std::string>> expected;
  std::string line;
  std::getline(file, line);  // header
  while (std::getline(file, line)) {
    if (!line.empty()) expected.push_back(Split(line, '|'));
  }
  if (expected.size() != result.NumRows()) {
    return "row count " + std::to_string(result.NumRows()) + " != " + std::to_string(expected.size());
  }
  for (size_t r = 0; r < expected.size(); ++r) {
    for (size_t c = 0; c < expected[r].size() && c < result.NumColumns(); ++c) {
      const std::string got = result.GetText(c, r, "NULL");
      if (!CellsMatch(got, expected[r][c])) {
        return "row " + std::to_string(r) + " column " + std::to_string(c) + ": " + got + " != " + expected[r][c];
      }
    }
  }
  return "true";
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: basin_tpch_bench TBL_DIR QUERY_DIR OUT.json [--threads N] [--warmup N] [--runs N] "
                 "[--answers DIR] [--queries 1,3]\n";
    return 2;
  }
  const std::string tbl_dir = argv[1];
  const std::string query_dir = argv[2];
  const std::string out_path = argv[3];
  uint32_t threads = 2;
  int warmup = 1;
  int runs = 3;
  std::string answers;
  std::vector<int> queries;
  std::string parquet_dir;
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--threads") threads = static_cast<uint32_t>(std::stoi(value));
    if (flag == "--warmup") warmup = std::stoi(value);
    if (flag == "--runs") runs = std::stoi(value);
    if (flag == "--answers") answers = value;
    if (flag == "--parquet-dir") parquet_dir = value;
    if (flag == "--queries") {
      for (const auto& part : Split(value, ',')) queries.push_back(std::stoi(part));
    }
  }
  if (queries.empty()) {
    for (int q = 1; q <= 22; ++q) queries.push_back(q);
  }

  basin::DatabaseOptions options;
  options.threads = threads;
  basin::Database database(options);
  basin::Connection connection(database);
  connection.Query("SET threads = " + std::to_string(threads));
  const auto load_start = Clock::now();
  if (parquet_dir.empty()) {
    connection.Query("CALL tpch_load('" + tbl_dir + "')");
  } else {
    for (const char* table : {"nation", "region", "part", "supplier", "partsupp", "customer", "orders", "lineitem"}) {
      connection.Query(std::string("CREATE VIEW ") + table + " AS SELECT * FROM read_parquet('" + parquet_dir + "/" +
                       table + ".parquet')");
    }
  }
  const double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - load_start).count();
  std::printf("loaded %s in %.0f ms\n", tbl_dir.c_str(), load_ms);

  std::string results;
  std::vector<double> medians;
  for (int q : queries) {
    char name[16];
    std::snprintf(name, sizeof(name), "q%02d", q);
    const std::string sql = ReadFile(query_dir + "/" + name + ".sql");
    std::string entry = "{\"query\": " + std::to_string(q);
    try {
      basin::QueryResult result;
      for (int i = 0; i < warmup; ++i) result = connection.Query(sql);
      std::vector<double> times;
      for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        result = connection.Query(sql);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
      std::vector<double> sorted = times;
      std::sort(sorted.begin(), sorted.end());
      const double median = sorted[sorted.size() / 2];
      medians.push_back(median);
      const std::string check = answers.empty() ? "" : CheckAnswer(result, answers + "/" + name + ".csv");
      entry += ", \"min_ms\": " + std::to_string(sorted.front()) + ", \"median_ms\": " + std::to_string(median);
      entry += ", \"rows\": " + std::to_string(result.NumRows());
      entry += ", \"check\": " + std::string(check.empty() ? "null" : check == "true" ? "true" : "false");
      if (!check.empty() && check != "true") entry += ", \"check_detail\": " + JsonString(check);
      std::printf("%s %9.1f ms %s\n", name, median, check.empty() ? "" : check == "true" ? "OK" : ("FAIL " + check).c_str());
    } catch (const basin::Error& error) {
      entry += ", \"error\": " + JsonString(error.message());
      std::printf("%s ERROR %s\n", name, error.message().c_str());
    }
    entry += "}";
    results += (results.empty() ? "" : ",\n  ") + entry;
  }
  double log_sum = 0;
  for (double ms : medians) log_sum += std::log(ms);
  const double geomean = medians.empty() ? 0 : std::exp(log_sum / medians.size());
  std::printf("geomean of medians over %zu queries: %.1f ms\n", medians.size(), geomean);

  std::ofstream out(out_path);
  out << "{\"engine\": \"basin\", \"version\": " << JsonString(basin::kBasinVersion) << ", \"threads\": " << threads
      << ", \"warmup\": " << warmup << ", \"runs\": " << runs << ", \"load_tbl_ms\": {\"total\": " << load_ms << "},\n"
      << " \"modes\": {\"" << (parquet_dir.empty() ? "mem" : "parquet") << "\": {\"summary\": {\"geomean_median_ms\": " << geomean << "}, \"results\": [\n  " << results
      << "]}}}\n";
  return 0;
}
