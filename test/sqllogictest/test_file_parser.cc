// test/sqllogictest/test_file_parser.cc
#include "test_file_parser.h"

#include <charconv>
#include <regex>

namespace basin::sqllogictest {
namespace {

// What the first pass sees: records, and loop markers still in place.
struct LoopMarker {
  std::string variable;
  std::vector<std::string> values;
};
struct Item {
  enum class Kind { kRecord, kLoopStart, kLoopEnd };
  Kind kind = Kind::kRecord;
  Record record;
  LoopMarker loop;
  int line = 0;
};

std::string TrimRight(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) {
    --end;
  }
  return std::string(text.substr(0, end));
}

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') ++pos;
    if (pos > start) words.emplace_back(line.substr(start, pos - start));
  }
  return words;
}

bool IsSqlState(std::string_view word) {
  if (word.size() != 5) return false;
  for (const char c : word) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

std::optional<ExpectedHash> ParseHashLine(const std::string& line) {
  static const std::regex kHashLine("^([0-9]+) values hashing to ([0-9a-f]{32})$");
  std::smatch match;
  if (!std::regex_match(line, match, kHashLine)) return std::nullopt;
  return ExpectedHash{std::stoull(match[1].str()), match[2].str()};
}

class Parser {
 public:
  explicit Parser(std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(TrimRight(text.substr(start, end - start)));
      start = end + 1;
    }
  }

  void Run(std::vector<Item>& items, std::vector<ParseError>& errors) {
    std::vector<std::string> skip_if;
    std::vector<std::string> only_if;
    while (next_ < lines_.size()) {
      const int line_number = static_cast<int>(next_) + 1;
      const std::string& line = lines_[next_++];
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> words = SplitWords(line);
      const std::string& command = words[0];
      auto fail = [&](std::string message) {
        errors.push_back({line_number, std::move(message)});
        SkipBlock();
        skip_if.clear();
        only_if.clear();
      };
      if (command == "skipif" || command == "onlyif") {
        if (words.size() < 2) {
          fail(command + " needs an engine name");
          continue;
        }
        (command == "skipif" ? skip_if : only_if).push_back(words[1]);
        continue;
      }
      Item item;
      item.line = line_number;
      Record& record = item.record;
      record.line = line_number;
      record.skip_if = std::move(skip_if);
      record.only_if = std::move(only_if);
      skip_if.clear();
      only_if.clear();
      if (command == "statement") {
        if (words.size() < 2 || (words[1] != "ok" && words[1] != "error")) {
          fail("expected \"statement ok\" or \"statement error\"");
          continue;
        }
        record.expect_error = words[1] == "error";
        if (words.size() > 2) {
          if (!record.expect_error || !IsSqlState(words[2]) || words.size() > 3) {
            fail("unexpected text after \"statement " + words[1] + "\"");
            continue;
          }
          record.expected_state = words[2];
        }
        std::vector<std::string> message;
        ReadBody(record.sql, record.expect_error ? &message : nullptr);
        for (size_t i = 0; i < message.size(); ++i) {
          record.expected_message += (i > 0 ? "\n" : "") + message[i];
        }
      } else if (command == "query") {
        if (words.size() < 2) {
          fail("query needs column types, e.g. \"query IT\"");
          continue;
        }
        record.kind = RecordKind::kQuery;
        record.column_types = words[1];
        size_t next_word = 2;
        if (words.size() > 2) {
          if (words[2] == "nosort") {
            ++next_word;
          } else if (words[2] == "rowsort") {
            record.sort = SortMode::kRowSort;
            ++next_word;
          } else if (words[2] == "valuesort") {
            record.sort = SortMode::kValueSort;
            ++next_word;
          }
        }
        if (next_word < words.size()) record.label = words[next_word++];
        if (next_word < words.size()) {
          fail("unexpected text after the query label");
          continue;
        }
        ReadBody(record.sql, &record.expected_lines);
        if (record.expected_lines.size() == 1) {
          record.expected_hash = ParseHashLine(record.expected_lines[0]);
        }
      } else if (command == "halt" || command == "restart") {
        record.kind = command == "halt" ? RecordKind::kHalt : RecordKind::kRestart;
      } else if (command == "require" || command == "load") {
        if (words.size() < 2) {
          fail(command + " needs an argument");
          continue;
        }
        record.kind = command == "require" ? RecordKind::kRequire : RecordKind::kLoad;
        record.argument = words[1];
      } else if (command == "mode") {
        if (words.size() < 2) {
          fail("mode needs skip or unskip");
          continue;
        }
        if (words[1] != "skip" && words[1] != "unskip") continue;  // others' output modes
        record.kind = words[1] == "skip" ? RecordKind::kModeSkip : RecordKind::kModeUnskip;
      } else if (command == "hash-threshold") {
        continue;  // both result forms are always accepted
      } else if (command == "loop" || command == "concurrentloop") {
        int from = 0;
        int to = 0;
        if (words.size() != 4 || !ParseInt(words[2], from) || !ParseInt(words[3], to)) {
          fail("expected \"loop VARIABLE FROM TO\"");
          continue;
        }
        item.kind = Item::Kind::kLoopStart;
        item.loop.variable = words[1];
        for (int i = from; i < to; ++i) item.loop.values.push_back(std::to_string(i));
      } else if (command == "foreach") {
        if (words.size() < 3) {
          fail("expected \"foreach VARIABLE VALUE...\"");
          continue;
        }
        item.kind = Item::Kind::kLoopStart;
        item.loop.variable = words[1];
        item.loop.values.assign(words.begin() + 2, words.end());
      } else if (command == "endloop") {
        item.kind = Item::Kind::kLoopEnd;
      } else {
        fail("unknown record type \"" + command + "\"");
        continue;
      }
      items.push_back(std::move(item));
    }
  }

 private:
  static bool ParseInt(const std::string& text, int& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
  }

  // Reads SQL lines up to a blank line or "----"; after "----", the lines up to the
  // next blank line go to `expected` (or are ignored when it is null).
  void ReadBody(std::string& sql, std::vector<std::string>* expected) {
    bool in_expected = false;
    while (next_ < lines_.size() && !lines_[next_].empty()) {
      const std::string& line = lines_[next_++];
      if (!in_expected && line == "----") {
        in_expected = true;
      } else if (in_expected) {
        if (expected != nullptr) expected->push_back(line);
      } else {
        if (!sql.empty()) sql += '\n';
        sql += line;
      }
    }
  }

  void SkipBlock() {
    while (next_ < lines_.size() && !lines_[next_].empty()) ++next_;
  }

  std::vector<std::string> lines_;
  size_t next_ = 0;
};

