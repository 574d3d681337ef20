#include "function/scalar/time_zone_cache.h"

#include "common/error.h"
#include "common/time_zone_registry.h"

namespace basin {

const TimeZone& TimeZoneCache::Get(std::string_view name) {
  if (zone_ != nullptr && name == name_) return *zone_;
  const TimeZone* zone = nullptr;
  if (const auto offset = FindTimeZoneAbbreviation(name)) {
    zone = FixedOffsetTimeZone(*offset);
  } else {
    zone = FindTimeZone(name);
  }
  if (zone == nullptr) {
    throw Error(sqlstate::kInvalidParameterValue,
                "time zone \"" + std::string(name) + "\" not recognized");
  }
  name_.assign(name);
  zone_ = zone;
  return *zone;
}

}  // namespace basin
