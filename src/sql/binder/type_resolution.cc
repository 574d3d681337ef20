#include "sql/binder/type_resolution.h"

#include <algorithm>

#include "common/error.h"
#include "sql/parser/ast_type.h"

namespace basin {

namespace {

// Bare NUMERIC has no fixed scale in PostgreSQL; Basin's decimals do, so it means
// DECIMAL(38, 10) when a column is declared with it.
constexpr uint8_t kDefaultNumericScale = 10;

// Rank within PostgreSQL's numeric category: implicit casts go upward.
int NumericRank(TypeId id) {
  switch (id) {
    case TypeId::kSmallInt:
      return 1;
    case TypeId::kInteger:
      return 2;
    case TypeId::kBigInt:
      return 3;
    case TypeId::kDecimal:
      return 4;
    case TypeId::kReal:
      return 5;
    case TypeId::kDouble:
      return 6;
    default:
      return 0;
  }
}

int TemporalRank(TypeId id) {
  switch (id) {
    case TypeId::kDate:
      return 1;
    case TypeId::kTimestamp:
      return 2;
    case TypeId::kTimestampTz:
      return 3;
    default:
      return 0;
  }
}

LogicalType WiderDecimal(const LogicalType& a, const LogicalType& b) {
  const int scale = std::max(a.scale(), b.scale());
  const int integer_digits = std::max(a.precision() - a.scale(), b.precision() - b.scale());
  const int precision = std::min<int>(kMaxDecimalPrecision, integer_digits + scale);
  return LogicalType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(scale));
}

}  // namespace

LogicalType DecimalForInteger(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kSmallInt:
      return LogicalType::Decimal(5, 0);
    case TypeId::kInteger:
      return LogicalType::Decimal(10, 0);
    case TypeId::kBigInt:
      return LogicalType::Decimal(19, 0);
    default:
      return type;
  }
}

namespace {

LogicalType ResolveScalarTypeName(const ast::TypeName& type);

// list(T), struct(a T, ...), map(K, V): DuckDB's spellings of the nested types.
LogicalType ResolveNestedTypeName(const ast::TypeName& type) {
  const std::string& name = type.name;
  if (name == "list" && type.children.size() == 1) return LogicalType::List(ResolveTypeName(type.children[0]));
  if (name == "map" && type.children.size() == 2) {
    return LogicalType::Map(ResolveTypeName(type.children[0]), ResolveTypeName(type.children[1]));
  }
  if (name == "struct" && !type.children.empty()) {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    for (size_t i = 0; i < type.children.size(); ++i) {
      const std::string& field = type.field_names.at(i);
      for (const auto& seen : names) {
        if (seen == field) {
          throw Error(sqlstate::kDuplicateColumn, "struct field \"" + field + "\" is specified more than once", type.span);
        }
      }
      names.push_back(field);
      types.push_back(ResolveTypeName(type.children[i]));
    }
    return LogicalType::Struct(std::move(names), std::move(types));
  }
  throw Error(sqlstate::kSyntaxError, "type \"" + name + "\" needs its element types, as in " +
                                          (name == "map" ? "map(varchar, integer)" : name == "list" ? "list(integer)" : "struct(a integer)"),
              type.span);
}

}  // namespace

LogicalType ResolveTypeName(const ast::TypeName& type) {
  // integer[] and integer[][]: PostgreSQL's arrays are Basin's lists (of lists).
  LogicalType resolved = ResolveScalarTypeName(type);
  for (int i = 0; i < type.array_dims; ++i) resolved = LogicalType::List(resolved);
  return resolved;
}

