// src/sql/parser/parse_table_ref.cc
// FROM items: tables, subqueries, table functions, files and joins.
#include "sql/parser/parser_internal.h"

namespace basin::ast {

std::vector<TableRefPtr> Parser::ParseFromList() {
  std::vector<TableRefPtr> refs;
  do {
    refs.push_back(ParseTableRef());
  } while (Accept(TokenKind::kComma));
  return refs;
}

TableRefPtr Parser::ParseTableRef() {
  DepthGuard guard(*this);
  return ParseJoins(ParseTableRefPrimary());
}

bool Parser::IsJoinStart() const {
  return IsWord("join") || IsWord("inner") || IsWord("left") || IsWord("right") ||
         IsWord("full") || IsWord("cross") || IsWord("natural");
}

TableRefPtr Parser::ParseJoins(TableRefPtr left) {
  ChainHeight chain(*this);
  chain.FirstOperandDone();
  while (IsJoinStart()) {
    left = ParseJoinTail(std::move(left));
    chain.Link();
  }
  return left;
}

// One join onto `left`: [NATURAL] [INNER | LEFT|RIGHT|FULL [OUTER] | CROSS] JOIN right
// [ON expr | USING (cols) [AS alias]].
TableRefPtr Parser::ParseJoinTail(TableRefPtr left) {
  DepthGuard guard(*this);
  const uint32_t start = left->span.offset;
  auto join = std::make_unique<JoinRef>();
  join->natural = AcceptWord("natural");
  if (!join->natural && AcceptWord("cross")) {
    join->join_type = JoinType::kCross;
  } else if (AcceptWord("left")) {
    join->join_type = JoinType::kLeft;
    AcceptWord("outer");
  } else if (AcceptWord("right")) {
    join->join_type = JoinType::kRight;
    AcceptWord("outer");
  } else if (AcceptWord("full")) {
    join->join_type = JoinType::kFull;
    AcceptWord("outer");
  } else {
    AcceptWord("inner");
  }
  ExpectWord("join");
  join->left = std::move(left);
  join->right = ParseTableRefPrimary();
  const bool qualified = !join->natural && join->join_type != JoinType::kCross;
  if (qualified) {
    // "a JOIN b JOIN c ON x ON y" nests to the right, as in PostgreSQL.
    while (IsJoinStart()) join->right = ParseJoinTail(std::move(join->right));
    if (AcceptWord("on")) {
      join->condition = ParseExpr();
    } else if (AcceptWord("using")) {
      join->using_columns = ParseNameList();
      if (AcceptWord("as")) join->using_alias = ParseColId();
    } else {
      SyntaxErrorHere();
    }
  }
  join->span = SpanFrom(start);
  return join;
}

TableRefPtr Parser::ParseTableRefPrimary() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  TableRefPtr ref;
  if (AcceptWord("lateral")) {
    if (IsKind(TokenKind::kLeftParen)) {
      if (!IsQueryStart(1) && !IsKind(TokenKind::kLeftParen, 1)) SyntaxError(Peek(1));
      auto subquery = std::make_unique<SubqueryRef>();
      Advance();
      subquery->query = ParseQuery();
      Expect(TokenKind::kRightParen);
      subquery->lateral = true;
      ref = std::move(subquery);
    } else {
      std::vector<std::string> name = ParseQualifiedName();
      if (!IsKind(TokenKind::kLeftParen)) SyntaxErrorHere();
      auto function = std::make_unique<TableFunctionRef>();
      function->function = ParseFunctionCall(std::move(name), start);
      function->lateral = true;
      ref = std::move(function);
    }
  } else if (IsKind(TokenKind::kLeftParen)) {
    ref = ParseParenthesizedFrom();
    if (!ref->Is<JoinRef>() || !ref->alias.empty()) return ref;
  } else if (IsKind(TokenKind::kString)) {
    auto file = std::make_unique<FileRef>();
    file->path = Advance().text;
    ref = std::move(file);
  } else {
    std::vector<std::string> name = ParseQualifiedName();
    if (IsKind(TokenKind::kLeftParen)) {
      auto function = std::make_unique<TableFunctionRef>();
      function->function = ParseFunctionCall(std::move(name), start);
      ref = std::move(function);
    } else {
      auto table = std::make_unique<BaseTableRef>();
      table->name = std::move(name);
      ParseTimeTravel(*table);
      ref = std::move(table);
    }
  }
  if (ref->Is<TableFunctionRef>()) {
    FunctionCall& call = *ref->As<TableFunctionRef>().function;
    if (call.over || call.filter || call.within_group) SyntaxError(tokens_[pos_ - 1]);
    // read_csv('f', delim = '|'): `name = value` is a named argument here.
    for (size_t i = 0; i < call.args.size(); ++i) {
      Expr& arg = *call.args[i];
      if (!call.arg_names[i].empty() || !arg.Is<BinaryExpr>()) continue;
      auto& binary = arg.As<BinaryExpr>();
      if (binary.op != "=" || !binary.left->Is<ColumnRef>() ||
          binary.left->As<ColumnRef>().parts.size() != 1) {
        continue;
      }
      call.arg_names[i] = binary.left->As<ColumnRef>().parts[0];
      ExprPtr value = std::move(binary.right);
      call.args[i] = std::move(value);
    }
    if (IsWord("with") && IsWord("ordinality", 1)) {
      Advance();
      Advance();
      ref->As<TableFunctionRef>().with_ordinality = true;
    }
  }
  ParseTableAlias(*ref);
  if (ref->Is<BaseTableRef>() && ref->As<BaseTableRef>().time_travel == TimeTravelKind::kNone) {
    ParseTimeTravel(ref->As<BaseTableRef>());
  }
  ref->span = SpanFrom(start);
  return ref;
}

