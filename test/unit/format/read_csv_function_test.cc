// read_csv as a table function: binding, options, globs and multi-file schemas. The
// parallel scan itself is tested in csv_parallel_scan_test.cc.
#include "format/csv/read_csv_function.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "common/thread_pool.h"
#include "csv_test_util.h"
#include "format/csv/csv_file_list.h"

namespace basin {
namespace {

using csv_test::Rows;
using csv_test::TempDir;

// Owns what an ExecutionContext borrows.
struct TestContext {
  ThreadPool pool{2};
  MemoryTracker memory{1ull << 30};
  std::atomic<bool> interrupted{false};
  std::atomic<uint64_t> rows_done{0};
  std::atomic<uint64_t> rows_total{0};
  ExecutionContext ctx{pool, 2, memory, interrupted, rows_done, rows_total, false, 0, {}};
};

TableFunctionArguments Args(std::vector<std::string> files,
                            std::map<std::string, Value> named = {}) {
  TableFunctionArguments args;
  for (auto& file : files) args.positional.push_back(Value::Varchar(file));
  args.named = std::move(named);
  return args;
}

// Runs the scan on `threads` threads and returns all rows (order unspecified).
Rows Scan(const TableFunction& function, const TableFunctionBinding& binding,
          std::vector<uint32_t> column_ids, int threads = 1) {
  TestContext test;
  auto global = function.init_global(test.ctx, binding.data.get(), column_ids);
  std::vector<LogicalType> types;
  for (uint32_t id : column_ids) types.push_back(binding.types[id]);
  Rows rows;
  std::mutex mutex;
  std::exception_ptr failure;  // exceptions must not escape a std::thread
  auto work = [&] {
    try {
      auto local = function.init_local(test.ctx, binding.data.get(), global.get());
      Batch batch(types);
      Rows mine;
      while (function.scan(test.ctx, binding.data.get(), global.get(), local.get(), batch)) {
        csv_test::AppendRows(batch, mine);
      }
      std::lock_guard<std::mutex> lock(mutex);
      rows.insert(rows.end(), mine.begin(), mine.end());
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      failure = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(work);
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(ReadCsvFunctionTest, BindsAndProjects) {
  TempDir dir;
  const std::string path = dir.Write("t.csv", "id,name,price\n1,a,1.5\n2,b,2.5\n");
  const TableFunction function = MakeReadCsvFunction();
  EXPECT_EQ(function.name, "read_csv");
  EXPECT_EQ(MakeReadCsvAutoFunction().name, "read_csv_auto");
  const TableFunctionBinding binding = function.bind(Args({path}));
  EXPECT_EQ(binding.names, (std::vector<std::string>{"id", "name", "price"}));
  EXPECT_EQ(Scan(function, binding, {2, 0}), (Rows{{"1.5", "1"}, {"2.5", "2"}}));
}

TEST(ReadCsvFunctionTest, NamedOptions) {
  TempDir dir;
  const std::string path = dir.Write("t.txt", "junk line\nx;y\n1;NA\n2;'q;r'\n");
  const TableFunction function = MakeReadCsvFunction();
  const TableFunctionBinding binding =
      function.bind(Args({path}, {{"sep", Value::Varchar(";")},
                                  {"quote", Value::Varchar("'")},
                                  {"skip", Value::Integer(1)},
                                  {"header", Value::Boolean(true)},
                                  {"nullstr", Value::Varchar("NA")},
                                  {"columns", Value::Varchar("a INTEGER, \"B\" VARCHAR")},
                                  {"filename", Value::Boolean(true)}}));
  EXPECT_EQ(binding.names, (std::vector<std::string>{"a", "B", "filename"}));
  EXPECT_EQ(binding.types[0], TypeId::kInteger);
  EXPECT_EQ(Scan(function, binding, {0, 1, 2}), (Rows{{"1", "NULL", path}, {"2", "q;r", path}}));
  EXPECT_THROW(function.bind(Args({path}, {{"bogus", Value::Boolean(true)}})), Error);
  EXPECT_THROW(function.bind(Args({path}, {{"delim", Value::Varchar("ab")}})), Error);
}

TEST(ReadCsvFunctionTest, GlobsListsAndSchemaUnification) {
  TempDir dir;
  dir.Write("data/a.csv", "k,v\n1,10\n");
  dir.Write("data/b.csv", "k,v\n2,2.5\n");
  dir.Write("data/sub/c.csv", "k,v\n3,7\n");
  const TableFunction function = MakeReadCsvFunction();
  const TableFunctionBinding binding = function.bind(Args({dir.path() + "/data/*.csv"}));
  EXPECT_EQ(binding.types, (std::vector<LogicalType>{TypeId::kBigInt, TypeId::kDouble}));
  EXPECT_EQ(Scan(function, binding, {0, 1}), (Rows{{"1", "10"}, {"2", "2.5"}}));
  const auto all = ExpandCsvFilePatterns({dir.path() + "/data/**/*.csv"});
  EXPECT_EQ(all.size(), 3u);
  const TableFunctionBinding listed =
      function.bind(Args({dir.path() + "/data/a.csv", dir.path() + "/data/sub/c.csv"}));
  EXPECT_EQ(Scan(function, listed, {0}), (Rows{{"1"}, {"3"}}));
  try {
    function.bind(Args({dir.path() + "/data/*.tsv"}));
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("no files found that match the pattern"),
              std::string::npos);
  }
  dir.Write("other/x.csv", "k\n1\n");
  dir.Write("other/y.csv", "k,v\n1,2\n");
  EXPECT_THROW(function.bind(Args({dir.path() + "/other/*.csv"})), Error);
}

}  // namespace
}  // namespace basin
