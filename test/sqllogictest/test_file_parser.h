// test/sqllogictest/test_file_parser.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basin::sqllogictest {

// The engine name that `skipif` and `onlyif` match.
inline constexpr std::string_view kEngineName = "basin";

enum class SortMode { kNoSort, kRowSort, kValueSort };

enum class RecordKind {
  kStatement,  // statement ok | statement error [SQLSTATE]
  kQuery,      // query <types> [sort] [label]
  kHalt,       // stop running the file
  kRequire,    // require <extension>: skip the file unless the engine has it
  kModeSkip,   // mode skip: skip records until mode unskip
  kModeUnskip,
  kLoad,     // load <path>: open that database
  kRestart,  // restart: a fresh database and connection
};

// "30 values hashing to 3c13dee48d9356ae19af2515e05e6b54": the md5 of every value,
// each followed by "\n", in result order (after sorting).
struct ExpectedHash {
  uint64_t num_values = 0;
  std::string md5;
};

struct Record {
  RecordKind kind = RecordKind::kStatement;
  int line = 0;  // 1-based line of the record's header (after skipif/onlyif lines)
  // skipif/onlyif before the header, as engine names: the record runs only if no
  // skip_if names us and every only_if does.
  std::vector<std::string> skip_if;
  std::vector<std::string> only_if;

  std::string sql;  // statement and query records; lines joined by '\n'

  // Statement records.
  bool expect_error = false;
  std::optional<std::string> expected_state;  // "statement error 22012"
  // Text after "----": a substring of the message, or "<REGEX>:pattern".
  std::string expected_message;

  // Query records.
  std::string column_types;  // one letter per column: I, R, T, B, ...
  SortMode sort = SortMode::kNoSort;
  std::string label;
  std::vector<std::string> expected_lines;  // trailing whitespace trimmed
  std::optional<ExpectedHash> expected_hash;

  std::string argument;  // require: the extension; load: the path
};

struct ParseError {
  int line = 0;
  std::string message;
};

struct TestFile {
  std::vector<Record> records;  // loops already unrolled
  std::vector<ParseError> errors;
};

// Parses the text of a .test file. Loops ("loop i 0 3" .. "endloop", "foreach x a b"
// .. "endloop") are unrolled, with ${i} replaced in SQL, expected output and
// arguments; records keep their line in the file.
TestFile ParseTestFile(std::string_view text);

// Replaces every occurrence of `from` in `text` by `to`.
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);

}  // namespace basin::sqllogictest
