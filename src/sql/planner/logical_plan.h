// src/sql/planner/logical_plan.h
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/table.h"
#include "exec/aggregate_hash_table.h"
#include "exec/expression.h"
#include "exec/operators/join.h"
#include "exec/operators/lateral_join.h"
#include "exec/sort_key.h"
#include "function/table_function.h"
#include "function/window/window_functions.h"

namespace basin {

enum class LogicalKind : uint8_t {
  kGet,            // scan of a table
  kTableFunction,  // read_csv(...), generate_series(...)
  kValues,         // rows of expressions (VALUES, and the one empty row of SELECT 1)
  kMaterialized,   // batches computed beforehand
  kProjection,
  kFilter,
  kAggregate,
  kJoin,
  kOrder,
  kLimit,
  kDistinct,
  kUnionAll,
  kWindow,
  kRecursiveCte,  // WITH RECURSIVE
  kLateralJoin,   // a join whose right side depends on the left row
  kUnnest,        // unnest(list) in a select list: one row per element
};

// A node of a logical plan. Every node numbers its output columns with
// ColumnBindings; expressions above refer to those, so rewrites need not renumber.
struct LogicalOperator {
  explicit LogicalOperator(LogicalKind kind) : kind(kind) {}
  virtual ~LogicalOperator() = default;

  const LogicalKind kind;
  std::vector<std::unique_ptr<LogicalOperator>> children;
  double estimated_rows = 0;

  virtual std::vector<ColumnBinding> Bindings() const = 0;
  virtual std::vector<LogicalType> Types() const = 0;
  // For EXPLAIN of logical plans and debugging.
  virtual std::string Describe() const = 0;

