#include "format/csv/csv_parallel_scan.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace basin {

namespace {

// Counts bytes equal to `a` and to `b` in data[0, size), eight bytes at a time (SWAR,
// no popcount instruction assumed). The zero-byte test is exact (no carries between
// bytes): a matching byte becomes 0x01 after the shift. Per-byte tallies are summed
// every 31 words, before 8 lanes * 31 could overflow the multiply-add's top byte.
void CountTwoBytes(const char* data, size_t size, char a, char b, uint64_t& count_a,
                   uint64_t& count_b) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t pattern_a = kOnes * static_cast<uint8_t>(a);
  const uint64_t pattern_b = kOnes * static_cast<uint8_t>(b);
  auto matches = [](uint64_t x) { return (~(((x & kLow7) + kLow7) | x | kLow7)) >> 7; };
  auto lanes_sum = [](uint64_t lanes) { return (lanes * kOnes) >> 56; };
  size_t i = 0;
  while (i + 8 <= size) {
    uint64_t lanes_a = 0;
    uint64_t lanes_b = 0;
    for (int word_index = 0; word_index < 31 && i + 8 <= size; ++word_index, i += 8) {
      uint64_t word;
      std::memcpy(&word, data + i, 8);
      lanes_a += matches(word ^ pattern_a);
      lanes_b += matches(word ^ pattern_b);
    }
    count_a += lanes_sum(lanes_a);
    count_b += lanes_sum(lanes_b);
  }
  for (; i < size; ++i) {
    count_a += data[i] == a;
    count_b += data[i] == b;
  }
}

}  // namespace

CsvParallelScan::CsvParallelScan(std::shared_ptr<const std::vector<CsvScanFile>> files,
                                 std::vector<uint32_t> projection, uint64_t max_line_size,
                                 bool keep_rejects, uint64_t range_bytes)
    : files_(std::move(files)),
      projection_(std::move(projection)),
      max_line_size_(max_line_size),
      keep_rejects_(keep_rejects),
      range_bytes_(std::max<uint64_t>(range_bytes, 1)) {
  for (uint32_t f = 0; f < files_->size(); ++f) {
    const CsvScanFile& file = (*files_)[f];
    const uint64_t size = OpenCsvFile(file.path)->size();
    const uint64_t start = std::min(file.schema.data_start, size);
    const bool splittable =
        !file.schema.dialect.has_distinct_escape() && !file.schema.cr_line_endings;
    const uint64_t count = splittable ? std::max<uint64_t>((size - start) / range_bytes_, 1) : 1;
    for (uint64_t k = 0; k < count; ++k) {
      Range range;
      range.file = f;
      range.begin = start + k * range_bytes_;
      range.end = k + 1 == count ? size : range.begin + range_bytes_;
      range.first_of_file = k == 0;
      range.last_of_file = k + 1 == count;
      if (!range.last_of_file) count_tasks_.push_back(static_cast<uint32_t>(ranges_.size()));
      ranges_.push_back(range);
    }
  }
}

void CsvParallelScan::CountRange(CsvScanLocalState& local, Range& range) {
  const CsvScanFile& file = (*files_)[range.file];
  std::unique_ptr<CsvInput> input = OpenCsvFile(file.path);
  local.count_buffer.resize(1 << 20);
  const char quote = file.schema.dialect.quote;
  const bool has_quote = file.schema.dialect.has_quote();
  uint64_t quotes = 0;
  uint64_t newlines = 0;
  for (uint64_t offset = range.begin; offset < range.end;) {
    const size_t wanted =
        static_cast<size_t>(std::min<uint64_t>(local.count_buffer.size(), range.end - offset));
    const size_t got = input->ReadAt(offset, local.count_buffer.data(), wanted);
    if (got == 0) break;
    // Without a quote character the second count is of '\n' again, and unused.
    CountTwoBytes(local.count_buffer.data(), got, '\n', has_quote ? quote : '\n', newlines, quotes);
    offset += got;
  }
  range.quotes = has_quote ? quotes : 0;
  range.newlines = newlines;
}

