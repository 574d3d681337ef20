#include "exec/pipeline.h"

#include <algorithm>
#include <chrono>

#include "common/error.h"

namespace basin {

namespace {

class PipelineBuilder {
 public:
  std::vector<Pipeline> Build(const PhysicalNode& root) {
    Pipeline pipeline;
    pipeline.sink_node = &root;
    pipeline.sink = root.AsSink();
    if (pipeline.sink == nullptr) throw Error(sqlstate::kInternal, "plan root is not a sink");
    if (root.IsJoinBuild() || root.children.empty()) {
      throw Error(sqlstate::kInternal, "plan root must consume one child");
    }
    Walk(*root.children[0], pipeline);
    Finish(std::move(pipeline));
    MarkFinalizers();
    return std::move(pipelines_);
  }

 private:
  // Walks down from `node`, which feeds the operators already in `current`.
  void Walk(const PhysicalNode& node, Pipeline& current) {
    if (node.IsJoinBuild()) {
      Pipeline build;
      build.sink_node = &node;
      build.sink = node.AsSink();
      Walk(*node.children[1], build);
      Finish(std::move(build));
      current.operator_nodes.insert(current.operator_nodes.begin(), &node);
      // Rows the join emits after its probe side is done flow through the same
      // downstream operators into the same sink.
      std::vector<const PhysicalNode*> downstream = current.operator_nodes;
      downstream.erase(downstream.begin());
      Walk(*node.children[0], current);
      if (const Source* trailing = node.TrailingSource()) {
        Pipeline after;
        after.source_node = &node;
        after.source = trailing;
        after.operator_nodes = std::move(downstream);
        after.sink_node = current.sink_node;
        after.sink = current.sink;
        trailing_.push_back(std::move(after));
      }
      return;
    }
    if (node.AsSink() != nullptr) {
      // A breaker: it is this pipeline's source and the sink of its child's.
      current.source_node = &node;
      current.source = node.AsSource();
      Pipeline child;
      child.sink_node = &node;
      child.sink = node.AsSink();
      Walk(*node.children[0], child);
      Finish(std::move(child));
      return;
    }
    if (node.AsOperator() != nullptr) {
      current.operator_nodes.insert(current.operator_nodes.begin(), &node);
      Walk(*node.children[0], current);
      return;
    }
    if (node.AsSource() == nullptr) throw Error(sqlstate::kInternal, "plan node has no role: " + node.name());
    current.source_node = &node;
    current.source = node.AsSource();
    // A source with several children (UNION ALL) runs each child as a pipeline of
    // its own feeding the same operators and sink.
    for (const auto& child : node.children) {
      Pipeline sibling;
      sibling.operator_nodes = current.operator_nodes;
      sibling.sink_node = current.sink_node;
      sibling.sink = current.sink;
      Walk(*child, sibling);
      Finish(std::move(sibling));
    }
  }

  void Finish(Pipeline pipeline) {
    if (pipeline.source == nullptr) {
      // A union node's own pipeline has no rows of its own when all come from
      // its children; it still runs (producing nothing) to keep the order simple.
      throw Error(sqlstate::kInternal, "pipeline without a source");
    }
    pipelines_.push_back(std::move(pipeline));
    // Trailing pipelines run right after the pipeline that made them necessary.
    for (auto& trailing : trailing_) pipelines_.push_back(std::move(trailing));
    trailing_.clear();
  }

  void MarkFinalizers() {
    for (size_t i = 0; i < pipelines_.size(); ++i) {
      for (size_t j = i + 1; j < pipelines_.size(); ++j) {
        if (pipelines_[j].sink_node == pipelines_[i].sink_node) {
          pipelines_[i].finalize_sink = false;
          break;
        }
      }
    }
  }

  std::vector<Pipeline> pipelines_;
  std::vector<Pipeline> trailing_;
};

using Clock = std::chrono::steady_clock;

class PipelineRunner {
 public:
  PipelineRunner(ExecutionContext& ctx, const Pipeline& pipeline) : ctx_(ctx), pipeline_(pipeline) {
    for (const auto* node : pipeline.operator_nodes) {
      operators_.push_back(node->AsOperator());
      states_.push_back(GlobalFor(node));
    }
    source_state_ = GlobalFor(pipeline.source_node);
    sink_state_ = GlobalFor(pipeline.sink_node);
  }

