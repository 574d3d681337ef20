// src/sql/parser/parser.cc
// Entry points, the token cursor, name rules and nesting limits of the parser.
#include "sql/parser/parser.h"

#include <algorithm>

#include "sql/parser/lexer.h"
#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

// SQLSTATE 54001 (statement_too_complex), as PostgreSQL reports deep nesting.
constexpr SqlState kStatementTooComplex{{'5', '4', '0', '0', '1'}};

}  // namespace

Parser::Parser(const std::string& sql) : sql_(sql), tokens_(Tokenize(sql)) {}

// ---- Token cursor ----

const Token& Parser::Peek(size_t ahead) const {
  const size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
  return tokens_[index];
}

const Token& Parser::Advance() {
  const Token& token = tokens_[pos_];
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return token;
}

bool Parser::AcceptWord(std::string_view word) {
  if (!IsWord(word)) return false;
  Advance();
  return true;
}

void Parser::ExpectWord(std::string_view word) {
  if (!AcceptWord(word)) SyntaxErrorHere();
}

bool Parser::Accept(TokenKind kind) {
  if (!IsKind(kind)) return false;
  Advance();
  return true;
}

const Token& Parser::Expect(TokenKind kind) {
  if (!IsKind(kind)) SyntaxErrorHere();
  return Advance();
}

bool Parser::AcceptOperator(std::string_view op) {
  if (!Peek().IsOperator(op)) return false;
  Advance();
  return true;
}

void Parser::ExpectOperator(std::string_view op) {
  if (!AcceptOperator(op)) SyntaxErrorHere();
}

SourceSpan Parser::SpanFrom(uint32_t start) const {
  if (pos_ == 0) return SourceSpan{start, 0};
  const Token& last = tokens_[pos_ - 1];
  const uint32_t end = last.offset + last.length;
  return SourceSpan{start, end > start ? end - start : 0};
}

void Parser::SyntaxError(const Token& token) const {
  if (token.kind == TokenKind::kEnd) {
    throw Error(sqlstate::kSyntaxError, "syntax error at end of input", token.span());
  }
  ErrorAt(token, "syntax error");
}

void Parser::ErrorAt(const Token& token, const std::string& message) const {
  if (token.kind == TokenKind::kEnd) {
    throw Error(sqlstate::kSyntaxError, message + " at end of input", token.span());
  }
  throw Error(sqlstate::kSyntaxError,
              message + " at or near \"" + sql_.substr(token.offset, token.length) + "\"",
              token.span());
}

// ---- Names ----

KeywordCategory Parser::CategoryOf(const Token& token) {
  if (token.kind != TokenKind::kIdentifier) return KeywordCategory::kNone;
  return KeywordCategoryOf(token.text);
}

bool Parser::IsColId(const Token& token) const {
  if (token.kind == TokenKind::kQuotedIdentifier) return true;
  if (token.kind != TokenKind::kIdentifier) return false;
  const KeywordCategory category = CategoryOf(token);
  return category != KeywordCategory::kReserved && category != KeywordCategory::kTypeFuncName;
}

std::string Parser::ParseColId() {
  if (!IsColId(Peek())) SyntaxErrorHere();
  return Advance().text;
}

bool Parser::IsColLabel(const Token& token) const {
  return token.kind == TokenKind::kIdentifier || token.kind == TokenKind::kQuotedIdentifier;
}

std::string Parser::ParseColLabel() {
  if (!IsColLabel(Peek())) SyntaxErrorHere();
  return Advance().text;
}

std::vector<std::string> Parser::ParseQualifiedName() {
  std::vector<std::string> parts;
  parts.push_back(ParseColId());
  while (IsKind(TokenKind::kDot) && IsColLabel(Peek(1))) {
    Advance();
    parts.push_back(Advance().text);
  }
  return parts;
}

std::vector<std::string> Parser::ParseNameList() {
  Expect(TokenKind::kLeftParen);
  std::vector<std::string> names;
  do {
    names.push_back(ParseColId());
  } while (Accept(TokenKind::kComma));
  Expect(TokenKind::kRightParen);
  return names;
}

bool Parser::IsQueryStart(size_t ahead) const {
  const Token& token = Peek(ahead);
  return token.IsWord("select") || token.IsWord("values") || token.IsWord("with") ||
         token.IsWord("table");
}

// ---- Nesting limits ----

void Parser::TooDeep() const {
  throw Error(kStatementTooComplex,
              "statement is nested too deeply (more than " + std::to_string(kMaxParseDepth) +
                  " levels)",
              Peek().span());
}

Parser::DepthGuard::DepthGuard(Parser& parser) : parser_(parser) {
  if (++parser_.depth_ > kMaxParseDepth) {
    --parser_.depth_;
    parser_.TooDeep();
  }
  parser_.peak_ = std::max(parser_.peak_, parser_.depth_);
}

Parser::ChainHeight::ChainHeight(Parser& parser)
    : parser_(parser), base_(parser.depth_), saved_peak_(parser.peak_) {
  parser_.peak_ = base_;
}

Parser::ChainHeight::~ChainHeight() {
  parser_.peak_ = std::max(saved_peak_, base_ + height_);
}

void Parser::ChainHeight::FirstOperandDone() {
  height_ = std::max(height_, parser_.peak_ - base_);
  parser_.peak_ = base_;
}

void Parser::ChainHeight::Link() {
  height_ = std::max(height_, parser_.peak_ - base_) + 1;
  parser_.peak_ = base_;
  if (base_ + height_ > kMaxParseDepth) parser_.TooDeep();
}

void Parser::ChainHeight::LinkFlat() {
  height_ = std::max(height_, parser_.peak_ - base_ + 1);
  parser_.peak_ = base_;
  if (base_ + height_ > kMaxParseDepth) parser_.TooDeep();
}

// ---- Entry points ----

std::vector<StatementPtr> Parser::ParseStatementList() {
  std::vector<StatementPtr> statements;
  while (true) {
    while (Accept(TokenKind::kSemicolon)) {
    }
    if (IsKind(TokenKind::kEnd)) break;
    statements.push_back(ParseStatement());
    if (!IsKind(TokenKind::kEnd)) Expect(TokenKind::kSemicolon);
  }
  return statements;
}

ExprPtr Parser::ParseSingleExpression() {
  ExprPtr expr = ParseExpr();
  if (!IsKind(TokenKind::kEnd)) SyntaxErrorHere();
  return expr;
}

TypeName Parser::ParseSingleType() {
  TypeName type = ParseType();
  if (!IsKind(TokenKind::kEnd)) SyntaxErrorHere();
  return type;
}

std::vector<std::unique_ptr<Statement>> ParseStatements(const std::string& sql) {
  return Parser(sql).ParseStatementList();
}

std::unique_ptr<Expr> ParseExpression(const std::string& sql) {
  return Parser(sql).ParseSingleExpression();
}

TypeName ParseTypeName(const std::string& sql) { return Parser(sql).ParseSingleType(); }

}  // namespace basin::ast
