// src/sql/parser/parse_expression.cc
// Expressions by precedence climbing, with PostgreSQL's operator precedence.
#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

enum class InfixKind {
  kNone,
  kOr,
  kAnd,
  kIs,
  kIsNull,   // ISNULL / NOTNULL
  kOperator,  // any binary operator, with the precedence in InfixOp::precedence
  kBetween,
  kIn,
  kLike,
  kAtTimeZone,
  kCollate,
};

struct InfixOp {
  InfixKind kind = InfixKind::kNone;
  int precedence = 0;
  bool negated = false;  // NOT BETWEEN / NOT IN / NOT LIKE ...
};

int OperatorPrecedence(const std::string& op) {
  if (op == "+" || op == "-") return kPrecAdd;
  if (op == "*" || op == "/" || op == "%") return kPrecMultiply;
  if (op == "^") return kPrecExponent;
  if (op == "<" || op == ">" || op == "=" || op == "<=" || op == ">=" || op == "<>") {
    return kPrecComparison;
  }
  if (op == "=>") return 0;  // named-argument arrow, never an infix operator
  return kPrecOther;
}

bool IsLikeWord(const Token& token) {
  return token.IsWord("like") || token.IsWord("ilike") || token.IsWord("similar");
}

}  // namespace

ExprPtr Parser::ParseExpr(int min_precedence) {
  DepthGuard guard(*this);
  ChainHeight chain(*this);
  ExprPtr left = ParsePrefix();
  chain.FirstOperandDone();
  return ParseInfix(std::move(left), min_precedence, chain);
}

ExprPtr Parser::ParsePrefix() {
  const Token& token = Peek();
  const uint32_t start = token.offset;
  if (token.IsWord("not")) {
    Advance();
    auto node = std::make_unique<BoolExpr>();
    node->op = BoolOp::kNot;
    node->args.push_back(ParseExpr(kPrecNot));
    node->span = SpanFrom(start);
    return node;
  }
  if (token.kind == TokenKind::kOperator && OperatorPrecedence(token.text) != kPrecComparison &&
      token.text != "*" && token.text != "/" && token.text != "%" && token.text != "^" &&
      token.text != "=>") {
    const std::string op = Advance().text;
    const bool sign = op == "-" || op == "+";
    ExprPtr operand = ParseExpr(sign ? kPrecUnary : kPrecOther + 1);
    // Fold the sign into numeric literals, as PostgreSQL does, so that the binder
    // sees -2147483648 as one integer constant.
    if (sign && operand->Is<Constant>()) {
      auto& constant = operand->As<Constant>();
      if ((constant.constant_kind == ConstantKind::kInteger ||
           constant.constant_kind == ConstantKind::kNumeric) &&
          constant.value[0] != '-') {
        if (op == "-") constant.value.insert(0, "-");
        constant.span = SpanFrom(start);
        return operand;
      }
    }
    auto node = std::make_unique<UnaryExpr>();
    node->op = op;
    node->operand = std::move(operand);
    node->span = SpanFrom(start);
    return node;
  }
  return ParsePostfix(ParsePrimary());
}

