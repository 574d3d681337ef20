// src/sql/parser/parse_utility.cc
// COPY, SET / RESET / SHOW, EXPLAIN, CALL, transactions, PREPARE / EXECUTE / DEALLOCATE.
#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

OptionValue StringValue(std::string text) {
  OptionValue value;
  value.kind = OptionValue::Kind::kString;
  value.text = std::move(text);
  return value;
}

OptionValue BooleanValue(bool boolean) {
  OptionValue value;
  value.kind = OptionValue::Kind::kBoolean;
  value.boolean = boolean;
  return value;
}

OptionValue IdentifierValue(std::string text) {
  OptionValue value;
  value.kind = OptionValue::Kind::kIdentifier;
  value.text = std::move(text);
  return value;
}

// True/false reading of an EXPLAIN option: no value, TRUE, ON and 1 mean true.
bool OptionIsTrue(const OptionValue& value) {
  switch (value.kind) {
    case OptionValue::Kind::kNone: return true;
    case OptionValue::Kind::kBoolean: return value.boolean;
    case OptionValue::Kind::kNumber: return value.text != "0";
    case OptionValue::Kind::kIdentifier:
    case OptionValue::Kind::kString: return value.text == "on" || value.text == "true";
    default: return false;
  }
}

}  // namespace

StatementPtr Parser::ParseCopy() {
  ExpectWord("copy");
  auto copy = std::make_unique<CopyStatement>();
  if (Accept(TokenKind::kLeftParen)) {
    copy->query = ParseQuery();
    Expect(TokenKind::kRightParen);
  } else {
    copy->table = ParseQualifiedName();
    if (IsKind(TokenKind::kLeftParen)) copy->columns = ParseNameList();
  }
  if (AcceptWord("from")) {
    copy->is_from = true;
  } else {
    ExpectWord("to");
  }
  if (copy->query && copy->is_from) SyntaxError(tokens_[pos_ - 1]);
  if (IsKind(TokenKind::kString)) {
    copy->endpoint = CopyEndpoint::kFile;
    copy->path = Advance().text;
  } else if (copy->is_from && AcceptWord("stdin")) {
    copy->endpoint = CopyEndpoint::kStdin;
  } else if (!copy->is_from && AcceptWord("stdout")) {
    copy->endpoint = CopyEndpoint::kStdout;
  } else {
    SyntaxErrorHere();
  }
  const bool with = AcceptWord("with");
  if (IsKind(TokenKind::kLeftParen)) {
    copy->options = ParseGenericOptions(/*allow_equals=*/false);
  } else if (with || IsKind(TokenKind::kIdentifier)) {
    ParseLegacyCopyOptions(copy->options);
  }
  return copy;
}

// PostgreSQL's pre-9.0 COPY options, converted to the generic form.
void Parser::ParseLegacyCopyOptions(std::vector<GenericOption>& options) {
  auto column_list = [this]() {
    OptionValue value;
    if (AcceptOperator("*")) {
      value.kind = OptionValue::Kind::kStar;
      return value;
    }
    value.kind = OptionValue::Kind::kList;
    do {
      value.list.push_back(IdentifierValue(ParseColId()));
    } while (Accept(TokenKind::kComma));
    return value;
  };
  auto string_argument = [this]() {
    AcceptWord("as");
    if (!IsKind(TokenKind::kString)) SyntaxErrorHere();
    return StringValue(Advance().text);
  };
  while (IsKind(TokenKind::kIdentifier)) {
    const std::string word = Advance().text;
    if (word == "binary" || word == "csv") {
      options.push_back({"format", IdentifierValue(word)});
    } else if (word == "header" || word == "freeze") {
      options.push_back({word, BooleanValue(true)});
    } else if (word == "delimiter" || word == "null" || word == "quote" || word == "escape" ||
               word == "encoding") {
      options.push_back({word, string_argument()});
    } else if (word == "force") {
      if (AcceptWord("quote")) {
        options.push_back({"force_quote", column_list()});
      } else if (AcceptWord("not")) {
        ExpectWord("null");
        options.push_back({"force_not_null", column_list()});
      } else {
        ExpectWord("null");
        options.push_back({"force_null", column_list()});
      }
    } else {
      SyntaxError(tokens_[pos_ - 1]);
    }
  }
}

