#include "tpch/tpch_loader.h"

#include <filesystem>
#include <mutex>

#include "common/error.h"
#include "format/csv/csv_parallel_scan.h"
#include "format/csv/csv_reader.h"

namespace basin::tpch {

namespace {

std::vector<Batch> LoadTable(TpchTable table, const std::string& path, ThreadPool& pool,
                             uint32_t threads) {
  const std::vector<ColumnDefinition> columns = TpchColumns(table);
  CsvOptions options;
  options.auto_detect = false;
  options.delimiter = '|';
  options.quote = '\0';  // dbgen never quotes; '"' is data
  options.header = false;
  options.trailing_delimiter = true;
  for (const auto& column : columns) {
    options.column_names.push_back(column.name);
    options.column_types.push_back(column.type);
  }
  options.error_context = std::string("tpch_load ") + TpchTableName(table);
  auto files = std::make_shared<std::vector<CsvScanFile>>();
  {
    std::unique_ptr<CsvInput> input = OpenCsvFile(path);  // 58P01 naming the path
    CsvFileSchema schema = SniffCsv(*input, options);
    CsvConversionSpec spec = MakeCsvConversionSpec(schema, options);
    files->push_back(CsvScanFile{path, std::move(schema), std::move(spec)});
  }
  std::vector<uint32_t> projection;
  for (uint32_t c = 0; c < columns.size(); ++c) projection.push_back(c);
  CsvParallelScan scan(files, projection, options.max_line_size, /*keep_rejects=*/false);

  const std::vector<LogicalType> types = TpchTypes(table);
  std::mutex mutex;
  std::vector<Batch> batches;
  RunParallel(pool, std::max<uint32_t>(1, std::min(threads, scan.num_ranges())), [&](uint32_t) {
    CsvScanLocalState local;
    std::vector<Batch> mine;
    for (;;) {
      Batch batch(types);
      if (!scan.Scan(local, batch)) break;
      for (size_t c = 0; c < columns.size(); ++c) {
        if (batch.columns[c].validity().AllValid()) continue;
        bool has_null = false;
        for (uint32_t row = 0; row < batch.size && !has_null; ++row) {
          has_null = !batch.columns[c].IsValid(row);
        }
        if (!has_null) continue;
        throw Error(sqlstate::kNotNullViolation,
                    "null value in column \"" + columns[c].name + "\" of relation \"" +
                        TpchTableName(table) + "\" violates not-null constraint (file \"" + path +
                        "\")");
      }
      mine.push_back(std::move(batch));
    }
    std::lock_guard lock(mutex);
    for (auto& batch : mine) batches.push_back(std::move(batch));
  });
  return batches;
}

}  // namespace

TpchTables LoadTpchTblFiles(const std::string& dir, ThreadPool& pool, uint32_t threads) {
  TpchTables tables;
  for (const TpchTable table : kAllTpchTables) {
    const std::string path =
        (std::filesystem::path(dir) / (std::string(TpchTableName(table)) + ".tbl")).string();
    tables[static_cast<size_t>(table)] = LoadTable(table, path, pool, threads);
  }
  return tables;
}

}  // namespace basin::tpch
