#include "common/time_zone.h"

#include <algorithm>

#include "common/datetime.h"
#include "common/datetime_internal.h"

namespace basin {

using datetime_internal::FloorDiv;

TimeZone::TimeZone(std::string name, TzifData data, std::optional<PosixTimeZone> rule)
    : name_(std::move(name)),
      transition_times_(std::move(data.transition_times)),
      transition_types_(std::move(data.transition_types)),
      types_(std::move(data.types)),
      rule_(std::move(rule)) {
  // A zone is fixed when nothing in its table or rule ever changes the offset.
  bool fixed = !rule_ || !rule_->has_dst();
  for (const auto& type : types_) fixed = fixed && type.utc_offset == types_[0].utc_offset;
  if (rule_) fixed = fixed && rule_->standard().utc_offset == types_[0].utc_offset;
  if (fixed) fixed_offset_ = types_[0].utc_offset;
}

TimeZone::TimeZone(std::string name, PosixTimeZone rule) : name_(std::move(name)) {
  types_.push_back(rule.standard());
  if (!rule.has_dst()) fixed_offset_ = rule.standard().utc_offset;
  rule_ = std::move(rule);
}

TimeZone TimeZone::FixedOffset(std::string name, int32_t utc_offset, std::string abbreviation) {
  TzifData data;
  data.types.push_back(LocalTimeType{utc_offset, false, std::move(abbreviation)});
  return TimeZone(std::move(name), std::move(data), std::nullopt);
}

const TimeZone& TimeZone::Utc() {
  static const TimeZone utc = FixedOffset("UTC", 0, "UTC");
  return utc;
}

const LocalTimeType& TimeZone::TypeAt(int64_t utc_seconds) const {
  if (transition_times_.empty()) return rule_ ? rule_->TypeAt(utc_seconds) : types_[0];
  if (utc_seconds < transition_times_.front()) return types_[0];
  if (rule_ && utc_seconds >= transition_times_.back()) return rule_->TypeAt(utc_seconds);
  const auto after = std::upper_bound(transition_times_.begin(), transition_times_.end(), utc_seconds);
  return types_[transition_types_[after - transition_times_.begin() - 1]];
}

const LocalTimeType& TimeZone::TypeAtMicros(int64_t utc_micros) const {
  return TypeAt(FloorDiv(utc_micros, kMicrosPerSecond));
}

int32_t TimeZone::OffsetAtMicros(int64_t utc_micros) const {
  if (fixed_offset_) return *fixed_offset_;
  return OffsetAt(FloorDiv(utc_micros, kMicrosPerSecond));
}

int32_t TimeZone::OffsetForLocalMicros(int64_t local_micros) const {
  if (fixed_offset_) return *fixed_offset_;
  return OffsetForLocal(FloorDiv(local_micros, kMicrosPerSecond));
}

std::optional<ZoneTransition> TimeZone::NextTransitionAfter(int64_t utc_seconds) const {
  const auto after = std::upper_bound(transition_times_.begin(), transition_times_.end(), utc_seconds);
  // Transitions that only rename the local time (LMT to a standard name at the same
  // offset, say) do not move the clock; skip them.
  for (auto it = after; it != transition_times_.end(); ++it) {
    const int32_t before = it == transition_times_.begin()
                               ? types_[0].utc_offset
                               : types_[transition_types_[it - transition_times_.begin() - 1]].utc_offset;
    const int32_t now = types_[transition_types_[it - transition_times_.begin()]].utc_offset;
    if (before != now) return ZoneTransition{*it, before, now};
  }
  if (!rule_) return std::nullopt;
  const int64_t from = transition_times_.empty() ? utc_seconds
                                                 : std::max(utc_seconds, transition_times_.back() - 1);
  auto next = rule_->NextTransitionAfter(from);
  // The rule's first change may not move the clock away from the table's last type.
  while (next && next->offset_before == next->offset_after) next = rule_->NextTransitionAfter(next->utc_seconds);
  return next;
}

int32_t TimeZone::OffsetForLocal(int64_t local_seconds) const {
  if (fixed_offset_) return *fixed_offset_;
  // Offsets are under a day and transitions more than two days apart, so the first
  // transition after "local time minus a day" (read as UTC) is the only one that can
  // make `local_seconds` ambiguous or invalid.
  const int64_t probe = local_seconds - 86400;
  const int32_t before = OffsetAt(probe);
  const auto transition = NextTransitionAfter(probe);
  if (!transition) return before;
  const int32_t after = transition->offset_after;
  const int64_t before_time = local_seconds - before;
  const int64_t after_time = local_seconds - after;
  const int64_t boundary = transition->utc_seconds;
  if (before_time < boundary && after_time < boundary) return before;
  if (before_time >= boundary && after_time >= boundary) return after;
  // In the gap (spring forward) take "before"; in the overlap (fall back) "after".
  return before_time > after_time ? before : after;
}

}  // namespace basin
