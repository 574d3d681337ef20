// Casts to VARCHAR (PostgreSQL's text output of each type) and from VARCHAR (its
// input functions, with their error messages).
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include "common/datetime.h"
#include "common/decimal.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "function/cast_internal.h"

namespace basin::cast_internal {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

[[noreturn]] void ThrowInvalidSyntax(const char* type_name, std::string_view text) {
  throw Error(sqlstate::kInvalidTextRepresentation,
              std::string("invalid input syntax for type ") + type_name + ": " + Quote(text));
}

// Writes the shortest round-trip digits of `value` in PostgreSQL's layout: fixed
// notation when the decimal exponent is in [-4, fixed_limit), else d.ddde+XX.
template <class T>
void AppendShortestFloat(std::string& out, T value, int fixed_limit) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-Infinity" : "Infinity";
    return;
  }
  if (value == 0) {
    out += std::signbit(value) ? "-0" : "0";
    return;
  }
  // to_chars in scientific form gives the shortest digits that read back exactly
  // (ties broken toward the closer value, as Ryu does): "-1.2345e+06".
  char text[64];
  const char* end =
      std::to_chars(text, text + sizeof(text), value, std::chars_format::scientific).ptr;
  const char* cursor = text;
  if (*cursor == '-') {
    out.push_back('-');
    ++cursor;
  }
  std::string digits;
  while (*cursor != 'e') {
    if (*cursor != '.') digits.push_back(*cursor);
    ++cursor;
  }
  int exponent = 0;
  std::from_chars(cursor + (cursor[1] == '+' ? 2 : 1), end, exponent);
  const int count = static_cast<int>(digits.size());
  if (exponent < -4 || exponent >= fixed_limit) {
    out.push_back(digits[0]);
    if (count > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude < 10) out.push_back('0');
    out += std::to_string(magnitude);
  } else if (exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out += digits;
  } else if (count <= exponent + 1) {
    out += digits;
    out.append(static_cast<size_t>(exponent + 1 - count), '0');
  } else {
    out.append(digits, 0, exponent + 1);
    out.push_back('.');
    out.append(digits, exponent + 1);
  }
}

template <class In, class Append>
void ToTextRows(const Vector& source, Vector& result, uint32_t rows, Append&& append) {
  std::string buffer;
  CastRowsInfallible<In, StringRef>(source, result, rows, [&](const In& value) {
    buffer.clear();
    append(buffer, value);
    return result.AddString(buffer);
  });
}

template <class In>
void IntegerToTextRows(const Vector& source, Vector& result, uint32_t rows) {
  ToTextRows<In>(source, result, rows, [](std::string& out, In value) {
    char text[24];
    out.append(text, std::to_chars(text, text + sizeof(text), value).ptr);
  });
}

// ---- Text input ------------------------------------------------------------------

enum class NumberStatus : uint8_t { kOk, kInvalidSyntax, kOutOfRange };

// PostgreSQL 15's pg_strtoint: whitespace, an optional sign, decimal digits,
// whitespace. No fractions, exponents or underscores.
template <class Out>
NumberStatus ParseInteger(std::string_view text, Out& out) {
  text = Trim(text);
  size_t position = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++position;
  if (position == text.size()) return NumberStatus::kInvalidSyntax;
  // The magnitude limit is one more for negatives (INT_MIN has no positive twin).
  const uint64_t limit =
      static_cast<uint64_t>(std::numeric_limits<Out>::max()) + (negative ? 1 : 0);
  uint64_t magnitude = 0;
  bool overflow = false;
  for (; position < text.size(); ++position) {
    const char c = text[position];
    if (c < '0' || c > '9') return NumberStatus::kInvalidSyntax;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (magnitude > (limit - digit) / 10) overflow = true;
    if (!overflow) magnitude = magnitude * 10 + digit;
  }
  if (overflow) return NumberStatus::kOutOfRange;
  out = negative ? static_cast<Out>(0 - magnitude) : static_cast<Out>(magnitude);
  return NumberStatus::kOk;
}

