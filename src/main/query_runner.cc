#include "main/query_runner.h"

#include <chrono>
#include <cstdio>

#include "common/memory_tracker.h"
#include "exec/operators/result_collector.h"
#include "exec/pipeline.h"
#include "main/session_state.h"
#include "sql/optimizer/column_pruning.h"
#include "sql/optimizer/filter_pushdown.h"
#include "sql/optimizer/join_order.h"
#include "sql/optimizer/semi_join_pushdown.h"
#include "sql/planner/physical_planner.h"

namespace basin {

int64_t CurrentTimestampMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

namespace {

LogicalPtr Optimize(LogicalPtr plan) {
  plan = PushDownFilters(std::move(plan));
  plan = PushDownSemiJoins(std::move(plan));
  plan = ReorderJoins(std::move(plan));
  PruneColumns(*plan);
  return plan;
}

PhysicalPtr BuildPhysicalPlan(BoundQuery& query) {
  query.plan = Optimize(std::move(query.plan));
  PhysicalPlanner planner;
  PhysicalPtr body = planner.Plan(*query.plan);
  auto root = std::make_unique<ResultCollectorNode>(body->types());
  root->children.push_back(std::move(body));
  return root;
}

struct Execution {
  MemoryTracker memory;
  ExecutionContext context;
  Execution(Connection& connection, bool profile)
      : memory(connection.session().settings.memory_limit()),
        context{connection.database().pool(),
                connection.session().settings.threads(),
                memory,
                connection.session().interrupted,
                connection.session().rows_done,
                connection.session().rows_total,
                false,
                0,
                {}} {
    context.profile = profile;
    context.statement_timestamp = CurrentTimestampMicros();
  }
};

void RenderPlan(const PhysicalNode& node, int depth, bool analyze, std::string& out) {
  std::string line = std::string(depth * 2, ' ') + (depth > 0 ? "-> " : "") + node.name();
  const std::string details = node.Details();
  if (!details.empty()) line += " " + details;
  if (analyze) {
    char stats[96];
    std::snprintf(stats, sizeof(stats), "  (rows=%llu time=%.3f ms)",
                  static_cast<unsigned long long>(node.rows_produced.load()), node.nanoseconds.load() / 1e6);
    line += stats;
  } else if (node.estimated_rows > 0) {
    line += "  (estimated rows=" + std::to_string(static_cast<uint64_t>(node.estimated_rows)) + ")";
  }
  out += line + "\n";
  for (const auto& child : node.children) RenderPlan(*child, depth + 1, analyze, out);
}

}  // namespace

std::vector<Batch> QueryRunner::Run(BoundQuery query) {
  PhysicalPtr root = BuildPhysicalPlan(query);
  Execution execution(connection_, false);
  GlobalState* state = ExecutePlan(execution.context, *root);
  return ResultCollectorNode::TakeBatches(state);
}

std::string QueryRunner::Explain(BoundQuery query, bool analyze) {
  PhysicalPtr root = BuildPhysicalPlan(query);
  std::string out;
  if (analyze) {
    Execution execution(connection_, true);
    const auto start = std::chrono::steady_clock::now();
    ExecutePlan(execution.context, *root);
    const double elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    RenderPlan(*root->children[0], 0, true, out);
    char total[128];
    std::snprintf(total, sizeof(total), "Execution Time: %.3f ms (peak memory %s)", elapsed,
                  FormatMemorySize(execution.memory.peak()).c_str());
    out += total;
    return out;
  }
  RenderPlan(*root->children[0], 0, false, out);
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace basin
