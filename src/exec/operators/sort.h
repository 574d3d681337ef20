// src/exec/operators/sort.h
#pragma once

#include <optional>
#include <vector>

#include "exec/physical_node.h"
#include "exec/sort_key.h"

namespace basin {

// ORDER BY: every thread sorts the rows it received (a run) as it finishes; the
// runs are then merged and emitted in order. With `limit`, each run keeps only its
// first limit rows (top-N).
class SortNode : public PhysicalNode, public Sink, public Source {
 public:
  SortNode(std::vector<LogicalType> types, std::vector<SortKeySpec> keys,
           std::optional<uint64_t> limit = std::nullopt);

  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Combine(ExecutionContext&, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
  std::string Details() const override;

 private:
  SortKeyEncoder encoder_;
  std::vector<SortKeySpec> keys_;
  std::optional<uint64_t> limit_;
};

}  // namespace basin
