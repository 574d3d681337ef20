#include "format/csv/csv_type_detector.h"

#include <cctype>
#include <set>

#include "common/datetime.h"
#include "common/time_zone.h"
#include "format/csv/csv_date_format.h"
#include "format/csv/csv_field_parsers.h"

namespace basin {

namespace {

// Candidate types, in the order of preference.
enum : uint32_t {
  kBoolean = 1u << 0,
  kBigInt = 1u << 1,
  kDouble = 1u << 2,
  kDateIso = 1u << 3,
  kDateMdy = 1u << 4,
  kDateDmy = 1u << 5,
  kDateDmyDot = 1u << 6,
  kTime = 1u << 7,
  kTimestamp = 1u << 8,
  kTimestampTz = 1u << 9,
  kAllTypes = (1u << 10) - 1,
};

struct NonIsoDate {
  uint32_t bit;
  const char* pattern;
};
constexpr NonIsoDate kNonIsoDates[] = {
    {kDateMdy, "%m/%d/%Y"}, {kDateDmy, "%d/%m/%Y"}, {kDateDmyDot, "%d.%m.%Y"}};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view TrimSpaces(std::string_view text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') + 1 - first);
}

// A time zone after the clock part: Z, +hh[:mm], -hh, UTC, GMT.
bool HasZone(std::string_view text) {
  if (text.size() < 14) return false;
  const std::string_view tail = text.substr(13);
  return tail.find_first_of("+-Zz") != std::string_view::npos ||
         tail.find("UTC") != std::string_view::npos || tail.find("GMT") != std::string_view::npos;
}

bool LooksLikeName(const std::string& text) {
  if (text.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(text[0]);
  // Names start with a letter, underscore or a non-ASCII (UTF-8) letter.
  if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
  return true;
}

}  // namespace

uint32_t CsvTypeDetector::ValueMask(std::string_view raw) const {
  const std::string_view text = TrimSpaces(raw);
  if (text.empty()) return 0;
  uint32_t mask = 0;
  bool boolean = false;
  if (ParseCsvBoolean(text.data(), text.size(), boolean)) mask |= kBoolean;
  int64_t integer = 0;
  if (ParseCsvInt64(text.data(), text.size(), integer)) mask |= kBigInt;
  double number = 0;
  if (ParseCsvDouble(text.data(), text.size(), number)) mask |= kDouble;
  if (!IsDigit(text[0]) || text.size() < 4) return mask;
  int32_t days = 0;
  if (ParseCsvIsoDate(text.data(), text.size(), days)) mask |= kDateIso;
  if (text.size() <= 10) {
    for (const NonIsoDate& format : kNonIsoDates) {
      if (text.find(format.pattern[2]) != std::string_view::npos &&
          CsvDateFormat(format.pattern).ParseDate(text, days)) {
        mask |= format.bit;
      }
    }
  }
  int64_t micros = 0;
  if (text.size() <= 15 && (text[1] == ':' || (text.size() > 2 && text[2] == ':')) &&
      ParseTime(text, micros) == DatetimeParseStatus::kOk) {
    mask |= kTime;
  }
  if (text.size() >= 13 && text[4] == '-' && text.find(':') != std::string_view::npos) {
    if (HasZone(text)) {
      if (ParseTimestampTz(text, TimeZone::Utc(), micros) == DatetimeParseStatus::kOk) mask |= kTimestampTz;
    } else if (ParseCsvIsoTimestamp(text.data(), text.size(), micros) ||
               ParseTimestamp(text, micros) == DatetimeParseStatus::kOk) {
      mask |= kTimestamp;
    }
  }
  return mask;
}

void CsvTypeDetector::AddRow(const std::vector<std::string>& values,
                             const std::vector<bool>& quoted) {
  auto is_null = [&](size_t i) { return !quoted[i] && values[i] == null_string_; };
  if (!has_first_row_) {
    has_first_row_ = true;
    first_row_ = values;
    first_masks_.resize(values.size());
    first_null_.resize(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
      first_null_[i] = is_null(i);
      first_masks_[i] = first_null_[i] ? kAllTypes : ValueMask(values[i]);
    }
    masks_.assign(values.size(), kAllTypes);
    return;
  }
  if (values.size() != masks_.size()) return;  // rows of another shape tell us nothing
  for (size_t i = 0; i < values.size(); ++i) {
    if (masks_[i] == 0 || is_null(i)) continue;
    masks_[i] &= ValueMask(values[i]);
  }
}

LogicalType CsvTypeDetector::TypeOfMask(uint32_t mask, bool& non_iso_date,
                                        std::string* date_format) const {
  if (mask == kAllTypes) return TypeId::kVarchar;  // only NULLs: nothing to go on
  if (mask & kBoolean) return TypeId::kBoolean;
  if (mask & kBigInt) return TypeId::kBigInt;
  if (mask & kDouble) return TypeId::kDouble;
  if (mask & kDateIso) return TypeId::kDate;
  for (const NonIsoDate& format : kNonIsoDates) {
    if (!(mask & format.bit)) continue;
    // One file has one date format; a column that needs another stays text.
    if (non_iso_date && date_format != nullptr && *date_format != format.pattern) break;
    if (date_format != nullptr) *date_format = format.pattern;
    non_iso_date = true;
    return TypeId::kDate;
  }
  if (mask & kTime) return TypeId::kTime;
  if (mask & kTimestamp) return TypeId::kTimestamp;
  if (mask & kTimestampTz) return TypeId::kTimestampTz;
  return TypeId::kVarchar;
}

std::vector<LogicalType> CsvTypeDetector::Types(bool first_row_is_header) const {
  std::vector<LogicalType> types;
  bool non_iso_date = false;
  std::string date_format;
  for (size_t i = 0; i < masks_.size(); ++i) {
    uint32_t mask = masks_[i];
    if (!first_row_is_header && !first_null_[i]) mask &= first_masks_[i];
    types.push_back(TypeOfMask(mask, non_iso_date, &date_format));
  }
  return types;
}

std::string CsvTypeDetector::DateFormat(bool first_row_is_header) const {
  bool non_iso_date = false;
  std::string date_format;
  for (size_t i = 0; i < masks_.size(); ++i) {
    uint32_t mask = masks_[i];
    if (!first_row_is_header && !first_null_[i]) mask &= first_masks_[i];
    TypeOfMask(mask, non_iso_date, &date_format);
  }
  return date_format;
}

bool CsvTypeDetector::FirstRowIsHeader() const {
  if (!has_first_row_) return false;
  bool all_text = true;
  bool dummy = false;
  for (size_t i = 0; i < masks_.size(); ++i) {
    const LogicalType type = TypeOfMask(masks_[i], dummy, nullptr);
    if (type.id() == TypeId::kVarchar) continue;
    all_text = false;
    // A typed column whose first value is not of its type: a header.
    if (!first_null_[i] && (first_masks_[i] & masks_[i]) == 0) return true;
  }
  if (!all_text) return false;
  // Only text: a header if the first row reads as a set of distinct names.
  std::set<std::string> seen;
  for (const std::string& value : first_row_) {
    if (!LooksLikeName(value) || !seen.insert(value).second) return false;
  }
  return true;
}

LogicalType WidenCsvType(const LogicalType& a, const LogicalType& b) {
  if (a == b) return a;
  const TypeId x = a.id();
  const TypeId y = b.id();
  auto either = [&](TypeId p, TypeId q) { return (x == p && y == q) || (x == q && y == p); };
  if (either(TypeId::kBigInt, TypeId::kDouble) || either(TypeId::kInteger, TypeId::kDouble)) {
    return TypeId::kDouble;
  }
  if (either(TypeId::kInteger, TypeId::kBigInt)) return TypeId::kBigInt;
  if (either(TypeId::kDate, TypeId::kTimestamp)) return TypeId::kTimestamp;
  return TypeId::kVarchar;
}

std::vector<std::string> MakeCsvColumnNames(const std::vector<std::string>& header,
                                            uint32_t num_columns) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (uint32_t i = 0; i < num_columns; ++i) {
    std::string base =
        i < header.size() && !header[i].empty() ? header[i] : "column" + std::to_string(i);
    std::string name = base;
    for (int suffix = 1; !used.insert(name).second; ++suffix) {
      name = base + "_" + std::to_string(suffix);
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace basin
