// src/common/time_zone.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/posix_time_zone.h"
#include "common/tzif.h"

namespace basin {

// A time zone: the offset from UTC in force at every instant, and the way back from
// a local (wall-clock) time to an instant. Built from a TZif file, a POSIX rule or a
// fixed offset; see time_zone_registry.h for finding one by name.
//
// Immutable after construction, so one object serves every thread; zones come from
// the registry and live until the process ends, so callers hold plain pointers.
class TimeZone {
 public:
  // `name` is what SHOW TimeZone prints.
  TimeZone(std::string name, TzifData data, std::optional<PosixTimeZone> rule);
  TimeZone(std::string name, PosixTimeZone rule);
  // A zone that is always `utc_offset` seconds east of UTC.
  static TimeZone FixedOffset(std::string name, int32_t utc_offset, std::string abbreviation);
  // The default zone; always available, even without tzdata.
  static const TimeZone& Utc();

  const std::string& name() const { return name_; }
  // Set when the offset never changes: kernels then skip the lookups.
  std::optional<int32_t> fixed_offset() const { return fixed_offset_; }
  bool is_utc() const { return fixed_offset_ == 0; }

  // The local time type in force at an instant (seconds since the epoch, UTC).
  const LocalTimeType& TypeAt(int64_t utc_seconds) const;
  int32_t OffsetAt(int64_t utc_seconds) const { return TypeAt(utc_seconds).utc_offset; }
  // The same, for a timestamptz (µs). REQUIRES: a finite timestamp.
  const LocalTimeType& TypeAtMicros(int64_t utc_micros) const;
  int32_t OffsetAtMicros(int64_t utc_micros) const;

  // The offset to subtract from the local time `local_seconds` to get its instant,
  // resolved as PostgreSQL does (DetermineTimeZoneOffset): a time skipped by a
  // spring-forward gap is read with the offset before the gap (02:30 becomes 03:30
  // EDT), and a time repeated by a fall-back overlap as the later, standard-time one
  // (01:30 EST, not EDT).
  int32_t OffsetForLocal(int64_t local_seconds) const;
  // The same for a local timestamp in µs. REQUIRES: a finite timestamp.
  int32_t OffsetForLocalMicros(int64_t local_micros) const;

 private:
  // The first change of offset after `utc_seconds`, from the table or the rule.
  std::optional<ZoneTransition> NextTransitionAfter(int64_t utc_seconds) const;

  std::string name_;
  std::vector<int64_t> transition_times_;
  std::vector<uint8_t> transition_types_;
  std::vector<LocalTimeType> types_;
  std::optional<PosixTimeZone> rule_;  // after the last transition
  std::optional<int32_t> fixed_offset_;
};

}  // namespace basin
