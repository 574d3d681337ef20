// src/sql/parser/parse_function.cc
// Function calls (aggregates, windows) and the SQL-standard special forms that
// PostgreSQL turns into ordinary calls: EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY.
#include <utility>

#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

std::unique_ptr<FunctionCall> MakeCall(std::string name, ExprList args) {
  auto call = std::make_unique<FunctionCall>();
  call->name = {std::move(name)};
  call->arg_names.resize(args.size());
  call->args = std::move(args);
  return call;
}

}  // namespace

std::unique_ptr<FunctionCall> Parser::ParseFunctionCall(std::vector<std::string> name,
                                                        uint32_t start) {
  auto call = std::make_unique<FunctionCall>();
  call->name = std::move(name);
  ParseFunctionArguments(*call);
  if (IsWord("within") && IsWord("group", 1)) {
    Advance();
    Advance();
    if (!call->order_by.empty()) SyntaxError(tokens_[pos_ - 1]);
    Expect(TokenKind::kLeftParen);
    ExpectWord("order");
    ExpectWord("by");
    call->order_by = ParseOrderByList();
    call->within_group = true;
    Expect(TokenKind::kRightParen);
  }
  if (IsWord("filter") && IsKind(TokenKind::kLeftParen, 1)) {
    Advance();
    Advance();
    ExpectWord("where");
    call->filter = ParseExpr();
    Expect(TokenKind::kRightParen);
  }
  if (IsWord("over")) {
    Advance();
    call->over = std::make_unique<WindowSpec>();
    const uint32_t over_start = StartOffset();
    if (Accept(TokenKind::kLeftParen)) {
      ParseWindowSpecBody(*call->over);
      Expect(TokenKind::kRightParen);
    } else {
      call->over->existing_name = ParseColId();
    }
    call->over->span = SpanFrom(over_start);
  }
  call->span = SpanFrom(start);
  return call;
}

// From '(' to ')': [DISTINCT|ALL] args [ORDER BY ...], or *.
void Parser::ParseFunctionArguments(FunctionCall& call) {
  Expect(TokenKind::kLeftParen);
  if (Peek().IsOperator("*") && IsKind(TokenKind::kRightParen, 1)) {
    Advance();
    Advance();
    call.star = true;
    return;
  }
  if (Accept(TokenKind::kRightParen)) return;
  if (AcceptWord("distinct")) {
    call.distinct = true;
  } else {
    AcceptWord("all");
  }
  do {
    std::string arg_name;
    if (IsColLabel(Peek()) &&
        (Peek(1).IsOperator("=>") || IsKind(TokenKind::kColonEquals, 1))) {
      arg_name = Advance().text;
      Advance();
    }
    call.args.push_back(ParseExpr());
    call.arg_names.push_back(std::move(arg_name));
  } while (Accept(TokenKind::kComma));
  if (IsWord("order") && IsWord("by", 1)) {
    Advance();
    Advance();
    call.order_by = ParseOrderByList();
  }
  Expect(TokenKind::kRightParen);
}

