#include "exec/operators/table_function_scan.h"

namespace basin {

TableFunctionScanNode::TableFunctionScanNode(const TableFunction* function, std::shared_ptr<const FunctionData> data,
                                             std::vector<uint32_t> column_ids, std::vector<LogicalType> types)
    : PhysicalNode("TABLE_FUNCTION", std::move(types)),
      function_(function),
      data_(std::move(data)),
      column_ids_(std::move(column_ids)) {}

std::unique_ptr<GlobalState> TableFunctionScanNode::InitGlobal(ExecutionContext& ctx) const {
  return function_->init_global(ctx, data_.get(), column_ids_);
}

std::unique_ptr<LocalState> TableFunctionScanNode::InitSourceLocal(ExecutionContext& ctx, GlobalState* global) const {
  if (!function_->init_local) return nullptr;
  return function_->init_local(ctx, data_.get(), global);
}

bool TableFunctionScanNode::GetData(ExecutionContext& ctx, GlobalState* global, LocalState* local, Batch& out) const {
  return function_->scan(ctx, data_.get(), global, local, out);
}

uint32_t TableFunctionScanNode::MaxThreads(GlobalState* global) const {
  return function_->max_threads ? function_->max_threads(data_.get(), global) : 1;
}

}  // namespace basin
