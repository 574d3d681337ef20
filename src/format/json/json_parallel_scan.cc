#include "format/json/json_parallel_scan.h"

#include <algorithm>

#include "common/error.h"

namespace basin {

JsonParallelScan::JsonParallelScan(std::shared_ptr<const JsonScanSpec> spec,
                                   std::vector<uint32_t> projection, uint64_t range_bytes)
    : spec_(std::move(spec)), projection_(std::move(projection)) {
  range_bytes = std::max<uint64_t>(range_bytes, 1);
  for (uint32_t f = 0; f < spec_->files.size(); ++f) {
    const JsonScanFile& file = spec_->files[f];
    const uint64_t size = OpenCsvFile(file.path)->size();
    const uint64_t count =
        file.format == JsonFormat::kArray ? 1 : std::max<uint64_t>(size / range_bytes, 1);
    for (uint64_t k = 0; k < count; ++k) {
      const uint64_t begin = k * range_bytes;
      ranges_.push_back(Range{f, begin, k + 1 == count ? size : begin + range_bytes});
    }
  }
}

void JsonParallelScan::Fail(const JsonScanLocalState& local, SqlState state,
                            const std::string& what) const {
  throw Error(state, spec_->error_context + ": file \"" + spec_->files[local.file].path + "\", " +
                         local.reader->Location() + ": " + what);
}

bool JsonParallelScan::Scan(JsonScanLocalState& local, Batch& out) {
  for (auto& column : out.columns) column.Reset();
  uint32_t rows = 0;
  for (;;) {
    if (!local.reader) {
      const uint32_t index = next_range_.fetch_add(1);
      if (index >= ranges_.size()) break;
      const Range& range = ranges_[index];
      const JsonScanFile& file = spec_->files[range.file];
      local.reader.reset();
      local.input = OpenCsvFile(file.path);
      local.file = range.file;
      local.reader = std::make_unique<JsonRecordReader>(*local.input, file.format, range.begin,
                                                        range.end, spec_->max_depth);
      if (!local.converter) {
        local.converter = std::make_unique<JsonRecordConverter>(spec_->schema, projection_);
      }
    }
    simdjson::dom::element value;
    const JsonRecordReader::Outcome outcome = local.reader->Next(value);
    if (outcome == JsonRecordReader::Outcome::kValue) {
      try {
        local.converter->Write(value, out, rows);
        ++rows;
      } catch (const Error& error) {
        if (!spec_->ignore_errors) Fail(local, error.state(), error.message());
      }
      if (rows < kBatchSize) continue;
      break;
    }
    if (outcome == JsonRecordReader::Outcome::kMalformed) {
      if (!spec_->ignore_errors) {
        Fail(local, sqlstate::kInvalidTextRepresentation, local.reader->error());
      }
      continue;
    }
    // End of the range: a batch holds one file's rows, for the filename column.
    local.reader.reset();
    local.input.reset();
    if (rows > 0) break;
  }
  for (size_t i = 0; i < projection_.size(); ++i) {
    if (projection_[i] != kJsonFilenameColumn || rows == 0) continue;
    Vector& column = out.columns[i];
    const StringRef name = column.AddString(spec_->files[local.file].path);
    for (uint32_t row = 0; row < rows; ++row) column.data<StringRef>()[row] = name;
  }
  out.size = rows;
  return rows > 0;
}

}  // namespace basin
