#include "format/csv/csv_tokenizer.h"

#include <string>

namespace basin {

namespace {

inline uint8_t Byte(char c) { return static_cast<uint8_t>(c); }

}  // namespace

CsvTokenizer::CsvTokenizer(const CsvDialect& dialect) : dialect_(dialect) {
  unquoted_stop_[Byte(dialect.delimiter)] = true;
  unquoted_stop_['\n'] = true;
  unquoted_stop_['\r'] = true;
  if (dialect.has_quote()) {
    unquoted_stop_[Byte(dialect.quote)] = true;
    quoted_stop_[Byte(dialect.quote)] = true;
    if (dialect.escape != '\0') quoted_stop_[Byte(dialect.escape)] = true;
  }
  quoted_stop_['\n'] = true;
}

CsvRowStatus CsvTokenizer::NextRow(const char* data, size_t size, bool final, size_t& pos,
                                   std::vector<CsvField>& fields, uint32_t& line_breaks) const {
  size_t p = pos;
  line_breaks = 0;
  if (p >= size) return final ? CsvRowStatus::kEnd : CsvRowStatus::kNeedMore;
  const char delimiter = dialect_.delimiter;
  const char quote = dialect_.quote;
  const char escape = dialect_.escape;
  const bool distinct_escape = dialect_.has_distinct_escape();
  const bool* unquoted_stop = unquoted_stop_.data();
  const bool* quoted_stop = quoted_stop_.data();

  for (;;) {  // one iteration per field
    const size_t field_begin = p;
    uint32_t flags = 0;
    // A field that is exactly one quoted section, "...", with no escapes inside, is
    // returned as its inner text; anything else with quotes is returned raw.
    bool simple_quoted = false;
    for (;;) {  // alternating unquoted runs and quoted sections
      while (p < size && !unquoted_stop[Byte(data[p])]) ++p;
      if (p == size) {
        if (!final) return CsvRowStatus::kNeedMore;
        break;  // the last row lacks a line terminator
      }
      const char c = data[p];
      if (c == delimiter || c == '\n' || c == '\r') break;
      // An opening quote.
      const bool opens_field = p == field_begin && flags == 0;
      const uint32_t breaks_before_quote = line_breaks;
      bool escaped = false;
      flags |= CsvField::kQuoted;
      ++p;
      for (;;) {
        while (p < size && !quoted_stop[Byte(data[p])]) ++p;
        if (p == size) {
          if (!final) return CsvRowStatus::kNeedMore;
          pos = size;
          line_breaks = breaks_before_quote;
          return CsvRowStatus::kUnterminatedQuote;
        }
        const char q = data[p];
        if (q == '\n') {
          ++line_breaks;
          ++p;
          continue;
        }
        if (distinct_escape && q == escape) {
          if (p + 1 == size && !final) return CsvRowStatus::kNeedMore;
          // Only the quote and the escape itself can be escaped; otherwise the
          // escape is an ordinary character.
          if (p + 1 < size && (data[p + 1] == quote || data[p + 1] == escape)) {
            escaped = true;
            p += 2;
          } else {
            ++p;
          }
          continue;
        }
        // q == quote: a doubled quote (when escape == quote) or the closing quote.
        if (escape == quote) {
          if (p + 1 == size && !final) return CsvRowStatus::kNeedMore;
          if (p + 1 < size && data[p + 1] == quote) {
            escaped = true;
            p += 2;
            continue;
          }
        }
        ++p;
        break;
      }
      if (opens_field && !escaped) {
        simple_quoted = true;
      } else {
        simple_quoted = false;
        flags |= CsvField::kRaw;
      }
      // Bytes right after the closing quote keep the field going (PostgreSQL).
      if (p < size && !unquoted_stop[Byte(data[p])]) {
        simple_quoted = false;
        flags |= CsvField::kRaw;
      } else if (p == size && !final) {
        return CsvRowStatus::kNeedMore;
      } else if (p < size && data[p] == quote) {
        simple_quoted = false;
        flags |= CsvField::kRaw;
      }
    }
    // The field ends at p (a delimiter, a line terminator, or the end of a final buffer).
    CsvField field;
    field.flags = flags;
    if (simple_quoted && !(flags & CsvField::kRaw)) {
      field.begin = static_cast<uint32_t>(field_begin + 1);
      field.length = static_cast<uint32_t>(p - field_begin - 2);
    } else {
      field.begin = static_cast<uint32_t>(field_begin);
      field.length = static_cast<uint32_t>(p - field_begin);
    }
    fields.push_back(field);
    if (p == size) {
      pos = p;
      return CsvRowStatus::kRow;
    }
    const char c = data[p];
    if (c == delimiter) {
      ++p;
      continue;
    }
    // Line terminator: \n, \r\n or \r.
    if (c == '\r') {
      if (p + 1 == size && !final) return CsvRowStatus::kNeedMore;
      p += (p + 1 < size && data[p + 1] == '\n') ? 2 : 1;
    } else {
      ++p;
    }
    ++line_breaks;
    pos = p;
    return CsvRowStatus::kRow;
  }
}

void UnescapeCsvField(const char* text, size_t length, const CsvDialect& dialect,
                      std::string& out) {
  out.clear();
  const char quote = dialect.quote;
  const char escape = dialect.escape;
  const bool distinct_escape = dialect.has_distinct_escape();
  const bool doubled_quote = dialect.has_quote() && escape == quote;
  bool in_quotes = false;
  for (size_t i = 0; i < length; ++i) {
    const char c = text[i];
    if (!in_quotes) {
      if (dialect.has_quote() && c == quote) {
        in_quotes = true;
      } else {
        out.push_back(c);
      }
      continue;
    }
    if (distinct_escape && c == escape && i + 1 < length &&
        (text[i + 1] == quote || text[i + 1] == escape)) {
      out.push_back(text[++i]);
    } else if (c == quote) {
      if (doubled_quote && i + 1 < length && text[i + 1] == quote) {
        out.push_back(quote);
        ++i;
      } else {
        in_quotes = false;
      }
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace basin
