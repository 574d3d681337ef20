#include "common/memory_tracker.h"

#include <cctype>
#include <string>

#include "common/error.h"

namespace basin {

void MemoryTracker::Reserve(uint64_t bytes) {
  const uint64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    throw Error(sqlstate::kOutOfMemory, "out of memory: the query needs more than memory_limit (" +
                                            FormatMemorySize(limit_) +
                                            "); raise it with SET memory_limit = '...'");
  }
  uint64_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

bool ParseMemorySize(const std::string& text, uint64_t* bytes) {
  size_t pos = 0;
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  const size_t number_start = pos;
  while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.')) ++pos;
  if (pos == number_start) return false;
  double number = 0;
  try {
    number = std::stod(text.substr(number_start, pos - number_start));
  } catch (...) {
    return false;
  }
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  std::string unit;
  for (; pos < text.size(); ++pos) {
    if (std::isspace(static_cast<unsigned char>(text[pos]))) break;
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos])));
  }
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  if (pos != text.size()) return false;
  double multiplier = 1;
  if (unit.empty() || unit == "b" || unit == "bytes") {
    multiplier = 1;
  } else if (unit == "kb" || unit == "kib" || unit == "k") {
    multiplier = 1024.0;
  } else if (unit == "mb" || unit == "mib" || unit == "m") {
    multiplier = 1024.0 * 1024;
  } else if (unit == "gb" || unit == "gib" || unit == "g") {
    multiplier = 1024.0 * 1024 * 1024;
  } else if (unit == "tb" || unit == "tib" || unit == "t") {
    multiplier = 1024.0 * 1024 * 1024 * 1024;
  } else {
    return false;
  }
  const double value = number * multiplier;
  if (value < 0 || value > 1.8e19) return false;
  *bytes = static_cast<uint64_t>(value);
  return true;
}

std::string FormatMemorySize(uint64_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  char buffer[32];
  if (unit == 0) {
    std::snprintf(buffer, sizeof(buffer), "%llu bytes", static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.1f %s", value, units[unit]);
  }
  return buffer;
}

}  // namespace basin
