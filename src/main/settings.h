// src/main/settings.h
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/time_zone.h"

namespace basin {

// A session's configuration parameters (SET / SHOW / RESET), with PostgreSQL's
// names where one exists. Values are validated when set.
class Settings {
 public:
  explicit Settings(uint32_t default_threads);

  // Throws 42704 for unknown names and 22023 for bad values.
  void Set(const std::string& name, const std::string& value);
  void Reset(const std::string& name);
  void ResetAll();
  std::string Get(const std::string& name) const;
  // Every parameter with its value and a description, for SHOW ALL.
  struct Row {
    std::string name;
    std::string value;
    std::string description;
  };
  std::vector<Row> All() const;

  uint32_t threads() const { return threads_; }
  uint64_t memory_limit() const { return memory_limit_; }
  // The TimeZone setting, resolved. Never null.
  const TimeZone* time_zone() const { return time_zone_; }

 private:
  struct Definition {
    std::string default_value;
    std::string description;
  };
  static const std::map<std::string, Definition>& Definitions();
  static std::string Canonical(const std::string& name);
  void Apply(const std::string& name, const std::string& value);

  uint32_t default_threads_;
  std::map<std::string, std::string> values_;
  uint32_t threads_ = 1;
  uint64_t memory_limit_ = 0;
  const TimeZone* time_zone_ = &TimeZone::Utc();
};

}  // namespace basin
