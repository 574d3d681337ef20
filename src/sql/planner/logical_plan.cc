#include "sql/planner/logical_plan.h"

namespace basin {

namespace {
std::vector<ColumnBinding> Numbered(uint32_t table_index, size_t count) {
  std::vector<ColumnBinding> bindings;
  for (size_t i = 0; i < count; ++i) bindings.push_back({table_index, static_cast<uint32_t>(i)});
  return bindings;
}

std::string JoinExpressions(const std::vector<ExprPtr>& exprs) {
  std::string out;
  for (size_t i = 0; i < exprs.size(); ++i) out += (i ? ", " : "") + exprs[i]->ToString();
  return out;
}
}  // namespace

LogicalGet::LogicalGet(uint32_t table_index, std::shared_ptr<Table> table, std::string alias)
    : LogicalOperator(LogicalKind::kGet), table_index(table_index), table(std::move(table)), alias(std::move(alias)) {
  for (uint32_t i = 0; i < this->table->columns().size(); ++i) column_ids.push_back(i);
}
std::vector<ColumnBinding> LogicalGet::Bindings() const {
  std::vector<ColumnBinding> bindings;
  for (uint32_t id : column_ids) bindings.push_back({table_index, id});
  return bindings;
}
std::vector<LogicalType> LogicalGet::Types() const {
  std::vector<LogicalType> types;
  for (uint32_t id : column_ids) types.push_back(table->columns()[id].type);
  return types;
}
std::string LogicalGet::Describe() const { return "GET " + table->name(); }

LogicalTableFunction::LogicalTableFunction(uint32_t table_index, const TableFunction* function,
                                           TableFunctionBinding binding)
    : LogicalOperator(LogicalKind::kTableFunction), table_index(table_index), function(function), binding(std::move(binding)) {
  for (uint32_t i = 0; i < this->binding.types.size(); ++i) column_ids.push_back(i);
  estimated_rows = this->binding.estimated_rows;
}
std::vector<ColumnBinding> LogicalTableFunction::Bindings() const {
  std::vector<ColumnBinding> bindings;
  for (uint32_t id : column_ids) bindings.push_back({table_index, id});
  return bindings;
}
std::vector<LogicalType> LogicalTableFunction::Types() const {
  std::vector<LogicalType> types;
  for (uint32_t id : column_ids) types.push_back(binding.types[id]);
  return types;
}
std::string LogicalTableFunction::Describe() const { return "TABLE_FUNCTION " + function->name; }

LogicalValues::LogicalValues(uint32_t table_index, std::vector<LogicalType> types,
                             std::vector<std::vector<ExprPtr>> rows)
    : LogicalOperator(LogicalKind::kValues), table_index(table_index), types(std::move(types)), rows(std::move(rows)) {
  estimated_rows = static_cast<double>(this->rows.size());
}
std::vector<ColumnBinding> LogicalValues::Bindings() const { return Numbered(table_index, types.size()); }
std::string LogicalValues::Describe() const { return "VALUES (" + std::to_string(rows.size()) + " rows)"; }

LogicalMaterialized::LogicalMaterialized(uint32_t table_index, std::vector<LogicalType> types,
                                         std::shared_ptr<const std::vector<Batch>> batches, std::string label)
    : LogicalOperator(LogicalKind::kMaterialized),
      table_index(table_index),
      types(std::move(types)),
      batches(std::move(batches)),
      label(std::move(label)) {
  for (const auto& batch : *this->batches) estimated_rows += batch.size;
}
std::vector<ColumnBinding> LogicalMaterialized::Bindings() const { return Numbered(table_index, types.size()); }

LogicalProjection::LogicalProjection(uint32_t table_index, std::vector<ExprPtr> expressions, LogicalPtr child)
    : LogicalOperator(LogicalKind::kProjection), table_index(table_index), expressions(std::move(expressions)) {
  children.push_back(std::move(child));
}
std::vector<ColumnBinding> LogicalProjection::Bindings() const { return Numbered(table_index, expressions.size()); }
std::vector<LogicalType> LogicalProjection::Types() const {
  std::vector<LogicalType> types;
  for (const auto& expr : expressions) types.push_back(expr->type);
  return types;
}
std::string LogicalProjection::Describe() const { return "PROJECTION " + JoinExpressions(expressions); }

LogicalFilter::LogicalFilter(std::vector<ExprPtr> conditions, LogicalPtr child)
    : LogicalOperator(LogicalKind::kFilter), conditions(std::move(conditions)) {
  children.push_back(std::move(child));
}
std::string LogicalFilter::Describe() const { return "FILTER " + JoinExpressions(conditions); }

LogicalUnnest::LogicalUnnest(uint32_t table_index, std::vector<ExprPtr> lists, LogicalPtr child)
    : LogicalOperator(LogicalKind::kUnnest), table_index(table_index), lists(std::move(lists)) {
  children.push_back(std::move(child));
}
std::vector<ColumnBinding> LogicalUnnest::Bindings() const {
  std::vector<ColumnBinding> bindings = children[0]->Bindings();
  for (const auto& binding : Numbered(table_index, lists.size())) bindings.push_back(binding);
  return bindings;
}
std::vector<LogicalType> LogicalUnnest::Types() const {
  std::vector<LogicalType> types = children[0]->Types();
  for (const auto& list : lists) types.push_back(list->type.ChildType());
  return types;
}
std::string LogicalUnnest::Describe() const { return "UNNEST " + JoinExpressions(lists); }

std::string BoundAggregate::ToString() const {
  std::string out = function->name + "(" + (distinct ? "DISTINCT " : "");
  out += args.empty() ? "*" : JoinExpressions(args);
  out += ")";
  if (is_grouping) {
    out = "grouping(";
    for (size_t i = 0; i < grouping_columns.size(); ++i) out += (i ? ", #" : "#") + std::to_string(grouping_columns[i]);
    out += ")";
  }
  if (!orders.empty()) {
    out.pop_back();
    out += " ORDER BY ";
    for (size_t i = 0; i < orders.size(); ++i) {
      out += (i ? ", " : "") + orders[i].expr->ToString() + (orders[i].descending ? " DESC" : "");
    }
    out += ")";
  }
  if (filter) out += " FILTER (WHERE " + filter->ToString() + ")";
  return out;
}

BoundAggregate BoundAggregate::Clone() const {
  BoundAggregate copy;
  copy.function = function;
  copy.data = data;
  for (const auto& arg : args) copy.args.push_back(arg->Clone());
  if (filter) copy.filter = filter->Clone();
  copy.distinct = distinct;
  for (const auto& order : orders) copy.orders.push_back({order.expr->Clone(), order.descending, order.nulls_first});
  copy.is_grouping = is_grouping;
  copy.grouping_columns = grouping_columns;
  copy.type = type;
  return copy;
}

LogicalAggregate::LogicalAggregate(uint32_t group_index, uint32_t aggregate_index, std::vector<ExprPtr> groups,
                                   std::vector<BoundAggregate> aggregates, LogicalPtr child)
    : LogicalOperator(LogicalKind::kAggregate),
      group_index(group_index),
      aggregate_index(aggregate_index),
      groups(std::move(groups)),
      aggregates(std::move(aggregates)) {
  children.push_back(std::move(child));
}
std::vector<ColumnBinding> LogicalAggregate::Bindings() const {
  std::vector<ColumnBinding> bindings = Numbered(group_index, groups.size());
  for (const auto& binding : Numbered(aggregate_index, aggregates.size())) bindings.push_back(binding);
  return bindings;
}
std::vector<LogicalType> LogicalAggregate::Types() const {
  std::vector<LogicalType> types;
  for (const auto& group : groups) types.push_back(group->type);
  for (const auto& aggregate : aggregates) types.push_back(aggregate.type);
  return types;
}
std::string LogicalAggregate::Describe() const {
  std::string out = "AGGREGATE [" + JoinExpressions(groups) + "]";
  for (const auto& aggregate : aggregates) out += " " + aggregate.ToString();
  if (!grouping_sets.empty()) {
    out += " SETS";
    for (const auto& set : grouping_sets) {
      out += " (";
      for (size_t i = 0; i < set.size(); ++i) out += (i ? ", #" : "#") + std::to_string(set[i]);
      out += ")";
    }
  }
  return out;
}

LogicalJoin::LogicalJoin(JoinType type, LogicalPtr left, LogicalPtr right)
    : LogicalOperator(LogicalKind::kJoin), type(type) {
  children.push_back(std::move(left));
  children.push_back(std::move(right));
}
std::vector<ColumnBinding> LogicalJoin::Bindings() const {
  std::vector<ColumnBinding> bindings = children[0]->Bindings();
  if (type == JoinType::kSemi || type == JoinType::kAnti) return bindings;
  if (type == JoinType::kMark) {
    bindings.push_back(mark_binding);
    return bindings;
  }
  for (const auto& binding : children[1]->Bindings()) bindings.push_back(binding);
  return bindings;
}
std::vector<LogicalType> LogicalJoin::Types() const {
  std::vector<LogicalType> types = children[0]->Types();
  if (type == JoinType::kSemi || type == JoinType::kAnti) return types;
  if (type == JoinType::kMark) {
    types.push_back(TypeId::kBoolean);
    return types;
  }
  for (const auto& type : children[1]->Types()) types.push_back(type);
  return types;
}
std::string LogicalJoin::Describe() const {
  std::string out = std::string("JOIN ") + JoinTypeName(type);
  for (const auto& condition : conditions) {
    out += " " + condition.left->ToString() + " " + CompareOpSymbol(condition.op) + " " + condition.right->ToString();
  }
  if (residual) out += " [" + residual->ToString() + "]";
  return out;
}

LogicalOrder::LogicalOrder(std::vector<BoundOrder> orders, LogicalPtr child)
    : LogicalOperator(LogicalKind::kOrder), orders(std::move(orders)) {
  children.push_back(std::move(child));
}
std::string LogicalOrder::Describe() const {
  std::string out = "ORDER BY";
  for (const auto& order : orders) out += " " + order.expr->ToString() + (order.descending ? " DESC" : "");
  return out;
}

LogicalLimit::LogicalLimit(std::optional<uint64_t> limit, uint64_t offset, LogicalPtr child)
    : LogicalOperator(LogicalKind::kLimit), limit(limit), offset(offset) {
  children.push_back(std::move(child));
}
std::string LogicalLimit::Describe() const {
  return "LIMIT " + (limit ? std::to_string(*limit) : std::string("ALL")) + " OFFSET " + std::to_string(offset);
}

LogicalDistinct::LogicalDistinct(LogicalPtr child) : LogicalOperator(LogicalKind::kDistinct) {
  children.push_back(std::move(child));
}

LogicalUnionAll::LogicalUnionAll(uint32_t table_index, std::vector<LogicalPtr> inputs)
    : LogicalOperator(LogicalKind::kUnionAll), table_index(table_index) {
  children = std::move(inputs);
}
std::vector<ColumnBinding> LogicalUnionAll::Bindings() const {
  return Numbered(table_index, children[0]->Types().size());
}

namespace {
std::string BoundText(const WindowFrameBound& bound) {
  switch (bound.kind) {
    case WindowBoundKind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case WindowBoundKind::kPreceding:
      return bound.offset.ToString() + " PRECEDING";
    case WindowBoundKind::kCurrentRow:
      return "CURRENT ROW";
    case WindowBoundKind::kFollowing:
      return bound.offset.ToString() + " FOLLOWING";
    case WindowBoundKind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "";
}
}  // namespace

std::string BoundWindowFunction::ToString() const {
  std::string out = name + "(" + (kind == WindowFunctionKind::kAggregate && args.empty() ? "*" : JoinExpressions(args)) + ")";
  if (filter) out += " FILTER (WHERE " + filter->ToString() + ")";
  out += " OVER (";
  if (!partitions.empty()) out += "PARTITION BY " + JoinExpressions(partitions);
  if (!orders.empty()) {
    out += partitions.empty() ? "ORDER BY " : " ORDER BY ";
    for (size_t i = 0; i < orders.size(); ++i) {
      out += (i ? ", " : "") + orders[i].expr->ToString() + (orders[i].descending ? " DESC" : "");
    }
  }
  static const char* kModes[] = {"ROWS", "RANGE", "GROUPS"};
  out += std::string(partitions.empty() && orders.empty() ? "" : " ") + kModes[static_cast<int>(frame_mode)] +
         " BETWEEN " + BoundText(start) + " AND " + BoundText(end);
  static const char* kExcludes[] = {"", " EXCLUDE CURRENT ROW", " EXCLUDE GROUP", " EXCLUDE TIES"};
  out += kExcludes[static_cast<int>(exclude)];
  return out + ")";
}

BoundWindowFunction BoundWindowFunction::Clone() const {
  BoundWindowFunction copy;
  copy.kind = kind;
  copy.name = name;
  copy.aggregate = aggregate;
  copy.data = data;
  for (const auto& arg : args) copy.args.push_back(arg->Clone());
  if (filter) copy.filter = filter->Clone();
  for (const auto& partition : partitions) copy.partitions.push_back(partition->Clone());
  for (const auto& order : orders) copy.orders.push_back({order.expr->Clone(), order.descending, order.nulls_first});
  copy.frame_mode = frame_mode;
  copy.start = start;
  copy.end = end;
  copy.exclude = exclude;
  copy.type = type;
  return copy;
}

LogicalWindow::LogicalWindow(uint32_t window_index, std::vector<BoundWindowFunction> functions, LogicalPtr child)
    : LogicalOperator(LogicalKind::kWindow), window_index(window_index), functions(std::move(functions)) {
  children.push_back(std::move(child));
}
std::vector<ColumnBinding> LogicalWindow::Bindings() const {
  std::vector<ColumnBinding> bindings = children[0]->Bindings();
  for (const auto& binding : Numbered(window_index, functions.size())) bindings.push_back(binding);
  return bindings;
}
std::vector<LogicalType> LogicalWindow::Types() const {
  std::vector<LogicalType> types = children[0]->Types();
  for (const auto& function : functions) types.push_back(function.type);
  return types;
}
std::string LogicalWindow::Describe() const {
  std::string out = "WINDOW";
  for (const auto& function : functions) out += " " + function.ToString();
  return out;
}

LogicalRecursiveCte::LogicalRecursiveCte(uint32_t table_index, std::string name, std::vector<LogicalType> types,
                                         bool union_all, std::shared_ptr<std::vector<Batch>> working_table,
                                         LogicalPtr anchor, LogicalPtr recursive)
    : LogicalOperator(LogicalKind::kRecursiveCte),
      table_index(table_index),
      name(std::move(name)),
      types(std::move(types)),
      union_all(union_all),
      working_table(std::move(working_table)) {
  children.push_back(std::move(anchor));
  children.push_back(std::move(recursive));
}
std::vector<ColumnBinding> LogicalRecursiveCte::Bindings() const { return Numbered(table_index, types.size()); }
std::string LogicalRecursiveCte::Describe() const {
  return std::string("RECURSIVE CTE ") + name + (union_all ? " (UNION ALL)" : " (UNION)");
}

LogicalLateralJoin::LogicalLateralJoin(JoinType type, LogicalPtr left, LogicalPtr right)
    : LogicalOperator(LogicalKind::kLateralJoin), type(type) {
  children.push_back(std::move(left));
  if (right) children.push_back(std::move(right));
}
std::vector<ColumnBinding> LogicalLateralJoin::Bindings() const {
  std::vector<ColumnBinding> bindings = children[0]->Bindings();
  const auto right = function ? Numbered(function_table_index, function_types.size()) : children[1]->Bindings();
  bindings.insert(bindings.end(), right.begin(), right.end());
  return bindings;
}
std::vector<LogicalType> LogicalLateralJoin::Types() const {
  std::vector<LogicalType> types = children[0]->Types();
  const auto right = function ? function_types : children[1]->Types();
  types.insert(types.end(), right.begin(), right.end());
  return types;
}
std::string LogicalLateralJoin::Describe() const {
  return std::string("LATERAL JOIN ") + JoinTypeName(type) + (function ? " " + function->name : "");
}

namespace {
void Render(const LogicalOperator& node, int depth, std::string& out) {
  out += std::string(depth * 2, ' ') + node.Describe() + "\n";
  for (const auto& child : node.children) Render(*child, depth + 1, out);
}
}  // namespace

std::string LogicalPlanToString(const LogicalOperator& plan) {
  std::string out;
  Render(plan, 0, out);
  return out;
}

}  // namespace basin
