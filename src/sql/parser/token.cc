// src/sql/parser/token.cc
#include "sql/parser/token.h"

namespace basin::ast {

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd: return "end of input";
    case TokenKind::kIdentifier: return "identifier";
    case TokenKind::kQuotedIdentifier: return "quoted identifier";
    case TokenKind::kNumber: return "number";
    case TokenKind::kString: return "string";
    case TokenKind::kParameter: return "parameter";
    case TokenKind::kOperator: return "operator";
    case TokenKind::kComma: return ",";
    case TokenKind::kLeftParen: return "(";
    case TokenKind::kRightParen: return ")";
    case TokenKind::kLeftBracket: return "[";
    case TokenKind::kRightBracket: return "]";
    case TokenKind::kDot: return ".";
    case TokenKind::kSemicolon: return ";";
    case TokenKind::kColon: return ":";
    case TokenKind::kDoubleColon: return "::";
    case TokenKind::kColonEquals: return ":=";
  }
  return "?";
}

}  // namespace basin::ast
