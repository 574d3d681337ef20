// src/format/csv/csv_file_list.h
#pragma once

#include <string>
#include <vector>

namespace basin {

// Expands read_csv's file arguments: plain paths are kept as they are (a missing
// file is reported when it is opened); patterns with * ? or [...] go through POSIX
// glob(), and a "**" path component matches any number of directories. Each
// pattern's matches are sorted; a pattern without matches is an error (58P01) naming
// it. Duplicates are dropped, first occurrence kept.
std::vector<std::string> ExpandCsvFilePatterns(const std::vector<std::string>& patterns,
                                               const std::string& error_context = "read_csv");

}  // namespace basin
