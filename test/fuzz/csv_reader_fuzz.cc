// libFuzzer target for the CSV reader: sniffs and reads arbitrary bytes from memory.
// Any basin::Error is an acceptable outcome; crashes, hangs, sanitizer reports and
// other exceptions are bugs. The first byte picks options, so that explicit dialects,
// types and ignore_errors get exercised too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/batch.h"
#include "common/error.h"
#include "format/csv/csv_reader.h"

namespace {

void ReadEverything(const std::string& text, const basin::CsvOptions& options) {
  try {
    auto reader = basin::CsvReader::Open(basin::MakeCsvMemoryInput(text, "fuzz.csv"), options);
    basin::Batch batch;
    uint64_t rows = 0;
    while (reader->ReadBatch(batch)) rows += batch.size;
    (void)rows;
  } catch (const basin::Error&) {
    // Bad input, reported properly.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  basin::CsvOptions options;
  options.max_line_size = 1 << 16;
  options.sample_size = 1 + (flags >> 5) * 50;
  if (flags & 1) options.ignore_errors = true;
  if (flags & 2) options.store_rejects = true;
  if (flags & 4) {
    options.delimiter = '|';
    options.quote = '\'';
    options.escape = '\\';
  }
  if (flags & 8) {
    options.column_types = {basin::TypeId::kBigInt, basin::LogicalType::Decimal(9, 2),
                            basin::TypeId::kDate, basin::TypeId::kVarchar};
  }
  if (flags & 16) {
    options.header = (flags & 32) != 0;
    options.null_string = "NA";
    options.date_format = "%d.%m.%Y";
  }
  ReadEverything(text, options);
  return 0;
}
