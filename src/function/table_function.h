// src/function/table_function.h
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/value.h"
#include "exec/expression.h"
#include "exec/physical_node.h"
#include "function/scalar_function.h"

namespace basin {

// Arguments of a table function call after constant folding:
// read_csv('a.csv', header => true) has positional ['a.csv'] and named {header: true}.
struct TableFunctionArguments {
  std::vector<Value> positional;
  std::map<std::string, Value> named;  // keys in lower case
};

// What binding a table function call produced: its columns and whatever it needs to
// run (the files to read, the detected dialect, ...).
struct TableFunctionBinding {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::shared_ptr<const FunctionData> data;
  // Rows it will produce, if known (for the optimizer and progress).
  double estimated_rows = 1000;
};

// A condition `column op constant` that holds for every row the query keeps, found
// by the optimizer above a table function; `column` is the function's output column.
// Constants have the column's type and are not NULL. With kEq there may be several:
// the column equals one of them (an IN list); other operators have exactly one.
struct ColumnPredicate {
  uint32_t column = 0;
  CompareOp op = CompareOp::kEq;
  std::vector<Value> constants;
};

// A function in FROM: generate_series(...), read_csv(...). Binding happens at plan
// time (it may read files to detect a schema); scanning is a parallel Source.
struct TableFunction {
  std::string name;
  std::function<TableFunctionBinding(const TableFunctionArguments& args)> bind;
  // Creates the shared scan state. `column_ids` lists the output columns the query
  // needs (projection pushdown), in the order the scan must produce them.
  std::function<std::unique_ptr<GlobalState>(ExecutionContext& ctx, const FunctionData* data,
                                             const std::vector<uint32_t>& column_ids)>
      init_global;
  std::function<std::unique_ptr<LocalState>(ExecutionContext& ctx, const FunctionData* data,
                                            GlobalState* global)>
      init_local;
  // Fills `out` (shaped per column_ids) with the next morsel; false when done.
  // Called from many threads at once unless max_threads says otherwise.
  std::function<bool(ExecutionContext& ctx, const FunctionData* data, GlobalState* global,
                     LocalState* local, Batch& out)>
      scan;
  std::function<uint32_t(const FunctionData* data, GlobalState* global)> max_threads;
  // Optional, at plan time: data for a scan that may skip whatever cannot satisfy
  // `predicates` (files, row groups). Rows it still returns are filtered as usual,
  // so skipping is an optimization, never a change of results.
  std::function<std::shared_ptr<const FunctionData>(const FunctionData& data,
                                                    const std::vector<ColumnPredicate>& predicates)>
      prune;
};

// Built-in table functions, by lower-case name; null if there is none.
const TableFunction* FindTableFunction(const std::string& name);

// The built-ins, one factory per source file (listed in table_function.cc).
TableFunction MakeGenerateSeriesFunction();
TableFunction MakeReadCsvFunction();
TableFunction MakeReadCsvAutoFunction();
TableFunction MakeReadJsonFunction();
TableFunction MakeReadJsonAutoFunction();
TableFunction MakeReadNdjsonFunction();
TableFunction MakeUnnestFunction();
TableFunction MakeReadParquetFunction();

}  // namespace basin