// After '(' in FROM: a subquery, or a parenthesized join tree. Like expressions,
// "((SELECT 1) UNION (SELECT 2))" and "((SELECT 1) AS a JOIN b ON ...)" are told
// apart by what follows the innermost parentheses.
TableRefPtr Parser::ParseParenthesizedFrom() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  Expect(TokenKind::kLeftParen);
  QueryPtr query;
  TableRefPtr ref;
  if (IsQueryStart()) {
    query = ParseQuery();
  } else if (IsKind(TokenKind::kLeftParen)) {
    ref = ParseParenthesizedFrom();
    if (ref->Is<SubqueryRef>() && ref->alias.empty() && !ref->As<SubqueryRef>().lateral &&
        IsQueryContinuation()) {
      query = ParseQueryContinuation(std::move(ref->As<SubqueryRef>().query));
      ref.reset();
    } else {
      ref = ParseJoins(std::move(ref));
    }
  } else {
    ref = ParseTableRef();
  }
  Expect(TokenKind::kRightParen);
  if (query) {
    auto subquery = std::make_unique<SubqueryRef>();
    subquery->query = std::move(query);
    ParseTableAlias(*subquery);
    subquery->span = SpanFrom(start);
    return subquery;
  }
  return ref;
}

// [AS] alias [(col, ...)]. Without AS, only a ColId may be an alias, and never a word
// that continues the statement (SET of UPDATE is handled by its caller).
void Parser::ParseTableAlias(TableRef& ref) {
  if (AcceptWord("as")) {
    ref.alias = ParseColId();
  } else if (IsColId(Peek()) && !IsWord("set")) {
    ref.alias = Advance().text;
  } else {
    return;
  }
  if (IsKind(TokenKind::kLeftParen)) ref.column_aliases = ParseNameList();
}

// FOR VERSION AS OF expr | FOR TIMESTAMP AS OF expr (Basin time travel).
void Parser::ParseTimeTravel(BaseTableRef& ref) {
  if (!IsWord("for") || !(IsWord("version", 1) || IsWord("timestamp", 1))) return;
  Advance();
  ref.time_travel =
      Advance().IsWord("version") ? TimeTravelKind::kVersion : TimeTravelKind::kTimestamp;
  ExpectWord("as");
  ExpectWord("of");
  ref.time_travel_value = ParseExpr(kPrecOther);
}

}  // namespace basin::ast
