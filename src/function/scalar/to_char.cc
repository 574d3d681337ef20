// to_char(timestamp | timestamptz | date | interval, template) and
// to_char(number, template). Dates use the timestamp overload (date converts
// implicitly). Templates are parsed once per distinct format string.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/datetime.h"
#include "common/decimal.h"
#include "common/time_zone.h"
#include "function/decimal_access.h"
#include "function/function_registry.h"
#include "function/scalar/datetime_format.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;

// Re-parses the template only when it changes (it is nearly always constant).
template <class Parsed, Parsed (*Parse)(std::string_view)>
class TemplateCache {
 public:
  const Parsed& Get(std::string_view format) {
    if (!valid_ || format != format_) {
      parsed_ = Parse(format);
      format_.assign(format);
      valid_ = true;
    }
    return parsed_;
  }

 private:
  bool valid_ = false;
  std::string format_;
  Parsed parsed_;
};

using DatetimeTemplates = TemplateCache<std::vector<FormatToken>, ParseDatetimeFormat>;

FormatFields FieldsOfTimestamp(int64_t micros) {
  const DateTimeFields split = SplitTimestamp(micros);
  FormatFields fields;
  fields.year = split.year;
  fields.month = split.month;
  fields.day = split.day;
  fields.hour = split.hour;
  fields.minute = split.minute;
  fields.second = split.second;
  fields.micros = split.micros;
  fields.days_since_epoch = TimestampToDate(micros);
  return fields;
}

FormatFields FieldsOfInterval(const Interval& interval) {
  FormatFields fields;
  fields.is_interval = true;
  fields.year = interval.months / 12;
  fields.month = interval.months % 12;
  fields.day = interval.days;
  int64_t micros = interval.micros;
  fields.hour = micros / kMicrosPerHour;
  micros %= kMicrosPerHour;
  fields.minute = micros / kMicrosPerMinute;
  micros %= kMicrosPerMinute;
  fields.second = micros / kMicrosPerSecond;
  fields.micros = micros % kMicrosPerSecond;
  return fields;
}

void AddTimestampToChar(FunctionRegistry& registry, TypeId type) {
  ScalarFunction function = MakeScalar(
      "to_char", {type, kText}, kText,
      [type](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
        DatetimeTemplates templates;
        std::string out;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const int64_t micros = ArgValue<int64_t>(*args[0], row);
          // PostgreSQL gives NULL for infinite timestamps.
          if (!IsFiniteTimestamp(micros)) {
            result.SetNull(row);
            return;
          }
          if (type != TypeId::kTimestampTz) {
            out.clear();
            AppendFormatted(out, templates.Get(ArgText(*args[1], row)), FieldsOfTimestamp(micros));
            SetText(result, row, out);
            return;
          }
          // timestamptz prints its local time in the session zone, and that zone's
          // abbreviation and offset at the instant.
          const TimeZone& zone = SessionTimeZone(data);
          const LocalTimeType& local_type = zone.TypeAtMicros(micros);
          FormatFields fields = FieldsOfTimestamp(micros + int64_t{local_type.utc_offset} * kMicrosPerSecond);
          fields.has_time_zone = true;
          fields.zone_abbreviation = local_type.abbreviation;
          fields.utc_offset = local_type.utc_offset;
          out.clear();
          AppendFormatted(out, templates.Get(ArgText(*args[1], row)), fields);
          SetText(result, row, out);
        });
      });
  function.uses_time_zone = type == TypeId::kTimestampTz;
  registry.AddScalar(std::move(function));
}

void AddIntervalToChar(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("to_char", {TypeId::kInterval, kText}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   DatetimeTemplates templates;
                   std::string out;
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     out.clear();
                     AppendFormatted(out, templates.Get(ArgText(*args[1], row)),
                                     FieldsOfInterval(ArgValue<Interval>(*args[0], row)));
                     SetText(result, row, out);
                   });
                 }));
}

// ---- Numbers: 9 0 . D , G S MI PR FM and literal characters -------------------

