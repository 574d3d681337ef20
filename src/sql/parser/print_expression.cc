// src/sql/parser/print_expression.cc
// SQL text for expressions, types and window specifications.
#include "sql/parser/ast_printer.h"
#include "sql/parser/ast_printer_internal.h"
#include "sql/parser/keywords.h"

namespace basin::ast {
namespace {

bool IsPlainName(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return false;
  }
  return true;
}

// Function names need quotes less often than column names: type/function-name
// keywords (left, right) are fine before '(', and so are the column-name keywords
// whose special syntax yields the same call.
std::string QuoteFunctionName(std::string_view name) {
  static constexpr std::string_view kSafeColumnNameKeywords[] = {
      "coalesce", "nullif", "greatest", "least", "grouping", "substring", "overlay"};
  if (name == "try_cast") return "\"try_cast\"";  // unquoted, it is the TRY_CAST form
  if (!IsPlainName(name)) return QuoteIdentifier(name);
  const KeywordCategory category = KeywordCategoryOf(name);
  if (category == KeywordCategory::kReserved) return QuoteIdentifier(name);
  if (category == KeywordCategory::kColumnName) {
    for (std::string_view safe : kSafeColumnNameKeywords) {
      if (name == safe) return std::string(name);
    }
    return QuoteIdentifier(name);
  }
  return std::string(name);
}

const char* SetKindName(GroupingSetKind kind) {
  switch (kind) {
    case GroupingSetKind::kRollup: return "ROLLUP";
    case GroupingSetKind::kCube: return "CUBE";
    case GroupingSetKind::kSets: return "GROUPING SETS";
    case GroupingSetKind::kEmpty: break;
  }
  return "";
}

void AppendFunctionCall(const FunctionCall& call, std::string& out) {
  if (call.keyword_form) {
    out += call.name.back();
    if (!call.args.empty()) {
      out += '(';
      AppendExprList(call.args, out);
      out += ')';
    }
    return;
  }
  for (size_t i = 0; i + 1 < call.name.size(); ++i) {
    out += QuoteIdentifier(call.name[i]);
    out += '.';
  }
  out += QuoteFunctionName(call.name.back());
  out += '(';
  if (call.star) {
    out += '*';
  } else {
    if (call.distinct) out += "DISTINCT ";
    for (size_t i = 0; i < call.args.size(); ++i) {
      if (i > 0) out += ", ";
      if (i < call.arg_names.size() && !call.arg_names[i].empty()) {
        out += QuoteIdentifier(call.arg_names[i]);
        out += " => ";
      }
      AppendExpr(*call.args[i], out);
    }
    if (!call.order_by.empty() && !call.within_group) {
      out += " ORDER BY ";
      AppendOrderBy(call.order_by, out);
    }
  }
  out += ')';
  if (call.within_group) {
    out += " WITHIN GROUP (ORDER BY ";
    AppendOrderBy(call.order_by, out);
    out += ')';
  }
  if (call.filter) {
    out += " FILTER (WHERE ";
    AppendExpr(*call.filter, out);
    out += ')';
  }
  if (call.over) {
    out += " OVER ";
    const WindowSpec& spec = *call.over;
    if (!spec.existing_name.empty() && spec.partition_by.empty() && spec.order_by.empty() &&
        spec.frame.mode == FrameMode::kNone) {
      out += QuoteIdentifier(spec.existing_name);
    } else {
      AppendWindowSpec(spec, out);
    }
  }
}

void AppendFrameBound(const FrameBound& bound, std::string& out) {
  switch (bound.kind) {
    case FrameBoundKind::kUnboundedPreceding: out += "UNBOUNDED PRECEDING"; return;
    case FrameBoundKind::kUnboundedFollowing: out += "UNBOUNDED FOLLOWING"; return;
    case FrameBoundKind::kCurrentRow: out += "CURRENT ROW"; return;
    case FrameBoundKind::kPreceding:
    case FrameBoundKind::kFollowing:
      AppendExpr(*bound.offset, out);
      out += bound.kind == FrameBoundKind::kPreceding ? " PRECEDING" : " FOLLOWING";
      return;
  }
}

void AppendParenthesizedQuery(const QueryNode& query, std::string& out) {
  out += '(';
  AppendQuery(query, out);
  out += ')';
}

}  // namespace

std::string QuoteIdentifier(std::string_view name) {
  const KeywordCategory category = KeywordCategoryOf(name);
  if (IsPlainName(name) && (category == KeywordCategory::kNone ||
                            category == KeywordCategory::kUnreserved)) {
    return std::string(name);
  }
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string QuoteString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

void AppendQualifiedName(const std::vector<std::string>& parts, std::string& out) {
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '.';
    out += QuoteIdentifier(parts[i]);
  }
}