void CsvParallelScan::WaitForCounts() {
  std::unique_lock<std::mutex> lock(mutex_);
  counted_signal_.wait(lock, [this] { return counted_ == count_tasks_.size() || count_failed_; });
  if (count_failed_) {
    throw Error(sqlstate::kIoError, "read_csv: scan stopped after an error in another thread");
  }
}

void CsvParallelScan::OpenRange(CsvScanLocalState& local, uint32_t index) {
  const Range& range = ranges_[index];
  const CsvScanFile& file = (*files_)[range.file];
  local.input = OpenCsvFile(file.path);
  local.file = range.file;
  CsvRowReaderOptions options;
  options.max_line_size = max_line_size_;
  options.error_context = file.spec.error_context;
  options.row_limit = range.last_of_file ? UINT64_MAX : range.end;
  // Read a whole range in one go, plus room for the row that straddles its end.
  options.block_size =
      static_cast<size_t>(std::min<uint64_t>(range.end - range.begin, range_bytes_)) + (64 << 10);
  if (range.first_of_file) {
    options.begin = range.begin;
    options.first_line = file.schema.data_start_line;
    local.reader = std::make_unique<CsvRowReader>(*local.input, file.schema.dialect, options);
  } else {
    uint64_t quotes = 0;
    uint64_t newlines = 0;
    for (uint32_t i = index; i-- > 0 && ranges_[i].file == range.file;) {
      quotes += ranges_[i].quotes;
      newlines += ranges_[i].newlines;
    }
    // The reader starts one byte early: a row starts here if that byte ends a line.
    char before = 0;
    local.input->ReadAt(range.begin - 1, &before, 1);
    const bool quote_before =
        file.schema.dialect.has_quote() && before == file.schema.dialect.quote;
    options.begin = range.begin - 1;
    options.first_line = file.schema.data_start_line + newlines - (before == '\n' ? 1 : 0);
    local.reader = std::make_unique<CsvRowReader>(*local.input, file.schema.dialect, options);
    const bool in_quotes = ((quotes - (quote_before ? 1 : 0)) & 1) != 0;
    local.reader->SeekRowStart(in_quotes);
  }
  local.converter = std::make_unique<CsvBatchConverter>(file.spec);
}

bool CsvParallelScan::Scan(CsvScanLocalState& local, Batch& out) {
  for (;;) {
    if (local.reader) {
      while (local.reader->NextRows(local.rows, kBatchSize)) {
        const CsvScanFile& file = (*files_)[local.file];
        std::vector<CsvRejectedRow>* rejects = keep_rejects_ ? &local.rejects : nullptr;
        const uint32_t rows =
            local.converter->Convert(local.rows, file.path, projection_, out, rejects);
        if (!local.rejects.empty()) {
          std::lock_guard<std::mutex> lock(mutex_);
          for (auto& reject : local.rejects) rejects_.push_back(std::move(reject));
          local.rejects.clear();
        }
        if (rows > 0) return true;
      }
      local.reader.reset();
      local.converter.reset();
      local.input.reset();
    }
    // Phase one: count.
    const uint32_t task = next_count_.fetch_add(1);
    if (task < count_tasks_.size()) {
      try {
        CountRange(local, ranges_[count_tasks_[task]]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        count_failed_ = true;
        counted_signal_.notify_all();
        throw;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      if (++counted_ == count_tasks_.size()) counted_signal_.notify_all();
      continue;
    }
    // Phase two: parse. Every count task has been claimed by now, so the wait only
    // covers work already running on other threads.
    const uint32_t index = next_range_.fetch_add(1);
    if (index >= ranges_.size()) {
      out.size = 0;
      return false;
    }
    if (!ranges_[index].first_of_file) WaitForCounts();
    OpenRange(local, index);
  }
}

std::vector<CsvRejectedRow> CsvParallelScan::TakeRejects() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<CsvRejectedRow> result = std::move(rejects_);
  rejects_.clear();
  return result;
}

}  // namespace basin
