#include "common/error.h"

#include <cstring>

namespace basin {

bool SqlState::operator==(const SqlState& other) const {
  return std::memcmp(code, other.code, 5) == 0;
}

std::string FormatErrorWithContext(const Error& error, const std::string& sql) {
  std::string out = "ERROR:  " + error.message();
  if (!error.where() || error.where()->offset > sql.size()) return out;
  const uint32_t offset = error.where()->offset;
  size_t line_start = sql.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string::npos || offset == 0) ? 0 : line_start + 1;
  if (offset > 0 && sql[offset - 1] == '\n') line_start = offset;
  size_t line_end = sql.find('\n', offset);
  if (line_end == std::string::npos) line_end = sql.size();
  int line_number = 1;
  for (size_t i = 0; i < line_start; ++i) line_number += sql[i] == '\n';
  const std::string prefix = "LINE " + std::to_string(line_number) + ": ";
  out += "\n" + prefix + sql.substr(line_start, line_end - line_start) + "\n";
  out += std::string(prefix.size() + (offset - line_start), ' ') + "^";
  return out;
}

}  // namespace basin