namespace {

LogicalType ResolveScalarTypeName(const ast::TypeName& type) {
  const std::string& name = type.name;
  if (name == "list" || name == "struct" || name == "map") return ResolveNestedTypeName(type);
  if (name == "boolean") return TypeId::kBoolean;
  if (name == "smallint") return TypeId::kSmallInt;
  if (name == "integer") return TypeId::kInteger;
  if (name == "bigint") return TypeId::kBigInt;
  if (name == "real") return TypeId::kReal;
  if (name == "double") return TypeId::kDouble;
  if (name == "numeric") {
    int64_t precision = kMaxDecimalPrecision;
    int64_t scale = kDefaultNumericScale;
    if (!type.modifiers.empty()) {
      precision = type.modifiers[0];
      scale = type.modifiers.size() > 1 ? type.modifiers[1] : 0;
    }
    if (precision < 1 || precision > kMaxDecimalPrecision) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "NUMERIC precision " + std::to_string(precision) + " must be between 1 and 38", type.span);
    }
    if (scale < 0 || scale > precision) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "NUMERIC scale " + std::to_string(scale) + " must be between 0 and precision " +
                      std::to_string(precision),
                  type.span);
    }
    return LogicalType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(scale));
  }
  if (name == "varchar" || name == "char" || name == "text" || name == "json" || name == "uuid") {
    return TypeId::kVarchar;
  }
  if (name == "date") return TypeId::kDate;
  if (name == "time") return TypeId::kTime;
  if (name == "timestamp") return TypeId::kTimestamp;
  if (name == "timestamptz") return TypeId::kTimestampTz;
  if (name == "interval") return TypeId::kInterval;
  throw Error(sqlstate::kUndefinedObject, "type \"" + name + "\" does not exist", type.span);
}

}  // namespace

std::optional<LogicalType> CommonSuperType(const LogicalType& a, const LogicalType& b) {
  if (a == b) return a;
  if (a.id() == TypeId::kNull) return b;
  if (b.id() == TypeId::kNull) return a;
  const int rank_a = NumericRank(a.id());
  const int rank_b = NumericRank(b.id());
  if (rank_a > 0 && rank_b > 0) {
    if (a.id() == TypeId::kDecimal && b.id() == TypeId::kDecimal) return WiderDecimal(a, b);
    if (a.id() == TypeId::kDecimal && b.IsInteger()) return WiderDecimal(a, DecimalForInteger(b));
    if (b.id() == TypeId::kDecimal && a.IsInteger()) return WiderDecimal(b, DecimalForInteger(a));
    return rank_a > rank_b ? a : b;
  }
  const int temporal_a = TemporalRank(a.id());
  const int temporal_b = TemporalRank(b.id());
  if (temporal_a > 0 && temporal_b > 0) return temporal_a > temporal_b ? a : b;
  if (a.id() == TypeId::kList && b.id() == TypeId::kList) {
    auto element = CommonSuperType(a.ChildType(), b.ChildType());
    if (element) return LogicalType::List(*element);
  }
  return std::nullopt;
}

std::optional<int> ImplicitCastCost(const LogicalType& from, const LogicalType& to, bool untyped_literal) {
  if (from == to) return 0;
  if (from.id() == to.id() && from.id() == TypeId::kDecimal) return 1;
  if (from.id() == TypeId::kNull) return 1;
  if (untyped_literal) return to.id() == TypeId::kVarchar ? 1 : 2;
  const int rank_from = NumericRank(from.id());
  const int rank_to = NumericRank(to.id());
  if (rank_from > 0 && rank_to > 0 && rank_to > rank_from) return rank_to - rank_from;
  const int temporal_from = TemporalRank(from.id());
  const int temporal_to = TemporalRank(to.id());
  if (temporal_from > 0 && temporal_to > temporal_from) return temporal_to - temporal_from;
  if (from.id() == TypeId::kList && to.id() == TypeId::kList) {
    return ImplicitCastCost(from.ChildType(), to.ChildType(), false);
  }
  return std::nullopt;
}

std::optional<CompareOp> ComparisonOperator(const std::string& op) {
  if (op == "=") return CompareOp::kEq;
  if (op == "<>" || op == "!=") return CompareOp::kNotEq;
  if (op == "<") return CompareOp::kLt;
  if (op == "<=") return CompareOp::kLtEq;
  if (op == ">") return CompareOp::kGt;
  if (op == ">=") return CompareOp::kGtEq;
  return std::nullopt;
}

bool IsUntypedLiteral(const Expression& expr) {
  return expr.kind == ExprKind::kConstant && expr.As<ConstantExpr>().untyped_string;
}

ExprPtr CastTo(ExprPtr expr, const LogicalType& type, const TimeZone& zone, CastMode mode) {
  if (expr->type == type) return expr;
  if (expr->kind == ExprKind::kConstant) {
    const auto& constant = expr->As<ConstantExpr>();
    if (mode == CastMode::kStrict || constant.value.is_null()) {
      auto folded = std::make_unique<ConstantExpr>(constant.value.CastTo(type, zone));
      folded->alias = expr->alias;
      return folded;
    }
  }
  auto alias = expr->alias;
  auto cast = std::make_unique<CastExpr>(std::move(expr), type, mode, &zone);
  cast->alias = alias;
  return cast;
}

}  // namespace basin