void AppendNames(const std::vector<std::string>& names, std::string& out) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteIdentifier(names[i]);
  }
}

void AppendExprList(const ExprList& list, std::string& out) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ", ";
    AppendExpr(*list[i], out);
  }
}

void AppendOrderBy(const std::vector<OrderByItem>& items, std::string& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    AppendExpr(*items[i].expr, out);
    if (items[i].direction == SortDirection::kAscending) out += " ASC";
    if (items[i].direction == SortDirection::kDescending) out += " DESC";
    if (items[i].nulls == NullsOrder::kFirst) out += " NULLS FIRST";
    if (items[i].nulls == NullsOrder::kLast) out += " NULLS LAST";
  }
}

void AppendWindowSpec(const WindowSpec& spec, std::string& out) {
  out += '(';
  bool space = false;
  auto separate = [&]() {
    if (space) out += ' ';
    space = true;
  };
  if (!spec.existing_name.empty()) {
    separate();
    const std::string& name = spec.existing_name;
    // These words would start a clause instead of naming a window.
    const bool clause_word = name == "partition" || name == "order" || name == "rows" ||
                             name == "range" || name == "groups";
    out += clause_word ? "\"" + name + "\"" : QuoteIdentifier(name);
  }
  if (!spec.partition_by.empty()) {
    separate();
    out += "PARTITION BY ";
    AppendExprList(spec.partition_by, out);
  }
  if (!spec.order_by.empty()) {
    separate();
    out += "ORDER BY ";
    AppendOrderBy(spec.order_by, out);
  }
  const WindowFrame& frame = spec.frame;
  if (frame.mode != FrameMode::kNone) {
    separate();
    out += frame.mode == FrameMode::kRows ? "ROWS" : frame.mode == FrameMode::kRange ? "RANGE" : "GROUPS";
    out += " BETWEEN ";
    AppendFrameBound(frame.start, out);
    out += " AND ";
    AppendFrameBound(frame.end, out);
    switch (frame.exclude) {
      case FrameExclude::kCurrentRow: out += " EXCLUDE CURRENT ROW"; break;
      case FrameExclude::kGroup: out += " EXCLUDE GROUP"; break;
      case FrameExclude::kTies: out += " EXCLUDE TIES"; break;
      case FrameExclude::kNoOthers: break;
    }
  }
  out += ')';
}

void AppendType(const TypeName& type, std::string& out) {
  auto modifiers = [&]() {
    if (type.modifiers.empty()) return;
    out += '(';
    for (size_t i = 0; i < type.modifiers.size(); ++i) {
      if (i > 0) out += ", ";
      out += std::to_string(type.modifiers[i]);
    }
    out += ')';
  };
  static constexpr std::string_view kBuiltin[] = {
      "boolean", "smallint", "integer", "bigint", "real", "numeric", "varchar", "char", "date",
      "time", "timestamp", "bytea", "json", "jsonb", "uuid", "vector", "list", "map"};
  bool builtin = false;
  for (std::string_view name : kBuiltin) builtin |= type.name == name;
  if (type.name == "double") {
    out += "double precision";
  } else if (type.name == "timestamptz" || type.name == "timetz") {
    out += type.name == "timestamptz" ? "timestamp" : "time";
    modifiers();
    out += " with time zone";
  } else if (type.name == "interval") {
    out += "interval";
    if (!type.interval_fields.empty()) {
      out += ' ';
      out += type.interval_fields;
    }
    modifiers();
  } else if (type.name == "struct") {
    out += "struct";
    if (!type.children.empty()) {
      out += '(';
      for (size_t i = 0; i < type.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += QuoteIdentifier(i < type.field_names.size() ? type.field_names[i] : "");
        out += ' ';
        AppendType(type.children[i], out);
      }
      out += ')';
    }
  } else if (type.name == "list" || type.name == "map") {
    out += type.name;
    if (!type.children.empty()) {
      out += '(';
      for (size_t i = 0; i < type.children.size(); ++i) {
        if (i > 0) out += ", ";
        AppendType(type.children[i], out);
      }
      out += ')';
    }
  } else if (builtin) {
    out += type.name;
    modifiers();
  } else {
    // Other names are kept as written; dots separate qualified parts. Quotes keep
    // names like "int4" from turning into a canonical type when parsed again.
    size_t begin = 0;
    while (true) {
      const size_t dot = type.name.find('.', begin);
      out += '"';
      for (char c : type.name.substr(begin, dot - begin)) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
      if (dot == std::string::npos) break;
      out += '.';
      begin = dot + 1;
    }
    modifiers();
  }
  for (int i = 0; i < type.array_dims; ++i) out += "[]";
}

