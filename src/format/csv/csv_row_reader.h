// src/format/csv/csv_row_reader.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "format/csv/csv_dialect.h"
#include "format/csv/csv_input.h"
#include "format/csv/csv_tokenizer.h"

namespace basin {

// Rows cut from a buffer, not yet converted. Valid until the reader that filled it is
// called again.
struct CsvRowBatch {
  const char* data = nullptr;           // the buffer the fields point into
  std::vector<CsvField> fields;         // all fields of all rows, row after row
  std::vector<uint32_t> row_fields{0};  // row r has fields [row_fields[r], row_fields[r+1])
  std::vector<uint64_t> row_lines;      // 1-based line where row r starts

  uint32_t num_rows() const { return static_cast<uint32_t>(row_lines.size()); }
  uint32_t FieldCount(uint32_t row) const { return row_fields[row + 1] - row_fields[row]; }
  const CsvField& Field(uint32_t row, uint32_t column) const {
    return fields[row_fields[row] + column];
  }
  void Clear() {
    fields.clear();
    row_fields.resize(1);
    row_lines.clear();
  }
};

// Where and how a CsvRowReader reads.
struct CsvRowReaderOptions {
  uint64_t begin = 0;  // offset of the first row
  // Stop at the first row that starts at or after this offset (a parallel range's
  // end); the row that straddles it is still read to its end.
  uint64_t row_limit = UINT64_MAX;
  uint64_t first_line = 1;  // line number at `begin`
  uint64_t max_line_size = 16ull << 20;
  size_t block_size = 8ull << 20;
  std::string error_context = "read_csv";
};

// Reads an input in big blocks and cuts it into rows, batch by batch. Blank lines are
// skipped. A UTF-8 byte order mark at offset 0 is skipped. Not thread-safe; parallel
// scans use one reader per range.
class CsvRowReader {
 public:
  CsvRowReader(const CsvInput& input, const CsvDialect& dialect, CsvRowReaderOptions options);

  // Cuts up to `max_rows` rows into `batch` (cleared first). Returns false when no rows
  // are left. Throws 22P04 for an unterminated quote or an overlong line.
  bool NextRows(CsvRowBatch& batch, uint32_t max_rows);
  // Skips `count` lines as rows (quotes respected), e.g. the header. Blank lines count.
  // Returns how many were skipped (fewer at the end of the input).
  uint64_t SkipRows(uint64_t count);
  // Moves to the first row start at or after the current position, given whether the
  // position is inside quotes (only valid for dialects without a distinct escape).
  // Used by parallel ranges, which begin at an arbitrary byte one before the range.
  void SeekRowStart(bool in_quotes);

  // Offset and line number of the next row.
  uint64_t position() const { return buffer_offset_ + pos_; }
  uint64_t line() const { return line_; }

 private:
  // Makes room and reads more bytes; false when the input is exhausted.
  bool Refill();
  [[noreturn]] void ThrowFormatError(uint64_t line, const std::string& what) const;

  const CsvInput& input_;
  CsvDialect dialect_;
  CsvTokenizer tokenizer_;
  CsvRowReaderOptions options_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t size_ = 0;             // valid bytes in buffer_
  size_t pos_ = 0;              // next unread byte in buffer_
  uint64_t buffer_offset_ = 0;  // input offset of buffer_[0]
  uint64_t input_size_ = 0;
  bool at_end_ = false;  // all input bytes are in the buffer
  bool done_ = false;    // past row_limit
  uint64_t line_ = 1;
  std::vector<CsvField> scratch_;
};

}  // namespace basin
