// src/sql/parser/parse_primary.cc
// Primary expressions: literals, names and calls, parenthesized expressions and
// subqueries, CASE, ARRAY, typed literals.
#include <cstdlib>

#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

template <class T>
std::unique_ptr<T> MakeNode(SourceSpan span) {
  auto node = std::make_unique<T>();
  node->span = span;
  return node;
}

}  // namespace

ExprPtr Parser::ParsePrimary() {
  const Token& token = Peek();
  const uint32_t start = token.offset;
  switch (token.kind) {
    case TokenKind::kNumber: {
      auto node = MakeNode<Constant>(token.span());
      const bool integer = token.text.find_first_not_of("0123456789") == std::string::npos;
      node->constant_kind = integer ? ConstantKind::kInteger : ConstantKind::kNumeric;
      node->value = Advance().text;
      return node;
    }
    case TokenKind::kString: {
      auto node = MakeNode<Constant>(token.span());
      node->constant_kind = ConstantKind::kString;
      node->value = Advance().text;
      return node;
    }
    case TokenKind::kParameter: {
      if (token.text.size() > 9) ErrorAt(token, "parameter number too large");
      auto node = MakeNode<Parameter>(token.span());
      node->index = std::atoi(Advance().text.c_str());
      return node;
    }
    case TokenKind::kLeftParen:
      return ParenContentToExpr(ParseParenthesized());
    case TokenKind::kLeftBracket:  // ['a', 'b']: DuckDB's list literal, ARRAY['a', 'b']
      return ParseArray();
    case TokenKind::kQuotedIdentifier:
      return ParseNamePath();
    case TokenKind::kIdentifier:
      return ParseWordPrimary();
    case TokenKind::kOperator:
      if (token.text == "*") {
        Advance();
        return MakeNode<Star>(SpanFrom(start));
      }
      break;
    default:
      break;
  }
  SyntaxError(token);
}

ExprPtr Parser::ParseWordPrimary() {
  const Token& token = Peek();
  const uint32_t start = token.offset;
  const std::string& word = token.text;
  const bool call = IsKind(TokenKind::kLeftParen, 1);
  if (word == "true" || word == "false") {
    auto node = MakeNode<Constant>(token.span());
    node->constant_kind = ConstantKind::kBoolean;
    node->boolean = word == "true";
    Advance();
    return node;
  }
  if (word == "null") {
    auto node = MakeNode<Constant>(token.span());
    node->constant_kind = ConstantKind::kNull;
    Advance();
    return node;
  }
  if (word == "default") {
    Advance();
    return MakeNode<DefaultExpr>(SpanFrom(start));
  }
  if (word == "case") return ParseCase();
  if (word == "array") return ParseArray();
  if (word == "exists") {
    Advance();
    if (!IsKind(TokenKind::kLeftParen) || !(IsQueryStart(1) || IsKind(TokenKind::kLeftParen, 1))) {
      SyntaxErrorHere();
    }
    ParenContent content = ParseParenthesized();
    if (!content.query) SyntaxError(Peek());
    auto node = std::make_unique<SubqueryExpr>();
    node->subquery_kind = SubqueryKind::kExists;
    node->query = std::move(content.query);
    node->span = SpanFrom(start);
    return node;
  }
  if (word == "row" && call) {
    Advance();
    Advance();
    auto node = std::make_unique<RowExpr>();
    node->explicit_row = true;
    if (!IsKind(TokenKind::kRightParen)) node->fields = ParseExprList();
    Expect(TokenKind::kRightParen);
    node->span = SpanFrom(start);
    return node;
  }
  if (ExprPtr special = ParseSpecialFunction(token)) return special;
  if (ExprPtr keyword_call = ParseKeywordFunction()) return keyword_call;
  if (ExprPtr literal = TryParseTypedLiteral()) return literal;
  const KeywordCategory category = CategoryOf(token);
  if (category == KeywordCategory::kReserved) SyntaxError(token);
  if (category == KeywordCategory::kTypeFuncName && !call) SyntaxError(token);
  return ParseNamePath();
}

// name, name.name..., name.*, or a function call name(...).
ExprPtr Parser::ParseNamePath() {
  const uint32_t start = StartOffset();
  std::vector<std::string> parts;
  parts.push_back(Advance().text);
  while (IsKind(TokenKind::kDot)) {
    if (Peek(1).IsOperator("*")) {
      Advance();
      Advance();
      auto star = std::make_unique<Star>();
      star->qualifier = std::move(parts);
      star->span = SpanFrom(start);
      return star;
    }
    if (!IsColLabel(Peek(1))) SyntaxError(Peek(1));
    Advance();
    parts.push_back(Advance().text);
  }
  if (IsKind(TokenKind::kLeftParen)) return ParseFunctionCall(std::move(parts), start);
  auto node = std::make_unique<ColumnRef>();
  node->parts = std::move(parts);
  node->span = SpanFrom(start);
  return node;
}

