// src/exec/pipeline.h
#pragma once

#include <vector>

#include "exec/physical_node.h"

namespace basin {

// A chain source -> operators -> sink that threads run morsel by morsel.
struct Pipeline {
  const PhysicalNode* source_node = nullptr;
  const Source* source = nullptr;
  std::vector<const PhysicalNode*> operator_nodes;  // in data-flow order
  const PhysicalNode* sink_node = nullptr;
  const Sink* sink = nullptr;
  // Several pipelines may feed one sink (UNION ALL, a join's trailing rows): only
  // the last of them finalizes it.
  bool finalize_sink = true;
};

// Splits the plan rooted at `root` (a sink) into pipelines, in an order in which
// each pipeline runs after the pipelines it depends on.
std::vector<Pipeline> BuildPipelines(const PhysicalNode& root);

// Runs the pipelines in order, each on up to ctx.threads workers.
void ExecutePipelines(ExecutionContext& ctx, const std::vector<Pipeline>& pipelines);

// Builds and runs the plan rooted at `root`; returns the root's global state.
GlobalState* ExecutePlan(ExecutionContext& ctx, const PhysicalNode& root);

}  // namespace basin
