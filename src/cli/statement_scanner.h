// src/cli/statement_scanner.h
#pragma once

#include <string>
#include <string_view>

namespace basin::cli {

// What a lexical scan of SQL text found. The scanner knows just enough of
// PostgreSQL's lexer to tell where a statement ends: a ';' outside string literals
// ('..', E'..'), quoted identifiers, dollar quotes ($tag$..$tag$), comments (--, and
// nested /* */) and parentheses, as psql decides when to send a query.
struct ScanResult {
  // Bytes [0, complete_end) are whole statements, ending just past their last ';'.
  size_t complete_end = 0;
  // Whether anything but whitespace and comments follows complete_end.
  bool has_pending_text = false;
  // Whether the text ends inside a literal, identifier, dollar quote or comment.
  bool inside_token = false;
};

ScanResult ScanStatements(std::string_view sql);

// Whether `sql` holds nothing but whitespace and comments.
bool IsBlankSql(std::string_view sql);

// Collects input lines until they form complete statements: the shell's and
// script runner's query buffer.
class StatementBuffer {
 public:
  // Appends one line (without its newline). Returns the complete statements now
  // available, to be run as one text, and keeps what follows them; empty if none.
  std::string AddLine(std::string_view line);
  // Whether nothing but whitespace and comments is pending.
  bool empty() const { return pending_.empty(); }
  // Empties the buffer, returning what was pending (the last statement of a file
  // may lack its ';'). Blank text comes back as "".
  std::string TakePending();
  void Clear() { pending_.clear(); }

 private:
  std::string pending_;
};

}  // namespace basin::cli
