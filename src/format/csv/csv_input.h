// src/format/csv/csv_input.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace basin {

// Random-access bytes of one CSV source: a file or, for tests and fuzzing, a string.
// ReadAt is thread-safe (pread), so parallel scans share one input.
class CsvInput {
 public:
  virtual ~CsvInput() = default;
  // Name used in error messages (the path).
  virtual const std::string& name() const = 0;
  virtual uint64_t size() const = 0;
  // Copies up to `length` bytes from `offset`; returns how many (0 at the end).
  // Throws Error(58030) on an I/O error.
  virtual size_t ReadAt(uint64_t offset, char* out, size_t length) const = 0;
};

// The name of the data a client sends with COPY FROM STDIN (a memory input).
inline constexpr const char* kCsvStdinName = "STDIN";

// How error messages name a source: 'file "<path>"', or STDIN as it is.
inline std::string DescribeCsvSource(const std::string& name) {
  return name == kCsvStdinName ? name : "file \"" + name + "\"";
}

// Opens `path` for reading; throws Error (58P01 no such file, 58030 other) naming it.
std::unique_ptr<CsvInput> OpenCsvFile(const std::string& path);
// Wraps a copy of `bytes`.
std::unique_ptr<CsvInput> MakeCsvMemoryInput(std::string bytes, std::string name = "<memory>");

}  // namespace basin
