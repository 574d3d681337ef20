#include "exec/operators/sub_plan.h"

#include "exec/operators/result_collector.h"
#include "exec/pipeline.h"

namespace basin {

std::vector<Batch> RunSubPlan(ExecutionContext& ctx, const PhysicalNode& root) {
  ctx.CheckInterrupted();
  // Node states are keyed by node: a run of its own needs a context of its own.
  ExecutionContext run{ctx.pool,     ctx.threads, ctx.memory, ctx.interrupted, ctx.rows_done, ctx.rows_total,
                       ctx.profile, ctx.statement_timestamp, {}};
  GlobalState* state = ExecutePlan(run, root);
  return ResultCollectorNode::TakeBatches(state);
}

uint64_t ApproximateBytes(const Batch& batch) {
  // 16 bytes per value covers fixed-width values and string references; string
  // bytes themselves are not counted.
  return uint64_t{batch.size} * batch.columns.size() * 16 + 64;
}

}  // namespace basin
