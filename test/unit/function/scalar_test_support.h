// test/unit/function/scalar_test_support.h
// Calls a registered scalar function on Values, the way the binder and evaluator
// would: picks the overload whose declared types match the arguments exactly (kNull
// and DECIMAL(0,0) declarations match any type / any decimal), runs its bind
// callback, then its kernel on flat or constant vectors.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "common/time_zone.h"
#include "common/value.h"
#include "common/vector.h"
#include "function/function_registry.h"

namespace basin::testing_support {

inline bool Accepts(const LogicalType& declared, const LogicalType& actual) {
  if (declared.id() == TypeId::kNull) return true;
  if (declared.id() == TypeId::kDecimal && declared.precision() == 0) {
    return actual.id() == TypeId::kDecimal;
  }
  return declared == actual;
}

inline const ScalarFunction& FindOverload(const std::string& name,
                                          const std::vector<LogicalType>& types) {
  const auto* overloads = FunctionRegistry::BuiltIn().FindScalar(name);
  if (overloads == nullptr) throw std::runtime_error("no function " + name);
  for (const auto& function : *overloads) {
    const size_t fixed = function->arguments.size();
    if (types.size() < fixed || (types.size() > fixed && !function->varargs)) continue;
    bool match = true;
    for (size_t i = 0; i < types.size() && match; ++i) {
      match = Accepts(i < fixed ? function->arguments[i] : *function->varargs, types[i]);
    }
    if (match) return *function;
  }
  throw std::runtime_error("no overload of " + name + " for these types");
}

inline Vector MakeFlat(const LogicalType& type, const std::vector<Value>& values) {
  Vector vector(type, static_cast<uint32_t>(values.empty() ? 1 : values.size()));
  for (uint32_t row = 0; row < values.size(); ++row) vector.SetValue(row, values[row]);
  return vector;
}

inline Vector MakeConstant(const Value& value) {
  Vector vector(value.type(), 1);
  vector.SetValue(0, value);
  vector.SetConstant(true);
  return vector;
}

// Runs `name` over columns (each flat with `rows` values, or constant when it holds
// one value and `rows` > 1) and returns the result rows.
inline std::vector<Value> CallColumns(const std::string& name,
                                      const std::vector<std::vector<Value>>& columns,
                                      uint32_t rows) {
  std::vector<LogicalType> types;
  for (const auto& column : columns) types.push_back(column.at(0).type());
  const ScalarFunction& function = FindOverload(name, types);
  LogicalType return_type = function.return_type;
  std::unique_ptr<FunctionData> data;
  if (function.bind) data = function.bind(types, return_type);
  // As the binder does, in UTC (the session default).
  if (function.uses_time_zone) data = std::make_unique<TimeZoneData>(&TimeZone::Utc());
  std::vector<Vector> vectors;
  bool all_constant = true;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].size() == 1 && rows >= 1) {
      vectors.push_back(MakeConstant(columns[i][0]));
    } else {
      vectors.push_back(MakeFlat(types[i], columns[i]));
      all_constant = false;
    }
  }
  std::vector<const Vector*> args;
  for (const auto& vector : vectors) args.push_back(&vector);
  const uint32_t count = all_constant ? 1 : rows;
  Vector result(return_type, count);
  function.kernel(args, count, data.get(), result);
  std::vector<Value> values;
  for (uint32_t row = 0; row < rows; ++row)
    values.push_back(result.GetValue(all_constant ? 0 : row));
  return values;
}

// One row, all arguments constant (as constant folding calls kernels).
inline Value Call(const std::string& name, const std::vector<Value>& args) {
  std::vector<std::vector<Value>> columns;
  for (const auto& arg : args) columns.push_back({arg});
  return CallColumns(name, columns, 1)[0];
}

// One row, all arguments as one-row flat vectors.
inline Value CallFlat(const std::string& name, const std::vector<Value>& args) {
  std::vector<LogicalType> types;
  for (const auto& arg : args) types.push_back(arg.type());
  const ScalarFunction& function = FindOverload(name, types);
  LogicalType return_type = function.return_type;
  std::unique_ptr<FunctionData> data;
  if (function.bind) data = function.bind(types, return_type);
  // As the binder does, in UTC (the session default).
  if (function.uses_time_zone) data = std::make_unique<TimeZoneData>(&TimeZone::Utc());
  std::vector<Vector> vectors;
  for (const auto& arg : args) vectors.push_back(MakeFlat(arg.type(), {arg}));
  std::vector<const Vector*> pointers;
  for (const auto& vector : vectors) pointers.push_back(&vector);
  Vector result(return_type, 1);
  function.kernel(pointers, 1, data.get(), result);
  return result.GetValue(0);
}

inline Value Text(std::string text) { return Value::Varchar(std::move(text)); }
inline Value Int(int32_t value) { return Value::Integer(value); }
inline Value Big(int64_t value) { return Value::BigInt(value); }
inline Value Dbl(double value) { return Value::Double(value); }
inline Value NullText() { return Value::Null(TypeId::kVarchar); }

// The text of a result, "NULL" for NULL.
inline std::string Str(const Value& value) { return value.ToString(); }

// Runs `body` and returns the SQLSTATE and message of the Error it throws.
template <class Body>
std::string ErrorOf(Body&& body) {
  try {
    body();
  } catch (const Error& error) {
    return error.state().ToString() + ": " + error.message();
  }
  return "no error";
}

}  // namespace basin::testing_support
