// src/function/cast.h
#pragma once

#include <cstdint>

#include <vector>

#include "common/batch.h"
#include "common/types.h"
#include "common/vector.h"

namespace basin {

class TimeZone;

enum class CastMode {
  kStrict,  // CAST and ::  — a value that does not convert is an error
  kTry,     // TRY_CAST     — a value that does not convert becomes NULL
};

// Converts rows [0, count) of `source` into `result` (of the target type) with
// PostgreSQL's semantics: range checks ("integer out of range"), rounding rules,
// text parsing and formatting. A constant source gives a constant result.
// Throws Error(22P02 / 22003 / 22007 / 22008 ...) in kStrict mode. `zone` is the
// session's TimeZone: it reads and prints TIMESTAMPTZ and converts it to and from
// DATE, TIME and TIMESTAMP; other casts ignore it.
void CastVector(const Vector& source, Vector& result, uint32_t count, CastMode mode,
                const TimeZone& zone);

// Whether CAST(from AS to) depends on the session's time zone.
bool CastUsesTimeZone(const LogicalType& from, const LogicalType& to);

// The PostgreSQL text form of every column of `batch`, for writers of text formats:
// VARCHAR columns are returned as they are, others are cast into `storage`.
std::vector<const Vector*> ColumnsAsText(const Batch& batch, std::vector<Vector>& storage,
                                         const TimeZone& zone);

// Whether CAST(from AS to) is defined at all (the binder reports others as errors).
bool CastExists(const LogicalType& from, const LogicalType& to);

}  // namespace basin
