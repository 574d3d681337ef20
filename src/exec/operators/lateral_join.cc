#include "exec/operators/lateral_join.h"

#include <mutex>

#include "common/error.h"
#include "exec/expression_evaluator.h"
#include "exec/operators/result_collector.h"
#include "exec/operators/sub_plan.h"
#include "exec/operators/table_function_scan.h"

namespace basin {

namespace {

struct ParameterData : FunctionData {
  std::shared_ptr<LateralParameters> parameters;
  uint32_t index = 0;
};

struct LateralState : GlobalState {
  explicit LateralState(MemoryTracker& memory) : reservation(memory) {}
  std::mutex mutex;
  std::vector<Batch> left;
  std::vector<Batch> result;
  size_t next = 0;
  MemoryReservation reservation;
};

Value ValueAt(const Vector& vector, uint32_t row) { return vector.GetValue(vector.is_constant() ? 0 : row); }

bool SameValues(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null() != b[i].is_null()) return false;
    if (!a[i].is_null() && !(a[i] == b[i])) return false;
    if (!(a[i].type() == b[i].type())) return false;
  }
  return true;
}

}  // namespace

ExprPtr MakeLateralParameter(std::shared_ptr<LateralParameters> parameters, uint32_t index, LogicalType type,
                             const std::string& name) {
  auto function = std::make_shared<ScalarFunction>();
  function->name = "lateral " + name;
  function->return_type = type;
  function->null_propagating = false;
  function->volatility = Volatility::kVolatile;
  function->kernel = [](const std::vector<const Vector*>&, uint32_t count, const FunctionData* data,
                        Vector& result) {
    const auto& parameter = static_cast<const ParameterData&>(*data);
    const Value& value = parameter.parameters->values[parameter.index];
    for (uint32_t row = 0; row < count; ++row) result.SetValue(row, value);
  };
  auto data = std::make_shared<ParameterData>();
  data->parameters = std::move(parameters);
  data->index = index;
  auto expr = std::make_unique<FunctionExpr>(std::move(function), std::vector<ExprPtr>{}, type, std::move(data));
  expr->alias = name;
  return expr;
}

LateralJoinNode::LateralJoinNode(JoinType type, std::vector<LogicalType> left_types,
                                 std::vector<LogicalType> right_types, std::vector<uint32_t> parameter_columns,
                                 std::shared_ptr<LateralParameters> parameters, FunctionCall call)
    : PhysicalNode("LATERAL_JOIN", [&] {
        std::vector<LogicalType> all = left_types;
        all.insert(all.end(), right_types.begin(), right_types.end());
        return all;
      }()),
      type_(type),
      left_types_(std::move(left_types)),
      right_types_(std::move(right_types)),
      parameter_columns_(std::move(parameter_columns)),
      parameters_(std::move(parameters)),
      call_(std::move(call)) {}

std::string LateralJoinNode::Details() const {
  return std::string(JoinTypeName(type_)) + (call_.function ? " " + call_.function->name : "");
}

std::unique_ptr<GlobalState> LateralJoinNode::InitGlobal(ExecutionContext& ctx) const {
  return std::make_unique<LateralState>(ctx.memory);
}

SinkResult LateralJoinNode::Consume(ExecutionContext&, const Batch& in, GlobalState* global, LocalState*) const {
  auto& state = static_cast<LateralState&>(*global);
  Batch copy = SliceBatch(in, nullptr, in.size);
  std::lock_guard lock(state.mutex);
  state.reservation.Add(ApproximateBytes(copy));
  state.left.push_back(std::move(copy));
  return SinkResult::kNeedMoreInput;
}

