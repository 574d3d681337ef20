// test/sqllogictest/test_runner.cc
#include "test_runner.h"

#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <regex>
#include <sstream>

#include "common/error.h"
#include "main/database.h"
#include "result_comparison.h"
#include "test_file_parser.h"

namespace basin::sqllogictest {
namespace {

namespace fs = std::filesystem;

// A directory for one file's COPY TO outputs, removed with everything in it.
class TempDirectory {
 public:
  TempDirectory() {
    std::string pattern = (fs::temp_directory_path() / "basin_slt_XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool MatchesEngine(const std::string& name) { return name == kEngineName; }

bool IsSkippedByConditions(const Record& record) {
  for (const auto& engine : record.skip_if) {
    if (MatchesEngine(engine)) return true;
  }
  for (const auto& engine : record.only_if) {
    if (!MatchesEngine(engine)) return true;
  }
  return false;
}

bool IsTestRecord(const Record& record) {
  return record.kind == RecordKind::kStatement || record.kind == RecordKind::kQuery;
}

std::string Indent(const std::string& text) {
  std::string indented = "  ";
  for (const char c : text) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  return indented;
}

// Whether an error message meets the expectation after "----".
bool MessageMatches(const std::string& message, const std::string& expected) {
  static constexpr std::string_view kRegex = "<REGEX>:";
  static constexpr std::string_view kNotRegex = "<!REGEX>:";
  try {
    if (expected.starts_with(kRegex)) {
      return std::regex_search(message, std::regex(expected.substr(kRegex.size())));
    }
    if (expected.starts_with(kNotRegex)) {
      return !std::regex_search(message, std::regex(expected.substr(kNotRegex.size())));
    }
  } catch (const std::regex_error&) {
    return false;  // a broken pattern fails the record, which shows the pattern
  }
  return message.find(expected) != std::string::npos;
}

class FileRunner {
 public:
  FileRunner(const fs::path& path, const RunnerOptions& options, std::ostream& out)
      : path_(path), options_(options), out_(out), shared_dir_(FindSharedDir(path)) {}

  RunStats Run() {
    std::ifstream file(path_);
    if (!file) {
      Fail(0, "", "cannot read the file");
      return stats_;
    }
    std::stringstream text;
    text << file.rdbuf();
    const TestFile parsed = ParseTestFile(text.str());
    for (const auto& error : parsed.errors) Fail(error.line, "", "parse error: " + error.message);
    if (!stats_.stopped) Restart();
    bool skipping = false;  // between "mode skip" and "mode unskip"
    for (size_t i = 0; i < parsed.records.size() && !stats_.stopped; ++i) {
      const Record& record = parsed.records[i];
      if (IsSkippedByConditions(record)) {
        if (IsTestRecord(record)) ++stats_.skipped;
        continue;
      }
      switch (record.kind) {
        case RecordKind::kHalt:
          return stats_;
        case RecordKind::kRequire:
          // Basin has no loadable extensions (yet): the file is for a build that does.
          out_ << path_.string() << ":" << record.line << ": skipped: requires " << record.argument
               << "\n";
          for (; i < parsed.records.size(); ++i) stats_.skipped += IsTestRecord(parsed.records[i]);
          return stats_;
        case RecordKind::kModeSkip:
        case RecordKind::kModeUnskip:
          skipping = record.kind == RecordKind::kModeSkip;
          continue;
        case RecordKind::kLoad:
        case RecordKind::kRestart:
          // Databases are in-memory only for now, so a load or restart starts empty.
          Restart();
          continue;
        case RecordKind::kStatement:
        case RecordKind::kQuery:
          if (skipping) {
            ++stats_.skipped;
          } else if (record.kind == RecordKind::kStatement) {
            RunStatement(record);
          } else {
            RunQuery(record);
          }
      }
    }
    return stats_;
  }

 private:
  void Restart() {
    connection_.reset();
    database_.reset();
    try {
      database_ = std::make_unique<Database>(DatabaseOptions{.threads = options_.threads});
      connection_ = std::make_unique<Connection>(*database_);
    } catch (const std::exception& error) {
      Fail(0, "", std::string("cannot open a database: ") + error.what());
      stats_.stopped = true;  // nothing after this can run
    }
  }

  void Fail(int line, const std::string& sql, const std::string& explanation) {
    ++stats_.failed;
    if (options_.fail_fast) stats_.stopped = true;
    out_ << "================================================================\n"
         << "FAILED " << path_.string() << ":" << line << "\n";
    if (!sql.empty()) out_ << "SQL:\n" << Indent(sql) << "\n";
    out_ << explanation;
    if (!explanation.empty() && explanation.back() != '\n') out_ << '\n';
    out_ << std::flush;
  }

  // Fills in __TEST_DIR__, __SHARED_DIR__ and ${BASIN_SHARED_DIR}; nullopt (with
  // `problem` set) when a directory is needed but missing.
  std::optional<std::string> Substitute(std::string text, std::string& problem) {
    if (text.find("__TEST_DIR__") != std::string::npos) {
      if (!temp_dir_) temp_dir_ = std::make_unique<TempDirectory>();
      if (temp_dir_->path().empty()) {
        problem = "cannot create a temporary directory for __TEST_DIR__";
        return std::nullopt;
      }
      text = ReplaceAll(std::move(text), "__TEST_DIR__", temp_dir_->path().string());
    }
    for (const std::string_view name : {"__SHARED_DIR__", "${BASIN_SHARED_DIR}"}) {
      if (text.find(name) == std::string::npos) continue;
      if (!shared_dir_) {
        problem = "no shared directory found for " + std::string(name) + " (set BASIN_SHARED_DIR)";
        return std::nullopt;
      }
      text = ReplaceAll(std::move(text), name, shared_dir_->string());
    }
    return text;
  }

  void RunStatement(const Record& record) {
    std::string problem;
    const std::optional<std::string> sql = Substitute(record.sql, problem);
    const std::optional<std::string> message = Substitute(record.expected_message, problem);
    if (!sql || !message) return Fail(record.line, record.sql, problem);
    try {
      connection_->Query(*sql);
    } catch (const Error& error) {
      if (!record.expect_error) {
        return Fail(record.line, *sql, "statement failed:\n" + FormatErrorWithContext(error, *sql));
      }
      const std::string state = error.state().ToString();
      if (record.expected_state && state != *record.expected_state) {
        return Fail(record.line, *sql,
                    "expected SQLSTATE " + *record.expected_state + ", got " + state + ":\n" +
                        FormatErrorWithContext(error, *sql));
      }
      if (!message->empty() && !MessageMatches(error.message(), *message)) {
        return Fail(record.line, *sql,
                    "expected an error matching:\n" + Indent(*message) + "\ngot:\n" +
                        FormatErrorWithContext(error, *sql));
      }
      ++stats_.passed;
      return;
    } catch (const std::exception& error) {
      // Never right: the engine reports user errors as basin::Error.
      return Fail(record.line, *sql,
                  std::string("internal error (not a basin::Error): ") + error.what());
    }
    if (record.expect_error)
      return Fail(record.line, *sql, "statement succeeded, expected an error");
    ++stats_.passed;
  }

  void RunQuery(const Record& record) {
    std::string problem;
    const std::optional<std::string> sql = Substitute(record.sql, problem);
    if (!sql) return Fail(record.line, record.sql, problem);
    Record expected = record;
    for (auto& line : expected.expected_lines) {
      const std::optional<std::string> substituted = Substitute(line, problem);
      if (!substituted) return Fail(record.line, *sql, problem);
      line = *substituted;
    }
    ResultRows rows;
    size_t num_columns = 0;
    try {
      const QueryResult result = connection_->Query(*sql);
      num_columns = result.NumColumns();
      rows = RenderRows(result);
    } catch (const Error& error) {
      return Fail(record.line, *sql, "query failed:\n" + FormatErrorWithContext(error, *sql));
    } catch (const std::exception& error) {
      return Fail(record.line, *sql,
                  std::string("internal error (not a basin::Error): ") + error.what());
    }
    if (num_columns != record.column_types.size()) {
      return Fail(record.line, *sql,
                  "query declares " + std::to_string(record.column_types.size()) + " columns (" +
                      record.column_types + "), the result has " + std::to_string(num_columns));
    }
    const Comparison comparison = CompareQueryResult(expected, rows, num_columns);
    if (!comparison.matches) return Fail(record.line, *sql, comparison.explanation);
    if (!record.label.empty()) {
      // Queries with the same label must return the same values.
      const std::string hash = HashValues(OrderedValues(rows, record.sort));
      const auto [it, inserted] = labels_.emplace(record.label, std::make_pair(hash, record.line));
      if (!inserted && it->second.first != hash) {
        return Fail(record.line, *sql,
                    "result differs from the query labelled \"" + record.label + "\" at line " +
                        std::to_string(it->second.second));
      }
    }
    ++stats_.passed;
  }

  static ResultRows RenderRows(const QueryResult& result) {
    ResultRows rows;
    rows.reserve(result.NumRows());
    for (const auto& batch : result.batches) {
      for (uint32_t row = 0; row < batch.size; ++row) {
        auto& cells = rows.emplace_back();
        for (const auto& column : batch.columns) {
          const Value value = column.GetValue(row);
          cells.push_back(CellText(value.is_null() ? std::nullopt
                                                   : std::optional<std::string>(value.ToString(*result.time_zone))));
        }
      }
    }
    return rows;
  }

  const fs::path path_;
  const RunnerOptions& options_;
  std::ostream& out_;
  const std::optional<fs::path> shared_dir_;
  std::unique_ptr<TempDirectory> temp_dir_;  // made on first use of __TEST_DIR__
  std::unique_ptr<Database> database_;
  std::unique_ptr<Connection> connection_;  // after database_: destroyed before it
  std::map<std::string, std::pair<std::string, int>> labels_;  // label -> hash, line
  RunStats stats_;
};

}  // namespace

RunStats& RunStats::operator+=(const RunStats& other) {
  passed += other.passed;
  failed += other.failed;
  skipped += other.skipped;
  stopped = stopped || other.stopped;
  return *this;
}

std::optional<fs::path> FindSharedDir(const fs::path& test_file) {
  if (const char* env = std::getenv("BASIN_SHARED_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  std::error_code error;
  fs::path dir = fs::absolute(test_file, error).parent_path();
  while (!error && !dir.empty()) {
    // The repository root: a git checkout, or the top CMakeLists.txt beside src/.
    const bool is_repo_root =
        fs::exists(dir / ".git", error) ||
        (fs::exists(dir / "CMakeLists.txt", error) && fs::is_directory(dir / "src", error));
    if (is_repo_root && fs::is_directory(dir.parent_path() / "shared", error)) {
      return dir.parent_path() / "shared";
    }
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

RunStats RunTestFile(const fs::path& path, const RunnerOptions& options, std::ostream& out) {
  return FileRunner(path, options, out).Run();
}

}  // namespace basin::sqllogictest
