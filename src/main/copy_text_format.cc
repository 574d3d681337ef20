#include "main/copy_text_format.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "format/csv/csv_input.h"
#include "function/cast.h"

namespace basin {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UnescapeCopyText(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\\' || i + 1 == raw.size()) {
      out.push_back(c);
      continue;
    }
    const char next = raw[++i];
    switch (next) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case 'x': {
        int value = 0;
        int digits = 0;
        while (digits < 2 && i + 1 < raw.size() && HexValue(raw[i + 1]) >= 0) {
          value = value * 16 + HexValue(raw[++i]);
          ++digits;
        }
        if (digits == 0) {
          out.push_back('x');
        } else {
          out.push_back(static_cast<char>(value));
        }
        break;
      }
      default:
        if (next >= '0' && next <= '7') {
          int value = next - '0';
          for (int digits = 1; digits < 3 && i + 1 < raw.size() && raw[i + 1] >= '0' &&
                               raw[i + 1] <= '7';
               ++digits) {
            value = value * 8 + (raw[++i] - '0');
          }
          out.push_back(static_cast<char>(value & 0xFF));
        } else {
          out.push_back(next);
        }
    }
  }
  return out;
}

namespace {

std::string ReadWholeFile(const std::string& path) {
  std::unique_ptr<CsvInput> input = OpenCsvFile(path);  // 58P01 naming the path
  std::string data(input->size(), '\0');
  if (!data.empty()) input->ReadAt(0, data.data(), data.size());
  return data;
}

}  // namespace

CopyTextReader::CopyTextReader(const std::string& path, CopyTextFormat format,
                               std::vector<std::string> names, std::vector<LogicalType> types,
                               std::string error_context)
    : CopyTextReader(ReadWholeFile(path), "file \"" + path + "\"", std::move(format),
                     std::move(names), std::move(types), std::move(error_context)) {}

CopyTextReader::CopyTextReader(std::string data, std::string source, CopyTextFormat format,
                               std::vector<std::string> names, std::vector<LogicalType> types,
                               std::string error_context)
    : source_(std::move(source)),
      format_(std::move(format)),
      names_(std::move(names)),
      types_(std::move(types)),
      error_context_(std::move(error_context)),
      data_(std::move(data)) {
  if (format_.header) {
    std::vector<std::string_view> fields;
    if (NextLine(fields)) {
      for (const auto& field : fields) header_fields_.push_back(UnescapeCopyText(field));
    }
  }
}

bool CopyTextReader::NextLine(std::vector<std::string_view>& fields) {
  fields.clear();
  if (pos_ >= data_.size()) return false;
  size_t end = data_.find('\n', pos_);
  if (end == std::string::npos) end = data_.size();
  std::string_view line(data_.data() + pos_, end - pos_);
  pos_ = end + 1;
  ++line_;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line == "\\.") {
    pos_ = data_.size();
    return false;
  }
  size_t start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;  // the escaped byte never separates fields
    } else if (line[i] == format_.delimiter) {
      fields.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  fields.push_back(line.substr(start));
  return true;
}

void CopyTextReader::Fail(const std::string& column, SqlState state, const std::string& reason) {
  std::string message = error_context_ + ": " + source_ + ", line " + std::to_string(line_);
  if (!column.empty()) message += ", column \"" + column + "\"";
  throw Error(state, message + ": " + reason);
}

bool CopyTextReader::ReadBatch(Batch& batch) {
  const size_t num_columns = types_.size();
  std::vector<Vector> text;
  for (size_t c = 0; c < num_columns; ++c) text.emplace_back(TypeId::kVarchar, kBatchSize);
  std::vector<uint64_t> lines;
  std::vector<std::string_view> fields;
  uint32_t rows = 0;
  while (rows < kBatchSize && NextLine(fields)) {
    if (fields.size() > num_columns) Fail("", sqlstate::kBadCopyFileFormat, "extra data after last expected column");
    if (fields.size() < num_columns) {
      Fail("", sqlstate::kBadCopyFileFormat, "missing data for column \"" + names_[fields.size()] + "\"");
    }
    for (size_t c = 0; c < num_columns; ++c) {
      if (fields[c] == format_.null_string) {
        text[c].SetNull(rows);
      } else if (fields[c].find('\\') == std::string_view::npos) {
        text[c].data<StringRef>()[rows] = text[c].AddString(fields[c]);
      } else {
        text[c].data<StringRef>()[rows] = text[c].AddString(UnescapeCopyText(fields[c]));
      }
    }
    lines.push_back(line_);
    ++rows;
  }
  if (rows == 0) {
    batch.size = 0;
    return false;
  }
  batch.Initialize(types_);
  for (size_t c = 0; c < num_columns; ++c) {
    if (types_[c].id() == TypeId::kVarchar) {
      batch.columns[c] = std::move(text[c]);
      continue;
    }
    CastVector(text[c], batch.columns[c], rows, CastMode::kTry, *format_.time_zone);
    for (uint32_t row = 0; row < rows; ++row) {
      if (!text[c].IsValid(row) || batch.columns[c].IsValid(row)) continue;
      // The first failure: cast it alone to report the cast's own message.
      Vector one(TypeId::kVarchar, 1);
      one.data<StringRef>()[0] = one.AddString(text[c].data<StringRef>()[row].view());
      Vector result(types_[c], 1);
      try {
        CastVector(one, result, 1, CastMode::kStrict, *format_.time_zone);
      } catch (const Error& error) {
        line_ = lines[row];
        Fail(names_[c], error.state(), error.message());
      }
    }
  }
  batch.size = rows;
  return true;
}

CopyTextWriter::CopyTextWriter(const std::string& path, CopyTextFormat format,
                               const std::vector<std::string>& names)
    : file_(path), format_(std::move(format)) {
  WriteHeader(names);
}

CopyTextWriter::CopyTextWriter(ByteSink& sink, CopyTextFormat format,
                               const std::vector<std::string>& names)
    : file_(sink, "STDOUT"), format_(std::move(format)) {
  WriteHeader(names);
}

void CopyTextWriter::WriteHeader(const std::vector<std::string>& names) {
  if (format_.header) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) buffer_.push_back(format_.delimiter);
      AppendEscaped(names[i]);
    }
    buffer_.push_back('\n');
  }
}

CopyTextWriter::~CopyTextWriter() = default;

void CopyTextWriter::AppendEscaped(std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\': buffer_ += "\\\\"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      case '\t': buffer_ += "\\t"; break;
      case '\b': buffer_ += "\\b"; break;
      case '\f': buffer_ += "\\f"; break;
      case '\v': buffer_ += "\\v"; break;
      default:
        if (c == format_.delimiter) buffer_.push_back('\\');
        buffer_.push_back(c);
    }
  }
}

void CopyTextWriter::WriteBatch(const Batch& batch) {
  std::vector<Vector> text;
  const std::vector<const Vector*> columns = ColumnsAsText(batch, text, *format_.time_zone);
  for (uint32_t row = 0; row < batch.size; ++row) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) buffer_.push_back(format_.delimiter);
      const Vector& column = *columns[c];
      if (!column.IsValid(row)) {
        buffer_ += format_.null_string;
      } else {
        AppendEscaped(column.data<StringRef>()[column.is_constant() ? 0 : row].view());
      }
    }
    buffer_.push_back('\n');
    file_.MaybeFlush();
  }
  rows_written_ += batch.size;
}

void CopyTextWriter::Close() { file_.Close(); }

}  // namespace basin