  template <class T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using LogicalPtr = std::unique_ptr<LogicalOperator>;

struct LogicalGet : LogicalOperator {
  LogicalGet(uint32_t table_index, std::shared_ptr<Table> table, std::string alias);
  uint32_t table_index;
  std::shared_ptr<Table> table;
  std::string alias;
  // Table columns produced, in output order. Binding column_index = the table's
  // column number, so pruning columns leaves bindings intact.
  std::vector<uint32_t> column_ids;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

struct LogicalTableFunction : LogicalOperator {
  LogicalTableFunction(uint32_t table_index, const TableFunction* function, TableFunctionBinding binding);
  uint32_t table_index;
  const TableFunction* function;
  TableFunctionBinding binding;
  std::vector<uint32_t> column_ids;  // as in LogicalGet
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

struct LogicalValues : LogicalOperator {
  LogicalValues(uint32_t table_index, std::vector<LogicalType> types, std::vector<std::vector<ExprPtr>> rows);
  uint32_t table_index;
  std::vector<LogicalType> types;
  std::vector<std::vector<ExprPtr>> rows;  // constant expressions (no column refs)
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override { return types; }
  std::string Describe() const override;
};

struct LogicalMaterialized : LogicalOperator {
  LogicalMaterialized(uint32_t table_index, std::vector<LogicalType> types,
                      std::shared_ptr<const std::vector<Batch>> batches, std::string label);
  uint32_t table_index;
  std::vector<LogicalType> types;
  std::shared_ptr<const std::vector<Batch>> batches;
  std::string label;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override { return types; }
  std::string Describe() const override { return "MATERIALIZED " + label; }
};

struct LogicalProjection : LogicalOperator {
  LogicalProjection(uint32_t table_index, std::vector<ExprPtr> expressions, LogicalPtr child);
  uint32_t table_index;
  std::vector<ExprPtr> expressions;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

struct LogicalFilter : LogicalOperator {
  LogicalFilter(std::vector<ExprPtr> conditions, LogicalPtr child);
  std::vector<ExprPtr> conditions;  // all must hold
  std::vector<ColumnBinding> Bindings() const override { return children[0]->Bindings(); }
  std::vector<LogicalType> Types() const override { return children[0]->Types(); }
  std::string Describe() const override;
};

// The input's columns, then one column per list expression holding its elements
// (bindings {table_index, i}); each input row repeats once per element.
struct LogicalUnnest : LogicalOperator {
  LogicalUnnest(uint32_t table_index, std::vector<ExprPtr> lists, LogicalPtr child);
  uint32_t table_index;
  std::vector<ExprPtr> lists;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

struct BoundOrder {
  ExprPtr expr;
  bool descending = false;
  bool nulls_first = false;
};

// An aggregate call in a plan: function, bound argument expressions over the
// aggregate's input, optional FILTER condition, optional ORDER BY (string_agg(x, ','
// ORDER BY y), and the WITHIN GROUP order of ordered-set aggregates).
struct BoundAggregate {
  std::shared_ptr<const AggregateFunction> function;
  std::shared_ptr<const FunctionData> data;
  std::vector<ExprPtr> args;
  ExprPtr filter;
  bool distinct = false;
  std::vector<BoundOrder> orders;
  // GROUPING(a, b, ...): not an aggregate but a bitmask of which arguments (indices
  // into LogicalAggregate::groups) are absent from the grouping set of a row. `args`
  // is then empty.
  bool is_grouping = false;
  std::vector<uint32_t> grouping_columns;
  LogicalType type;
  std::string ToString() const;
  BoundAggregate Clone() const;
};

struct LogicalAggregate : LogicalOperator {
  LogicalAggregate(uint32_t group_index, uint32_t aggregate_index, std::vector<ExprPtr> groups,
                   std::vector<BoundAggregate> aggregates, LogicalPtr child);
  uint32_t group_index;
  uint32_t aggregate_index;
  std::vector<ExprPtr> groups;
  std::vector<BoundAggregate> aggregates;
  // GROUPING SETS / ROLLUP / CUBE: each set lists indices into `groups`; groups not
  // in a row's set are NULL in that row. Empty: plain GROUP BY over all groups.
  std::vector<std::vector<uint32_t>> grouping_sets;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

// A join condition left op right, where `left` only references the left child and
// `right` only the right child.
struct JoinCondition {
  ExprPtr left;
  ExprPtr right;
  CompareOp op = CompareOp::kEq;
};

struct LogicalJoin : LogicalOperator {
  LogicalJoin(JoinType type, LogicalPtr left, LogicalPtr right);
  JoinType type;
  std::vector<JoinCondition> conditions;
  // Other predicates over both sides (evaluated on candidate pairs); null if none.
  ExprPtr residual;
  // Mark joins: the binding of the mark column.
  ColumnBinding mark_binding;
  // Mark joins for IN / ANY / ALL: the mark is NULL, not false, when no row
  // matched but a comparison was unknown (SQL's NULL semantics of IN).
  bool null_aware = false;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

struct LogicalOrder : LogicalOperator {
  LogicalOrder(std::vector<BoundOrder> orders, LogicalPtr child);
  std::vector<BoundOrder> orders;
  std::optional<uint64_t> limit;  // set by the optimizer: top-N
  std::vector<ColumnBinding> Bindings() const override { return children[0]->Bindings(); }
  std::vector<LogicalType> Types() const override { return children[0]->Types(); }
  std::string Describe() const override;
};

struct LogicalLimit : LogicalOperator {
  LogicalLimit(std::optional<uint64_t> limit, uint64_t offset, LogicalPtr child);
  std::optional<uint64_t> limit;
  uint64_t offset;
  std::vector<ColumnBinding> Bindings() const override { return children[0]->Bindings(); }
  std::vector<LogicalType> Types() const override { return children[0]->Types(); }
  std::string Describe() const override;
};

// Removes duplicate rows (all columns).
struct LogicalDistinct : LogicalOperator {
  explicit LogicalDistinct(LogicalPtr child);
  std::vector<ColumnBinding> Bindings() const override { return children[0]->Bindings(); }
  std::vector<LogicalType> Types() const override { return children[0]->Types(); }
  std::string Describe() const override { return "DISTINCT"; }
};

// Concatenates children with identical types; outputs new bindings.
struct LogicalUnionAll : LogicalOperator {
  LogicalUnionAll(uint32_t table_index, std::vector<LogicalPtr> inputs);
  uint32_t table_index;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override { return children[0]->Types(); }
  std::string Describe() const override { return "UNION ALL"; }
};

// A window function call: what to compute (a ranking/value function or an
// aggregate over a frame), and over which window (PARTITION BY, ORDER BY, frame).
struct WindowFrameBound {
  WindowBoundKind kind = WindowBoundKind::kCurrentRow;
  // kPreceding / kFollowing: a constant, non-negative offset. ROWS and GROUPS:
  // bigint; RANGE: of the ORDER BY column's type (interval for dates and timestamps).
  Value offset;
};

struct BoundWindowFunction {
  WindowFunctionKind kind = WindowFunctionKind::kAggregate;
  std::string name;
  std::shared_ptr<const AggregateFunction> aggregate;  // kAggregate only
  std::shared_ptr<const FunctionData> data;
  std::vector<ExprPtr> args;
  ExprPtr filter;  // aggregates: FILTER (WHERE ...), or null
  std::vector<ExprPtr> partitions;
  std::vector<BoundOrder> orders;
  WindowFrameMode frame_mode = WindowFrameMode::kRange;
  WindowFrameBound start{WindowBoundKind::kUnboundedPreceding, {}};
  WindowFrameBound end{WindowBoundKind::kCurrentRow, {}};
  WindowExclude exclude = WindowExclude::kNoOthers;
  LogicalType type;
  std::string ToString() const;
  BoundWindowFunction Clone() const;
};

// Computes window functions over its child's rows: outputs the child's columns,
// then one column per function (bindings (window_index, i)).
struct LogicalWindow : LogicalOperator {
  LogicalWindow(uint32_t window_index, std::vector<BoundWindowFunction> functions, LogicalPtr child);
  uint32_t window_index;
  std::vector<BoundWindowFunction> functions;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

// WITH RECURSIVE: children[0] is the non-recursive term, children[1] the recursive
// term, which reads the previous iteration's new rows through a LogicalMaterialized
// leaf that shares `working_table`. Without `union_all`, rows already produced are
// not produced again. Outputs bindings (table_index, i).
struct LogicalRecursiveCte : LogicalOperator {
  LogicalRecursiveCte(uint32_t table_index, std::string name, std::vector<LogicalType> types, bool union_all,
                      std::shared_ptr<std::vector<Batch>> working_table, LogicalPtr anchor, LogicalPtr recursive);
  uint32_t table_index;
  std::string name;
  std::vector<LogicalType> types;
  bool union_all;
  std::shared_ptr<std::vector<Batch>> working_table;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override { return types; }
  std::string Describe() const override;
};

// LATERAL that could not be decorrelated: for each row of children[0], the right
// side runs with `parameters` holding that row's values of `parameter_bindings`.
// The right side is children[1] (a plan reading the parameters through
// MakeLateralParameter expressions), or, when `function` is set, a table function
// called with `function_args` (over children[0]'s columns) per row. Outputs the
// left columns, then the right ones; kLeft pads rows without a match with NULLs.
struct LogicalLateralJoin : LogicalOperator {
  LogicalLateralJoin(JoinType type, LogicalPtr left, LogicalPtr right);
  JoinType type;
  std::vector<ColumnBinding> parameter_bindings;
  std::shared_ptr<LateralParameters> parameters;
  const TableFunction* function = nullptr;
  std::vector<ExprPtr> function_args;
  uint32_t function_table_index = 0;
  std::vector<LogicalType> function_types;
  std::vector<ColumnBinding> Bindings() const override;
  std::vector<LogicalType> Types() const override;
  std::string Describe() const override;
};

// Renders a plan tree, one node per line, indented.
std::string LogicalPlanToString(const LogicalOperator& plan);

}  // namespace basin
