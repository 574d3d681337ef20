#include "format/csv/csv_batch_converter.h"

#include "format/csv/csv_input.h"

#include <algorithm>
#include <cstring>

#include "common/error.h"
#include "common/value.h"
#include "format/csv/csv_field_parsers.h"
#include "format/csv/csv_input.h"
#include "function/cast.h"

namespace basin {

namespace {

// PostgreSQL's character_not_in_repertoire, raised for invalid UTF-8.
constexpr SqlState kCharacterNotInRepertoire{{'2', '2', '0', '2', '1'}};

std::string DescribeInvalidUtf8(std::string_view text, size_t offset) {
  static const char kHex[] = "0123456789abcdef";
  std::string bytes;
  for (size_t i = offset; i < text.size() && i < offset + 4; ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    if (!bytes.empty()) bytes += ' ';
    bytes += "0x";
    bytes += kHex[byte >> 4];
    bytes += kHex[byte & 15];
    if (i > offset && (byte & 0xC0) != 0x80) break;
  }
  return "invalid byte sequence for encoding \"UTF8\": " + bytes;
}

template <class Int>
bool ParseIntegerAs(const char* text, size_t length, Int& out) {
  int64_t value = 0;
  if (!ParseCsvInt64(text, length, value)) return false;
  if (value < std::numeric_limits<Int>::min() || value > std::numeric_limits<Int>::max()) {
    return false;  // the cast reports "out of range for type ..."
  }
  out = static_cast<Int>(value);
  return true;
}

}  // namespace

struct CsvBatchConverter::ColumnJob {
  uint32_t file_column;
  const std::string& name;
  Vector& out;
};

CsvBatchConverter::CsvBatchConverter(const CsvConversionSpec& spec) : spec_(spec) {}

uint32_t CsvBatchConverter::Convert(const CsvRowBatch& rows, const std::string& file_name,
                                    const std::vector<uint32_t>& projection, Batch& out,
                                    std::vector<CsvRejectedRow>* rejects) {
  rows_ = &rows;
  file_name_ = &file_name;
  rejects_ = rejects;
  const size_t rejects_before = rejects == nullptr ? 0 : rejects->size();
  const uint32_t num_rows = rows.num_rows();
  rejected_.assign(num_rows, 0);
  num_rejected_ = 0;
  CheckFieldCounts(rows);
  for (size_t i = 0; i < projection.size(); ++i) {
    Vector& vector = out.columns[i];
    vector.Reset();
    if (projection[i] == kCsvFilenameColumn) {
      vector.data<StringRef>()[0] = vector.AddString(file_name);
      vector.SetConstant(true);
      continue;
    }
    ColumnJob job{projection[i], spec_.column_names[projection[i]], vector};
    ConvertColumn(job);
  }
  if (num_rejected_ > 0) DropRejectedRows(out, num_rows);
  if (rejects != nullptr && rejects->size() > rejects_before + 1) {
    // Found column by column; reported in file order.
    std::stable_sort(
        rejects->begin() + static_cast<std::ptrdiff_t>(rejects_before), rejects->end(),
        [](const CsvRejectedRow& a, const CsvRejectedRow& b) { return a.line < b.line; });
  }
  out.size = num_rows - num_rejected_;
  return out.size;
}

void CsvBatchConverter::CheckFieldCounts(const CsvRowBatch& rows) {
  const uint32_t expected = static_cast<uint32_t>(spec_.column_types.size());
  for (uint32_t row = 0; row < rows.num_rows(); ++row) {
    const uint32_t found = rows.FieldCount(row);
    if (found == expected) continue;
    // "a|b|" has an empty last field that is no column.
    if (spec_.dialect.trailing_delimiter && found == expected + 1) {
      const CsvField& last = rows.Field(row, expected);
      if (last.length == 0 && last.flags == 0) continue;
    }
    Fail(row, "", sqlstate::kBadCopyFileFormat,
         "expected " + std::to_string(expected) + " column" + (expected == 1 ? "" : "s") +
             ", found " + std::to_string(found));
  }
}

bool CsvBatchConverter::IsNull(const CsvRowBatch& rows, const CsvField& field) const {
  if (field.flags & CsvField::kQuoted) return false;
  const std::string& null_string = spec_.null_string;
  return field.length == null_string.size() &&
         (field.length == 0 ||
          std::memcmp(rows.data + field.begin, null_string.data(), field.length) == 0);
}

std::string_view CsvBatchConverter::FieldText(const CsvRowBatch& rows, const CsvField& field) {
  if (!(field.flags & CsvField::kRaw)) return {rows.data + field.begin, field.length};
  UnescapeCsvField(rows.data + field.begin, field.length, spec_.dialect, scratch_);
  return scratch_;
}

void CsvBatchConverter::Fail(uint32_t row, const std::string& column, SqlState state,
                             const std::string& reason) {
  const uint64_t line = rows_->row_lines[row];
  if (!spec_.ignore_errors) {
    std::string message =
        spec_.error_context + ": " + DescribeCsvSource(*file_name_) + ", line " + std::to_string(line);
    if (!column.empty()) message += ", column \"" + column + "\"";
    throw Error(state, message + ": " + reason);
  }
  if (rejected_[row]) return;  // one reason per row is enough
  rejected_[row] = 1;
  ++num_rejected_;
  if (spec_.store_rejects && rejects_ != nullptr) {
    rejects_->push_back(CsvRejectedRow{*file_name_, line, column, reason});
  }
}

void CsvBatchConverter::ConvertSlow(ColumnJob& job, uint32_t row, std::string_view text) {
  Vector source(TypeId::kVarchar, 1);
  source.data<StringRef>()[0] = source.AddString(text);
  Vector result(job.out.type(), 1);
  try {
    CastVector(source, result, 1, CastMode::kStrict, *spec_.time_zone);
  } catch (const Error& error) {
    Fail(row, job.name, error.state(), error.message());
    job.out.SetNull(row);
    return;
  }
  CopyRows(result, nullptr, 1, job.out, row);
}

template <class T, class Parse>
void CsvBatchConverter::ConvertFast(ColumnJob& job, Parse&& parse) {
  const CsvRowBatch& rows = *rows_;
  T* values = job.out.data<T>();
  const uint32_t column = job.file_column;
  for (uint32_t row = 0; row < rows.num_rows(); ++row) {
    if (rejected_[row]) {
      job.out.SetNull(row);
      continue;
    }
    const CsvField& field = rows.Field(row, column);
    if (IsNull(rows, field)) {
      job.out.SetNull(row);
      continue;
    }
    const std::string_view text = FieldText(rows, field);
    if (parse(text.data(), text.size(), values[row])) continue;
    // PostgreSQL's input functions ignore surrounding spaces ("1, 2, 3" files).
    const size_t first = text.find_first_not_of(' ');
    const size_t last = text.find_last_not_of(' ');
    if (first != std::string_view::npos && (first > 0 || last + 1 < text.size()) &&
        parse(text.data() + first, last + 1 - first, values[row])) {
      continue;
    }
    ConvertSlow(job, row, text);
  }
}

void CsvBatchConverter::ConvertVarchar(ColumnJob& job) {
  const CsvRowBatch& rows = *rows_;
  auto* values = job.out.data<StringRef>();
  const uint32_t column = job.file_column;
  for (uint32_t row = 0; row < rows.num_rows(); ++row) {
    if (rejected_[row]) {
      job.out.SetNull(row);
      continue;
    }
    const CsvField& field = rows.Field(row, column);
    if (IsNull(rows, field)) {
      job.out.SetNull(row);
      continue;
    }
    const std::string_view text = FieldText(rows, field);
    const size_t bad = FindInvalidUtf8(text.data(), text.size());
    if (bad != text.size()) {
      Fail(row, job.name, kCharacterNotInRepertoire, DescribeInvalidUtf8(text, bad));
      job.out.SetNull(row);
      continue;
    }
    values[row] = job.out.AddString(text);
  }
}

void CsvBatchConverter::ConvertWithCast(ColumnJob& job) {
  const CsvRowBatch& rows = *rows_;
  const uint32_t num_rows = rows.num_rows();
  Vector text(TypeId::kVarchar, kBatchSize);
  auto* values = text.data<StringRef>();
  for (uint32_t row = 0; row < num_rows; ++row) {
    const CsvField& field = rows.Field(row, job.file_column);
    if (rejected_[row] || IsNull(rows, field)) {
      text.SetNull(row);
      continue;
    }
    values[row] = text.AddString(FieldText(rows, field));
  }
  CastVector(text, job.out, num_rows, CastMode::kTry, *spec_.time_zone);
  // Rows the cast turned into NULL did not convert: redo them one by one for the error.
  for (uint32_t row = 0; row < num_rows; ++row) {
    if (text.IsValid(row) && !job.out.IsValid(row)) ConvertSlow(job, row, values[row].view());
  }
}

void CsvBatchConverter::ConvertColumn(ColumnJob& job) {
  const LogicalType& type = job.out.type();
  switch (type.id()) {
    case TypeId::kVarchar:
      return ConvertVarchar(job);
    case TypeId::kBoolean:
      return ConvertFast<bool>(job, ParseCsvBoolean);
    case TypeId::kSmallInt:
      return ConvertFast<int16_t>(job, ParseIntegerAs<int16_t>);
    case TypeId::kInteger:
      return ConvertFast<int32_t>(job, ParseIntegerAs<int32_t>);
    case TypeId::kBigInt:
      return ConvertFast<int64_t>(job, ParseCsvInt64);
    case TypeId::kReal:
      return ConvertFast<float>(job, ParseCsvFloat);
    case TypeId::kDouble:
      return ConvertFast<double>(job, ParseCsvDouble);
    case TypeId::kDecimal: {
      const uint8_t precision = type.precision();
      const uint8_t scale = type.scale();
      if (type.IsWideDecimal()) {
        return ConvertFast<int128_t>(job, [=](const char* text, size_t length, int128_t& out) {
          return ParseCsvDecimal(text, length, precision, scale, out);
        });
      }
      return ConvertFast<int64_t>(job, [=](const char* text, size_t length, int64_t& out) {
        int128_t value = 0;
        if (!ParseCsvDecimal(text, length, precision, scale, value)) return false;
        out = static_cast<int64_t>(value);
        return true;
      });
    }
    case TypeId::kDate: {
      const CsvDateFormat& format = spec_.date_format;
      if (!format.empty()) {
        return ConvertFast<int32_t>(job, [&format](const char* text, size_t length, int32_t& out) {
          return format.ParseDate({text, length}, out);
        });
      }
      return ConvertFast<int32_t>(job, ParseCsvIsoDate);
    }
    case TypeId::kTimestamp: {
      const CsvDateFormat& format = spec_.timestamp_format;
      if (!format.empty()) {
        return ConvertFast<int64_t>(job, [&format](const char* text, size_t length, int64_t& out) {
          return format.ParseTimestamp({text, length}, out);
        });
      }
      return ConvertFast<int64_t>(job, ParseCsvIsoTimestamp);
    }
    default:
      return ConvertWithCast(job);
  }
}

void CsvBatchConverter::DropRejectedRows(Batch& out, uint32_t num_rows) {
  for (Vector& vector : out.columns) {
    if (vector.is_constant()) continue;
    const uint32_t width = vector.type().PhysicalSize();
    uint8_t* data = vector.raw_data();
    uint32_t kept = 0;
    for (uint32_t row = 0; row < num_rows; ++row) {
      if (rejected_[row]) continue;
      if (kept != row) {
        std::memmove(data + size_t{kept} * width, data + size_t{row} * width, width);
        const bool valid = vector.validity().IsValid(row);
        vector.validity().Set(kept, valid, vector.capacity());
      }
      ++kept;
    }
  }
}

}  // namespace basin