// PostgreSQL's float input: strtod syntax plus "Infinity"/"inf"/"NaN" in any case.
// Overflow, and underflow to zero, are errors; results that are merely denormal are
// accepted.
template <class T>
NumberStatus ParseFloat(std::string_view text, T& out) {
  text = Trim(text);
  const char* begin = text.data();
  const char* end = begin + text.size();
  // from_chars takes no '+' sign.
  if (begin != end && *begin == '+') {
    ++begin;
    if (begin != end && (*begin == '+' || *begin == '-')) return NumberStatus::kInvalidSyntax;
  }
  if (begin == end) return NumberStatus::kInvalidSyntax;
  const std::from_chars_result parsed = std::from_chars(begin, end, out);
  if (parsed.ptr != end || parsed.ec == std::errc::invalid_argument) {
    return NumberStatus::kInvalidSyntax;
  }
  if (parsed.ec == std::errc::result_out_of_range) {
    // from_chars does not say whether the value is huge, tiny or just denormal;
    // strtod does (the text is known to be a plain decimal number by now).
    const std::string copy(begin, end);
    const double wide = std::strtod(copy.c_str(), nullptr);
    const T value = static_cast<T>(wide);
    if (value == 0 || std::isinf(value)) return NumberStatus::kOutOfRange;
    out = value;
  }
  return NumberStatus::kOk;
}

// PostgreSQL's boolean input: t/true/y/yes/on/1 and f/false/n/no/off/0, in any case,
// and any unique prefix of the words ("tr", "of"; not "o").
bool ParseBoolean(std::string_view text, bool& out) {
  text = Trim(text);
  if (text.empty()) return false;
  auto is_prefix_of = [text](std::string_view word) {
    if (text.size() > word.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
      if (c != word[i]) return false;
    }
    return true;
  };
  if (is_prefix_of("true") || is_prefix_of("yes") || (text.size() >= 2 && is_prefix_of("on")) ||
      text == "1") {
    out = true;
    return true;
  }
  if (is_prefix_of("false") || is_prefix_of("no") || (text.size() >= 2 && is_prefix_of("off")) ||
      text == "0") {
    out = false;
    return true;
  }
  return false;
}

// Runs `parse(std::string_view, Out&) -> Status` over the rows; `fail(Status, text)`
// throws in kStrict mode.
template <class Out, class Status, class Parse, class Fail>
void FromTextRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode, Parse&& parse,
                  Fail&& fail) {
  Status status{};
  CastRows<StringRef, Out>(
      source, result, rows, mode,
      [&](const StringRef& text, Out& out) {
        status = parse(text.view(), out);
        return status == Status::kOk;
      },
      [&](const StringRef& text) { fail(status, text.view()); });
}

template <class Out>
void IntegerFromTextRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                         const char* type_name) {
  FromTextRows<Out, NumberStatus>(
      source, result, rows, mode, ParseInteger<Out>,
      [type_name](NumberStatus status, std::string_view text) {
        if (status == NumberStatus::kOutOfRange) {
          throw Error(sqlstate::kNumericOutOfRange,
                      "value " + Quote(text) + " is out of range for type " + type_name);
        }
        ThrowInvalidSyntax(type_name, text);
      });
}

template <class Out>
void FloatFromTextRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                       const char* type_name) {
  FromTextRows<Out, NumberStatus>(
      source, result, rows, mode, ParseFloat<Out>,
      [type_name](NumberStatus status, std::string_view text) {
        if (status == NumberStatus::kOutOfRange) {
          throw Error(sqlstate::kNumericOutOfRange,
                      Quote(Trim(text)) + " is out of range for type " + type_name);
        }
        ThrowInvalidSyntax(type_name, text);
      });
}

template <class Out>
void DecimalFromTextRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  const LogicalType type = result.type();
  FromTextRows<Out, DecimalParseStatus>(
      source, result, rows, mode,
      [&type](std::string_view text, Out& out) {
        int128_t unscaled = 0;
        const DecimalParseStatus status =
            ParseDecimal(text, type.precision(), type.scale(), unscaled);
        out = static_cast<Out>(unscaled);
        return status;
      },
      [&type](DecimalParseStatus status, std::string_view text) {
        if (status == DecimalParseStatus::kInvalidSyntax) ThrowInvalidSyntax("numeric", text);
        if (status == DecimalParseStatus::kNotANumber) {
          throw Error(sqlstate::kFeatureNotSupported, "cannot convert NaN to " + type.ToString());
        }
        ThrowNumericFieldOverflow();
      });
}

template <class Out, class Parse>
void DatetimeFromTextRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                          Parse&& parse) {
  const TypeId type = result.type().id();
  FromTextRows<Out, DatetimeParseStatus>(source, result, rows, mode, parse,
                                         [type](DatetimeParseStatus status, std::string_view text) {
                                           ThrowDatetimeParseError(status, type, text);
                                         });
}

}  // namespace

