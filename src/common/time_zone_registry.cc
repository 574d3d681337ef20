#include "common/time_zone_registry.h"

#include <dirent.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include "common/datetime_text.h"

namespace basin {

using datetime_text::EqualsIgnoreCase;
using datetime_text::IsAlpha;
using datetime_text::IsDigit;
using datetime_text::ToLower;

namespace {

// PostgreSQL limits zone names to TZ_STRLEN_MAX; zone files are a few KB, the
// largest well under 100 KB.
constexpr size_t kMaxNameLength = 255;
constexpr std::streamsize kMaxZoneFileBytes = 1 << 20;

// Zones by the text they were asked for, so that a repeated lookup costs one map
// probe. Never shrinks: the set of names users write is small, and handing out
// stable pointers is what lets kernels hold zones without reference counts.
class Registry {
 public:
  static Registry& Get() {
    static Registry registry;
    return registry;
  }

  template <class Load>
  const TimeZone* FindOrLoad(const std::string& key, Load&& load) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = by_request_.find(key); it != by_request_.end()) return it->second;
    std::unique_ptr<TimeZone> zone = load();
    if (!zone) return nullptr;  // misses are not cached: they are errors anyway
    // Two spellings of one zone ("utc", "UTC") share the first object loaded.
    auto [it, inserted] = by_name_.emplace(zone->name(), std::move(zone));
    by_request_.emplace(key, it->second.get());
    return it->second.get();
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<TimeZone>> by_name_;
  std::map<std::string, const TimeZone*> by_request_;
};

// Only names that cannot leave the zone directory: components of [A-Za-z0-9_+-]
// (and '.', but not "." or ".."), joined by single '/'.
bool IsSafeZoneName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t slash = std::min(name.find('/', start), name.size());
    const std::string_view component = name.substr(start, slash - start);
    if (component.empty() || component == "." || component == "..") return false;
    for (char c : component) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '_' && c != '+' && c != '-' && c != '.') return false;
    }
    start = slash + 1;
  }
  return true;
}

bool IsDirectory(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

bool IsRegularFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// The entry of `directory` that equals `component` ignoring case, preferring an
// exact match; nullopt if none.
std::optional<std::string> FindEntry(const std::string& directory, std::string_view component) {
  if (struct stat info; stat((directory + "/" + std::string(component)).c_str(), &info) == 0) {
    return std::string(component);
  }
  DIR* dir = opendir(directory.c_str());
  if (dir == nullptr) return std::nullopt;
  std::optional<std::string> found;
  while (const dirent* entry = readdir(dir)) {
    const std::string_view entry_name = entry->d_name;
    if (entry_name.size() != component.size()) continue;
    bool equal = true;
    for (size_t i = 0; i < component.size() && equal; ++i) {
      equal = ToLower(entry_name[i]) == ToLower(component[i]);
    }
    if (equal) {
      found = std::string(entry_name);
      break;
    }
  }
  closedir(dir);
  return found;
}

// Reads the zone file for `name` (matched case-insensitively, component by
// component, as PostgreSQL does), naming the zone as the files spell it.
std::unique_ptr<TimeZone> LoadZoneFile(std::string_view name) {
  if (!IsSafeZoneName(name)) return nullptr;
  std::string directory = TimeZoneDirectory();
  std::string canonical;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t slash = std::min(name.find('/', start), name.size());
    if (!IsDirectory(directory)) return nullptr;
    const auto entry = FindEntry(directory, name.substr(start, slash - start));
    if (!entry) return nullptr;
    directory += "/" + *entry;
    canonical += (canonical.empty() ? "" : "/") + *entry;
    start = slash + 1;
  }
  if (!IsRegularFile(directory)) return nullptr;
  std::ifstream file(directory, std::ios::binary);
  std::string bytes(static_cast<size_t>(kMaxZoneFileBytes), '\0');
  file.read(bytes.data(), kMaxZoneFileBytes);
  bytes.resize(static_cast<size_t>(file.gcount()));
  auto data = ParseTzif(bytes);
  if (!data) return nullptr;
  std::optional<PosixTimeZone> rule;
  if (!data->footer.empty()) rule = PosixTimeZone::Parse(data->footer);
  return std::make_unique<TimeZone>(std::move(canonical), std::move(*data), std::move(rule));
}