void AppendExpr(const Expr& expr, std::string& out) {
  switch (expr.kind) {
    case ExprKind::kColumnRef:
      AppendQualifiedName(expr.As<ColumnRef>().parts, out);
      return;
    case ExprKind::kConstant: {
      const auto& constant = expr.As<Constant>();
      switch (constant.constant_kind) {
        case ConstantKind::kInteger:
        case ConstantKind::kNumeric:
          if (!constant.value.empty() && constant.value[0] == '-') {
            out += '(' + constant.value + ')';
          } else {
            out += constant.value;
          }
          return;
        case ConstantKind::kString: out += QuoteString(constant.value); return;
        case ConstantKind::kBoolean: out += constant.boolean ? "TRUE" : "FALSE"; return;
        case ConstantKind::kNull: out += "NULL"; return;
      }
      return;
    }
    case ExprKind::kParameter:
      out += '$' + std::to_string(expr.As<Parameter>().index);
      return;
    case ExprKind::kStar: {
      const auto& star = expr.As<Star>();
      if (!star.qualifier.empty()) {
        AppendQualifiedName(star.qualifier, out);
        out += '.';
      }
      out += '*';
      return;
    }
    case ExprKind::kFunctionCall:
      AppendFunctionCall(expr.As<FunctionCall>(), out);
      return;
    case ExprKind::kCast: {
      const auto& cast = expr.As<Cast>();
      out += cast.try_cast ? "TRY_CAST(" : "CAST(";
      AppendExpr(*cast.operand, out);
      out += " AS ";
      AppendType(cast.type, out);
      out += ')';
      return;
    }
    case ExprKind::kBinary: {
      const auto& binary = expr.As<BinaryExpr>();
      out += '(';
      AppendExpr(*binary.left, out);
      out += ' ' + binary.op + ' ';
      AppendExpr(*binary.right, out);
      out += ')';
      return;
    }
    case ExprKind::kUnary: {
      const auto& unary = expr.As<UnaryExpr>();
      out += '(' + unary.op + ' ';  // the space keeps "- *" from lexing as one operator
      AppendExpr(*unary.operand, out);
      out += ')';
      return;
    }
    case ExprKind::kBool: {
      const auto& boolean = expr.As<BoolExpr>();
      out += '(';
      if (boolean.op == BoolOp::kNot) {
        out += "NOT ";
        AppendExpr(*boolean.args[0], out);
      } else {
        for (size_t i = 0; i < boolean.args.size(); ++i) {
          if (i > 0) out += boolean.op == BoolOp::kAnd ? " AND " : " OR ";
          AppendExpr(*boolean.args[i], out);
        }
      }
      out += ')';
      return;
    }
    case ExprKind::kCase: {
      const auto& case_expr = expr.As<CaseExpr>();
      out += "CASE";
      if (case_expr.operand) {
        out += ' ';
        AppendExpr(*case_expr.operand, out);
      }
      for (const WhenClause& when : case_expr.whens) {
        out += " WHEN ";
        AppendExpr(*when.condition, out);
        out += " THEN ";
        AppendExpr(*when.result, out);
      }
      if (case_expr.else_result) {
        out += " ELSE ";
        AppendExpr(*case_expr.else_result, out);
      }
      out += " END";
      return;
    }
    case ExprKind::kSubquery: {
      const auto& subquery = expr.As<SubqueryExpr>();
      switch (subquery.subquery_kind) {
        case SubqueryKind::kScalar:
          AppendParenthesizedQuery(*subquery.query, out);
          return;
        case SubqueryKind::kExists:
          out += "EXISTS ";
          AppendParenthesizedQuery(*subquery.query, out);
          return;
        case SubqueryKind::kArray:
          out += "ARRAY";
          AppendParenthesizedQuery(*subquery.query, out);
          return;
        case SubqueryKind::kIn:
        case SubqueryKind::kAny:
        case SubqueryKind::kAll:
          out += '(';
          AppendExpr(*subquery.left, out);
          if (subquery.subquery_kind == SubqueryKind::kIn) {
            out += subquery.negated ? " NOT IN " : " IN ";
          } else {
            out += ' ' + subquery.op +
                   (subquery.subquery_kind == SubqueryKind::kAny ? " ANY " : " ALL ");
          }
          AppendParenthesizedQuery(*subquery.query, out);
          out += ')';
          return;
      }
      return;
    }
    case ExprKind::kAnyAll: {
      const auto& any_all = expr.As<AnyAllExpr>();
      out += '(';
      AppendExpr(*any_all.left, out);
      out += ' ' + any_all.op + (any_all.all ? " ALL (" : " ANY (");
      AppendExpr(*any_all.array, out);
      out += "))";
      return;
    }
    case ExprKind::kInList: {
      const auto& in_list = expr.As<InListExpr>();
      out += '(';
      AppendExpr(*in_list.operand, out);
      out += in_list.negated ? " NOT IN (" : " IN (";
      AppendExprList(in_list.list, out);
      out += "))";
      return;
    }
    case ExprKind::kBetween: {
      const auto& between = expr.As<BetweenExpr>();
      out += '(';
      AppendExpr(*between.operand, out);
      out += between.negated ? " NOT BETWEEN " : " BETWEEN ";
      if (between.symmetric) out += "SYMMETRIC ";
      AppendExpr(*between.low, out);
      out += " AND ";
      AppendExpr(*between.high, out);
      out += ')';
      return;
    }
    case ExprKind::kLike: {
      const auto& like = expr.As<LikeExpr>();
      out += '(';
      AppendExpr(*like.operand, out);
      if (like.negated) out += " NOT";
      out += like.like_kind == LikeKind::kLike    ? " LIKE "
             : like.like_kind == LikeKind::kILike ? " ILIKE "
                                                  : " SIMILAR TO ";
      AppendExpr(*like.pattern, out);
      if (like.escape) {
        out += " ESCAPE ";
        AppendExpr(*like.escape, out);
      }
      out += ')';
      return;
    }
    case ExprKind::kIs: {
      const auto& is = expr.As<IsExpr>();
      out += '(';
      AppendExpr(*is.operand, out);
      out += is.negated ? " IS NOT " : " IS ";
      switch (is.is_kind) {
        case IsKind::kNull: out += "NULL"; break;
        case IsKind::kTrue: out += "TRUE"; break;
        case IsKind::kFalse: out += "FALSE"; break;
        case IsKind::kUnknown: out += "UNKNOWN"; break;
        case IsKind::kDistinctFrom:
          out += "DISTINCT FROM ";
          AppendExpr(*is.right, out);
          break;
      }
      out += ')';
      return;
    }
    case ExprKind::kArray:
      out += "ARRAY[";
      AppendExprList(expr.As<ArrayExpr>().elements, out);
      out += ']';
      return;
    case ExprKind::kRow: {
      const auto& row = expr.As<RowExpr>();
      out += row.explicit_row || row.fields.size() < 2 ? "ROW(" : "(";
      AppendExprList(row.fields, out);
      out += ')';
      return;
    }
    case ExprKind::kSubscript: {
      const auto& subscript = expr.As<SubscriptExpr>();
      const ExprKind base = subscript.base->kind;
      const bool bare = base == ExprKind::kColumnRef || base == ExprKind::kSubscript ||
                        base == ExprKind::kParameter || base == ExprKind::kFunctionCall ||
                        base == ExprKind::kCast || base == ExprKind::kArray ||
                        base == ExprKind::kFieldAccess;
      if (!bare) out += '(';
      AppendExpr(*subscript.base, out);
      if (!bare) out += ')';
      out += '[';
      if (subscript.index) AppendExpr(*subscript.index, out);
      if (subscript.slice) {
        out += ':';
        if (subscript.upper) AppendExpr(*subscript.upper, out);
      }
      out += ']';
      return;
    }
    case ExprKind::kFieldAccess: {
      const auto& field = expr.As<FieldAccessExpr>();
      out += '(';
      AppendExpr(*field.base, out);
      out += ")." + QuoteIdentifier(field.field);
      return;
    }
    case ExprKind::kCollate: {
      const auto& collate = expr.As<CollateExpr>();
      out += '(';
      AppendExpr(*collate.operand, out);
      out += " COLLATE ";
      AppendQualifiedName(collate.collation, out);
      out += ')';
      return;
    }
    case ExprKind::kGroupingSet: {
      const auto& set = expr.As<GroupingSetExpr>();
      if (set.set_kind == GroupingSetKind::kEmpty) {
        out += "()";
        return;
      }
      out += SetKindName(set.set_kind);
      out += " (";
      AppendExprList(set.items, out);
      out += ')';
      return;
    }
    case ExprKind::kDefault:
      out += "DEFAULT";
      return;
  }
}

std::string ToSql(const Expr& expr) {
  std::string out;
  AppendExpr(expr, out);
  return out;
}

std::string ToSql(const TypeName& type) {
  std::string out;
  AppendType(type, out);
  return out;
}

}  // namespace basin::ast
