// test/sqllogictest/test_runner.h
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace basin::sqllogictest {

struct RunnerOptions {
  uint32_t threads = 0;  // DatabaseOptions::threads
  bool verbose = false;  // print each file and its counts
  bool fail_fast = false;
};

// Counts of statement and query records.
struct RunStats {
  uint64_t passed = 0;
  uint64_t failed = 0;
  uint64_t skipped = 0;
  bool stopped = false;  // --fail-fast hit a failure: run no more files

  RunStats& operator+=(const RunStats& other);
};

// The directory tests name __SHARED_DIR__ (also ${BASIN_SHARED_DIR}): the env variable
// BASIN_SHARED_DIR, else "shared" beside the repository that holds `test_file`.
std::optional<std::filesystem::path> FindSharedDir(const std::filesystem::path& test_file);

// Runs one .test file on a fresh in-memory database and connection, printing each
// failure (file:line, SQL, expected and actual) to `out`.
RunStats RunTestFile(const std::filesystem::path& path, const RunnerOptions& options,
                     std::ostream& out);

}  // namespace basin::sqllogictest
