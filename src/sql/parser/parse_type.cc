// src/sql/parser/parse_type.cc
// Type names, with PostgreSQL's synonyms folded to canonical names (see ast_type.h).
#include <cstdlib>

#include "sql/parser/parser_internal.h"

namespace basin::ast {
namespace {

struct TypeAlias {
  std::string_view written;
  std::string_view canonical;
};

// One-word spellings; multi-word ones (double precision, character varying,
// timestamp with time zone, ...) are handled in ParseType.
constexpr TypeAlias kTypeAliases[] = {
    {"bool", "boolean"},        {"boolean", "boolean"},     {"int2", "smallint"},
    {"smallint", "smallint"},   {"int", "integer"},         {"int4", "integer"},
    {"integer", "integer"},     {"signed", "integer"},      {"int8", "bigint"},
    {"bigint", "bigint"},       {"long", "bigint"},         {"float4", "real"},
    {"real", "real"},           {"float8", "double"},       {"double", "double"},
    {"decimal", "numeric"},     {"dec", "numeric"},         {"numeric", "numeric"},
    {"varchar", "varchar"},     {"text", "varchar"},        {"string", "varchar"},
    {"bpchar", "char"},         {"char", "char"},           {"character", "char"},
    {"date", "date"},           {"time", "time"},           {"timetz", "timetz"},
    {"timestamp", "timestamp"}, {"datetime", "timestamp"},  {"timestamptz", "timestamptz"},
    {"interval", "interval"},   {"bytea", "bytea"},         {"blob", "bytea"},
    {"binary", "bytea"},        {"varbinary", "bytea"},     {"json", "json"},
    {"jsonb", "jsonb"},         {"uuid", "uuid"},           {"list", "list"},
    {"struct", "struct"},       {"map", "map"},             {"vector", "vector"},
};

std::string Canonical(const std::string& written) {
  for (const TypeAlias& alias : kTypeAliases) {
    if (alias.written == written) return std::string(alias.canonical);
  }
  return written;
}

}  // namespace

bool Parser::IsIntervalFieldStart() const {
  return IsWord("year") || IsWord("month") || IsWord("day") || IsWord("hour") ||
         IsWord("minute") || IsWord("second");
}

// YEAR | MONTH | DAY | HOUR | MINUTE | SECOND[(p)] | YEAR TO MONTH | DAY TO HOUR | ...
void Parser::ParseIntervalFields(TypeName& type) {
  const std::string first = Advance().text;
  std::string fields = first;
  std::string last = first;
  if (IsWord("to")) {
    Advance();
    const Token& second = Peek();
    const bool valid =
        (first == "year" && second.IsWord("month")) ||
        (first == "day" && (second.IsWord("hour") || second.IsWord("minute") ||
                             second.IsWord("second"))) ||
        (first == "hour" && (second.IsWord("minute") || second.IsWord("second"))) ||
        (first == "minute" && second.IsWord("second"));
    if (!valid) SyntaxError(second);
    last = Advance().text;
    fields += " to " + last;
  }
  if (last == "second" && IsKind(TokenKind::kLeftParen) && IsKind(TokenKind::kNumber, 1)) {
    Advance();
    type.modifiers.push_back(std::atoll(Advance().text.c_str()));
    Expect(TokenKind::kRightParen);
  }
  type.interval_fields = std::move(fields);
}

TypeName Parser::ParseType() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  TypeName type;
  const Token& first = Peek();
  if (first.kind != TokenKind::kIdentifier && first.kind != TokenKind::kQuotedIdentifier) {
    SyntaxError(first);
  }
  const bool quoted = first.kind == TokenKind::kQuotedIdentifier;
  const KeywordCategory category = CategoryOf(first);
  if (category == KeywordCategory::kReserved) SyntaxError(first);
  std::string word = Advance().text;
  bool with_time_zone = false;
  if (!quoted && word == "double") {
    AcceptWord("precision");
  } else if (!quoted && (word == "character" || word == "char" || word == "nchar" ||
                         word == "national")) {
    if (word == "national") {
      if (!AcceptWord("character")) ExpectWord("char");
    }
    if (AcceptWord("varying")) word = "varchar";
  } else if (!quoted && word == "float") {
    // FLOAT(p): precision in bits, 1..24 is real and 25..53 double, as in PostgreSQL.
    word = "double";
    if (IsKind(TokenKind::kLeftParen) && IsKind(TokenKind::kNumber, 1)) {
      Advance();
      const Token& bits_token = Advance();
      const long long bits = std::atoll(bits_token.text.c_str());
      if (bits < 1 || bits > 53 || bits_token.text.size() > 3) {
        ErrorAt(bits_token, "precision for type float must be between 1 and 53 bits");
      }
      if (bits <= 24) word = "real";
      Expect(TokenKind::kRightParen);
    }
  }
  bool canonical = !quoted;
  if (IsKind(TokenKind::kDot) && IsColLabel(Peek(1))) {
    // A qualified name; pg_catalog.int4 is the built-in int4.
    const bool catalog = !quoted && word == "pg_catalog";
    std::string qualified = word;
    while (IsKind(TokenKind::kDot) && IsColLabel(Peek(1))) {
      Advance();
      canonical = Peek().kind == TokenKind::kIdentifier;
      qualified += "." + Advance().text;
    }
    if (catalog && qualified.find('.', 11) == std::string::npos) {
      word = qualified.substr(11);
    } else {
      word = qualified;
      canonical = false;
    }
  }
  type.name = canonical ? Canonical(word) : word;
  if (type.name == "struct" && canonical && IsKind(TokenKind::kLeftParen)) {
    Advance();
    do {
      type.field_names.push_back(ParseColLabel());
      type.children.push_back(ParseType());
    } while (Accept(TokenKind::kComma));
    Expect(TokenKind::kRightParen);
  } else if ((type.name == "list" || type.name == "map") && canonical &&
             IsKind(TokenKind::kLeftParen)) {
    Advance();
    do {
      type.children.push_back(ParseType());
    } while (Accept(TokenKind::kComma));
    Expect(TokenKind::kRightParen);
    const size_t want = type.name == "list" ? 1 : 2;
    if (type.children.size() != want) SyntaxError(tokens_[pos_ - 1]);
  } else if (IsKind(TokenKind::kLeftParen) && type.name != "double" && type.name != "real") {
    Advance();
    do {
      AcceptOperator("+");
      const bool negative = AcceptOperator("-");
      const Token& number = Peek();
      if (number.kind != TokenKind::kNumber ||
          number.text.find_first_not_of("0123456789") != std::string::npos ||
          number.text.size() > 18) {
        SyntaxError(number);
      }
      const long long value = std::atoll(Advance().text.c_str());
      type.modifiers.push_back(negative ? -value : value);
    } while (Accept(TokenKind::kComma));
    Expect(TokenKind::kRightParen);
  }
  if ((type.name == "timestamp" || type.name == "time") && canonical) {
    if (IsWord("with") && IsWord("time", 1) && IsWord("zone", 2)) {
      Advance();
      Advance();
      Advance();
      with_time_zone = true;
    } else if (IsWord("without") && IsWord("time", 1) && IsWord("zone", 2)) {
      Advance();
      Advance();
      Advance();
    }
    if (with_time_zone) type.name += "tz";
  }
  if (type.name == "interval" && canonical && type.modifiers.empty() && IsIntervalFieldStart()) {
    ParseIntervalFields(type);
  }
  while (IsKind(TokenKind::kLeftBracket)) {
    Advance();
    if (IsKind(TokenKind::kNumber)) Advance();  // int[3]: PostgreSQL ignores the size
    Expect(TokenKind::kRightBracket);
    ++type.array_dims;
  }
  if (IsWord("array")) {  // SQL-standard "integer ARRAY"
    Advance();
    if (Accept(TokenKind::kLeftBracket)) {
      if (IsKind(TokenKind::kNumber)) Advance();
      Expect(TokenKind::kRightBracket);
    }
    ++type.array_dims;
  }
  if (type.array_dims > 6) ErrorAt(tokens_[pos_ - 1], "number of array dimensions exceeds the maximum allowed (6)");
  type.span = SpanFrom(start);
  return type;
}

}  // namespace basin::ast