std::vector<Batch> LateralJoinNode::RunRight(ExecutionContext& ctx, const Batch& left, uint32_t row,
                                             const std::vector<Vector>& arguments) const {
  for (size_t i = 0; i < parameter_columns_.size(); ++i) {
    parameters_->values[i] = ValueAt(left.columns[parameter_columns_[i]], row);
  }
  if (call_.function == nullptr) return RunSubPlan(ctx, *children[1]);
  TableFunctionArguments args;
  for (const auto& argument : arguments) args.positional.push_back(ValueAt(argument, row));
  TableFunctionBinding binding = call_.function->bind(args);
  if (binding.types != right_types_) {
    throw Error(sqlstate::kFeatureNotSupported,
                "LATERAL call of " + call_.function->name + " returns different column types for different rows");
  }
  std::vector<uint32_t> column_ids;
  for (uint32_t i = 0; i < right_types_.size(); ++i) column_ids.push_back(i);
  ResultCollectorNode root(right_types_);
  root.children.push_back(
      std::make_unique<TableFunctionScanNode>(call_.function, binding.data, std::move(column_ids), right_types_));
  return RunSubPlan(ctx, root);
}

void LateralJoinNode::Finalize(ExecutionContext& ctx, GlobalState* global) const {
  auto& state = static_cast<LateralState&>(*global);
  const uint32_t left_width = static_cast<uint32_t>(left_types_.size());
  Batch pending(types());
  auto flush = [&] {
    if (pending.size == 0) return;
    state.reservation.Add(ApproximateBytes(pending));
    state.result.push_back(std::move(pending));
    pending = Batch(types());
  };
  std::vector<uint32_t> repeat;
  // Appends left row `row` joined to the `count` rows of `right` (null: NULLs).
  auto append = [&](const Batch& left, uint32_t row, const Batch* right, uint32_t count) {
    if (pending.size + count > kBatchSize) flush();
    repeat.assign(count, row);
    for (uint32_t c = 0; c < left_width; ++c) {
      CopyRows(left.columns[c], repeat.data(), count, pending.columns[c], pending.size);
    }
    for (uint32_t c = 0; c < right_types_.size(); ++c) {
      Vector& target = pending.columns[left_width + c];
      if (right != nullptr) {
        CopyRows(right->columns[c], nullptr, count, target, pending.size);
      } else {
        for (uint32_t i = 0; i < count; ++i) target.SetNull(pending.size + i);
      }
    }
    pending.size += count;
  };
  ExpressionEvaluator evaluator;
  std::vector<Value> cached_parameters;
  std::vector<Batch> cached_rows;
  bool have_cache = false;
  for (const Batch& left : state.left) {
    std::vector<Vector> arguments(call_.args.size());
    for (size_t i = 0; i < call_.args.size(); ++i) evaluator.Evaluate(*call_.args[i], left, arguments[i]);
    for (uint32_t row = 0; row < left.size; ++row) {
      ctx.CheckInterrupted();
      // Runs of the right side for equal parameters give equal rows: reuse them.
      std::vector<Value> key;
      for (uint32_t column : parameter_columns_) key.push_back(ValueAt(left.columns[column], row));
      for (const auto& argument : arguments) key.push_back(ValueAt(argument, row));
      if (!have_cache || !SameValues(key, cached_parameters)) {
        cached_rows = RunRight(ctx, left, row, arguments);
        cached_parameters = std::move(key);
        have_cache = true;
      }
      uint32_t matched = 0;
      for (const Batch& right : cached_rows) {
        if (right.size == 0) continue;
        append(left, row, &right, right.size);
        matched += right.size;
      }
      if (type_ == JoinType::kSingle && matched > 1) {
        throw Error(sqlstate::kCardinalityViolation, "more than one row returned by a subquery used as an expression");
      }
      if (matched == 0 && (type_ == JoinType::kLeft || type_ == JoinType::kSingle)) append(left, row, nullptr, 1);
    }
  }
  flush();
  state.left.clear();
}

bool LateralJoinNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<LateralState&>(*global);
  if (state.next >= state.result.size()) return false;
  const Batch& batch = state.result[state.next++];
  for (size_t i = 0; i < out.columns.size(); ++i) out.columns[i].Reference(batch.columns[i]);
  out.size = batch.size;
  return true;
}

}  // namespace basin