struct NumberTemplate {
  std::string pattern;  // the template with FM removed
  int integer_digits = 0;
  int fraction_digits = 0;
  bool fill_mode = false;
  bool explicit_sign = false;  // S, MI or PR place the sign themselves
  // 9s at the end of the fraction: FM drops trailing zeros there, not under 0s.
  int trailing_fraction_nines = 0;
};

NumberTemplate ParseNumberTemplate(std::string_view format) {
  NumberTemplate parsed;
  bool after_point = false;
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(format[i])));
    if (c == 'F' && i + 1 < format.size() &&
        std::toupper(static_cast<unsigned char>(format[i + 1])) == 'M') {
      parsed.fill_mode = true;
      ++i;
      continue;
    }
    if (c == '9' || c == '0') (after_point ? parsed.fraction_digits : parsed.integer_digits)++;
    if (after_point && (c == '9' || c == '0')) {
      parsed.trailing_fraction_nines = c == '9' ? parsed.trailing_fraction_nines + 1 : 0;
    }
    if (c == '.' || c == 'D') after_point = true;
    if (c == 'S' ||
        (c == 'M' && i + 1 < format.size() &&
         std::toupper(static_cast<unsigned char>(format[i + 1])) == 'I') ||
        (c == 'P' && i + 1 < format.size() &&
         std::toupper(static_cast<unsigned char>(format[i + 1])) == 'R')) {
      parsed.explicit_sign = true;
    }
    parsed.pattern.push_back(format[i]);
  }
  return parsed;
}

// Formats |value| given as digit strings (integer part without leading zeros,
// fraction part of exactly fraction_digits digits).
void FormatNumber(const NumberTemplate& spec, bool negative, std::string integer_part,
                  const std::string& fraction_part, std::string& out) {
  if (integer_part == "0") integer_part.clear();  // leading positions stay blank
  const bool overflow = static_cast<int>(integer_part.size()) > spec.integer_digits;
  // Right-align the integer digits under the template's digit positions.
  const int leading = spec.integer_digits - static_cast<int>(integer_part.size());
  int digit_index = 0;
  int fraction_index = 0;
  bool after_point = false;
  bool started = false;  // a digit or '0' position has been printed
  bool sign_done = spec.explicit_sign;
  std::string body;
  auto emit_sign = [&]() {
    if (sign_done) return;
    sign_done = true;
    if (negative) {
      body.push_back('-');
    } else if (!spec.fill_mode) {
      body.push_back(' ');
    }
  };
  const std::string& pattern = spec.pattern;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(pattern[i])));
    if ((c == '9' || c == '0') && !after_point) {
      const int position = digit_index++;
      if (overflow) {
        body.push_back('#');
      } else if (position < leading) {
        if (c == '0' || started) {
          emit_sign();
          body.push_back('0');
          started = true;
        } else if (!spec.fill_mode) {
          body.push_back(' ');
        }
        // The units position prints 0 for a zero integer part.
        if (position == spec.integer_digits - 1 && !started && integer_part.empty() &&
            spec.fraction_digits == 0) {
          if (!spec.fill_mode) body.pop_back();
          emit_sign();
          body.push_back('0');
          started = true;
        }
      } else {
        emit_sign();
        body.push_back(integer_part[position - leading]);
        started = true;
      }
    } else if ((c == '9' || c == '0') && after_point) {
      body.push_back(overflow ? '#' : fraction_part[fraction_index]);
      ++fraction_index;
    } else if (c == '.' || c == 'D') {
      // PostgreSQL prints no zero before the point for 9 positions: 0.5 is " .50".
      if (!overflow) emit_sign();
      after_point = true;
      body.push_back('.');
    } else if (c == ',' || c == 'G') {
      if (started || overflow) {
        body.push_back(',');
      } else if (!spec.fill_mode) {
        body.push_back(' ');
      }
    } else if (c == 'S') {
      body.push_back(negative ? '-' : '+');
    } else if (c == 'M' && i + 1 < pattern.size() &&
               std::toupper(static_cast<unsigned char>(pattern[i + 1])) == 'I') {
      body.push_back(negative ? '-' : ' ');
      ++i;
    } else if (c == 'P' && i + 1 < pattern.size() &&
               std::toupper(static_cast<unsigned char>(pattern[i + 1])) == 'R') {
      if (negative) {
        body.insert(body.begin(), '<');
        body.push_back('>');
      } else if (!spec.fill_mode) {
        body.insert(body.begin(), ' ');
        body.push_back(' ');
      }
      ++i;
    } else {
      body.push_back(pattern[i]);
    }
  }
  if (!sign_done && negative) body.insert(body.begin(), '-');
  if (!sign_done && !negative && !spec.fill_mode) body.insert(body.begin(), ' ');
  if (spec.fill_mode && after_point && !overflow) {
    // FM drops trailing zeros of the fraction but keeps the point, as PostgreSQL.
    const size_t point = body.rfind('.');
    size_t end = body.size();
    const size_t floor = body.size() - std::min<size_t>(spec.trailing_fraction_nines, body.size());
    while (end > point + 1 && end > floor && body[end - 1] == '0') --end;
    body.resize(end);
  }
  out += body;
}