ExprPtr Parser::ParseInfix(ExprPtr left, int min_precedence, ChainHeight& chain) {
  int last_nonassoc = -1;
  while (true) {
    const Token& token = Peek();
    InfixOp info;
    if (token.IsWord("or")) {
      info = {InfixKind::kOr, kPrecOr};
    } else if (token.IsWord("and")) {
      info = {InfixKind::kAnd, kPrecAnd};
    } else if (token.IsWord("is")) {
      info = {InfixKind::kIs, kPrecIs};
    } else if (token.IsWord("isnull") || token.IsWord("notnull")) {
      info = {InfixKind::kIsNull, kPrecIs};
    } else if (token.kind == TokenKind::kOperator) {
      const int precedence = OperatorPrecedence(token.text);
      if (precedence > 0) info = {InfixKind::kOperator, precedence};
    } else if (token.IsWord("between")) {
      info = {InfixKind::kBetween, kPrecLike};
    } else if (token.IsWord("in")) {
      info = {InfixKind::kIn, kPrecLike};
    } else if (IsLikeWord(token)) {
      info = {InfixKind::kLike, kPrecLike};
    } else if (token.IsWord("not")) {
      const Token& next = Peek(1);
      if (next.IsWord("between")) info = {InfixKind::kBetween, kPrecLike, true};
      if (next.IsWord("in")) info = {InfixKind::kIn, kPrecLike, true};
      if (IsLikeWord(next)) info = {InfixKind::kLike, kPrecLike, true};
    } else if (token.IsWord("at") && Peek(1).IsWord("time") && Peek(2).IsWord("zone")) {
      info = {InfixKind::kAtTimeZone, kPrecAt};
    } else if (token.IsWord("collate")) {
      info = {InfixKind::kCollate, kPrecCollate};
    }
    if (info.kind == InfixKind::kNone || info.precedence < min_precedence) break;
    const bool nonassoc = info.precedence == kPrecIs || info.precedence == kPrecComparison ||
                          info.precedence == kPrecLike;
    // PostgreSQL's non-associative levels reject a = b = c.
    if (nonassoc && last_nonassoc == info.precedence) SyntaxError(token);
    last_nonassoc = nonassoc ? info.precedence : -1;

    const uint32_t start = left->span.offset;
    const Token& op_token = Advance();
    if (info.negated) Advance();  // the word after NOT
    bool flat = false;
    switch (info.kind) {
      case InfixKind::kOr:
      case InfixKind::kAnd: {
        const BoolOp op = info.kind == InfixKind::kOr ? BoolOp::kOr : BoolOp::kAnd;
        ExprPtr right = ParseExpr(info.precedence + 1);
        if (left->Is<BoolExpr>() && left->As<BoolExpr>().op == op) {
          left->As<BoolExpr>().args.push_back(std::move(right));
          flat = true;
        } else {
          auto node = std::make_unique<BoolExpr>();
          node->op = op;
          node->args.push_back(std::move(left));
          node->args.push_back(std::move(right));
          left = std::move(node);
        }
        break;
      }
      case InfixKind::kIs: {
        auto node = std::make_unique<IsExpr>();
        node->negated = AcceptWord("not");
        if (AcceptWord("null")) {
          node->is_kind = IsKind::kNull;
        } else if (AcceptWord("true")) {
          node->is_kind = IsKind::kTrue;
        } else if (AcceptWord("false")) {
          node->is_kind = IsKind::kFalse;
        } else if (AcceptWord("unknown")) {
          node->is_kind = IsKind::kUnknown;
        } else if (AcceptWord("distinct")) {
          ExpectWord("from");
          node->is_kind = IsKind::kDistinctFrom;
          node->right = ParseExpr(kPrecIs + 1);
        } else {
          SyntaxErrorHere();
        }
        node->operand = std::move(left);
        left = std::move(node);
        break;
      }
      case InfixKind::kIsNull: {
        auto node = std::make_unique<IsExpr>();
        node->is_kind = IsKind::kNull;
        node->negated = op_token.IsWord("notnull");
        node->operand = std::move(left);
        left = std::move(node);
        break;
      }
      case InfixKind::kOperator: {
        std::string op = op_token.text;
        if ((IsWord("any") || IsWord("some") || IsWord("all")) &&
            IsKind(TokenKind::kLeftParen, 1)) {
          left = ParseQuantified(std::move(left), std::move(op), start);
          break;
        }
        auto node = std::make_unique<BinaryExpr>();
        node->op = std::move(op);
        node->left = std::move(left);
        node->right = ParseExpr(info.precedence + 1);
        left = std::move(node);
        break;
      }
      case InfixKind::kBetween: {
        auto node = std::make_unique<BetweenExpr>();
        node->negated = info.negated;
        if (AcceptWord("symmetric")) {
          node->symmetric = true;
        } else {
          AcceptWord("asymmetric");
        }
        node->operand = std::move(left);
        node->low = ParseExpr(kPrecOther);
        ExpectWord("and");
        node->high = ParseExpr(kPrecOther);
        left = std::move(node);
        break;
      }
      case InfixKind::kIn:
        left = ParseInPredicate(std::move(left), info.negated, start);
        break;
      case InfixKind::kLike: {
        auto node = std::make_unique<LikeExpr>();
        node->negated = info.negated;
        const std::string& like_word = tokens_[pos_ - 1].text;  // after any NOT
        if (like_word == "like") {
          node->like_kind = LikeKind::kLike;
        } else if (like_word == "ilike") {
          node->like_kind = LikeKind::kILike;
        } else {
          ExpectWord("to");
          node->like_kind = LikeKind::kSimilarTo;
        }
        node->operand = std::move(left);
        node->pattern = ParseExpr(kPrecLike + 1);
        if (AcceptWord("escape")) node->escape = ParseExpr(kPrecLike + 1);
        left = std::move(node);
        break;
      }
      case InfixKind::kAtTimeZone: {
        Advance();  // TIME
        Advance();  // ZONE
        auto node = std::make_unique<FunctionCall>();
        node->name = {"timezone"};
        node->args.push_back(ParseExpr(kPrecAt + 1));
        node->args.push_back(std::move(left));
        node->arg_names.resize(2);
        left = std::move(node);
        break;
      }
      case InfixKind::kCollate: {
        auto node = std::make_unique<CollateExpr>();
        node->operand = std::move(left);
        node->collation = ParseQualifiedName();
        left = std::move(node);
        break;
      }
      case InfixKind::kNone:
        break;
    }
    left->span = SpanFrom(start);
    if (flat) {
      chain.LinkFlat();
    } else {
      chain.Link();
    }
  }
  return left;
}

