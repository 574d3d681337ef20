// src/sql/parser/parse_query.cc
// Queries: WITH, SELECT cores, set operations, VALUES, ORDER BY / LIMIT / OFFSET.
#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

// UNION and EXCEPT bind less tightly than INTERSECT.
int SetOperationPrecedence(const Token& token) {
  if (token.IsWord("union") || token.IsWord("except")) return 1;
  if (token.IsWord("intersect")) return 2;
  return 0;
}

// Words that end a select list or expression list of a SELECT core.
bool EndsSelectList(const Token& token) {
  static constexpr std::string_view kWords[] = {
      "from", "where", "group", "having", "window", "union", "intersect", "except",
      "order", "limit", "offset", "fetch", "into", "for", "on", "returning"};
  if (token.kind == TokenKind::kEnd || token.kind == TokenKind::kSemicolon ||
      token.kind == TokenKind::kRightParen) {
    return true;
  }
  for (std::string_view word : kWords) {
    if (token.IsWord(word)) return true;
  }
  return false;
}

}  // namespace

bool Parser::IsSetOperation() const { return SetOperationPrecedence(Peek()) > 0; }

// Tokens that may follow a parenthesized query inside more parentheses while the
// whole is still a query.
bool Parser::IsQueryContinuation() const {
  return IsSetOperation() || IsWord("order") || IsWord("limit") || IsWord("offset") ||
         IsWord("fetch") || IsKind(TokenKind::kRightParen);
}

QueryPtr Parser::ParseQuery() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  std::vector<CommonTableExpr> ctes;
  bool recursive = false;
  if (IsWord("with")) ParseWithClause(ctes, recursive);
  QueryPtr query = ParseQueryContinuation(ParseQueryPrimary());
  if (!ctes.empty()) {
    if (!query->ctes.empty()) ErrorAt(Peek(), "multiple WITH clauses not allowed");
    query->ctes = std::move(ctes);
    query->recursive = recursive;
  }
  query->span = SpanFrom(start);
  return query;
}

QueryPtr Parser::ParseQueryContinuation(QueryPtr first) {
  const uint32_t start = first->span.offset;
  QueryPtr query = ParseSetOperations(std::move(first), 1);
  ParseQueryModifiers(*query);
  query->span = SpanFrom(start);
  return query;
}

QueryPtr Parser::ParseQueryPrimary() {
  const uint32_t start = StartOffset();
  QueryPtr query;
  if (IsWord("select")) {
    query = ParseSelectCore();
  } else if (IsWord("values")) {
    query = ParseValues();
  } else if (IsWord("table")) {
    Advance();
    auto select = std::make_unique<SelectNode>();
    select->select_list.push_back(SelectItem{std::make_unique<Star>(), ""});
    auto table = std::make_unique<BaseTableRef>();
    table->name = ParseQualifiedName();
    table->span = SpanFrom(start);
    select->from.push_back(std::move(table));
    query = std::move(select);
  } else if (IsKind(TokenKind::kLeftParen)) {
    DepthGuard guard(*this);
    Advance();
    query = ParseQuery();
    Expect(TokenKind::kRightParen);
  } else {
    SyntaxErrorHere();
  }
  query->span = SpanFrom(start);
  return query;
}

QueryPtr Parser::ParseSetOperations(QueryPtr left, int min_precedence) {
  ChainHeight chain(*this);
  chain.FirstOperandDone();
  while (SetOperationPrecedence(Peek()) >= min_precedence && IsSetOperation()) {
    const int precedence = SetOperationPrecedence(Peek());
    const std::string word = Advance().text;
    auto node = std::make_unique<SetOperationNode>();
    node->op = word == "union" ? SetOpKind::kUnion
               : word == "intersect" ? SetOpKind::kIntersect
                                     : SetOpKind::kExcept;
    if (AcceptWord("all")) {
      node->all = true;
    } else {
      AcceptWord("distinct");
    }
    QueryPtr right = ParseQueryPrimary();
    while (SetOperationPrecedence(Peek()) > precedence) {
      right = ParseSetOperations(std::move(right), precedence + 1);
    }
    const uint32_t start = left->span.offset;
    node->left = std::move(left);
    node->right = std::move(right);
    node->span = SpanFrom(start);
    left = std::move(node);
    chain.Link();
  }
  return left;
}

void Parser::ParseQueryModifiers(QueryNode& query) {
  if (IsWord("order") && IsWord("by", 1)) {
    if (!query.order_by.empty()) ErrorAt(Peek(), "multiple ORDER BY clauses not allowed");
    Advance();
    Advance();
    query.order_by = ParseOrderByList();
  }
  bool seen_limit = query.limit != nullptr;
  bool seen_offset = query.offset != nullptr;
  while (true) {
    if (IsWord("limit")) {
      if (seen_limit) ErrorAt(Peek(), "multiple LIMIT clauses not allowed");
      Advance();
      seen_limit = true;
      if (!AcceptWord("all")) query.limit = ParseExpr();
    } else if (IsWord("offset")) {
      if (seen_offset) ErrorAt(Peek(), "multiple OFFSET clauses not allowed");
      Advance();
      seen_offset = true;
      query.offset = ParseExpr();
      if (!AcceptWord("rows")) AcceptWord("row");
    } else if (IsWord("fetch")) {
      if (seen_limit) ErrorAt(Peek(), "multiple LIMIT clauses not allowed");
      Advance();
      seen_limit = true;
      if (!AcceptWord("first")) ExpectWord("next");
      if (IsWord("row") || IsWord("rows")) {
        auto one = std::make_unique<Constant>();
        one->constant_kind = ConstantKind::kInteger;
        one->value = "1";
        one->span = Peek().span();
        query.limit = std::move(one);
      } else {
        query.limit = ParseExpr(kPrecAdd);
      }
      if (!AcceptWord("rows")) ExpectWord("row");
      ExpectWord("only");
    } else {
      return;
    }
  }
}