// ( name [[=] value], ... ).
std::vector<GenericOption> Parser::ParseGenericOptions(bool allow_equals) {
  std::vector<GenericOption> options;
  Expect(TokenKind::kLeftParen);
  do {
    GenericOption option;
    option.name = ParseColLabel();
    if (allow_equals) AcceptOperator("=");
    if (IsOptionValueStart()) option.value = ParseOptionValue();
    options.push_back(std::move(option));
  } while (Accept(TokenKind::kComma));
  Expect(TokenKind::kRightParen);
  return options;
}

bool Parser::IsOptionValueStart() const {
  const Token& token = Peek();
  return token.kind == TokenKind::kString || token.kind == TokenKind::kNumber ||
         token.kind == TokenKind::kIdentifier || token.kind == TokenKind::kQuotedIdentifier ||
         token.kind == TokenKind::kLeftParen || token.IsOperator("*") || token.IsOperator("-") ||
         token.IsOperator("+");
}

OptionValue Parser::ParseOptionValue() {
  const Token& token = Peek();
  OptionValue value;
  if (token.kind == TokenKind::kString) return StringValue(Advance().text);
  if (token.IsOperator("*")) {
    Advance();
    value.kind = OptionValue::Kind::kStar;
    return value;
  }
  if (token.IsOperator("-") || token.IsOperator("+") || token.kind == TokenKind::kNumber) {
    std::string sign;
    if (token.kind == TokenKind::kOperator) sign = Advance().text == "-" ? "-" : "";
    if (!IsKind(TokenKind::kNumber)) SyntaxErrorHere();
    value.kind = OptionValue::Kind::kNumber;
    value.text = sign + Advance().text;
    return value;
  }
  if (token.kind == TokenKind::kLeftParen) {
    Advance();
    value.kind = OptionValue::Kind::kList;
    do {
      value.list.push_back(ParseOptionValue());
    } while (Accept(TokenKind::kComma));
    Expect(TokenKind::kRightParen);
    return value;
  }
  if (token.IsWord("true") || token.IsWord("false")) return BooleanValue(Advance().IsWord("true"));
  if (IsColLabel(token)) return IdentifierValue(Advance().text);
  SyntaxError(token);
}

std::string Parser::ParseVariableName() {
  std::string name = ParseColLabel();
  while (IsKind(TokenKind::kDot)) {
    Advance();
    name += "." + ParseColLabel();
  }
  return name;
}

StatementPtr Parser::ParseSet() {
  ExpectWord("set");
  auto set = std::make_unique<SetStatement>();
  if (AcceptWord("session")) {
    set->scope = SetScope::kSession;
  } else if (AcceptWord("local")) {
    set->scope = SetScope::kLocal;
  }
  if (IsWord("time") && IsWord("zone", 1)) {
    Advance();
    Advance();
    set->name = "timezone";
    if (AcceptWord("default") || AcceptWord("local")) {
      set->to_default = true;
    } else if (AcceptWord("interval")) {
      // Kept as "INTERVAL '<text>'", the form the TimeZone setting reads. A field
      // qualifier (HOUR TO MINUTE) is accepted and, as for any zone, irrelevant.
      if (!IsKind(TokenKind::kString)) SyntaxErrorHere();
      set->values.push_back(StringValue("INTERVAL '" + Advance().text + "'"));
      while (IsWord("hour") || IsWord("minute") || IsWord("second") || IsWord("to")) Advance();
    } else {
      set->values.push_back(ParseOptionValue());
    }
    return set;
  }
  set->name = ParseVariableName();
  if (!AcceptWord("to")) ExpectOperator("=");
  if (AcceptWord("default")) {
    set->to_default = true;
    return set;
  }
  do {
    if (IsKind(TokenKind::kLeftParen)) SyntaxErrorHere();
    set->values.push_back(ParseOptionValue());
  } while (Accept(TokenKind::kComma));
  return set;
}