  void Run() {
    const uint32_t threads =
        std::max<uint32_t>(1, std::min(ctx_.threads, pipeline_.source->MaxThreads(source_state_)));
    ctx_.rows_total += pipeline_.source->EstimatedRows(source_state_);
    RunParallel(ctx_.pool, threads, [this](uint32_t) { RunThread(); });
    if (pipeline_.finalize_sink) pipeline_.sink->Finalize(ctx_, sink_state_);
  }

 private:
  GlobalState* GlobalFor(const PhysicalNode* node) {
    auto it = ctx_.states.find(node);
    if (it == ctx_.states.end()) it = ctx_.states.emplace(node, node->InitGlobal(ctx_)).first;
    return it->second.get();
  }

  struct ThreadState {
    std::unique_ptr<LocalState> source;
    std::vector<std::unique_ptr<LocalState>> operators;
    std::unique_ptr<LocalState> sink;
    std::vector<Batch> buffers;  // output of each operator
  };

  void RunThread() {
    ThreadState local;
    local.source = pipeline_.source->InitSourceLocal(ctx_, source_state_);
    for (size_t i = 0; i < operators_.size(); ++i) {
      local.operators.push_back(operators_[i]->InitOperatorLocal(ctx_, states_[i]));
      local.buffers.emplace_back(pipeline_.operator_nodes[i]->types());
    }
    local.sink = pipeline_.sink->InitSinkLocal(ctx_, sink_state_);
    Batch input(pipeline_.source_node->types());
    for (;;) {
      ctx_.CheckInterrupted();
      input.Reset();
      const auto start = ctx_.profile ? Clock::now() : Clock::time_point();
      if (!pipeline_.source->GetData(ctx_, source_state_, local.source.get(), input)) break;
      if (ctx_.profile) Record(pipeline_.source_node, start, input.size);
      ctx_.rows_done.fetch_add(input.size, std::memory_order_relaxed);
      if (input.size == 0) continue;
      if (!Push(0, input, local)) break;
    }
    pipeline_.sink->Combine(ctx_, sink_state_, local.sink.get());
  }

  // Pushes `in` through operator `index` and beyond. Returns false when no more
  // input is wanted (a LIMIT was reached).
  bool Push(size_t index, const Batch& in, ThreadState& local) {
    if (index == operators_.size()) {
      const auto start = ctx_.profile ? Clock::now() : Clock::time_point();
      const SinkResult result = pipeline_.sink->Consume(ctx_, in, sink_state_, local.sink.get());
      if (ctx_.profile) Record(pipeline_.sink_node, start, 0);
      return result == SinkResult::kNeedMoreInput;
    }
    Batch& out = local.buffers[index];
    for (;;) {
      out.Reset();
      const auto start = ctx_.profile ? Clock::now() : Clock::time_point();
      const OperatorResult result =
          operators_[index]->Execute(ctx_, in, out, states_[index], local.operators[index].get());
      if (ctx_.profile) Record(pipeline_.operator_nodes[index], start, out.size);
      if (out.size > 0 && !Push(index + 1, out, local)) return false;
      if (result == OperatorResult::kFinished) return false;
      if (result == OperatorResult::kNeedInput) return true;
    }
  }

  void Record(const PhysicalNode* node, Clock::time_point start, uint64_t rows) {
    const auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start);
    node->nanoseconds.fetch_add(static_cast<uint64_t>(elapsed.count()), std::memory_order_relaxed);
    node->rows_produced.fetch_add(rows, std::memory_order_relaxed);
  }

  ExecutionContext& ctx_;
  const Pipeline& pipeline_;
  std::vector<const Operator*> operators_;
  std::vector<GlobalState*> states_;
  GlobalState* source_state_ = nullptr;
  GlobalState* sink_state_ = nullptr;
};

}  // namespace

std::vector<Pipeline> BuildPipelines(const PhysicalNode& root) { return PipelineBuilder().Build(root); }

void ExecutePipelines(ExecutionContext& ctx, const std::vector<Pipeline>& pipelines) {
  for (const auto& pipeline : pipelines) PipelineRunner(ctx, pipeline).Run();
}

GlobalState* ExecutePlan(ExecutionContext& ctx, const PhysicalNode& root) {
  ExecutePipelines(ctx, BuildPipelines(root));
  auto it = ctx.states.find(&root);
  return it == ctx.states.end() ? nullptr : it->second.get();
}

void ExecutionContext::CheckInterrupted() const {
  if (interrupted.load(std::memory_order_relaxed)) {
    throw Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
  }
}

}  // namespace basin