void Parser::ParseWithClause(std::vector<CommonTableExpr>& ctes, bool& recursive) {
  ExpectWord("with");
  recursive = AcceptWord("recursive");
  do {
    CommonTableExpr cte;
    const uint32_t start = StartOffset();
    cte.name = ParseColId();
    if (IsKind(TokenKind::kLeftParen)) cte.columns = ParseNameList();
    ExpectWord("as");
    if (IsWord("not") && IsWord("materialized", 1)) {
      Advance();
      Advance();
      cte.materialization = CteMaterialization::kNotMaterialized;
    } else if (AcceptWord("materialized")) {
      cte.materialization = CteMaterialization::kMaterialized;
    }
    Expect(TokenKind::kLeftParen);
    cte.query = ParseQuery();
    Expect(TokenKind::kRightParen);
    cte.span = SpanFrom(start);
    ctes.push_back(std::move(cte));
  } while (Accept(TokenKind::kComma));
}

QueryPtr Parser::ParseSelectCore() {
  ExpectWord("select");
  auto select = std::make_unique<SelectNode>();
  if (AcceptWord("distinct")) {
    select->distinct = DistinctKind::kDistinct;
    if (AcceptWord("on")) {
      select->distinct = DistinctKind::kDistinctOn;
      Expect(TokenKind::kLeftParen);
      select->distinct_on = ParseExprList();
      Expect(TokenKind::kRightParen);
    }
  } else {
    AcceptWord("all");
  }
  ParseSelectList(select->select_list);
  if (AcceptWord("from")) select->from = ParseFromList();
  if (AcceptWord("where")) select->where = ParseExpr();
  if (IsWord("group") && IsWord("by", 1)) {
    Advance();
    Advance();
    ParseGroupBy(*select);
  }
  if (AcceptWord("having")) select->having = ParseExpr();
  if (AcceptWord("window")) {
    do {
      NamedWindow window;
      window.name = ParseColId();
      ExpectWord("as");
      const uint32_t start = StartOffset();
      Expect(TokenKind::kLeftParen);
      ParseWindowSpecBody(window.spec);
      Expect(TokenKind::kRightParen);
      window.spec.span = SpanFrom(start);
      select->windows.push_back(std::move(window));
    } while (Accept(TokenKind::kComma));
  }
  return select;
}

void Parser::ParseSelectList(std::vector<SelectItem>& items) {
  // PostgreSQL accepts an empty select list: SELECT FROM t.
  if (EndsSelectList(Peek())) return;
  do {
    items.push_back(ParseSelectItem());
  } while (Accept(TokenKind::kComma));
}

SelectItem Parser::ParseSelectItem() {
  SelectItem item;
  item.expr = ParseExpr();
  // A bare * takes no alias (t.* may, as in PostgreSQL's grammar).
  if (item.expr->Is<Star>() && item.expr->As<Star>().qualifier.empty()) return item;
  if (AcceptWord("as")) {
    item.alias = ParseColLabel();
  } else if (IsKind(TokenKind::kQuotedIdentifier) ||
             (IsKind(TokenKind::kIdentifier) && IsBareLabel(Peek().text))) {
    item.alias = Advance().text;
  }
  return item;
}

void Parser::ParseGroupBy(SelectNode& select) {
  if (IsWord("all") && EndsSelectList(Peek(1))) {
    Advance();
    select.group_by_all = true;
    return;
  }
  if (!AcceptWord("all")) AcceptWord("distinct");
  do {
    select.group_by.push_back(ParseGroupingItem());
  } while (Accept(TokenKind::kComma));
}

ExprPtr Parser::ParseGroupingItem() {
  const uint32_t start = StartOffset();
  if (IsKind(TokenKind::kLeftParen) && IsKind(TokenKind::kRightParen, 1)) {
    Advance();
    Advance();
    auto node = std::make_unique<GroupingSetExpr>();
    node->set_kind = GroupingSetKind::kEmpty;
    node->span = SpanFrom(start);
    return node;
  }
  const bool rollup = IsWord("rollup") && IsKind(TokenKind::kLeftParen, 1);
  const bool cube = IsWord("cube") && IsKind(TokenKind::kLeftParen, 1);
  const bool sets = IsWord("grouping") && IsWord("sets", 1) && IsKind(TokenKind::kLeftParen, 2);
  if (!rollup && !cube && !sets) return ParseExpr();
  DepthGuard guard(*this);
  auto node = std::make_unique<GroupingSetExpr>();
  Advance();
  if (sets) {
    Advance();
    node->set_kind = GroupingSetKind::kSets;
  } else {
    node->set_kind = rollup ? GroupingSetKind::kRollup : GroupingSetKind::kCube;
  }
  Expect(TokenKind::kLeftParen);
  do {
    node->items.push_back(sets ? ParseGroupingItem() : ParseExpr());
  } while (Accept(TokenKind::kComma));
  Expect(TokenKind::kRightParen);
  node->span = SpanFrom(start);
  return node;
}

QueryPtr Parser::ParseValues() {
  ExpectWord("values");
  auto values = std::make_unique<ValuesNode>();
  do {
    Expect(TokenKind::kLeftParen);
    values->rows.push_back(ParseExprList());
    Expect(TokenKind::kRightParen);
  } while (Accept(TokenKind::kComma));
  return values;
}

}  // namespace basin::ast
