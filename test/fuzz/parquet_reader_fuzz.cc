// libFuzzer target for the whole Parquet reader: the input is a file, opened from
// memory (footer, schema tree), then every row group is read for all top-level
// fields (column chunk readers, decoders, nested assembly). Any basin::Error is an
// acceptable outcome; crashes, hangs, sanitizer reports, other exceptions and absurd
// allocations are bugs.
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/error.h"
#include "common/value.h"
#include "format/parquet/parquet_reader.h"

namespace {

// Row groups claiming more rows than this are skipped: a few bytes of RLE can stand
// for billions of NULLs, which is a slow read, not a bug.
constexpr int64_t kMaxRows = 100'000;

void ReadAll(const std::string& bytes) {
  auto file = basin::parquet::ParquetFile::FromBuffer("fuzz.parquet", bytes);
  const auto& schema = file->schema();
  std::vector<basin::LogicalType> types;
  for (const auto& field : schema.fields) types.push_back(field.type);
  std::vector<int> fields(schema.fields.size());
  std::iota(fields.begin(), fields.end(), 0);
  const auto& groups = file->metadata().row_groups;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].num_rows > kMaxRows) continue;
    bool huge = false;
    for (const auto& chunk : groups[g].columns) {
      huge = huge || (chunk.meta_data && chunk.meta_data->num_values > kMaxRows * 4);
    }
    if (huge) continue;
    try {
      basin::parquet::RowGroupReader reader(file, g, fields);
      basin::Batch batch;
      batch.Initialize(types);
      while (const uint32_t rows = reader.Next(batch)) {
        // Touch every value (strings are read through their views), as a query would.
        for (const auto& column : batch.columns) {
          for (uint32_t row = 0; row < rows; ++row) (void)column.GetValue(row);
        }
      }
    } catch (const basin::Error&) {
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ReadAll(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const basin::Error&) {
  }
  return 0;
}