// CAST, TRY_CAST, EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY. Returns null if
// `word` does not start one of them.
ExprPtr Parser::ParseSpecialFunction(const Token& word) {
  if (!IsKind(TokenKind::kLeftParen, 1)) return nullptr;
  const uint32_t start = word.offset;
  const std::string name = word.text;
  if (name == "cast" || name == "try_cast") return ParseCastFunction(name == "try_cast");
  std::unique_ptr<FunctionCall> call;
  if (name == "extract") {
    Advance();
    Advance();
    std::string field;
    if (IsKind(TokenKind::kString) || IsColLabel(Peek())) {
      field = Advance().text;
    } else {
      SyntaxErrorHere();
    }
    ExpectWord("from");
    auto field_constant = std::make_unique<Constant>();
    field_constant->constant_kind = ConstantKind::kString;
    field_constant->value = std::move(field);
    field_constant->span = tokens_[pos_ - 2].span();
    ExprList args;
    args.push_back(std::move(field_constant));
    args.push_back(ParseExpr());
    call = MakeCall("date_part", std::move(args));
  } else if (name == "position") {
    Advance();
    Advance();
    ExprPtr needle = ParseExpr(kPrecOther);
    ExpectWord("in");
    ExprList args;
    args.push_back(ParseExpr(kPrecOther));
    args.push_back(std::move(needle));
    call = MakeCall("strpos", std::move(args));
  } else if (name == "substring") {
    Advance();
    Advance();
    ExprList args;
    args.push_back(ParseExpr());
    if (AcceptWord("from")) {
      args.push_back(ParseExpr());
      if (AcceptWord("for")) args.push_back(ParseExpr());
    } else if (AcceptWord("for")) {
      ExprPtr length = ParseExpr();
      if (AcceptWord("from")) {
        args.push_back(ParseExpr());
      } else {
        auto one = std::make_unique<Constant>();
        one->constant_kind = ConstantKind::kInteger;
        one->value = "1";
        one->span = length->span;
        args.push_back(std::move(one));
      }
      args.push_back(std::move(length));
    } else {
      while (Accept(TokenKind::kComma)) args.push_back(ParseExpr());
    }
    call = MakeCall("substring", std::move(args));
  } else if (name == "trim") {
    Advance();
    Advance();
    std::string function = "btrim";
    if (AcceptWord("leading")) {
      function = "ltrim";
    } else if (AcceptWord("trailing")) {
      function = "rtrim";
    } else {
      AcceptWord("both");
    }
    ExprList args;
    if (AcceptWord("from")) {
      args = ParseExprList();
    } else {
      ExprPtr first = ParseExpr();
      if (AcceptWord("from")) {
        args = ParseExprList();  // TRIM(chars FROM string): btrim(string, chars)
        args.push_back(std::move(first));
      } else {
        args.push_back(std::move(first));
        while (Accept(TokenKind::kComma)) args.push_back(ParseExpr());
      }
    }
    call = MakeCall(function, std::move(args));
  } else if (name == "overlay") {
    Advance();
    Advance();
    ExprList args;
    args.push_back(ParseExpr());
    if (AcceptWord("placing")) {
      args.push_back(ParseExpr());
      ExpectWord("from");
      args.push_back(ParseExpr());
      if (AcceptWord("for")) args.push_back(ParseExpr());
    } else {
      while (Accept(TokenKind::kComma)) args.push_back(ParseExpr());
    }
    call = MakeCall("overlay", std::move(args));
  } else {
    return nullptr;
  }
  Expect(TokenKind::kRightParen);
  call->span = SpanFrom(start);
  return call;
}

ExprPtr Parser::ParseCastFunction(bool try_cast) {
  const uint32_t start = StartOffset();
  Advance();
  Expect(TokenKind::kLeftParen);
  auto node = std::make_unique<Cast>();
  node->try_cast = try_cast;
  node->operand = ParseExpr();
  ExpectWord("as");
  node->type = ParseType();
  Expect(TokenKind::kRightParen);
  node->span = SpanFrom(start);
  return node;
}

// CURRENT_DATE, CURRENT_TIMESTAMP[(p)], USER, ...: calls written without parentheses.
ExprPtr Parser::ParseKeywordFunction() {
  const Token& token = Peek();
  static constexpr std::string_view kNoArguments[] = {
      "current_date", "current_user", "session_user", "user", "current_role",
      "current_catalog", "current_schema"};
  static constexpr std::string_view kOptionalPrecision[] = {
      "current_time", "current_timestamp", "localtime", "localtimestamp"};
  bool no_arguments = false, precision = false;
  for (std::string_view word : kNoArguments) no_arguments |= token.text == word;
  for (std::string_view word : kOptionalPrecision) precision |= token.text == word;
  if (token.kind != TokenKind::kIdentifier || (!no_arguments && !precision)) return nullptr;
  // current_schema() is also an ordinary function.
  if (token.text == "current_schema" && IsKind(TokenKind::kLeftParen, 1)) return nullptr;
  const uint32_t start = token.offset;
  auto call = MakeCall(Advance().text, {});
  call->keyword_form = true;
  if (precision && Accept(TokenKind::kLeftParen)) {
    const Token& digits = Peek();
    if (digits.kind != TokenKind::kNumber) SyntaxError(digits);
    call->args.push_back(ParsePrimary());
    call->arg_names.resize(1);
    Expect(TokenKind::kRightParen);
  }
  call->span = SpanFrom(start);
  return call;
}