std::string Upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// "07", "05:30", "05:30:15": PostgreSQL's spelling of an offset's magnitude.
std::string OffsetDigits(int32_t seconds) {
  char text[16];
  if (seconds % 60 != 0) {
    std::snprintf(text, sizeof(text), "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  } else if (seconds % 3600 != 0) {
    std::snprintf(text, sizeof(text), "%02d:%02d", seconds / 3600, seconds / 60 % 60);
  } else {
    std::snprintf(text, sizeof(text), "%02d", seconds / 3600);
  }
  return text;
}

struct Abbreviation {
  const char* name;  // lower case
  int32_t utc_offset;
};

// A subset of PostgreSQL's share/timezonesets/Default: the abbreviations in common
// use. Where Default maps one to a zone whose offset changed over time (MSK), the
// current offset is used.
constexpr Abbreviation kAbbreviations[] = {
    {"acdt", 37800},  {"acst", 34200},  {"adt", -10800},  {"aedt", 39600},  {"aest", 36000},
    {"akdt", -28800}, {"akst", -32400}, {"ast", -14400},  {"awst", 28800},  {"bst", 3600},
    {"cdt", -18000},  {"cest", 7200},   {"cet", 3600},    {"cst", -21600},  {"edt", -14400},
    {"eest", 10800},  {"eet", 7200},    {"est", -18000},  {"gmt", 0},       {"hkt", 28800},
    {"hst", -36000},  {"idt", 10800},   {"ist", 7200},    {"jst", 32400},   {"kst", 32400},
    {"mdt", -21600},  {"mest", 7200},   {"met", 3600},    {"msk", 10800},   {"mst", -25200},
    {"ndt", -9000},   {"nst", -12600},  {"nzdt", 46800},  {"nzst", 43200},  {"pdt", -25200},
    {"pst", -28800},  {"sgt", 28800},   {"ut", 0},        {"utc", 0},       {"west", 3600},
    {"wet", 0},       {"z", 0},         {"zulu", 0},
};

}  // namespace

std::string TimeZoneDirectory() {
  const char* configured = std::getenv("TZDIR");
  return configured != nullptr && *configured != '\0' ? configured : "/usr/share/zoneinfo";
}

const TimeZone* FindTimeZone(std::string_view name) {
  // UTC needs no file, so the default setting works without tzdata installed.
  if (EqualsIgnoreCase(name, "utc") || EqualsIgnoreCase(name, "z")) return &TimeZone::Utc();
  if (name.empty() || name.size() > kMaxNameLength) return nullptr;
  const std::string key(name);
  return Registry::Get().FindOrLoad(key, [name]() -> std::unique_ptr<TimeZone> {
    if (auto zone = LoadZoneFile(name)) return zone;
    // PostgreSQL names a POSIX zone by its upper-cased text.
    const std::string upper = Upper(name);
    if (auto rule = PosixTimeZone::Parse(upper)) return std::make_unique<TimeZone>(upper, std::move(*rule));
    return nullptr;
  });
}

const TimeZone* FixedOffsetTimeZone(int32_t utc_offset) {
  const int32_t magnitude = utc_offset < 0 ? -utc_offset : utc_offset;
  const std::string digits = OffsetDigits(magnitude);
  // The name is a POSIX rule, whose sign is the reverse of the offset's; even a zero
  // offset gets one (<+00>-00), as in PostgreSQL.
  const std::string name = utc_offset < 0 ? "<-" + digits + ">+" + digits : "<+" + digits + ">-" + digits;
  const std::string abbreviation = (utc_offset < 0 ? "-" : "+") + digits;
  return Registry::Get().FindOrLoad(name, [&]() {
    return std::make_unique<TimeZone>(TimeZone::FixedOffset(name, utc_offset, abbreviation));
  });
}

std::optional<int32_t> FindTimeZoneAbbreviation(std::string_view abbreviation) {
  for (const auto& entry : kAbbreviations) {
    if (EqualsIgnoreCase(abbreviation, entry.name)) return entry.utc_offset;
  }
  return std::nullopt;
}

}  // namespace basin
