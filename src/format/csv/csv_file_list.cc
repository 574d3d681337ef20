#include "format/csv/csv_file_list.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "common/error.h"

namespace basin {

namespace {


bool HasWildcard(const std::string& text) { return text.find_first_of("*?[") != std::string::npos; }

// Regular files (or links to them) matching a pattern without "**".
std::vector<std::string> Glob(const std::string& pattern) {
  std::vector<std::string> matches;
  glob_t result{};
  if (::glob(pattern.c_str(), 0, nullptr, &result) == 0) {
    for (size_t i = 0; i < result.gl_pathc; ++i) matches.emplace_back(result.gl_pathv[i]);
  }
  ::globfree(&result);
  return matches;
}

// Directories under `root` (itself included), recursively.
std::vector<std::string> DirectoriesUnder(const std::string& root) {
  std::vector<std::string> directories{root};
  std::error_code error;
  namespace fs = std::filesystem;
  for (fs::recursive_directory_iterator
           it(root, fs::directory_options::skip_permission_denied, error),
       end;
       !error && it != end; it.increment(error)) {
    if (it->is_directory(error)) directories.push_back(it->path().string());
  }
  return directories;
}

std::vector<std::string> ExpandPattern(const std::string& pattern) {
  const size_t star_star = pattern.find("**");
  if (star_star == std::string::npos) return Glob(pattern);
  // "prefix/**/rest": every directory below the prefix's matches, then "rest" in each.
  std::string prefix = pattern.substr(0, star_star);
  std::string rest = pattern.substr(star_star + 2);
  if (!rest.empty() && rest[0] == '/') rest.erase(0, 1);
  // (std::string(1, c) rather than = "*": g++ 12 reports a bogus -Wrestrict there.)
  if (rest.empty()) rest = std::string(1, '*');
  if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  std::vector<std::string> roots;
  if (prefix.empty()) {
    roots.push_back(".");
  } else if (HasWildcard(prefix)) {
    roots = Glob(prefix);
  } else {
    roots.push_back(prefix);
  }
  std::vector<std::string> matches;
  for (const std::string& root : roots) {
    for (const std::string& directory : DirectoriesUnder(root)) {
      for (std::string& match : ExpandPattern(directory + "/" + rest)) {
        if (prefix.empty() && match.compare(0, 2, "./") == 0) match.erase(0, 2);
        matches.push_back(std::move(match));
      }
    }
  }
  return matches;
}

}  // namespace

std::vector<std::string> ExpandCsvFilePatterns(const std::vector<std::string>& patterns,
                                               const std::string& error_context) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const std::string& pattern : patterns) {
    if (!HasWildcard(pattern)) {
      if (seen.insert(pattern).second) files.push_back(pattern);
      continue;
    }
    std::vector<std::string> matches = ExpandPattern(pattern);
    std::error_code error;
    std::erase_if(matches, [&error](const std::string& path) {
      return std::filesystem::is_directory(path, error);
    });
    std::sort(matches.begin(), matches.end());
    if (matches.empty()) {
      throw Error(sqlstate::kUndefinedFile,
                  error_context + ": no files found that match the pattern \"" + pattern + "\"");
    }
    for (std::string& match : matches) {
      if (seen.insert(match).second) files.push_back(std::move(match));
    }
  }
  return files;
}

}  // namespace basin
