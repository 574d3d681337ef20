// generate_series(start, stop [, step]) over integers, as in PostgreSQL: inclusive
// bounds, a zero step is an error, a step of the wrong sign yields no rows.
#include <atomic>

#include "common/error.h"
#include "function/table_function.h"

namespace basin {

namespace {

struct SeriesData : FunctionData {
  int64_t start = 0;
  int64_t stop = 0;
  int64_t step = 1;
  uint64_t count = 0;  // number of values
};

struct SeriesState : GlobalState {
  std::atomic<uint64_t> next{0};  // index of the next value to produce
};

int64_t IntegerArgument(const Value& value, const char* what) {
  if (value.is_null()) return 0;
  if (!value.type().IsInteger()) {
    throw Error(sqlstate::kUndefinedFunction, std::string("generate_series: ") + what + " must be an integer, not " +
                                                  value.type().ToString());
  }
  return value.GetInt64();
}

}  // namespace

TableFunction MakeGenerateSeriesFunction() {
  TableFunction function;
  function.name = "generate_series";
  function.bind = [](const TableFunctionArguments& args) {
    if (args.positional.size() < 2 || args.positional.size() > 3 || !args.named.empty()) {
      throw Error(sqlstate::kUndefinedFunction, "generate_series takes (start, stop [, step])");
    }
    auto data = std::make_shared<SeriesData>();
    bool any_null = false;
    for (const auto& value : args.positional) any_null = any_null || value.is_null();
    data->start = IntegerArgument(args.positional[0], "start");
    data->stop = IntegerArgument(args.positional[1], "stop");
    data->step = args.positional.size() == 3 ? IntegerArgument(args.positional[2], "step") : 1;
    if (!any_null && data->step == 0) throw Error(sqlstate::kInvalidParameterValue, "step size cannot equal zero");
    if (!any_null && ((data->step > 0 && data->start <= data->stop) || (data->step < 0 && data->start >= data->stop))) {
      const __int128 span = static_cast<__int128>(data->stop) - data->start;
      data->count = static_cast<uint64_t>(span / data->step) + 1;
    }
    // The column type follows the arguments: integer unless one is a bigint.
    bool big = false;
    for (const auto& value : args.positional) big = big || value.type().id() == TypeId::kBigInt;
    TableFunctionBinding binding;
    binding.names = {"generate_series"};
    binding.types = {big ? LogicalType(TypeId::kBigInt) : LogicalType(TypeId::kInteger)};
    binding.estimated_rows = static_cast<double>(data->count);
    binding.data = std::move(data);
    return binding;
  };
  function.init_global = [](ExecutionContext&, const FunctionData*, const std::vector<uint32_t>&) {
    return std::unique_ptr<GlobalState>(std::make_unique<SeriesState>());
  };
  function.scan = [](ExecutionContext&, const FunctionData* data, GlobalState* global, LocalState*, Batch& out) {
    const auto& series = static_cast<const SeriesData&>(*data);
    auto& state = static_cast<SeriesState&>(*global);
    const uint64_t first = state.next.fetch_add(kBatchSize);
    if (first >= series.count) return false;
    const uint32_t count = static_cast<uint32_t>(std::min<uint64_t>(kBatchSize, series.count - first));
    if (!out.columns.empty()) {
      Vector& column = out.columns[0];
      for (uint32_t i = 0; i < count; ++i) {
        const int64_t value = series.start + static_cast<int64_t>((first + i)) * series.step;
        if (column.type().id() == TypeId::kBigInt) {
          column.data<int64_t>()[i] = value;
        } else {
          column.data<int32_t>()[i] = static_cast<int32_t>(value);
        }
      }
    }
    out.size = count;
    return true;
  };
  function.max_threads = [](const FunctionData*, GlobalState*) { return UINT32_MAX; };
  return function;
}

}  // namespace basin
