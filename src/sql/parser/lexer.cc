// src/sql/parser/lexer.cc
#include "sql/parser/lexer.h"

#include <cstring>

namespace basin::ast {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// Bytes >= 0x80 are parts of UTF-8 sequences; PostgreSQL lets them form identifiers.
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c) || c == '$'; }
bool IsOperatorChar(char c) { return c != '\0' && std::strchr("~!@#^&|`?+-*/%<>=", c) != nullptr; }
// A multi-character operator may end in + or - only if it holds one of these;
// otherwise `a=-1` would lex as `a =- 1`.
bool IsNonMathOperatorChar(char c) { return c != '\0' && std::strchr("~!@#^&|`?", c) != nullptr; }

void AppendUtf8(uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  explicit Lexer(const std::string& sql) : sql_(sql), size_(sql.size()) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpaceAndComments();
      if (pos_ >= size_) break;
      tokens.push_back(Next());
    }
    Token end;
    end.kind = TokenKind::kEnd;
    end.offset = static_cast<uint32_t>(size_);
    tokens.push_back(std::move(end));
    return tokens;
  }

 private:
  char At(size_t i) const { return i < size_ ? sql_[i] : '\0'; }

  [[noreturn]] void Fail(const std::string& what, size_t start, size_t end) const {
    // PostgreSQL quotes the rest of the input from the bad token on.
    throw Error(sqlstate::kSyntaxError,
                what + " at or near \"" + sql_.substr(start, end - start) + "\"",
                SourceSpan{static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)});
  }

  void SkipSpaceAndComments() {
    while (pos_ < size_) {
      const char c = sql_[pos_];
      if (IsSpace(c)) {
        ++pos_;
      } else if (c == '-' && At(pos_ + 1) == '-') {
        while (pos_ < size_ && sql_[pos_] != '\n') ++pos_;
      } else if (c == '/' && At(pos_ + 1) == '*') {
        SkipBlockComment();
      } else {
        return;
      }
    }
  }

  void SkipBlockComment() {
    const size_t start = pos_;
    int depth = 0;
    while (pos_ < size_) {
      if (sql_[pos_] == '/' && At(pos_ + 1) == '*') {
        ++depth;
        pos_ += 2;
      } else if (sql_[pos_] == '*' && At(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        ++pos_;
      }
    }
    Fail("unterminated /* comment", start, size_);
  }

  Token Make(TokenKind kind, std::string text, size_t start) const {
    Token token;
    token.kind = kind;
    token.text = std::move(text);
    token.offset = static_cast<uint32_t>(start);
    token.length = static_cast<uint32_t>(pos_ - start);
    return token;
  }

  Token Next() {
    const size_t start = pos_;
    const char c = sql_[pos_];
    if ((c == 'e' || c == 'E') && At(pos_ + 1) == '\'') {
      ++pos_;
      return LexString(start, /*escapes=*/true);
    }
    if (IsIdentStart(c)) return LexWord(start);
    if (IsDigit(c) || (c == '.' && IsDigit(At(pos_ + 1)))) return LexNumber(start);
    switch (c) {
      case '\'': return LexString(start, /*escapes=*/false);
      case '"': return LexQuotedIdentifier(start);
      case '$': return LexDollar(start);
      case ',': ++pos_; return Make(TokenKind::kComma, ",", start);
      case '(': ++pos_; return Make(TokenKind::kLeftParen, "(", start);
      case ')': ++pos_; return Make(TokenKind::kRightParen, ")", start);
      case '[': ++pos_; return Make(TokenKind::kLeftBracket, "[", start);
      case ']': ++pos_; return Make(TokenKind::kRightBracket, "]", start);
      case ';': ++pos_; return Make(TokenKind::kSemicolon, ";", start);
      case '.': ++pos_; return Make(TokenKind::kDot, ".", start);
      case ':':
        if (At(pos_ + 1) == ':') {
          pos_ += 2;
          return Make(TokenKind::kDoubleColon, "::", start);
        }
        if (At(pos_ + 1) == '=') {
          pos_ += 2;
          return Make(TokenKind::kColonEquals, ":=", start);
        }
        ++pos_;
        return Make(TokenKind::kColon, ":", start);
      default: break;
    }
    if (IsOperatorChar(c)) return LexOperator(start);
    Fail("syntax error", start, start + 1);
  }

  Token LexWord(size_t start) {
    std::string text;
    while (pos_ < size_ && IsIdentChar(sql_[pos_])) {
      char ch = sql_[pos_++];
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      text += ch;
    }
    return Make(TokenKind::kIdentifier, std::move(text), start);
  }

  Token LexQuotedIdentifier(size_t start) {
    ++pos_;
    std::string text;
    while (true) {
      if (pos_ >= size_) Fail("unterminated quoted identifier", start, size_);
      if (sql_[pos_] == '"') {
        if (At(pos_ + 1) == '"') {
          text += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      text += sql_[pos_++];
    }
    if (text.empty()) Fail("zero-length delimited identifier", start, pos_);
    return Make(TokenKind::kQuotedIdentifier, std::move(text), start);
  }

  // Digits with single underscores between them (PostgreSQL 16's 1_000 form).
  void ScanDigits(std::string& text) {
    while (pos_ < size_) {
      if (IsDigit(sql_[pos_])) {
        text += sql_[pos_++];
      } else if (sql_[pos_] == '_' && !text.empty() && IsDigit(text.back()) &&
                 IsDigit(At(pos_ + 1))) {
        ++pos_;
      } else {
        break;
      }
    }
  }

  Token LexNumber(size_t start) {
    std::string text;
    ScanDigits(text);
    // "1..5" is an integer followed by "..", as in PostgreSQL.
    if (At(pos_) == '.' && At(pos_ + 1) != '.') {
      text += '.';
      ++pos_;
      ScanDigits(text);
    }
    if ((At(pos_) == 'e' || At(pos_) == 'E') &&
        (IsDigit(At(pos_ + 1)) ||
         ((At(pos_ + 1) == '+' || At(pos_ + 1) == '-') && IsDigit(At(pos_ + 2))))) {
      text += 'e';
      ++pos_;
      if (sql_[pos_] == '+' || sql_[pos_] == '-') text += sql_[pos_++];
      ScanDigits(text);
    }
    if (pos_ < size_ && IsIdentChar(sql_[pos_])) {
      size_t end = pos_;
      while (end < size_ && IsIdentChar(sql_[end])) ++end;
      Fail("trailing junk after numeric literal", start, end);
    }
    return Make(TokenKind::kNumber, std::move(text), start);
  }

  // After the opening quote of a '' or E'' literal. Concatenates continuation
  // literals that follow after whitespace containing a newline (SQL standard).
  Token LexString(size_t start, bool escapes) {
    std::string text;
    ++pos_;  // the opening quote
    while (true) {
      ScanStringBody(start, escapes, text);
      size_t look = pos_;
      bool newline = false;
      while (look < size_) {
        if (sql_[look] == '\n') newline = true;
        if (IsSpace(sql_[look])) {
          ++look;
        } else if (sql_[look] == '-' && At(look + 1) == '-') {
          while (look < size_ && sql_[look] != '\n') ++look;
        } else {
          break;
        }
      }
      if (!newline || At(look) != '\'') break;
      pos_ = look + 1;
    }
    return Make(TokenKind::kString, std::move(text), start);
  }

  void ScanStringBody(size_t start, bool escapes, std::string& text) {
    while (true) {
      if (pos_ >= size_) Fail("unterminated quoted string", start, size_);
      const char c = sql_[pos_];
      if (c == '\'') {
        if (At(pos_ + 1) == '\'') {
          text += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return;
      }
      if (c == '\\' && escapes) {
        ScanEscape(text);
        continue;
      }
      text += c;
      ++pos_;
    }
  }

  // At a backslash inside E'...'.
  void ScanEscape(std::string& text) {
    const size_t start = pos_;
    ++pos_;
    if (pos_ >= size_) return;  // the caller reports the unterminated string
    const char c = sql_[pos_++];
    switch (c) {
      case 'b': text += '\b'; return;
      case 'f': text += '\f'; return;
      case 'n': text += '\n'; return;
      case 'r': text += '\r'; return;
      case 't': text += '\t'; return;
      case 'x': {
        int value = 0, digits = 0;
        while (digits < 2 && HexValue(At(pos_)) >= 0) value = value * 16 + HexValue(sql_[pos_++]), ++digits;
        if (digits == 0) {
          text += 'x';
          return;
        }
        text += static_cast<char>(value);
        return;
      }
      case 'u':
      case 'U': {
        const int want = c == 'u' ? 4 : 8;
        uint32_t value = 0;
        for (int i = 0; i < want; ++i) {
          const int digit = HexValue(At(pos_));
          if (digit < 0) Fail("invalid Unicode escape", start, pos_);
          value = value * 16 + static_cast<uint32_t>(digit);
          ++pos_;
        }
        if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
          Fail("invalid Unicode escape value", start, pos_);
        }
        AppendUtf8(value, text);
        return;
      }
      default:
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int i = 0; i < 2 && At(pos_) >= '0' && At(pos_) <= '7'; ++i) {
            value = value * 8 + (sql_[pos_++] - '0');
          }
          text += static_cast<char>(value & 0xFF);
          return;
        }
        text += c;
    }
  }

  Token LexDollar(size_t start) {
    if (IsDigit(At(pos_ + 1))) {
      ++pos_;
      std::string digits;
      while (pos_ < size_ && IsDigit(sql_[pos_])) digits += sql_[pos_++];
      if (pos_ < size_ && IsIdentChar(sql_[pos_])) {
        size_t end = pos_;
        while (end < size_ && IsIdentChar(sql_[end])) ++end;
        Fail("trailing junk after parameter", start, end);
      }
      return Make(TokenKind::kParameter, std::move(digits), start);
    }
    // Dollar quoting: $tag$ ... $tag$, where the tag may be empty.
    size_t tag_end = pos_ + 1;
    if (IsIdentStart(At(tag_end)) || At(tag_end) == '$') {
      while (tag_end < size_ && IsIdentChar(sql_[tag_end]) && sql_[tag_end] != '$') ++tag_end;
    }
    if (At(tag_end) != '$') Fail("syntax error", start, start + 1);
    const std::string tag = sql_.substr(pos_, tag_end - pos_ + 1);
    const size_t body = tag_end + 1;
    const size_t close = sql_.find(tag, body);
    if (close == std::string::npos) Fail("unterminated dollar-quoted string", start, size_);
    pos_ = close + tag.size();
    return Make(TokenKind::kString, sql_.substr(body, close - body), start);
  }

  Token LexOperator(size_t start) {
    size_t end = pos_;
    while (end < size_ && IsOperatorChar(sql_[end])) {
      // A comment start ends the operator: "a+--x" is "a +" then a comment.
      if (end > start && ((sql_[end] == '-' && At(end + 1) == '-') ||
                          (sql_[end] == '/' && At(end + 1) == '*'))) {
        break;
      }
      ++end;
    }
    size_t length = end - start;
    if (length > 1 && (sql_[end - 1] == '+' || sql_[end - 1] == '-')) {
      bool has_non_math = false;
      for (size_t i = start; i < end; ++i) has_non_math |= IsNonMathOperatorChar(sql_[i]);
      if (!has_non_math) {
        while (length > 1 && (sql_[start + length - 1] == '+' || sql_[start + length - 1] == '-')) {
          --length;
        }
      }
    }
    pos_ = start + length;
    std::string text = sql_.substr(start, length);
    if (text == "!=") text = "<>";
    return Make(TokenKind::kOperator, std::move(text), start);
  }

  const std::string& sql_;
  const size_t size_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<Token> Tokenize(const std::string& sql) {
  if (sql.size() > UINT32_MAX / 2) {
    throw Error(sqlstate::kSyntaxError, "statement text is too long");
  }
  return Lexer(sql).Run();
}

}  // namespace basin::ast