void AppendDouble(std::string& out, double value) { AppendShortestFloat(out, value, 15); }

void AppendReal(std::string& out, float value) { AppendShortestFloat(out, value, 6); }

void CastToText(const Vector& source, Vector& result, uint32_t rows, const TimeZone& zone) {
  const LogicalType& type = source.type();
  const uint8_t scale = type.scale();
  switch (type.id()) {
    case TypeId::kBoolean:
      return ToTextRows<bool>(source, result, rows, [](std::string& out, bool value) {
        out += value ? "true" : "false";
      });
    case TypeId::kSmallInt:
      return IntegerToTextRows<int16_t>(source, result, rows);
    case TypeId::kInteger:
      return IntegerToTextRows<int32_t>(source, result, rows);
    case TypeId::kBigInt:
      return IntegerToTextRows<int64_t>(source, result, rows);
    case TypeId::kReal:
      return ToTextRows<float>(source, result, rows, AppendReal);
    case TypeId::kDouble:
      return ToTextRows<double>(source, result, rows, AppendDouble);
    case TypeId::kDecimal:
      if (type.IsWideDecimal()) {
        return ToTextRows<int128_t>(source, result, rows, [scale](std::string& out, int128_t v) {
          AppendDecimal(out, v, scale);
        });
      }
      return ToTextRows<int64_t>(source, result, rows, [scale](std::string& out, int64_t v) {
        AppendDecimal(out, v, scale);
      });
    case TypeId::kDate:
      return ToTextRows<int32_t>(source, result, rows, AppendDate);
    case TypeId::kTime:
      return ToTextRows<int64_t>(source, result, rows, AppendTime);
    case TypeId::kTimestamp:
      return ToTextRows<int64_t>(source, result, rows, AppendTimestamp);
    case TypeId::kTimestampTz:
      return ToTextRows<int64_t>(source, result, rows, [&zone](std::string& out, int64_t micros) {
        AppendTimestampTz(out, micros, zone);
      });
    case TypeId::kInterval:
      return ToTextRows<Interval>(source, result, rows, AppendInterval);
    default:
      throw Error(sqlstate::kInternal, "CastToText: unexpected source type");
  }
}

void CastFromText(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                  const TimeZone& zone) {
  const LogicalType& type = result.type();
  switch (type.id()) {
    case TypeId::kBoolean:
      return CastRows<StringRef, bool>(
          source, result, rows, mode,
          [](const StringRef& text, bool& out) { return ParseBoolean(text.view(), out); },
          [](const StringRef& text) { ThrowInvalidSyntax("boolean", text.view()); });
    case TypeId::kSmallInt:
      return IntegerFromTextRows<int16_t>(source, result, rows, mode, "smallint");
    case TypeId::kInteger:
      return IntegerFromTextRows<int32_t>(source, result, rows, mode, "integer");
    case TypeId::kBigInt:
      return IntegerFromTextRows<int64_t>(source, result, rows, mode, "bigint");
    case TypeId::kReal:
      return FloatFromTextRows<float>(source, result, rows, mode, "real");
    case TypeId::kDouble:
      return FloatFromTextRows<double>(source, result, rows, mode, "double precision");
    case TypeId::kDecimal:
      if (type.IsWideDecimal()) return DecimalFromTextRows<int128_t>(source, result, rows, mode);
      return DecimalFromTextRows<int64_t>(source, result, rows, mode);
    case TypeId::kDate:
      return DatetimeFromTextRows<int32_t>(source, result, rows, mode, ParseDate);
    case TypeId::kTime:
      return DatetimeFromTextRows<int64_t>(source, result, rows, mode, ParseTime);
    case TypeId::kTimestamp:
      return DatetimeFromTextRows<int64_t>(source, result, rows, mode, ParseTimestamp);
    case TypeId::kTimestampTz:
      return DatetimeFromTextRows<int64_t>(
          source, result, rows, mode, [&zone](std::string_view text, int64_t& out) {
            return ParseTimestampTz(text, zone, out);
          });
    case TypeId::kInterval:
      return DatetimeFromTextRows<Interval>(source, result, rows, mode, ParseInterval);
    default:
      throw Error(sqlstate::kInternal, "CastFromText: unexpected target type");
  }
}

}  // namespace basin::cast_internal
