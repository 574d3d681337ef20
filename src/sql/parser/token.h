// src/sql/parser/token.h
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace basin::ast {

enum class TokenKind : uint8_t {
  kEnd,               // end of input; offset is the length of the SQL text
  kIdentifier,        // unquoted word, folded to lower case (keywords included)
  kQuotedIdentifier,  // "Quoted" identifier, case kept, "" unescaped
  kNumber,            // numeric literal; text has underscores removed
  kString,            // string literal of any quoting style; text is the decoded value
  kParameter,         // $n; text holds the digits
  kOperator,          // + - * / < = <> || ~ ... ; != is normalized to <>
  kComma,
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kDot,
  kSemicolon,
  kColon,
  kDoubleColon,  // ::
  kColonEquals,  // :=
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  // Processed value (see TokenKind); the raw text is sql.substr(offset, length).
  std::string text;
  uint32_t offset = 0;
  uint32_t length = 0;

  SourceSpan span() const { return SourceSpan{offset, length}; }
  // True for an unquoted word equal to `word` (which must be lower case).
  bool IsWord(std::string_view word) const {
    return kind == TokenKind::kIdentifier && text == word;
  }
  bool IsOperator(std::string_view op) const {
    return kind == TokenKind::kOperator && text == op;
  }
};

// A short human name of a token kind, for internal diagnostics and tests.
std::string_view TokenKindName(TokenKind kind);

}  // namespace basin::ast
