#include "exec/operators/filter_projection.h"

#include "exec/expression_evaluator.h"

namespace basin {

namespace {
struct EvaluatorState : LocalState {
  ExpressionEvaluator evaluator;
  std::vector<uint32_t> selection;
};

std::vector<LogicalType> TypesOf(const std::vector<ExprPtr>& expressions) {
  std::vector<LogicalType> types;
  for (const auto& expr : expressions) types.push_back(expr->type);
  return types;
}
}  // namespace

FilterNode::FilterNode(std::vector<LogicalType> types, ExprPtr predicate)
    : PhysicalNode("FILTER", std::move(types)), predicate_(std::move(predicate)) {}

std::unique_ptr<LocalState> FilterNode::InitOperatorLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<EvaluatorState>();
}

OperatorResult FilterNode::Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                                   LocalState* local) const {
  auto& state = static_cast<EvaluatorState&>(*local);
  const uint32_t selected = state.evaluator.Select(*predicate_, in, state.selection);
  if (selected == in.size) {
    for (size_t i = 0; i < in.columns.size(); ++i) out.columns[i].Reference(in.columns[i]);
  } else if (selected > 0) {
    for (size_t i = 0; i < in.columns.size(); ++i) {
      CopyRows(in.columns[i], state.selection.data(), selected, out.columns[i], 0);
    }
  }
  out.size = selected;
  return OperatorResult::kNeedInput;
}

ProjectionNode::ProjectionNode(std::vector<ExprPtr> expressions)
    : PhysicalNode("PROJECTION", TypesOf(expressions)), expressions_(std::move(expressions)) {}

std::unique_ptr<LocalState> ProjectionNode::InitOperatorLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<EvaluatorState>();
}

OperatorResult ProjectionNode::Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                                       LocalState* local) const {
  auto& state = static_cast<EvaluatorState&>(*local);
  for (size_t i = 0; i < expressions_.size(); ++i) {
    Vector value;
    state.evaluator.Evaluate(*expressions_[i], in, value);
    if (value.is_constant()) value.Flatten(in.size);
    out.columns[i] = std::move(value);
  }
  out.size = in.size;
  return OperatorResult::kNeedInput;
}

std::string ProjectionNode::Details() const {
  std::string details;
  for (size_t i = 0; i < expressions_.size(); ++i) {
    if (i > 0) details += ", ";
    details += expressions_[i]->ToString();
  }
  return details;
}

}  // namespace basin
