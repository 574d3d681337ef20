// Binding of FROM items: tables, views, CTEs, derived tables, table functions,
// files, and joins with ON / USING / NATURAL.
#include <algorithm>
#include <cstring>

#include "common/error.h"
#include "function/table_function.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"
#include "sql/parser/parser.h"
#include "sql/planner/join_conditions.h"

namespace basin {

namespace {

// Applies AS alias(c1, c2, ...) to a FROM item's column names.
void ApplyColumnAliases(const ast::TableRef& ref, std::vector<std::string>& names) {
  if (ref.column_aliases.size() > names.size()) {
    throw Error(sqlstate::kInvalidColumnReference,
                "table \"" + ref.alias + "\" has " + std::to_string(names.size()) + " columns available but " +
                    std::to_string(ref.column_aliases.size()) + " columns specified",
                ref.span);
  }
  for (size_t i = 0; i < ref.column_aliases.size(); ++i) names[i] = ref.column_aliases[i];
}

ScopeTable MakeScopeTable(std::string alias, std::vector<std::string> names, std::vector<LogicalType> types,
                          std::vector<ColumnBinding> bindings) {
  ScopeTable table;
  table.alias = std::move(alias);
  table.names = std::move(names);
  table.types = std::move(types);
  table.bindings = std::move(bindings);
  return table;
}

JoinType ToJoinType(ast::JoinType type) {
  switch (type) {
    case ast::JoinType::kInner:
    case ast::JoinType::kCross:
      return JoinType::kInner;
    case ast::JoinType::kLeft:
      return JoinType::kLeft;
    case ast::JoinType::kRight:
      return JoinType::kRight;
    case ast::JoinType::kFull:
      return JoinType::kFull;
  }
  return JoinType::kInner;
}

// FROM items that may refer to items to their left: LATERAL subqueries, and table
// functions (implicitly LATERAL, as in PostgreSQL).
bool IsLateralItem(const ast::TableRef& ref) {
  if (ref.kind == ast::TableRefKind::kSubquery) return ref.As<ast::SubqueryRef>().lateral;
  return ref.kind == ast::TableRefKind::kTableFunction && !ref.As<ast::TableFunctionRef>().with_ordinality;
}

bool HasColumnReference(const Expression& expr) {
  bool found = false;
  VisitExpressionsReadOnly(expr, [&found](const Expression& node) { found = found || node.kind == ExprKind::kColumnRef; });
  return found;
}

}  // namespace

LogicalPtr Binder::BindFrom(const std::vector<ast::TableRefPtr>& from, BindScope& scope) {
  LogicalPtr root;
  for (const auto& ref : from) {
    if (root && IsLateralItem(*ref)) {
      // Sees the items to its left.
      LateralItem item = BindLateralItem(*ref, scope, scope);
      root = PlanLateralJoin(JoinType::kInner, std::move(root), std::move(item), nullptr);
      continue;
    }
    LogicalPtr item = BindTableRef(*ref, scope);
    if (!root) {
      root = std::move(item);
    } else {
      root = std::make_unique<LogicalJoin>(JoinType::kInner, std::move(root), std::move(item));
    }
  }
  return root;
}

LogicalPtr Binder::BindTableRef(const ast::TableRef& ref, BindScope& scope) {
  switch (ref.kind) {
    case ast::TableRefKind::kBaseTable:
      return BindBaseTable(ref.As<ast::BaseTableRef>(), scope);
    case ast::TableRefKind::kJoin:
      return BindJoin(ref.As<ast::JoinRef>(), scope);
    case ast::TableRefKind::kSubquery: {
      const auto& subquery = ref.As<ast::SubqueryRef>();
      return BindSubqueryRef(*subquery.query, ref, "", scope);
    }
    case ast::TableRefKind::kTableFunction: {
      const auto& function = ref.As<ast::TableFunctionRef>();
      if (function.with_ordinality) {
        throw Error(sqlstate::kFeatureNotSupported, "WITH ORDINALITY is not supported yet", ref.span);
      }
      return BindTableFunction(*function.function, ref, scope);
    }
    case ast::TableRefKind::kFile: {
      // FROM 'file.csv': the reader follows from the file name.
      const std::string& path = ref.As<ast::FileRef>().path;
      std::string lower = path;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      auto ends_with = [&lower](const char* suffix) {
        const size_t n = std::strlen(suffix);
        return lower.size() >= n && lower.compare(lower.size() - n, n, suffix) == 0;
      };
      const char* reader = nullptr;
      if (ends_with(".csv") || ends_with(".tsv") || ends_with(".tbl") || ends_with(".txt") || ends_with(".csv.gz")) {
        reader = "read_csv";
      } else if (ends_with(".parquet") || ends_with(".parq")) {
        reader = "read_parquet";
      } else if (ends_with(".json") || ends_with(".ndjson") || ends_with(".jsonl")) {
        reader = "read_json";
      } else {
        throw Error(sqlstate::kFeatureNotSupported,
                    "cannot tell how to read \"" + path +
                        "\": Basin reads CSV (.csv, .tsv, .tbl, .txt), Parquet (.parquet) and JSON (.json, .ndjson, "
                        ".jsonl) files by name; use read_csv, read_parquet or read_json for others",
                    ref.span);
      }
      ast::FunctionCall call;
      call.name = {reader};
      auto argument = std::make_unique<ast::Constant>();
      argument->constant_kind = ast::ConstantKind::kString;
      argument->value = path;
      call.args.push_back(std::move(argument));
      call.arg_names.push_back("");
      call.span = ref.span;
      return BindTableFunction(call, ref, scope);
    }
  }
  throw Error(sqlstate::kInternal, "unknown table reference kind");
}

LogicalPtr Binder::BindSubqueryRef(const ast::QueryNode& query, const ast::TableRef& ref,
                                   const std::string& default_alias, BindScope& scope) {
  Binder child(context_, this);
  BoundQuery bound = child.BindQuery(query);
  std::vector<std::string> names = bound.names;
  ApplyColumnAliases(ref, names);
  const std::string alias = ref.alias.empty() ? default_alias : ref.alias;
  scope.AddTable(MakeScopeTable(alias, names, bound.types, bound.plan->Bindings()));
  return std::move(bound.plan);
}

LogicalPtr Binder::BindBaseTable(const ast::BaseTableRef& ref, BindScope& scope) {
  if (ref.time_travel != ast::TimeTravelKind::kNone) {
    throw Error(sqlstate::kFeatureNotSupported, "time travel needs a lakehouse table (not supported yet)", ref.span);
  }
  if (ref.name.size() > 2) {
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented", ref.span);
  }
  const std::string& name = ref.name.back();
  const std::string schema = ref.name.size() == 2 ? ref.name[0] : Catalog::kDefaultSchema;
  if (ref.name.size() == 1) {
    if (const ast::CommonTableExpr* cte = FindCte(name)) {
      binding_ctes_.push_back(cte);
      struct Pop {
        Binder* binder;
        ~Pop() { binder->binding_ctes_.pop_back(); }
      } pop{this};
      BoundQuery bound;
      if (InRecursiveWith(cte)) {
        bound = BindRecursiveCte(*cte);
      } else {
        Binder child(context_, this);
        bound = child.BindQuery(*cte->query);
      }
      std::vector<std::string> names = bound.names;
      if (cte->columns.size() > names.size()) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "WITH query \"" + cte->name + "\" has " + std::to_string(names.size()) +
                        " columns available but " + std::to_string(cte->columns.size()) + " columns specified",
                    cte->span);
      }
      for (size_t i = 0; i < cte->columns.size(); ++i) names[i] = cte->columns[i];
      ApplyColumnAliases(ref, names);
      scope.AddTable(MakeScopeTable(ref.alias.empty() ? name : ref.alias, names, bound.types, bound.plan->Bindings()));
      return std::move(bound.plan);
    }
    if (RecursiveCteBinding* recursive = FindRecursiveReference(name, ref.span)) {
      return BindWorkingTable(*recursive, ref, scope);
    }
  }
  if (auto table = context_.catalog.FindTable(schema, name)) {
    auto get = std::make_unique<LogicalGet>(NewTableIndex(), table, ref.alias.empty() ? name : ref.alias);
    get->estimated_rows = static_cast<double>(table->NumRows());
    std::vector<std::string> names;
    for (const auto& column : table->columns()) names.push_back(column.name);
    ApplyColumnAliases(ref, names);
    scope.AddTable(MakeScopeTable(get->alias, names, get->Types(), get->Bindings()));
    return get;
  }
  if (auto view = context_.catalog.FindView(schema, name)) {
    auto statements = ast::ParseStatements(view->sql);
    if (statements.size() != 1 || !statements[0]->Is<ast::QueryStatement>()) {
      throw Error(sqlstate::kInternal, "view \"" + name + "\" has an invalid definition");
    }
    // A view sees the catalog, not the query that uses it: no outer columns, no CTEs.
    Binder view_binder(context_, nullptr);
    view_binder.next_table_index_ = NewTableIndex() + 1;
    BoundQuery bound = view_binder.BindQuery(*statements[0]->As<ast::QueryStatement>().query);
    // Keep table indexes unique across the whole statement.
    for (uint32_t i = next_table_index_; i < view_binder.next_table_index_; ++i) NewTableIndex();
    std::vector<std::string> names = bound.names;
    for (size_t i = 0; i < view->column_names.size() && i < names.size(); ++i) names[i] = view->column_names[i];
    ApplyColumnAliases(ref, names);
    scope.AddTable(MakeScopeTable(ref.alias.empty() ? name : ref.alias, names, bound.types, bound.plan->Bindings()));
    return std::move(bound.plan);
  }
  const std::string shown = ref.name.size() == 2 ? schema + "." + name : name;
  throw Error(sqlstate::kUndefinedTable, "relation \"" + shown + "\" does not exist", ref.span);
}