using NumberTemplates = TemplateCache<NumberTemplate, ParseNumberTemplate>;

// Splits |value| rounded to `fraction_digits` into integer and fraction digits.
void SplitDouble(double value, int fraction_digits, std::string& integer_part,
                 std::string& fraction_part) {
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), "%.*f", fraction_digits, std::fabs(value));
  const std::string_view text(buffer);
  const size_t point = text.find('.');
  integer_part.assign(text.substr(0, point));
  fraction_part.assign(point == std::string_view::npos ? "" : text.substr(point + 1));
}

void SplitDecimal(int128_t unscaled, int scale, int fraction_digits, std::string& integer_part,
                  std::string& fraction_part) {
  int128_t rescaled;
  if (!RescaleDecimal(unscaled < 0 ? -unscaled : unscaled, scale, fraction_digits, rescaled)) {
    ThrowNumericFieldOverflow();
  }
  const std::string text = FormatDecimal(rescaled, static_cast<uint8_t>(fraction_digits));
  const size_t point = text.find('.');
  integer_part = text.substr(0, point);
  fraction_part = point == std::string::npos ? "" : text.substr(point + 1);
}

void AddNumberToChar(FunctionRegistry& registry, LogicalType type) {
  ScalarFunction function =
      MakeScalar("to_char", {type, kText}, kText,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   NumberTemplates templates;
                   std::string out;
                   std::string integer_part;
                   std::string fraction_part;
                   const LogicalType& input_type = args[0]->type();
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     const NumberTemplate& spec = templates.Get(ArgText(*args[1], row));
                     bool negative = false;
                     if (input_type.id() == TypeId::kDecimal) {
                       const int128_t value = ReadDecimal(*args[0], row);
                       negative = value < 0;
                       SplitDecimal(value, input_type.scale(), spec.fraction_digits, integer_part,
                                    fraction_part);
                     } else if (input_type.id() == TypeId::kBigInt) {
                       const int64_t value = ArgValue<int64_t>(*args[0], row);
                       negative = value < 0;
                       SplitDecimal(value, 0, spec.fraction_digits, integer_part, fraction_part);
                     } else {
                       const double value = ArgValue<double>(*args[0], row);
                       negative = std::signbit(value) && value != 0;
                       SplitDouble(value, spec.fraction_digits, integer_part, fraction_part);
                     }
                     out.clear();
                     FormatNumber(spec, negative, integer_part, fraction_part, out);
                     SetText(result, row, out);
                   });
                 });
  registry.AddScalar(std::move(function));
}

}  // namespace

void RegisterToCharFunctions(FunctionRegistry& registry) {
  AddTimestampToChar(registry, TypeId::kTimestamp);
  AddTimestampToChar(registry, TypeId::kTimestampTz);
  AddIntervalToChar(registry);
  // bigint before numeric and double: integers convert to bigint most cheaply and
  // print exactly.
  AddNumberToChar(registry, TypeId::kBigInt);
  AddNumberToChar(registry, LogicalType::Decimal(0, 0));
  AddNumberToChar(registry, TypeId::kDouble);
}

}  // namespace basin
