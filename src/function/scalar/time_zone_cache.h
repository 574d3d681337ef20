// src/function/scalar/time_zone_cache.h
#pragma once

#include <string>
#include <string_view>

#include "common/time_zone.h"

namespace basin {

// Resolves the zone argument of AT TIME ZONE, date_trunc(..., zone) and
// make_timestamptz(..., zone) as PostgreSQL does: an abbreviation first ("EST" is
// always UTC-5), then a zone name or POSIX rule ('UTC+3' is three hours west).
// Remembers the last name, since the argument is nearly always a constant: one
// lookup per kernel call, not per row. One per kernel call; not thread-safe.
class TimeZoneCache {
 public:
  // Throws 22023 `time zone "<name>" not recognized`.
  const TimeZone& Get(std::string_view name);

 private:
  std::string name_;
  const TimeZone* zone_ = nullptr;
};

}  // namespace basin
