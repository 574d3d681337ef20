#include "format/csv/csv_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.h"
#include "function/cast.h"

namespace basin {

CsvWriter::CsvWriter(const std::string& path, CsvWriterOptions options,
                     std::vector<std::string> column_names)
    : file_(path), options_(options), column_names_(std::move(column_names)) {
  Start();
}

CsvWriter::CsvWriter(ByteSink& sink, CsvWriterOptions options,
                     std::vector<std::string> column_names)
    : file_(sink, "STDOUT"), options_(options), column_names_(std::move(column_names)) {
  Start();
}

void CsvWriter::Start() {
  needs_quote_[static_cast<uint8_t>(options_.delimiter)] = true;
  needs_quote_[static_cast<uint8_t>(options_.quote)] = true;
  needs_quote_['\r'] = true;
  needs_quote_['\n'] = true;
  if (options_.header) {
    for (size_t i = 0; i < column_names_.size(); ++i) {
      if (i > 0) buffer_.push_back(options_.delimiter);
      WriteField(column_names_[i]);
    }
    buffer_.push_back('\n');
  }
}

CsvWriter::~CsvWriter() = default;

void CsvWriter::WriteField(std::string_view text, bool force_quote) {
  bool quote = force_quote || text == options_.null_string || text == "\\.";
  for (size_t i = 0; i < text.size() && !quote; ++i) {
    quote = needs_quote_[static_cast<uint8_t>(text[i])];
  }
  if (!quote) {
    buffer_.append(text);
    return;
  }
  buffer_.push_back(options_.quote);
  for (char c : text) {
    if (c == options_.quote || c == options_.escape) buffer_.push_back(options_.escape);
    buffer_.push_back(c);
  }
  buffer_.push_back(options_.quote);
}

void CsvWriter::WriteBatch(const Batch& batch) {
  std::vector<Vector> text;
  const std::vector<const Vector*> columns = ColumnsAsText(batch, text, *options_.time_zone);
  for (uint32_t row = 0; row < batch.size; ++row) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) buffer_.push_back(options_.delimiter);
      const Vector& column = *columns[c];
      if (!column.IsValid(row)) {
        buffer_.append(options_.null_string);
        continue;
      }
      WriteField(column.data<StringRef>()[column.is_constant() ? 0 : row].view(),
                 c < options_.force_quote.size() && options_.force_quote[c]);
    }
    buffer_.push_back('\n');
    file_.MaybeFlush();
  }
  rows_written_ += batch.size;
}

void CsvWriter::Close() { file_.Close(); }

}  // namespace basin