ExprPtr Parser::ParseQuantified(ExprPtr left, std::string op, uint32_t start) {
  const bool all = Advance().IsWord("all");
  ParenContent content = ParseParenthesized();
  if (content.query) {
    auto node = std::make_unique<SubqueryExpr>();
    node->subquery_kind = all ? SubqueryKind::kAll : SubqueryKind::kAny;
    node->op = std::move(op);
    node->left = std::move(left);
    node->query = std::move(content.query);
    return node;
  }
  if (content.is_list) {
    throw Error(sqlstate::kSyntaxError, "syntax error at or near \",\"", content.span);
  }
  auto node = std::make_unique<AnyAllExpr>();
  node->op = std::move(op);
  node->all = all;
  node->left = std::move(left);
  node->array = std::move(content.exprs[0]);
  return node;
}

ExprPtr Parser::ParseInPredicate(ExprPtr left, bool negated, uint32_t start) {
  if (!IsKind(TokenKind::kLeftParen)) SyntaxErrorHere();
  ParenContent content = ParseParenthesized();
  if (content.query) {
    auto node = std::make_unique<SubqueryExpr>();
    node->subquery_kind = SubqueryKind::kIn;
    node->negated = negated;
    node->left = std::move(left);
    node->query = std::move(content.query);
    return node;
  }
  auto node = std::make_unique<InListExpr>();
  node->negated = negated;
  node->operand = std::move(left);
  node->list = std::move(content.exprs);
  return node;
}

ExprPtr Parser::ParsePostfix(ExprPtr expr) {
  ChainHeight chain(*this);
  chain.FirstOperandDone();
  while (true) {
    const uint32_t start = expr->span.offset;
    if (Accept(TokenKind::kDoubleColon)) {
      auto node = std::make_unique<Cast>();
      node->operand = std::move(expr);
      node->type = ParseType();
      expr = std::move(node);
    } else if (Accept(TokenKind::kLeftBracket)) {
      auto node = std::make_unique<SubscriptExpr>();
      node->base = std::move(expr);
      if (!IsKind(TokenKind::kColon)) node->index = ParseExpr();
      if (Accept(TokenKind::kColon)) {
        node->slice = true;
        if (!IsKind(TokenKind::kRightBracket)) node->upper = ParseExpr();
      }
      Expect(TokenKind::kRightBracket);
      expr = std::move(node);
    } else if (IsKind(TokenKind::kDot) && IsColLabel(Peek(1))) {
      Advance();
      auto node = std::make_unique<FieldAccessExpr>();
      node->base = std::move(expr);
      node->field = Advance().text;
      expr = std::move(node);
    } else {
      return expr;
    }
    expr->span = SpanFrom(start);
    chain.Link();
  }
}

ExprList Parser::ParseExprList() {
  ExprList list;
  do {
    list.push_back(ParseExpr());
  } while (Accept(TokenKind::kComma));
  return list;
}

}  // namespace basin::ast
