// unnest(array [, array ...]) in FROM: one row per element, as in PostgreSQL. Several
// arrays are unnested side by side, the shorter ones padded with NULLs; a NULL array
// counts as empty. In a LATERAL position (FROM t, unnest(t.tags)) the binder runs
// the call once per outer row.
#include <algorithm>
#include <atomic>

#include "common/error.h"
#include "function/table_function.h"

namespace basin {

namespace {

struct UnnestData : FunctionData {
  std::vector<Value> arrays;
  uint64_t rows = 0;  // the longest array's length
};

struct UnnestState : GlobalState {
  std::vector<uint32_t> column_ids;
  std::atomic<uint64_t> next{0};
};

}  // namespace

TableFunction MakeUnnestFunction() {
  TableFunction function;
  function.name = "unnest";
  function.bind = [](const TableFunctionArguments& args) {
    if (args.positional.empty() || !args.named.empty()) {
      throw Error(sqlstate::kUndefinedFunction, "unnest takes one or more arrays");
    }
    auto data = std::make_shared<UnnestData>();
    TableFunctionBinding binding;
    for (const Value& array : args.positional) {
      if (array.type().id() != TypeId::kList && array.type().id() != TypeId::kNull) {
        throw Error(sqlstate::kUndefinedFunction, "function unnest(" + array.type().ToString() + ") does not exist");
      }
      data->arrays.push_back(array);
      if (!array.is_null()) data->rows = std::max<uint64_t>(data->rows, array.GetChildren().size());
      binding.names.push_back("unnest");
      binding.types.push_back(array.type().id() == TypeId::kList ? array.type().ChildType() : LogicalType(TypeId::kVarchar));
    }
    binding.estimated_rows = static_cast<double>(data->rows);
    binding.data = std::move(data);
    return binding;
  };
  function.init_global = [](ExecutionContext&, const FunctionData*, const std::vector<uint32_t>& column_ids) {
    auto state = std::make_unique<UnnestState>();
    state->column_ids = column_ids;
    return std::unique_ptr<GlobalState>(std::move(state));
  };
  function.scan = [](ExecutionContext&, const FunctionData* data, GlobalState* global, LocalState*, Batch& out) {
    const auto& unnest = static_cast<const UnnestData&>(*data);
    auto& state = static_cast<UnnestState&>(*global);
    const uint64_t first = state.next.fetch_add(kBatchSize);
    if (first >= unnest.rows) return false;
    const uint32_t count = static_cast<uint32_t>(std::min<uint64_t>(kBatchSize, unnest.rows - first));
    for (size_t c = 0; c < out.columns.size(); ++c) {
      Vector& column = out.columns[c];
      column.Reset();
      const Value& array = unnest.arrays[state.column_ids[c]];
      const size_t length = array.is_null() ? 0 : array.GetChildren().size();
      for (uint32_t i = 0; i < count; ++i) {
        const uint64_t element = first + i;
        column.SetValue(i, element < length ? array.GetChildren()[element] : Value::Null(column.type()));
      }
    }
    out.size = count;
    return true;
  };
  return function;
}

}  // namespace basin
