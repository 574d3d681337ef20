// Micro-benchmarks of the hot paths (Google Benchmark): hash join build and probe,
// hash aggregation, sort, decimal arithmetic, CSV parsing. Each runs one SQL
// statement on tables made once per process, so that a regression anywhere on the
// path (binder, planner, kernels, pipelines) shows.
//   build/bench/basin_micro_bench [--benchmark_filter=Join]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "main/database.h"

namespace {

constexpr int kRows = 2'000'000;

basin::Connection& Session() {
  static auto* database = [] {
    basin::DatabaseOptions options;
    options.threads = 2;
    return new basin::Database(options);
  }();
  static auto* connection = [] {
    auto* c = new basin::Connection(*database);
    // Money columns shaped like TPC-H's: DECIMAL(15,2).
    c->Query("CREATE TABLE facts AS SELECT x AS id, x % 100000 AS k, ((x % 100000) * 0.37)::numeric(15,2) AS price, "
             "((x % 11) * 0.01)::numeric(15,2) AS discount FROM generate_series(1, " + std::to_string(kRows) +
             ") t(x)");
    c->Query("CREATE TABLE dims AS SELECT x AS k, 'name' || x AS name FROM generate_series(0, 99999) t(x)");
    return c;
  }();
  return *connection;
}

void RunQuery(benchmark::State& state, const std::string& sql) {
  basin::Connection& connection = Session();
  for (auto _ : state) {
    try {
      auto result = connection.Query(sql);
      benchmark::DoNotOptimize(result);
    } catch (const std::exception& error) {
      state.SkipWithError(error.what());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}

void BM_HashJoin(benchmark::State& state) {
  RunQuery(state, "SELECT count(*) FROM facts f JOIN dims d ON f.k = d.k");
}
BENCHMARK(BM_HashJoin)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_HashAggregateManyGroups(benchmark::State& state) {
  RunQuery(state, "SELECT count(*) FROM (SELECT k, sum(id) FROM facts GROUP BY k) t");
}
BENCHMARK(BM_HashAggregateManyGroups)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_HashAggregateFewGroups(benchmark::State& state) {
  RunQuery(state, "SELECT k % 4, count(*), sum(price), avg(discount) FROM facts GROUP BY 1");
}
BENCHMARK(BM_HashAggregateFewGroups)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Sort(benchmark::State& state) {
  RunQuery(state, "SELECT max(id) FROM (SELECT id FROM facts ORDER BY k DESC, id LIMIT 1000000) t");
}
BENCHMARK(BM_Sort)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DecimalArithmetic(benchmark::State& state) {
  RunQuery(state, "SELECT sum(price * (1 - discount) * (1 + discount)) FROM facts");
}
BENCHMARK(BM_DecimalArithmetic)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CsvParse(benchmark::State& state) {
  static const std::string path = [] {
    std::string file = "/tmp/basin_micro_bench.csv";
    std::ofstream out(file);
    out << "id,name,price,day\n";
    for (int i = 0; i < kRows / 4; ++i) out << i << ",item" << i << "," << (i % 1000) / 7.0 << ",2024-01-" << (i % 28 + 1 < 10 ? "0" : "") << (i % 28 + 1) << "\n";
    return file;
  }();
  basin::Connection& connection = Session();
  for (auto _ : state) {
    auto result = connection.Query("SELECT count(*), sum(price) FROM read_csv('" + path + "')");
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * (kRows / 4));
}
BENCHMARK(BM_CsvParse)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
