// src/format/csv/csv_reader.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "format/csv/csv_batch_converter.h"
#include "format/csv/csv_input.h"
#include "format/csv/csv_options.h"
#include "format/csv/csv_row_reader.h"
#include "format/csv/csv_sniffer.h"

namespace basin {

// Streams one CSV source into batches on the calling thread, e.g. for COPY FROM:
//
//   CsvReader reader(path, options, table_types);
//   Batch batch;
//   while (reader.ReadBatch(batch)) Insert(batch);
//
// read_csv's parallel scan does not use it (see csv_parallel_scan.h).
class CsvReader {
 public:
  // COPY FROM a file into a table of `column_types` (names from options.column_names,
  // else column0...). No sniffing: unset dialect options take PostgreSQL's COPY
  // defaults (',' '"', escape = quote, no header). Throws if the file cannot be opened.
  CsvReader(const std::string& path, const CsvOptions& options,
            std::vector<LogicalType> column_types);
  // The same for COPY FROM STDIN: `input` holds the data sent.
  CsvReader(std::unique_ptr<CsvInput> input, const CsvOptions& options,
            std::vector<LogicalType> column_types);
  // Reads `input` as `schema` says (from SniffCsv, or built by hand).
  CsvReader(std::unique_ptr<CsvInput> input, CsvFileSchema schema, const CsvOptions& options);
  // Sniffs `input` per `options`, then reads it.
  static std::unique_ptr<CsvReader> Open(std::unique_ptr<CsvInput> input,
                                         const CsvOptions& options);

  // Fills `batch` with up to kBatchSize rows of all columns (reshaping it if its types
  // differ). Returns false at the end. Throws Error for bad input (see
  // CsvBatchConverter); with ignore_errors bad rows are skipped.
  bool ReadBatch(Batch& batch);

  const CsvFileSchema& schema() const { return schema_; }
  // Rows skipped by ignore_errors, when store_rejects is set.
  const std::vector<CsvRejectedRow>& rejects() const { return rejects_; }

 private:
  void Start(const CsvOptions& options);

  std::unique_ptr<CsvInput> input_;
  CsvFileSchema schema_;
  CsvConversionSpec spec_;
  std::unique_ptr<CsvRowReader> rows_reader_;
  std::unique_ptr<CsvBatchConverter> converter_;
  std::vector<uint32_t> projection_;
  CsvRowBatch rows_;
  std::vector<CsvRejectedRow> rejects_;
};

// The conversion settings for files of `schema` read with `options`.
CsvConversionSpec MakeCsvConversionSpec(const CsvFileSchema& schema, const CsvOptions& options);

}  // namespace basin