// Inside OVER ( ... ) or WINDOW w AS ( ... ).
void Parser::ParseWindowSpecBody(WindowSpec& spec) {
  DepthGuard guard(*this);
  if (IsColId(Peek()) && !IsWord("partition") && !IsWord("order") && !IsWord("rows") &&
      !IsWord("range") && !IsWord("groups")) {
    spec.existing_name = Advance().text;
  }
  if (IsWord("partition") && IsWord("by", 1)) {
    Advance();
    Advance();
    spec.partition_by = ParseExprList();
  }
  if (IsWord("order") && IsWord("by", 1)) {
    Advance();
    Advance();
    spec.order_by = ParseOrderByList();
  }
  if (IsWord("rows") || IsWord("range") || IsWord("groups")) ParseFrame(spec.frame);
}

void Parser::ParseFrame(WindowFrame& frame) {
  const std::string mode = Advance().text;
  frame.mode = mode == "rows" ? FrameMode::kRows
               : mode == "range" ? FrameMode::kRange
                                 : FrameMode::kGroups;
  auto parse_bound = [this](FrameBound& bound) {
    if (IsWord("unbounded")) {
      Advance();
      if (AcceptWord("preceding")) {
        bound.kind = FrameBoundKind::kUnboundedPreceding;
      } else {
        ExpectWord("following");
        bound.kind = FrameBoundKind::kUnboundedFollowing;
      }
    } else if (IsWord("current") && IsWord("row", 1)) {
      Advance();
      Advance();
      bound.kind = FrameBoundKind::kCurrentRow;
    } else {
      bound.offset = ParseExpr();
      if (AcceptWord("preceding")) {
        bound.kind = FrameBoundKind::kPreceding;
      } else {
        ExpectWord("following");
        bound.kind = FrameBoundKind::kFollowing;
      }
    }
  };
  if (AcceptWord("between")) {
    parse_bound(frame.start);
    ExpectWord("and");
    parse_bound(frame.end);
  } else {
    parse_bound(frame.start);
    frame.end.kind = FrameBoundKind::kCurrentRow;
  }
  if (AcceptWord("exclude")) {
    if (IsWord("current") && IsWord("row", 1)) {
      Advance();
      Advance();
      frame.exclude = FrameExclude::kCurrentRow;
    } else if (AcceptWord("group")) {
      frame.exclude = FrameExclude::kGroup;
    } else if (AcceptWord("ties")) {
      frame.exclude = FrameExclude::kTies;
    } else {
      ExpectWord("no");
      ExpectWord("others");
      frame.exclude = FrameExclude::kNoOthers;
    }
  }
}

std::vector<OrderByItem> Parser::ParseOrderByList() {
  std::vector<OrderByItem> items;
  do {
    OrderByItem item;
    item.expr = ParseExpr();
    if (AcceptWord("asc")) {
      item.direction = SortDirection::kAscending;
    } else if (AcceptWord("desc")) {
      item.direction = SortDirection::kDescending;
    }
    if (AcceptWord("nulls")) {
      if (AcceptWord("first")) {
        item.nulls = NullsOrder::kFirst;
      } else {
        ExpectWord("last");
        item.nulls = NullsOrder::kLast;
      }
    }
    items.push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  return items;
}

}  // namespace basin::ast
