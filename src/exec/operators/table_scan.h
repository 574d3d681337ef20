// src/exec/operators/table_scan.h
#pragma once

#include <memory>
#include <vector>

#include "catalog/table.h"
#include "exec/physical_node.h"

namespace basin {

// Reads an in-memory table, one chunk per morsel, passing the selected columns on
// without copying them.
class TableScanNode : public PhysicalNode, public Source {
 public:
  TableScanNode(std::shared_ptr<Table> table, std::vector<uint32_t> column_ids);

  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint64_t EstimatedRows(GlobalState*) const override;
  std::string Details() const override;

 private:
  std::shared_ptr<Table> table_;
  std::vector<uint32_t> column_ids_;
};

// Emits batches that were materialized beforehand (VALUES lists, CTE results, the
// output of a subquery), in order.
class BatchesSourceNode : public PhysicalNode, public Source {
 public:
  BatchesSourceNode(std::vector<LogicalType> types, std::shared_ptr<const std::vector<Batch>> batches,
                    std::string label = "VALUES");

  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
  std::string Details() const override { return label_; }

 private:
  std::shared_ptr<const std::vector<Batch>> batches_;
  std::string label_;
};

}  // namespace basin
