// src/format/csv/csv_tokenizer.h
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "format/csv/csv_dialect.h"

namespace basin {

// One field of a tokenized row, as offsets into the buffer the row was cut from
// (offsets, not pointers, so the buffer may grow while a batch is being cut).
struct CsvField {
  static constexpr uint32_t kQuoted = 1;  // had a quote: never NULL
  static constexpr uint32_t kRaw = 2;     // [begin, begin+length) is the raw text with
                                          // quotes and escapes: see UnescapeCsvField
  uint32_t begin = 0;
  uint32_t length = 0;
  uint32_t flags = 0;
};

enum class CsvRowStatus : uint8_t {
  kRow,                // a row was cut; `pos` is past its line terminator
  kNeedMore,           // the row runs past the buffer; call again with more bytes
  kEnd,                // pos == size and the buffer is final
  kUnterminatedQuote,  // a final buffer ended inside quotes
};

// Cuts rows into fields with PostgreSQL's CSV rules: a quote may open anywhere in a
// field and everything up to the closing quote is data (delimiters, newlines);
// inside quotes, escape+quote is a quote (the default escape is the quote itself,
// so "" means "). Lines end with \n, \r\n or \r. Stateless between rows, so a
// scanner can restart a row after appending more bytes.
class CsvTokenizer {
 public:
  explicit CsvTokenizer(const CsvDialect& dialect);

  // Cuts the row that starts at data[pos], appending its fields to `fields`.
  // `line_breaks` receives the line breaks the row consumed (its terminator and
  // quoted newlines); for kUnterminatedQuote, those before the opening quote.
  // `final` says no bytes follow data[size). On kNeedMore the fields appended
  // for the partial row must be dropped by the caller. REQUIRES: size < 2^32.
  CsvRowStatus NextRow(const char* data, size_t size, bool final, size_t& pos,
                       std::vector<CsvField>& fields, uint32_t& line_breaks) const;

 private:
  CsvDialect dialect_;
  // Bytes that end an unquoted run: delimiter, quote, \n, \r.
  std::array<bool, 256> unquoted_stop_{};
  // Bytes that end a quoted run: quote, escape, \n.
  std::array<bool, 256> quoted_stop_{};
};

// Writes the value of a kRaw field to `out`: quote characters removed, escape
// sequences resolved, as the tokenizer read them.
void UnescapeCsvField(const char* text, size_t length, const CsvDialect& dialect, std::string& out);

}  // namespace basin
