// src/main/time_zone_setting.h
#pragma once

#include <string>

#include "common/time_zone.h"

namespace basin {

// Reads a value of the TimeZone setting as PostgreSQL's check_timezone does:
//   a number of hours, east of UTC ('-7', '5.5'): SET TIME ZONE -7;
//   "INTERVAL '<interval>'" (from SET TIME ZONE INTERVAL '-08:00'), also east of UTC,
//     without months or days;
//   a zone name or POSIX rule (FindTimeZone), where 'UTC+3' is three hours *west*.
// Throws 22023 `invalid value for parameter "TimeZone": "<value>"` otherwise.
const TimeZone& ParseTimeZoneSetting(const std::string& value);

}  // namespace basin
