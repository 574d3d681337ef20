// src/exec/operators/table_function_scan.h
#pragma once

#include <vector>

#include "exec/physical_node.h"
#include "function/table_function.h"

namespace basin {

// Runs a table function (read_csv, generate_series) as a parallel source.
class TableFunctionScanNode : public PhysicalNode, public Source {
 public:
  TableFunctionScanNode(const TableFunction* function, std::shared_ptr<const FunctionData> data,
                        std::vector<uint32_t> column_ids, std::vector<LogicalType> types);
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  std::unique_ptr<LocalState> InitSourceLocal(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  uint32_t MaxThreads(GlobalState*) const override;
  std::string Details() const override { return function_->name; }

 private:
  const TableFunction* function_;
  std::shared_ptr<const FunctionData> data_;
  std::vector<uint32_t> column_ids_;
};

}  // namespace basin
