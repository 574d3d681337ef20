// libFuzzer target for the JSON reader: detects a schema from arbitrary bytes and
// reads them into vectors, as read_json does (from memory, on one thread). Any
// basin::Error is an acceptable outcome; crashes, hangs, sanitizer reports and other
// exceptions are bugs. The first byte picks the format, a small depth limit and a
// fixed schema (explicit types and mismatches), and a split into two ranges.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/batch.h"
#include "common/error.h"
#include "common/value.h"
#include "format/csv/csv_input.h"
#include "format/json/json_record_converter.h"
#include "format/json/json_record_reader.h"
#include "format/json/json_type_detector.h"

namespace {

void ReadEverything(const basin::CsvInput& input, basin::JsonFormat format, uint32_t max_depth,
                    const basin::JsonSchema* fixed, bool split) {
  basin::JsonSchema schema;
  if (fixed != nullptr) {
    schema = *fixed;
  } else {
    basin::JsonTypeDetector detector;
    basin::JsonRecordReader sampler(input, format, 0, input.size(), max_depth);
    simdjson::dom::element value;
    for (int i = 0; i < 100; ++i) {
      const auto outcome = sampler.Next(value);
      if (outcome == basin::JsonRecordReader::Outcome::kEnd) break;
      if (outcome == basin::JsonRecordReader::Outcome::kValue) detector.Add(value);
    }
    schema.records = detector.AllObjects() && !detector.KeyNames().empty();
    schema.names = schema.records ? detector.KeyNames() : std::vector<std::string>{"json"};
    schema.types =
        schema.records ? detector.KeyTypes() : std::vector<basin::LogicalType>{detector.Type()};
  }
  std::vector<uint32_t> projection;
  for (uint32_t i = 0; i < schema.names.size(); ++i) projection.push_back(i);
  basin::JsonRecordConverter converter(schema, projection);
  // Newline-delimited input is also read as two ranges, split in the middle, as the
  // parallel scan would: together they must see each line once.
  std::vector<std::pair<uint64_t, uint64_t>> ranges = {{0, input.size()}};
  if (split && format == basin::JsonFormat::kNewlineDelimited && input.size() > 1) {
    ranges = {{0, input.size() / 2}, {input.size() / 2, input.size()}};
  }
  basin::Batch batch(schema.types);
  uint32_t row = 0;
  simdjson::dom::element value;
  for (const auto& [begin, end] : ranges) {
    basin::JsonRecordReader reader(input, format, begin, end, max_depth);
    for (;;) {
      const auto outcome = reader.Next(value);
      if (outcome == basin::JsonRecordReader::Outcome::kEnd) break;
      if (outcome != basin::JsonRecordReader::Outcome::kValue) {
        (void)reader.Location();
        continue;
      }
      try {
        converter.Write(value, batch, row);
        ++row;
      } catch (const basin::Error&) {
        // A value that does not fit: read_json reports or skips it.
      }
      if (row == basin::kBatchSize) {
        batch.Reset();
        row = 0;
      }
    }
  }
  batch.size = row;
  for (uint32_t r = 0; r < batch.size; ++r) {
    for (const auto& column : batch.columns) (void)column.GetValue(r);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const auto input = basin::MakeCsvMemoryInput(
      std::string(reinterpret_cast<const char*>(data + 1), size - 1), "fuzz.json");
  const basin::JsonFormat format =
      flags & 1 ? basin::JsonFormat::kArray : basin::JsonFormat::kNewlineDelimited;
  const uint32_t max_depth = flags & 2 ? 8 : 1000;
  basin::JsonSchema fixed;
  fixed.names = {"a", "b", "c", "d"};
  fixed.types = {basin::TypeId::kInteger, basin::LogicalType::List(basin::TypeId::kDate),
                 basin::LogicalType::Struct(
                     {"x", "y"}, {basin::TypeId::kDouble, basin::LogicalType::Decimal(9, 2)}),
                 basin::LogicalType::Map(basin::TypeId::kVarchar, basin::TypeId::kBoolean)};
  try {
    ReadEverything(*input, format, max_depth, flags & 4 ? &fixed : nullptr, (flags & 8) != 0);
  } catch (const basin::Error&) {
    // Bad input, reported properly.
  }
  return 0;
}
