#include "format/csv/csv_row_reader.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace basin {

CsvRowReader::CsvRowReader(const CsvInput& input, const CsvDialect& dialect,
                           CsvRowReaderOptions options)
    : input_(input), dialect_(dialect), tokenizer_(dialect), options_(std::move(options)) {
  input_size_ = input.size();
  buffer_offset_ = std::min(options_.begin, input_size_);
  line_ = options_.first_line;
  // Whole rows must fit the buffer; offsets into it are 32-bit.
  options_.max_line_size = std::clamp<uint64_t>(options_.max_line_size, 1, 1ull << 30);
  options_.block_size = std::clamp<size_t>(options_.block_size, 4096, 1ull << 30);
  if (buffer_offset_ == 0) {
    char bom[3];
    if (input_.ReadAt(0, bom, 3) == 3 && std::memcmp(bom, "\xEF\xBB\xBF", 3) == 0) {
      buffer_offset_ = 3;
    }
  }
  at_end_ = buffer_offset_ >= input_size_;
}

void CsvRowReader::ThrowFormatError(uint64_t line, const std::string& what) const {
  throw Error(sqlstate::kBadCopyFileFormat, options_.error_context + ": " + DescribeCsvSource(input_.name()) +
                                                ", line " + std::to_string(line) + ": " + what);
}

bool CsvRowReader::Refill() {
  if (at_end_) return false;
  // Drop consumed bytes so the buffer holds the unfinished row at its start.
  if (pos_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + pos_, size_ - pos_);
    buffer_offset_ += pos_;
    size_ -= pos_;
    pos_ = 0;
  }
  if (size_ > options_.max_line_size) {
    ThrowFormatError(line_, "row is longer than the maximum line size of " +
                                std::to_string(options_.max_line_size) + " bytes");
  }
  if (capacity_ - size_ < options_.block_size / 2) {
    // No bigger than what is left of the input (small files, memory inputs).
    const uint64_t left = input_size_ - std::min(input_size_, buffer_offset_) + 1;
    const size_t wanted = std::max<size_t>(
        std::min<uint64_t>(std::max(options_.block_size, size_ * 2), left), size_ + 4096);
    auto bigger = std::make_unique_for_overwrite<char[]>(wanted);
    if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
    capacity_ = wanted;
  }
  const size_t wanted = capacity_ - size_;
  const size_t got = input_.ReadAt(buffer_offset_ + size_, buffer_.get() + size_, wanted);
  size_ += got;
  // A short read means the end, even if the file shrank since we took its size.
  if (got < wanted || buffer_offset_ + size_ >= input_size_) at_end_ = true;
  return got > 0;
}

bool CsvRowReader::NextRows(CsvRowBatch& batch, uint32_t max_rows) {
  batch.Clear();
  batch.data = buffer_.get();
  while (!done_ && batch.num_rows() < max_rows) {
    if (buffer_offset_ + pos_ >= options_.row_limit) {
      done_ = true;
      break;
    }
    const size_t fields_before = batch.fields.size();
    const size_t row_start = pos_;
    size_t next = pos_;
    uint32_t line_breaks = 0;
    const CsvRowStatus status =
        tokenizer_.NextRow(buffer_.get(), size_, at_end_, next, batch.fields, line_breaks);
    if (status == CsvRowStatus::kRow) {
      if (next - row_start > options_.max_line_size) {
        ThrowFormatError(line_, "row is longer than the maximum line size of " +
                                    std::to_string(options_.max_line_size) + " bytes");
      }
      const size_t count = batch.fields.size() - fields_before;
      const CsvField& first = batch.fields[fields_before];
      if (count == 1 && first.length == 0 && first.flags == 0) {
        batch.fields.resize(fields_before);  // a blank line
      } else {
        batch.row_fields.push_back(static_cast<uint32_t>(batch.fields.size()));
        batch.row_lines.push_back(line_);
      }
      line_ += line_breaks;
      pos_ = next;
      continue;
    }
    batch.fields.resize(fields_before);
    if (status == CsvRowStatus::kEnd) {
      done_ = true;
      break;
    }
    if (status == CsvRowStatus::kUnterminatedQuote) {
      ThrowFormatError(line_ + line_breaks, "unterminated CSV quoted field");
    }
    // kNeedMore. Refilling moves the buffer, so hand out the rows cut so far first.
    if (batch.num_rows() > 0) break;
    Refill();
    batch.data = buffer_.get();
  }
  return batch.num_rows() > 0;
}

uint64_t CsvRowReader::SkipRows(uint64_t count) {
  uint64_t skipped = 0;
  while (skipped < count) {
    size_t next = pos_;
    uint32_t line_breaks = 0;
    scratch_.clear();
    const CsvRowStatus status =
        tokenizer_.NextRow(buffer_.get(), size_, at_end_, next, scratch_, line_breaks);
    if (status == CsvRowStatus::kRow) {
      line_ += line_breaks;
      pos_ = next;
      ++skipped;
      continue;
    }
    if (status == CsvRowStatus::kEnd) break;
    if (status == CsvRowStatus::kUnterminatedQuote) {
      ThrowFormatError(line_ + line_breaks, "unterminated CSV quoted field");
    }
    if (size_ - pos_ > options_.max_line_size) {
      ThrowFormatError(line_, "row is longer than the maximum line size of " +
                                  std::to_string(options_.max_line_size) + " bytes");
    }
    Refill();
  }
  return skipped;
}

void CsvRowReader::SeekRowStart(bool in_quotes) {
  const char quote = dialect_.quote;
  const bool has_quote = dialect_.has_quote();
  for (;;) {
    while (pos_ < size_) {
      const char c = buffer_[pos_++];
      if (has_quote && c == quote) {
        in_quotes = !in_quotes;
      } else if (c == '\n') {
        ++line_;
        if (!in_quotes) return;
      }
    }
    if (at_end_) return;
    Refill();
  }
}

}  // namespace basin
