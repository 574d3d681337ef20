// src/exec/operators/lateral_join.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exec/expression.h"
#include "exec/operators/join.h"
#include "exec/physical_node.h"
#include "function/table_function.h"

namespace basin {

// The values of the left row a LATERAL right side is running for. Written by
// LateralJoinNode::Finalize between runs of the right side; read by its expressions.
struct LateralParameters {
  std::vector<Value> values;
};

// An expression that evaluates to parameters->values[index] (of type `type`) on
// every row. Volatile, so that it is never folded into a constant.
ExprPtr MakeLateralParameter(std::shared_ptr<LateralParameters> parameters, uint32_t index, LogicalType type,
                             const std::string& name);

// A dependent nested-loop join for LATERAL: consumes the left side (child 0), then
// in Finalize runs the right side once per left row, with that row's values in
// `parameters`, and emits left row + right rows (kLeft: + NULLs when there are none).
// The right side is child 1, a ResultCollectorNode, or a table function called per
// row with arguments computed from the left row. Slow, but handles every shape.
class LateralJoinNode : public PhysicalNode, public Sink, public Source {
 public:
  struct FunctionCall {
    const TableFunction* function = nullptr;
    std::vector<ExprPtr> args;  // over the left side's columns
    std::vector<LogicalType> types;
  };
  LateralJoinNode(JoinType type, std::vector<LogicalType> left_types, std::vector<LogicalType> right_types,
                  std::vector<uint32_t> parameter_columns, std::shared_ptr<LateralParameters> parameters,
                  FunctionCall call);

  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
  std::string Details() const override;

 private:
  // The right side's rows for the left row `row` of `left`.
  std::vector<Batch> RunRight(ExecutionContext& ctx, const Batch& left, uint32_t row,
                              const std::vector<Vector>& arguments) const;

  JoinType type_;
  std::vector<LogicalType> left_types_;
  std::vector<LogicalType> right_types_;
  std::vector<uint32_t> parameter_columns_;
  std::shared_ptr<LateralParameters> parameters_;
  FunctionCall call_;
};

}  // namespace basin
