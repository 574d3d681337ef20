// src/format/csv/csv_batch_converter.h
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "format/csv/csv_date_format.h"
#include "format/csv/csv_dialect.h"
#include "format/csv/csv_options.h"
#include "format/csv/csv_row_reader.h"

namespace basin {

// Everything needed to turn tokenized rows of a file into typed vectors. Immutable
// and shared by all threads of a scan.
struct CsvConversionSpec {
  CsvDialect dialect;
  std::string null_string;
  CsvDateFormat date_format;
  CsvDateFormat timestamp_format;
  std::vector<std::string> column_names;  // every column of the file
  std::vector<LogicalType> column_types;
  bool ignore_errors = false;
  bool store_rejects = false;
  std::string error_context = "read_csv";
  const TimeZone* time_zone = &TimeZone::Utc();  // see CsvOptions
};

// A projection entry that stands for the file name instead of a file column.
inline constexpr uint32_t kCsvFilenameColumn = std::numeric_limits<uint32_t>::max();

// Converts tokenized rows into a Batch, one column at a time (only the projected
// columns), with fast parsers for the common types and the engine's cast for the
// rest. Not thread-safe (it keeps scratch buffers); use one per thread.
class CsvBatchConverter {
 public:
  explicit CsvBatchConverter(const CsvConversionSpec& spec);

  // Fills `out` (one vector per entry of `projection`, typed as the file column it
  // names) from `rows`, read from the file `file_name`. A row with the wrong number
  // of fields or a value that does not convert raises Error (22P04 / the cast's
  // SQLSTATE) naming file, line and column; with ignore_errors the row is dropped
  // instead (and appended to `rejects` when store_rejects and rejects != nullptr).
  // REQUIRES: rows.num_rows() <= kBatchSize. Sets and returns out.size.
  uint32_t Convert(const CsvRowBatch& rows, const std::string& file_name,
                   const std::vector<uint32_t>& projection, Batch& out,
                   std::vector<CsvRejectedRow>* rejects);

 private:
  struct ColumnJob;  // the column being converted (csv_batch_converter.cc)

  void CheckFieldCounts(const CsvRowBatch& rows);
  void ConvertColumn(ColumnJob& job);
  void ConvertVarchar(ColumnJob& job);
  void ConvertWithCast(ColumnJob& job);
  template <class T, class Parse>
  void ConvertFast(ColumnJob& job, Parse&& parse);
  // Text of a field, unescaped if needed (may point into scratch_).
  std::string_view FieldText(const CsvRowBatch& rows, const CsvField& field);
  bool IsNull(const CsvRowBatch& rows, const CsvField& field) const;
  // Converts one value with the engine's cast into out[row]; on failure throws with
  // context or rejects the row.
  void ConvertSlow(ColumnJob& job, uint32_t row, std::string_view text);
  // Raises (or, with ignore_errors, records) a bad row.
  void Fail(uint32_t row, const std::string& column, SqlState state, const std::string& reason);
  void DropRejectedRows(Batch& out, uint32_t num_rows);

  const CsvConversionSpec& spec_;
  const CsvRowBatch* rows_ = nullptr;
  const std::string* file_name_ = nullptr;
  std::vector<CsvRejectedRow>* rejects_ = nullptr;
  std::vector<uint8_t> rejected_;  // per row of the current batch
  uint32_t num_rejected_ = 0;
  std::string scratch_;
};

}  // namespace basin
