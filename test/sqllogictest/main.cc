// test/sqllogictest/main.cc
//
// basin_sqllogictest [--threads N] [--filter SUBSTRING] [--verbose] [--fail-fast] PATH...
// Runs .test files (directories are searched recursively, in sorted order) and ends
// with one summary line, "N passed, M failed[, K skipped]", which CI reads.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "test_runner.h"

namespace basin::sqllogictest {
namespace {

namespace fs = std::filesystem;

constexpr char kUsage[] =
    "usage: basin_sqllogictest [--threads N] [--filter SUBSTRING] [--verbose] [--fail-fast] "
    "PATH...\n";

// The .test files under `path` in sorted order, or `path` itself if it is a file.
bool CollectTestFiles(const fs::path& path, std::vector<fs::path>& files) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    files.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, error)) return false;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(path, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error) && it->path().extension() == ".test") {
      found.push_back(it->path());
    }
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return !error;
}

int Main(int argc, char** argv) {
  RunnerOptions options;
  std::string filter;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--fail-fast") {
      options.fail_fast = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if ((arg == "--threads" || arg == "--filter") && i + 1 < argc) {
      const std::string value = argv[++i];
      if (arg == "--filter") {
        filter = value;
        continue;
      }
      const auto [end, error] =
          std::from_chars(value.data(), value.data() + value.size(), options.threads);
      if (error != std::errc() || end != value.data() + value.size()) {
        std::cerr << "basin_sqllogictest: --threads needs a number\n" << kUsage;
        return 2;
      }
    } else if (arg.starts_with("-")) {
      std::cerr << "basin_sqllogictest: unknown or incomplete option " << arg << "\n" << kUsage;
      return 2;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  RunStats total;
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    if (!CollectTestFiles(path, files)) {
      std::cout << path << ": no such file or directory\n";
      ++total.failed;
    }
  }
  for (const auto& file : files) {
    if (!filter.empty() && file.string().find(filter) == std::string::npos) continue;
    const RunStats stats = RunTestFile(file, options, std::cout);
    if (options.verbose) {
      std::cout << file.string() << ": " << stats.passed << " passed, " << stats.failed
                << " failed, " << stats.skipped << " skipped\n";
    }
    total += stats;
    if (total.stopped) break;
  }
  std::cout << total.passed << " passed, " << total.failed << " failed";
  if (total.skipped > 0) std::cout << ", " << total.skipped << " skipped";
  std::cout << std::endl;
  return total.failed > 0 ? 1 : 0;
}

}  // namespace
}  // namespace basin::sqllogictest

int main(int argc, char** argv) { return basin::sqllogictest::Main(argc, argv); }
