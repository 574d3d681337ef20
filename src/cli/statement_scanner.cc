// src/cli/statement_scanner.cc
#include "cli/statement_scanner.h"

namespace basin::cli {
namespace {

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// If a dollar-quote opening tag ($$ or $name$) starts at `pos`, its length; else 0.
// "$1" is a parameter, and "a$b$" part of an identifier, not a quote.
size_t DollarTagLength(std::string_view sql, size_t pos) {
  if (pos > 0 && IsIdentifierChar(sql[pos - 1])) return 0;
  size_t end = pos + 1;
  if (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') return 0;
  while (end < sql.size() && sql[end] != '$') {
    if (!IsIdentifierChar(sql[end]) || sql[end] == '$') return 0;
    ++end;
  }
  if (end >= sql.size()) return 0;
  return end - pos + 1;
}

// Scans one token that opens at `pos` (a quote, comment or dollar quote). Returns the
// position just past it, or npos if the text ends inside it.
size_t SkipQuotedToken(std::string_view sql, size_t pos) {
  const char c = sql[pos];
  if (c == '\'' || c == '"') {
    // E'...' strings take backslash escapes; with standard_conforming_strings (the
    // default) ordinary ones do not.
    const bool backslash_escapes = c == '\'' && pos > 0 &&
                                   (sql[pos - 1] == 'e' || sql[pos - 1] == 'E') &&
                                   (pos < 2 || !IsIdentifierChar(sql[pos - 2]));
    for (size_t i = pos + 1; i < sql.size(); ++i) {
      if (backslash_escapes && sql[i] == '\\') {
        ++i;
      } else if (sql[i] == c) {
        if (i + 1 < sql.size() && sql[i + 1] == c) {
          ++i;  // a doubled quote stands for itself
        } else {
          return i + 1;
        }
      }
    }
    return std::string_view::npos;
  }
  if (c == '-') {  // "--" comment, to the end of the line
    const size_t end = sql.find('\n', pos);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (c == '/') {  // "/*" comment; PostgreSQL's nest
    int depth = 0;
    for (size_t i = pos; i + 1 < sql.size(); ++i) {
      if (sql[i] == '/' && sql[i + 1] == '*') {
        ++depth;
        ++i;
      } else if (sql[i] == '*' && sql[i + 1] == '/') {
        ++i;
        if (--depth == 0) return i + 1;
      }
    }
    return std::string_view::npos;
  }
  // A dollar quote: ends at the next occurrence of the same tag.
  const size_t tag_length = DollarTagLength(sql, pos);
  const size_t end = sql.find(sql.substr(pos, tag_length), pos + tag_length);
  return end == std::string_view::npos ? end : end + tag_length;
}

bool OpensToken(std::string_view sql, size_t pos) {
  const char c = sql[pos];
  const char next = pos + 1 < sql.size() ? sql[pos + 1] : '\0';
  return c == '\'' || c == '"' || (c == '-' && next == '-') || (c == '/' && next == '*') ||
         (c == '$' && DollarTagLength(sql, pos) > 0);
}

}  // namespace

ScanResult ScanStatements(std::string_view sql) {
  ScanResult result;
  int paren_depth = 0;
  bool text_since_end = false;
  size_t pos = 0;
  while (pos < sql.size()) {
    const char c = sql[pos];
    if (OpensToken(sql, pos)) {
      const bool is_comment = c == '-' || c == '/';
      const size_t end = SkipQuotedToken(sql, pos);
      if (!is_comment) text_since_end = true;
      if (end == std::string_view::npos) {
        // The text ends inside a literal, quoted name, dollar quote or /* comment.
        result.inside_token = true;
        break;
      }
      pos = end;
      continue;
    }
    if (c == '(') {
      ++paren_depth;
    } else if (c == ')') {
      if (paren_depth > 0) --paren_depth;  // unbalanced: let the parser complain
    } else if (c == ';' && paren_depth == 0) {
      result.complete_end = pos + 1;
      text_since_end = false;
      ++pos;
      continue;
    }
    if (!IsSpace(c)) text_since_end = true;
    ++pos;
  }
  result.has_pending_text = text_since_end;
  return result;
}

bool IsBlankSql(std::string_view sql) {
  const ScanResult scan = ScanStatements(sql);
  return scan.complete_end == 0 && !scan.has_pending_text && !scan.inside_token;
}

std::string StatementBuffer::AddLine(std::string_view line) {
  pending_.append(line);
  pending_ += '\n';
  const ScanResult scan = ScanStatements(pending_);
  if (scan.complete_end == 0) {
    if (!scan.has_pending_text && !scan.inside_token) pending_.clear();  // only comments
    return "";
  }
  std::string complete = pending_.substr(0, scan.complete_end);
  pending_.erase(0, scan.complete_end);
  if (!scan.has_pending_text && !scan.inside_token) pending_.clear();
  return complete;
}

std::string StatementBuffer::TakePending() {
  std::string pending = std::move(pending_);
  pending_.clear();
  if (IsBlankSql(pending)) return "";
  return pending;
}

}  // namespace basin::cli
