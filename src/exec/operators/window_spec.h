// src/exec/operators/window_spec.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/value.h"
#include "exec/sort_key.h"
#include "function/aggregate_function.h"
#include "function/window/window_functions.h"

namespace basin {

// One window function of a WindowNode, over the node's input columns.
struct WindowFunctionSpec {
  WindowFunctionKind kind = WindowFunctionKind::kAggregate;
  std::shared_ptr<const AggregateFunction> aggregate;  // kAggregate only
  std::shared_ptr<const FunctionData> data;
  std::vector<uint32_t> argument_columns;
  int filter_column = -1;  // aggregates: boolean FILTER column, or -1
  WindowFrameMode frame_mode = WindowFrameMode::kRange;
  WindowBoundKind start = WindowBoundKind::kUnboundedPreceding;
  WindowBoundKind end = WindowBoundKind::kCurrentRow;
  Value start_offset;  // kPreceding / kFollowing bounds only
  Value end_offset;
  WindowExclude exclude = WindowExclude::kNoOthers;
  LogicalType result_type;
  std::string description;  // for EXPLAIN
};

// What all functions of one WindowNode share: the partitioning and the order.
struct WindowPartitionSpec {
  std::vector<uint32_t> partition_columns;
  std::vector<SortKeySpec> order_keys;
};

}  // namespace basin