void Substitute(Record& record, const std::string& variable, const std::string& value) {
  const std::string pattern = "${" + variable + "}";
  record.sql = ReplaceAll(std::move(record.sql), pattern, value);
  record.expected_message = ReplaceAll(std::move(record.expected_message), pattern, value);
  record.argument = ReplaceAll(std::move(record.argument), pattern, value);
  for (auto& line : record.expected_lines) line = ReplaceAll(std::move(line), pattern, value);
}

// Unrolls items[begin, ..) up to the matching endloop (when `loop_line` > 0, the
// line of its loop) or the end. Returns the index just past what it consumed.
size_t Expand(const std::vector<Item>& items, size_t begin, int loop_line, std::vector<Record>& out,
              std::vector<ParseError>& errors) {
  size_t i = begin;
  while (i < items.size()) {
    const Item& item = items[i];
    if (item.kind == Item::Kind::kLoopEnd) {
      if (loop_line > 0) return i + 1;
      errors.push_back({item.line, "endloop without loop"});
      ++i;
    } else if (item.kind == Item::Kind::kRecord) {
      out.push_back(item.record);
      ++i;
    } else {
      // A loop: unroll its body once, then copy it once per value.
      std::vector<Record> body;
      i = Expand(items, i + 1, item.line, body, errors);
      for (const std::string& value : item.loop.values) {
        for (Record record : body) {
          Substitute(record, item.loop.variable, value);
          out.push_back(std::move(record));
        }
      }
    }
  }
  if (loop_line > 0) errors.push_back({loop_line, "loop without endloop"});
  return i;
}

}  // namespace

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

TestFile ParseTestFile(std::string_view text) {
  TestFile file;
  std::vector<Item> items;
  Parser(text).Run(items, file.errors);
  Expand(items, 0, /*loop_line=*/0, file.records, file.errors);
  return file;
}

}  // namespace basin::sqllogictest
