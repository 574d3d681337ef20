// CastVector's dispatch, CastExists, and the casts among temporal types. Numeric
// casts live in cast_numeric.cc, text input and output in cast_text.cc.
#include "function/cast.h"

#include <algorithm>
#include <string>

#include "common/datetime.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "function/cast_internal.h"

namespace basin {

using cast_internal::CastRows;
using cast_internal::CastRowsInfallible;

namespace {

// PostgreSQL's "cannot_coerce"; only a binder bug lets such a cast reach a kernel.
constexpr SqlState kCannotCoerce{{'4', '2', '8', '4', '6'}};

[[noreturn]] void ThrowTimestampOutOfRange() {
  throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
}

bool DateToTimestampChecked(int32_t days, int64_t& micros) {
  if (days == kDateInfinity || days == kDateNegativeInfinity) {
    micros = days == kDateInfinity ? kTimestampInfinity : kTimestampNegativeInfinity;
    return true;
  }
  if (days >= kEndTimestampDate) return false;
  micros = int64_t{days} * kMicrosPerDay;
  return true;
}

// The instant of a local time in `zone`, failing outside the timestamp range.
bool LocalToUtc(int64_t local, const TimeZone& zone, int64_t& utc) {
  if (!IsFiniteTimestamp(local)) {
    utc = local;
    return true;
  }
  const int64_t offset = zone.OffsetForLocalMicros(local);
  utc = local - offset * kMicrosPerSecond;
  return IsValidTimestamp(utc);
}

// The local time of an instant in `zone`, failing outside the timestamp range.
bool UtcToLocal(int64_t utc, const TimeZone& zone, int64_t& local) {
  if (!IsFiniteTimestamp(utc)) {
    local = utc;
    return true;
  }
  local = utc + int64_t{zone.OffsetAtMicros(utc)} * kMicrosPerSecond;
  return IsValidTimestamp(local);
}

// TIMESTAMP / TIMESTAMPTZ to TIME. Infinite timestamps have no time of day:
// PostgreSQL returns NULL for them, in CAST as well as TRY_CAST. `zone` is null for
// TIMESTAMP.
void TimestampToTimeRows(const Vector& source, Vector& result, uint32_t rows,
                         const TimeZone* zone) {
  const int64_t* in = source.data<int64_t>();
  int64_t* out = result.data<int64_t>();
  for (uint32_t row = 0; row < rows; ++row) {
    if (!source.validity().IsValid(row) || !IsFiniteTimestamp(in[row])) {
      result.SetNull(row);
      continue;
    }
    out[row] = TimestampToTime(zone != nullptr ? TimestampTzToLocal(in[row], *zone) : in[row]);
  }
}

void CastTemporal(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                  const TimeZone& zone) {
  const TypeId from = source.type().id();
  const TypeId to = result.type().id();
  auto date_fail = [](int32_t) -> void {
    throw Error(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
  };
  auto timestamp_fail = [](int64_t) -> void { ThrowTimestampOutOfRange(); };
  if (from == TypeId::kDate && to == TypeId::kTimestamp) {
    CastRows<int32_t, int64_t>(source, result, rows, mode, DateToTimestampChecked, date_fail);
  } else if (from == TypeId::kDate && to == TypeId::kTimestampTz) {
    // Midnight in the session's zone.
    CastRows<int32_t, int64_t>(
        source, result, rows, mode,
        [&zone](int32_t days, int64_t& out) {
          int64_t local = 0;
          return DateToTimestampChecked(days, local) && LocalToUtc(local, zone, out);
        },
        date_fail);
  } else if (from == TypeId::kTimestamp && to == TypeId::kDate) {
    CastRowsInfallible<int64_t, int32_t>(source, result, rows, TimestampToDate);
  } else if (from == TypeId::kTimestampTz && to == TypeId::kDate) {
    CastRowsInfallible<int64_t, int32_t>(source, result, rows, [&zone](int64_t micros) {
      return TimestampToDate(TimestampTzToLocal(micros, zone));
    });
  } else if ((from == TypeId::kTimestamp || from == TypeId::kTimestampTz) && to == TypeId::kTime) {
    TimestampToTimeRows(source, result, rows, from == TypeId::kTimestampTz ? &zone : nullptr);
  } else if (from == TypeId::kTimestamp && to == TypeId::kTimestampTz) {
    CastRows<int64_t, int64_t>(
        source, result, rows, mode,
        [&zone](int64_t local, int64_t& out) { return LocalToUtc(local, zone, out); },
        timestamp_fail);
  } else if (from == TypeId::kTimestampTz && to == TypeId::kTimestamp) {
    CastRows<int64_t, int64_t>(
        source, result, rows, mode,
        [&zone](int64_t utc, int64_t& out) { return UtcToLocal(utc, zone, out); },
        timestamp_fail);
  } else if (from == TypeId::kTime && to == TypeId::kInterval) {
    CastRowsInfallible<int64_t, Interval>(source, result, rows, [](int64_t micros) {
      return Interval{0, 0, micros};
    });
  } else if (from == TypeId::kInterval && to == TypeId::kTime) {
    // Only the time part counts, taken modulo a day (PostgreSQL's interval_time).
    CastRowsInfallible<Interval, int64_t>(source, result, rows, [](const Interval& interval) {
      const int64_t micros = interval.micros % kMicrosPerDay;
      return micros < 0 ? micros + kMicrosPerDay : micros;
    });
  } else {
    throw Error(sqlstate::kInternal, "CastTemporal: unexpected types");
  }
}

}  // namespace

bool CastExists(const LogicalType& from, const LogicalType& to) {
  const TypeId source = from.id();
  const TypeId target = to.id();
  if (source == TypeId::kNull) return true;
  if (target == TypeId::kNull) return false;
  if (from.IsNested() || to.IsNested()) {
    if (source == TypeId::kVarchar || target == TypeId::kVarchar) return true;
    if (source != target || from.FieldCount() != to.FieldCount()) return false;
    if (source == TypeId::kList) return CastExists(from.ChildType(), to.ChildType());
    for (size_t i = 0; i < from.FieldCount(); ++i) {
      if (!CastExists(from.FieldType(i), to.FieldType(i))) return false;
    }
    return true;
  }
  if (source == target) return true;
  if (source == TypeId::kVarchar || target == TypeId::kVarchar) return true;
  if (from.IsNumeric() && to.IsNumeric()) return true;
  // PostgreSQL casts booleans to and from integer only (not smallint or bigint).
  if ((source == TypeId::kBoolean && target == TypeId::kInteger) ||
      (source == TypeId::kInteger && target == TypeId::kBoolean)) {
    return true;
  }
  switch (source) {
    case TypeId::kDate:
      return target == TypeId::kTimestamp || target == TypeId::kTimestampTz;
    case TypeId::kTimestamp:
      return target == TypeId::kDate || target == TypeId::kTime || target == TypeId::kTimestampTz;
    case TypeId::kTimestampTz:
      return target == TypeId::kDate || target == TypeId::kTime || target == TypeId::kTimestamp;
    case TypeId::kTime:
      return target == TypeId::kInterval;
    case TypeId::kInterval:
      return target == TypeId::kTime;
    default:
      return false;
  }
}

bool CastUsesTimeZone(const LogicalType& from, const LogicalType& to) {
  if (from.id() == to.id()) return false;
  return from.id() == TypeId::kTimestampTz || to.id() == TypeId::kTimestampTz;
}

void CastVector(const Vector& source, Vector& result, uint32_t count, CastMode mode,
                const TimeZone& zone) {
  const LogicalType& from = source.type();
  const LogicalType& to = result.type();
  if (!CastExists(from, to)) {
    throw Error(kCannotCoerce, "cannot cast type " + from.ToString() + " to " + to.ToString());
  }
  // A constant source is converted once, into row 0 of a constant result.
  const bool constant = source.is_constant();
  const uint32_t rows = constant ? (count == 0 ? 0 : 1) : count;
  result.Reset();
  if (from.id() == TypeId::kNull) {
    for (uint32_t row = 0; row < rows; ++row) result.SetNull(row);
  } else if (from == to) {
    CopyRows(source, nullptr, rows, result, 0);
  } else if (from.IsNested() && to.id() == TypeId::kVarchar) {
    cast_internal::CastNestedToText(source, result, rows, zone);
  } else if (to.IsNested() && from.id() == TypeId::kVarchar) {
    cast_internal::CastTextToNested(source, result, rows, mode, zone);
  } else if (to.IsNested()) {
    cast_internal::CastNestedToNested(source, result, rows, mode, zone);
  } else if (to.id() == TypeId::kVarchar) {
    cast_internal::CastToText(source, result, rows, zone);
  } else if (from.id() == TypeId::kVarchar) {
    cast_internal::CastFromText(source, result, rows, mode, zone);
  } else if (from.IsTemporal() || to.IsTemporal()) {
    CastTemporal(source, result, rows, mode, zone);
  } else {
    cast_internal::CastNumeric(source, result, rows, mode);
  }
  result.SetConstant(constant);
}

std::vector<const Vector*> ColumnsAsText(const Batch& batch, std::vector<Vector>& storage,
                                         const TimeZone& zone) {
  storage.assign(batch.num_columns(), Vector());
  std::vector<const Vector*> columns(batch.num_columns());
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    const Vector& column = batch.columns[c];
    if (column.type().id() == TypeId::kVarchar) {
      columns[c] = &column;
    } else {
      storage[c] = Vector(TypeId::kVarchar, std::max(column.capacity(), batch.size));
      CastVector(column, storage[c], batch.size, CastMode::kStrict, zone);
      columns[c] = &storage[c];
    }
  }
  return columns;
}

}  // namespace basin