// After '(' in expression context. A query may hide behind any number of
// parentheses, and a parenthesized query may continue as a query ("((SELECT 1)
// UNION SELECT 2)") or as an expression ("((SELECT 1) + 1)"): the innermost
// parentheses are parsed first and the continuation decides, without backtracking.
ParenContent Parser::ParseParenthesized() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  Expect(TokenKind::kLeftParen);
  ParenContent result;
  if (IsQueryStart()) {
    result.query = ParseQuery();
    Expect(TokenKind::kRightParen);
    result.span = SpanFrom(start);
    return result;
  }
  ExprPtr first;
  if (IsKind(TokenKind::kLeftParen)) {
    ChainHeight chain(*this);
    ParenContent inner = ParseParenthesized();
    if (inner.query && IsQueryContinuation()) {
      result.query = ParseQueryContinuation(std::move(inner.query));
      Expect(TokenKind::kRightParen);
      result.span = SpanFrom(start);
      return result;
    }
    first = ParsePostfix(ParenContentToExpr(std::move(inner)));
    chain.FirstOperandDone();
    first = ParseInfix(std::move(first), kPrecLowest, chain);
  } else {
    first = ParseExpr();
  }
  result.exprs.push_back(std::move(first));
  while (Accept(TokenKind::kComma)) {
    result.is_list = true;
    result.exprs.push_back(ParseExpr());
  }
  Expect(TokenKind::kRightParen);
  result.span = SpanFrom(start);
  return result;
}

ExprPtr Parser::ParenContentToExpr(ParenContent content) {
  if (content.query) {
    auto node = std::make_unique<SubqueryExpr>();
    node->subquery_kind = SubqueryKind::kScalar;
    node->query = std::move(content.query);
    node->span = content.span;
    return node;
  }
  if (content.is_list) {
    auto node = std::make_unique<RowExpr>();
    node->fields = std::move(content.exprs);
    node->span = content.span;
    return node;
  }
  ExprPtr expr = std::move(content.exprs[0]);
  expr->span = content.span;
  return expr;
}

ExprPtr Parser::ParseCase() {
  const uint32_t start = StartOffset();
  ExpectWord("case");
  auto node = std::make_unique<CaseExpr>();
  if (!IsWord("when")) node->operand = ParseExpr();
  if (!IsWord("when")) SyntaxErrorHere();
  while (AcceptWord("when")) {
    WhenClause clause;
    clause.condition = ParseExpr();
    ExpectWord("then");
    clause.result = ParseExpr();
    node->whens.push_back(std::move(clause));
  }
  if (AcceptWord("else")) node->else_result = ParseExpr();
  ExpectWord("end");
  node->span = SpanFrom(start);
  return node;
}

// ARRAY[...], with bare [...] for inner dimensions (and, as DuckDB, on its own), or
// ARRAY(query).
ExprPtr Parser::ParseArray() {
  const uint32_t start = StartOffset();
  if (IsWord("array")) {
    Advance();
    if (IsKind(TokenKind::kLeftParen)) {
      if (!IsQueryStart(1) && !IsKind(TokenKind::kLeftParen, 1)) SyntaxError(Peek(1));
      ParenContent content = ParseParenthesized();
      if (!content.query) SyntaxError(Peek());
      auto node = std::make_unique<SubqueryExpr>();
      node->subquery_kind = SubqueryKind::kArray;
      node->query = std::move(content.query);
      node->span = SpanFrom(start);
      return node;
    }
  }
  DepthGuard guard(*this);
  Expect(TokenKind::kLeftBracket);
  auto node = std::make_unique<ArrayExpr>();
  if (!IsKind(TokenKind::kRightBracket)) {
    do {
      node->elements.push_back(IsKind(TokenKind::kLeftBracket) ? ParseArray() : ParseExpr());
    } while (Accept(TokenKind::kComma));
  }
  Expect(TokenKind::kRightBracket);
  node->span = SpanFrom(start);
  return node;
}

// type 'string' (DATE '2024-01-01', INTERVAL '1' DAY, DOUBLE PRECISION '1.5').
// Returns null, consuming nothing, if the tokens here are not a typed literal.
ExprPtr Parser::TryParseTypedLiteral() {
  const Token& token = Peek();
  const KeywordCategory category = CategoryOf(token);
  if (category == KeywordCategory::kReserved) return nullptr;
  const size_t saved = pos_;
  const uint32_t start = token.offset;
  const bool simple = IsKind(TokenKind::kString, 1);
  // Multi-word and parameterized type names need a trial parse.
  static constexpr std::string_view kTypeWords[] = {
      "double", "timestamp", "time", "interval", "character", "char", "national",
      "nchar", "varchar", "bit", "float", "numeric", "decimal", "dec"};
  bool type_word = false;
  for (std::string_view type : kTypeWords) type_word |= token.text == type;
  if (!simple && !type_word) return nullptr;
  TypeName type;
  try {
    type = ParseType();
  } catch (const Error&) {
    pos_ = saved;
    return nullptr;
  }
  if (!IsKind(TokenKind::kString) || type.array_dims > 0) {
    pos_ = saved;
    return nullptr;
  }
  auto value = MakeNode<Constant>(Peek().span());
  value->constant_kind = ConstantKind::kString;
  value->value = Advance().text;
  if (type.name == "interval" && type.interval_fields.empty() && IsIntervalFieldStart()) {
    ParseIntervalFields(type);
  }
  auto node = std::make_unique<Cast>();
  node->operand = std::move(value);
  node->type = std::move(type);
  node->span = SpanFrom(start);
  return node;
}

}  // namespace basin::ast