LogicalPtr Binder::BindTableFunction(const ast::FunctionCall& call, const ast::TableRef& ref, BindScope& scope) {
  const std::string& name = call.name.back();
  const TableFunction* function = FindTableFunction(name);
  if (function == nullptr) {
    throw Error(sqlstate::kUndefinedFunction, "table function " + name + " does not exist", call.span);
  }
  TableFunctionArguments args;
  for (size_t i = 0; i < call.args.size(); ++i) {
    ExprPtr bound = BindConstantExpression(*call.args[i], "table function arguments");
    if (HasColumnReference(*bound)) {
      throw Error(sqlstate::kFeatureNotSupported,
                  "arguments of " + name + " that refer to an enclosing query are not supported yet", call.args[i]->span);
    }
    if (IsUntypedLiteral(*bound)) bound = CastTo(std::move(bound), TypeId::kVarchar, *context_.time_zone);
    if (bound->kind != ExprKind::kConstant) bound = std::make_unique<ConstantExpr>(EvaluateConstant(*bound));
    Value value = bound->As<ConstantExpr>().value;
    const std::string& arg_name = i < call.arg_names.size() ? call.arg_names[i] : "";
    if (arg_name.empty()) {
      args.positional.push_back(std::move(value));
    } else {
      std::string key = arg_name;
      std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
      args.named[key] = std::move(value);
    }
  }
  TableFunctionBinding binding;
  try {
    binding = function->bind(args);
  } catch (const Error& error) {
    throw Error(error.state(), error.message(), error.where() ? error.where() : std::optional<SourceSpan>(call.span));
  }
  std::vector<std::string> names = binding.names;
  ApplyColumnAliases(ref, names);
  // A function returning one column named after the function takes the alias as
  // its column name, as generate_series(1, 3) AS x does in PostgreSQL.
  if (names.size() == 1 && ref.column_aliases.empty() && !ref.alias.empty() && names[0] == name) names[0] = ref.alias;
  auto node = std::make_unique<LogicalTableFunction>(NewTableIndex(), function, std::move(binding));
  scope.AddTable(MakeScopeTable(ref.alias.empty() ? name : ref.alias, names, node->Types(), node->Bindings()));
  return node;
}

