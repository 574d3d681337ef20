#include "function/function_registry.h"

namespace basin {

const FunctionRegistry& FunctionRegistry::BuiltIn() {
  static const FunctionRegistry registry = [] {
    FunctionRegistry built;
    RegisterArithmeticFunctions(built);
    RegisterBasicAggregates(built);
    RegisterStatisticsAggregates(built);
    RegisterBooleanBitwiseAggregates(built);
    RegisterStringAggAggregate(built);
    RegisterOrderedSetAggregates(built);
    RegisterIntervalAggregates(built);
    RegisterLikeFunctions(built);
    RegisterRegexFunctions(built);
    RegisterConcatFunctions(built);
    RegisterStringFunctions(built);
    RegisterSubstringFunctions(built);
    RegisterNumericRoundingFunctions(built);
    RegisterMathFunctions(built);
    RegisterBitwiseFunctions(built);
    RegisterDatetimeArithmeticFunctions(built);
    RegisterDatetimeFunctions(built);
    RegisterTimeZoneFunctions(built);
    RegisterToCharFunctions(built);
    RegisterToTimestampFunctions(built);
    RegisterSystemFunctions(built);
    RegisterListFunctions(built);
    RegisterArraySearchFunctions(built);
    RegisterStructFunctions(built);
    RegisterArrayAggAggregate(built);
    return built;
  }();
  return registry;
}

void FunctionRegistry::AddScalar(ScalarFunction function) {
  const std::string name = function.name;
  scalars_[name].push_back(std::make_shared<const ScalarFunction>(std::move(function)));
}

void FunctionRegistry::AddAggregate(AggregateFunction function) {
  const std::string name = function.name;
  aggregates_[name].push_back(std::make_shared<const AggregateFunction>(std::move(function)));
}

const std::vector<std::shared_ptr<const ScalarFunction>>* FunctionRegistry::FindScalar(
    const std::string& name) const {
  auto it = scalars_.find(name);
  return it == scalars_.end() ? nullptr : &it->second;
}

const std::vector<std::shared_ptr<const AggregateFunction>>* FunctionRegistry::FindAggregate(
    const std::string& name) const {
  auto it = aggregates_.find(name);
  return it == aggregates_.end() ? nullptr : &it->second;
}

}  // namespace basin
