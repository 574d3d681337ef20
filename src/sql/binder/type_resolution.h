// src/sql/binder/type_resolution.h
#pragma once

#include <optional>
#include <string>

#include "common/types.h"
#include "exec/expression.h"

namespace basin {
namespace ast {
struct TypeName;
}

// The engine type a SQL type name denotes (42704 for unknown names).
LogicalType ResolveTypeName(const ast::TypeName& name);

// The type both may be converted to implicitly, as PostgreSQL's UNION/CASE type
// resolution does; nullopt when there is none.
std::optional<LogicalType> CommonSuperType(const LogicalType& a, const LogicalType& b);

// The cost of converting `from` to `to` implicitly (0 = same type), or nullopt if
// PostgreSQL would not do it without a CAST. Untyped string literals convert to
// anything.
std::optional<int> ImplicitCastCost(const LogicalType& from, const LogicalType& to, bool untyped_literal);

// Wraps `expr` in a cast to `type` unless it already has it. Constants are folded.
ExprPtr CastTo(ExprPtr expr, const LogicalType& type, const TimeZone& zone,
               CastMode mode = CastMode::kStrict);

// The comparison an operator's spelling names ("=", "<>", "!=", "<", ...), if any.
std::optional<CompareOp> ComparisonOperator(const std::string& op);
// Whether `expr` is a string literal whose type comes from context.
bool IsUntypedLiteral(const Expression& expr);

// The decimal type that holds every value of an integer type.
LogicalType DecimalForInteger(const LogicalType& type);

}  // namespace basin
