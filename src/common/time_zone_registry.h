// src/common/time_zone_registry.h
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time_zone.h"

namespace basin {

// Finding zones by the names PostgreSQL accepts. Zones are loaded once and kept for
// the life of the process (a few KB each), so the pointers returned stay valid and
// can be held by plans and kernels. Thread-safe.

// A zone named as the TimeZone setting and AT TIME ZONE accept it: an IANA name,
// matched case-insensitively and read from the tzdata files ("America/New_York",
// "utc", "EST5EDT"), or else a POSIX rule ("UTC+3" is three hours *west*,
// "<+0530>-05:30", "+05:30"). nullptr if it is neither. Names are checked before
// any file is opened: only letters, digits, '_', '+', '-' and '/'-separated
// components that are not "." or "..", so "../../etc/passwd" is no zone.
const TimeZone* FindTimeZone(std::string_view name);

// A zone at a fixed offset (seconds east), named as PostgreSQL names the zone of
// `SET TIME ZONE -7` or `SET TIME ZONE INTERVAL '...'`: "<-07>+07".
const TimeZone* FixedOffsetTimeZone(int32_t utc_offset);

// The offset (seconds east) of a time zone abbreviation from PostgreSQL's default
// set (timezone_abbreviations = 'Default'): "EST", "PDT", "CEST", "JST", ...
// Case-insensitive. nullopt if unknown.
std::optional<int32_t> FindTimeZoneAbbreviation(std::string_view abbreviation);

// Where the tzdata files are: $TZDIR if set, else /usr/share/zoneinfo.
std::string TimeZoneDirectory();

}  // namespace basin
