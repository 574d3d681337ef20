// src/common/tzif.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/posix_time_zone.h"

namespace basin {

// The contents of a compiled time zone file (RFC 8536, "TZif"), as the tzdata package
// installs under /usr/share/zoneinfo: the zone's history as a table of transitions,
// and a POSIX rule (the footer) for instants after the last one.
struct TzifData {
  std::vector<int64_t> transition_times;  // UTC seconds, ascending
  std::vector<uint8_t> transition_types;  // index into `types`, one per transition
  std::vector<LocalTimeType> types;       // never empty; types[0] applies before the first
  std::string footer;                     // the POSIX rule text, possibly empty
};

// Parses version 1 files (32-bit times) and version 2+ ones (whose 64-bit block and
// footer are used instead). Leap-second records are skipped: the "right/" zones'
// clocks are not what PostgreSQL or Basin count in. nullopt for anything malformed,
// so a stray non-zone file is simply not a zone.
std::optional<TzifData> ParseTzif(std::string_view bytes);

}  // namespace basin
