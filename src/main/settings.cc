#include "main/settings.h"

#include <algorithm>
#include <cctype>
#include <unistd.h>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "main/time_zone_setting.h"

namespace basin {

namespace {
// 80% of physical memory, as DuckDB does: leaves room for the OS and the rest.
std::string DefaultMemoryLimit() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  const uint64_t bytes = pages > 0 && page_size > 0 ? static_cast<uint64_t>(pages) * page_size / 10 * 8
                                                    : uint64_t{4} << 30;
  return FormatMemorySize(bytes);
}
}  // namespace

const std::map<std::string, Settings::Definition>& Settings::Definitions() {
  static const std::map<std::string, Definition> definitions = {
      {"threads", {"", "worker threads per query (default: all cores)"}},
      {"memory_limit", {"", "memory a query may hold in hash tables, sorts and results"}},
      {"timezone", {"UTC", "time zone for displaying and interpreting timestamps"}},
      {"datestyle", {"ISO, MDY", "display format for date and time values"}},
      {"intervalstyle", {"postgres", "display format for interval values"}},
      {"client_encoding", {"UTF8", "the client's character set encoding"}},
      {"server_encoding", {"UTF8", "the server's character set encoding"}},
      {"application_name", {"", "name of the client application"}},
      {"extra_float_digits", {"1", "accepted for PostgreSQL clients; floats always print in shortest exact form"}},
      {"search_path", {"main", "schema searched for unqualified names"}},
      {"standard_conforming_strings", {"on", "'...' strings treat backslashes literally"}},
  };
  return definitions;
}

std::string Settings::Canonical(const std::string& name) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "time zone" || lower == "time_zone") return "timezone";
  if (lower == "worker_threads" || lower == "basin.threads") return "threads";
  if (lower == "max_memory" || lower == "basin.memory_limit") return "memory_limit";
  return lower;
}

Settings::Settings(uint32_t default_threads) : default_threads_(default_threads) { ResetAll(); }

void Settings::ResetAll() {
  values_.clear();
  for (const auto& [name, definition] : Definitions()) Reset(name);
}

void Settings::Reset(const std::string& raw_name) {
  const std::string name = Canonical(raw_name);
  auto it = Definitions().find(name);
  if (it == Definitions().end()) {
    throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + raw_name + "\"");
  }
  std::string value = it->second.default_value;
  if (name == "threads") value = std::to_string(default_threads_);
  if (name == "memory_limit") value = DefaultMemoryLimit();
  Apply(name, value);
}

void Settings::Set(const std::string& raw_name, const std::string& value) {
  const std::string name = Canonical(raw_name);
  if (Definitions().count(name) == 0) {
    throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + raw_name + "\"");
  }
  Apply(name, value);
}

void Settings::Apply(const std::string& name, const std::string& value) {
  if (name == "threads") {
    char* end = nullptr;
    const long threads = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || threads < 1 || threads > 1024) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "invalid value for parameter \"threads\": \"" + value + "\" (expected 1 to 1024)");
    }
    threads_ = static_cast<uint32_t>(threads);
  } else if (name == "memory_limit") {
    uint64_t bytes = 0;
    if (!ParseMemorySize(value, &bytes) || bytes < (uint64_t{1} << 20)) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "invalid value for parameter \"memory_limit\": \"" + value + "\" (expected a size such as '4GB', at least 1MB)");
    }
    memory_limit_ = bytes;
  } else if (name == "timezone") {
    time_zone_ = &ParseTimeZoneSetting(value);
    // SHOW prints the zone's own spelling ("America/New_York" for 'america/new_york').
    values_[name] = time_zone_->name();
    return;
  }
  values_[name] = name == "memory_limit" ? FormatMemorySize(memory_limit_) : value;
}

std::string Settings::Get(const std::string& raw_name) const {
  auto it = values_.find(Canonical(raw_name));
  if (it == values_.end()) {
    throw Error(sqlstate::kUndefinedObject, "unrecognized configuration parameter \"" + raw_name + "\"");
  }
  return it->second;
}

std::vector<Settings::Row> Settings::All() const {
  std::vector<Row> rows;
  for (const auto& [name, definition] : Definitions()) rows.push_back({name, values_.at(name), definition.description});
  return rows;
}

}  // namespace basin