StatementPtr Parser::ParseReset() {
  ExpectWord("reset");
  auto reset = std::make_unique<ResetStatement>();
  if (AcceptWord("all")) {
    reset->all = true;
  } else if (IsWord("time") && IsWord("zone", 1)) {
    Advance();
    Advance();
    reset->name = "timezone";
  } else {
    reset->name = ParseVariableName();
  }
  return reset;
}

StatementPtr Parser::ParseShow() {
  ExpectWord("show");
  auto show = std::make_unique<ShowStatement>();
  if (AcceptWord("all")) {
    show->target = ShowTarget::kAll;
  } else if (IsWord("tables") && (IsKind(TokenKind::kEnd, 1) || IsKind(TokenKind::kSemicolon, 1))) {
    Advance();
    show->target = ShowTarget::kTables;
  } else if (IsWord("time") && IsWord("zone", 1)) {
    Advance();
    Advance();
    show->name = "timezone";
  } else {
    show->name = ParseVariableName();
  }
  return show;
}

StatementPtr Parser::ParseExplain() {
  ExpectWord("explain");
  auto explain = std::make_unique<ExplainStatement>();
  if (IsKind(TokenKind::kLeftParen) && !IsQueryStart(1) && !IsKind(TokenKind::kLeftParen, 1)) {
    explain->options = ParseGenericOptions(/*allow_equals=*/false);
    for (const GenericOption& option : explain->options) {
      if (option.name == "analyze" || option.name == "analyse") {
        explain->analyze = OptionIsTrue(option.value);
      } else if (option.name == "verbose") {
        explain->verbose = OptionIsTrue(option.value);
      }
    }
  } else {
    if (AcceptWord("analyze") || AcceptWord("analyse")) {
      explain->analyze = true;
      explain->options.push_back({"analyze", {}});
    }
    if (AcceptWord("verbose")) {
      explain->verbose = true;
      explain->options.push_back({"verbose", {}});
    }
  }
  explain->statement = ParseStatement();
  return explain;
}

StatementPtr Parser::ParseCall() {
  const uint32_t start = StartOffset();
  ExpectWord("call");
  auto call = std::make_unique<CallStatement>();
  std::vector<std::string> name = ParseQualifiedName();
  if (!IsKind(TokenKind::kLeftParen)) SyntaxErrorHere();
  call->call = ParseFunctionCall(std::move(name), start);
  return call;
}

StatementPtr Parser::ParseTransaction() {
  auto transaction = std::make_unique<TransactionStatement>();
  const std::string word = Advance().text;
  if (word == "begin" || word == "start") {
    transaction->transaction_kind = TransactionKind::kBegin;
    if (word == "start") {
      ExpectWord("transaction");
    } else if (!AcceptWord("work")) {
      AcceptWord("transaction");
    }
    return transaction;
  }
  transaction->transaction_kind = (word == "commit" || word == "end") ? TransactionKind::kCommit
                                                                      : TransactionKind::kRollback;
  if (!AcceptWord("work")) AcceptWord("transaction");
  return transaction;
}

StatementPtr Parser::ParsePrepare() {
  ExpectWord("prepare");
  auto prepare = std::make_unique<PrepareStatement>();
  prepare->name = ParseColId();
  if (Accept(TokenKind::kLeftParen)) {
    do {
      prepare->parameter_types.push_back(ParseType());
    } while (Accept(TokenKind::kComma));
    Expect(TokenKind::kRightParen);
  }
  ExpectWord("as");
  prepare->statement = ParseStatement();
  return prepare;
}

StatementPtr Parser::ParseExecute() {
  ExpectWord("execute");
  auto execute = std::make_unique<ExecuteStatement>();
  execute->name = ParseColId();
  if (Accept(TokenKind::kLeftParen)) {
    execute->args = ParseExprList();
    Expect(TokenKind::kRightParen);
  }
  return execute;
}

StatementPtr Parser::ParseDeallocate() {
  ExpectWord("deallocate");
  AcceptWord("prepare");
  auto deallocate = std::make_unique<DeallocateStatement>();
  if (AcceptWord("all")) {
    deallocate->all = true;
  } else {
    deallocate->name = ParseColId();
  }
  return deallocate;
}

}  // namespace basin::ast
