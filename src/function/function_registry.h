// src/function/function_registry.h
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "function/aggregate_function.h"
#include "function/scalar_function.h"

namespace basin {

// Every built-in function, by lower-case name. Operators are functions too, named
// by their symbol ("+", "||", "~~"), so that the binder resolves both the same way,
// as PostgreSQL does. Built once, then read-only and shared by all sessions.
class FunctionRegistry {
 public:
  static const FunctionRegistry& BuiltIn();

  void AddScalar(ScalarFunction function);
  void AddAggregate(AggregateFunction function);

  // Overloads of `name`, or null if there is no such function.
  const std::vector<std::shared_ptr<const ScalarFunction>>* FindScalar(const std::string& name) const;
  const std::vector<std::shared_ptr<const AggregateFunction>>* FindAggregate(
      const std::string& name) const;

 private:
  std::unordered_map<std::string, std::vector<std::shared_ptr<const ScalarFunction>>> scalars_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<const AggregateFunction>>> aggregates_;
};

// Each part of the library registers its functions here (one per source file).
void RegisterArithmeticFunctions(FunctionRegistry& registry);
void RegisterBasicAggregates(FunctionRegistry& registry);
void RegisterStatisticsAggregates(FunctionRegistry& registry);
void RegisterBooleanBitwiseAggregates(FunctionRegistry& registry);
void RegisterStringAggAggregate(FunctionRegistry& registry);
void RegisterOrderedSetAggregates(FunctionRegistry& registry);
// percentile_cont, percentile_disc, mode: callable only with WITHIN GROUP.
bool IsOrderedSetAggregate(const std::string& name);
void RegisterIntervalAggregates(FunctionRegistry& registry);
void RegisterLikeFunctions(FunctionRegistry& registry);
void RegisterRegexFunctions(FunctionRegistry& registry);
void RegisterConcatFunctions(FunctionRegistry& registry);
void RegisterStringFunctions(FunctionRegistry& registry);
void RegisterSubstringFunctions(FunctionRegistry& registry);
void RegisterNumericRoundingFunctions(FunctionRegistry& registry);
void RegisterMathFunctions(FunctionRegistry& registry);
void RegisterBitwiseFunctions(FunctionRegistry& registry);
void RegisterDatetimeArithmeticFunctions(FunctionRegistry& registry);
void RegisterDatetimeFunctions(FunctionRegistry& registry);
void RegisterTimeZoneFunctions(FunctionRegistry& registry);
void RegisterToCharFunctions(FunctionRegistry& registry);
void RegisterToTimestampFunctions(FunctionRegistry& registry);
void RegisterSystemFunctions(FunctionRegistry& registry);
void RegisterListFunctions(FunctionRegistry& registry);
void RegisterArraySearchFunctions(FunctionRegistry& registry);
void RegisterStructFunctions(FunctionRegistry& registry);
void RegisterArrayAggAggregate(FunctionRegistry& registry);

}  // namespace basin
