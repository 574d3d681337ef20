// src/exec/operators/limit.h
#pragma once

#include <cstdint>
#include <optional>

#include "exec/physical_node.h"

namespace basin {

// LIMIT / OFFSET over an ordered stream. A sink (so that input from many threads is
// counted in one place) and the source of its output, which comes out in order.
class LimitNode : public PhysicalNode, public Sink, public Source {
 public:
  LimitNode(std::vector<LogicalType> types, std::optional<uint64_t> limit, uint64_t offset);
  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
  std::string Details() const override;

 private:
  std::optional<uint64_t> limit_;
  uint64_t offset_;
};

}  // namespace basin