LogicalPtr Binder::BindJoin(const ast::JoinRef& ref, BindScope& scope) {
  BindScope left_scope;
  BindScope right_scope;
  const JoinType type = ToJoinType(ref.join_type);
  // A recursive CTE must not be referenced on the nullable side of an outer join.
  struct NullableSide {
    Binder* binder;
    bool saved;
    NullableSide(Binder* binder, bool nullable) : binder(binder), saved(binder->binding_nullable_side_) {
      binder->binding_nullable_side_ = saved || nullable;
    }
    ~NullableSide() { binder->binding_nullable_side_ = saved; }
  };
  LogicalPtr left;
  {
    NullableSide side(this, type == JoinType::kRight || type == JoinType::kFull);
    left = BindTableRef(*ref.left, left_scope);
  }
  if (IsLateralItem(*ref.right) && (type == JoinType::kInner || type == JoinType::kLeft)) {
    return BindLateralJoinRef(ref, type, std::move(left), std::move(left_scope), scope);
  }
  LogicalPtr right;
  {
    NullableSide side(this, type == JoinType::kLeft || type == JoinType::kFull);
    right = BindTableRef(*ref.right, right_scope);
  }
  auto join = std::make_unique<LogicalJoin>(type, std::move(left), std::move(right));

  std::vector<std::string> using_columns = ref.using_columns;
  if (ref.natural) {
    for (const auto& left_table : left_scope.tables()) {
      for (const auto& name : left_table.names) {
        if (std::find(using_columns.begin(), using_columns.end(), name) != using_columns.end()) continue;
        if (right_scope.Lookup({name}, ref.span)) using_columns.push_back(name);
      }
    }
  }
  std::vector<ExprPtr> conditions;
  std::vector<std::pair<std::string, ExprPtr>> merged;
  for (const auto& name : using_columns) {
    auto left_column = left_scope.Lookup({name}, ref.span);
    auto right_column = right_scope.Lookup({name}, ref.span);
    if (!left_column || !right_column) {
      throw Error(sqlstate::kUndefinedColumn,
                  "column \"" + name + "\" specified in USING clause does not exist in " +
                      (left_column ? "right" : "left") + " table",
                  ref.span);
    }
    ExprPtr l = std::move(left_column->expr);
    ExprPtr r = std::move(right_column->expr);
    std::vector<ExprPtr*> both{&l, &r};
    const LogicalType common = UnifyTypes(both, "JOIN/USING", ref.span);
    ExprPtr merged_expr;
    if (type == JoinType::kRight) {
      merged_expr = r->Clone();
    } else if (type == JoinType::kFull) {
      std::vector<CaseExpr::When> whens;
      whens.push_back({std::make_unique<IsNullExpr>(l->Clone(), true), l->Clone()});
      merged_expr = std::make_unique<CaseExpr>(common, std::move(whens), r->Clone());
    } else {
      merged_expr = l->Clone();
    }
    merged_expr->alias = name;
    merged.emplace_back(name, std::move(merged_expr));
    conditions.push_back(std::make_unique<ComparisonExpr>(CompareOp::kEq, std::move(l), std::move(r)));
  }
  scope.Absorb(std::move(left_scope));
  scope.Absorb(std::move(right_scope));
  for (auto& [name, expr] : merged) scope.AddMergedColumn(name, *expr);

  if (ref.condition) {
    ExprContext context;
    context.scope = &scope;
    context.clause = "JOIN conditions";
    ExprPtr condition = BindExpression(*ref.condition, context);
    if (condition->type.id() != TypeId::kBoolean) {
      throw Error(sqlstate::kDatatypeMismatch,
                  "argument of JOIN/ON must be type boolean, not type " + condition->type.ToString(),
                  ref.condition->span);
    }
    PlanSubqueries(condition, join->children[0]);
    conditions.push_back(std::move(condition));
  }
  if (!conditions.empty()) {
    join->residual = conditions.size() == 1 ? std::move(conditions[0])
                                            : std::make_unique<ConjunctionExpr>(true, std::move(conditions));
  }
  ExtractJoinConditions(*join);
  if (!ref.alias.empty()) {
    throw Error(sqlstate::kFeatureNotSupported, "an alias on a parenthesized join is not supported yet", ref.span);
  }
  return join;
}

}  // namespace basin

namespace basin {

Binder::LateralItem Binder::BindLateralItem(const ast::TableRef& ref, const BindScope& visible, BindScope& scope) {
  LateralItem item;
  if (ref.kind == ast::TableRefKind::kSubquery) {
    // The subquery resolves columns of `visible` as correlated references (depth 1).
    struct ActiveScope {
      Binder* binder;
      const BindScope* saved;
      ~ActiveScope() { binder->active_scope_ = saved; }
    } restore{this, active_scope_};
    active_scope_ = &visible;
    Binder child(context_, this);
    BoundQuery bound = child.BindQuery(*ref.As<ast::SubqueryRef>().query);
    item.correlated = child.has_correlation();
    std::vector<std::string> names = bound.names;
    ApplyColumnAliases(ref, names);
    scope.AddTable(MakeScopeTable(ref.alias, names, bound.types, bound.plan->Bindings()));
    item.plan = std::move(bound.plan);
    return item;
  }
  // A table function whose arguments may use columns to its left.
  const auto& call = *ref.As<ast::TableFunctionRef>().function;
  const std::string& name = call.name.back();
  const TableFunction* function = FindTableFunction(name);
  if (function == nullptr) {
    throw Error(sqlstate::kUndefinedFunction, "table function " + name + " does not exist", call.span);
  }
  std::vector<ExprPtr> args;
  bool uses_columns = false;
  for (size_t i = 0; i < call.args.size(); ++i) {
    ExprContext context;
    context.scope = &visible;
    context.clause = "table function arguments";
    ExprPtr bound = BindExpression(*call.args[i], context);
    if (IsUntypedLiteral(*bound)) bound = CastTo(std::move(bound), TypeId::kVarchar, *context_.time_zone);
    if (HasColumnReference(*bound)) {
      uses_columns = true;
      if (i < call.arg_names.size() && !call.arg_names[i].empty()) {
        throw Error(sqlstate::kFeatureNotSupported, "named arguments of a LATERAL table function call are not supported yet",
                    call.span);
      }
    }
    args.push_back(std::move(bound));
  }
  if (!uses_columns) {
    item.plan = BindTableFunction(call, ref, scope);
    return item;
  }
  // Bind once with the per-row arguments NULL, for the result columns.
  TableFunctionArguments placeholders;
  for (const auto& arg : args) {
    placeholders.positional.push_back(HasColumnReference(*arg) ? Value::Null(arg->type) : EvaluateConstant(*arg));
  }
  TableFunctionBinding binding;
  try {
    binding = function->bind(placeholders);
  } catch (const Error&) {
    throw Error(sqlstate::kFeatureNotSupported,
                "table function " + name + " with arguments from a LATERAL reference is not supported", call.span);
  }
  std::vector<std::string> names = binding.names;
  ApplyColumnAliases(ref, names);
  if (names.size() == 1 && ref.column_aliases.empty() && !ref.alias.empty() && names[0] == name) names[0] = ref.alias;
  auto join = std::make_unique<LogicalLateralJoin>(JoinType::kInner, nullptr, nullptr);
  join->children.clear();
  join->function = function;
  join->function_args = std::move(args);
  join->function_table_index = NewTableIndex();
  join->function_types = binding.types;
  join->parameters = std::make_shared<LateralParameters>();
  std::vector<ColumnBinding> bindings;
  for (uint32_t i = 0; i < binding.types.size(); ++i) bindings.push_back({join->function_table_index, i});
  scope.AddTable(MakeScopeTable(ref.alias.empty() ? name : ref.alias, names, binding.types, bindings));
  item.correlated = true;
  item.function_join = std::move(join);
  return item;
}

LogicalPtr Binder::BindLateralJoinRef(const ast::JoinRef& ref, JoinType type, LogicalPtr left, BindScope left_scope,
                                      BindScope& scope) {
  if (ref.natural || !ref.using_columns.empty()) {
    throw Error(sqlstate::kFeatureNotSupported, "NATURAL or USING with a LATERAL item is not supported yet", ref.span);
  }
  if (!ref.alias.empty()) {
    throw Error(sqlstate::kFeatureNotSupported, "an alias on a parenthesized join is not supported yet", ref.span);
  }
  BindScope right_scope;
  LateralItem item = BindLateralItem(*ref.right, left_scope, right_scope);
  scope.Absorb(std::move(left_scope));
  scope.Absorb(std::move(right_scope));
  ExprPtr condition;
  if (ref.condition) {
    ExprContext context;
    context.scope = &scope;
    context.clause = "JOIN conditions";
    condition = BindExpression(*ref.condition, context);
    if (condition->type.id() != TypeId::kBoolean) {
      throw Error(sqlstate::kDatatypeMismatch,
                  "argument of JOIN/ON must be type boolean, not type " + condition->type.ToString(),
                  ref.condition->span);
    }
    PlanSubqueries(condition, left);
  }
  return PlanLateralJoin(type, std::move(left), std::move(item), std::move(condition));
}

}  // namespace basin
