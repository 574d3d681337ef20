// src/sql/binder/binder.h
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "common/time_zone.h"
#include "sql/binder/bind_scope.h"
#include "sql/parser/ast.h"
#include "sql/planner/logical_plan.h"

namespace basin {

// What the binder needs from the session.
struct BindContext {
  Catalog& catalog;
  // Statement start, µs since the epoch (UTC): now() and current_timestamp.
  int64_t statement_timestamp = 0;
  // The session's TimeZone, resolved once per statement: casts and functions that
  // depend on it get this object at bind time. Never null.
  const TimeZone* time_zone = &TimeZone::Utc();
};

// A bound query: its plan and the names and types of its output columns.
struct BoundQuery {
  LogicalPtr plan;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
};

// A subquery inside an expression, until the planner turns it into a join.
struct BoundSubqueryExpr : Expression {
  BoundSubqueryExpr(ast::SubqueryKind subquery_kind, BoundQuery query, LogicalType type);
  ast::SubqueryKind subquery_kind;
  BoundQuery query;
  ExprPtr left;  // IN / ANY / ALL: the left operand, cast to the subquery's type
  CompareOp op = CompareOp::kEq;
  bool negated = false;  // NOT IN
  bool correlated = false;  // refers to columns of the enclosing query
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override { return left ? std::vector<ExprPtr*>{&left} : std::vector<ExprPtr*>{}; }
};

// Turns syntax into typed logical plans: resolves names against the catalog and
// the FROM clause, functions and operators against the registry, and types.
// One Binder per query level; subqueries get a child binder whose parent resolves
// correlated column references.
class Binder {
 public:
  explicit Binder(BindContext& context, Binder* parent = nullptr);

  BoundQuery BindQuery(const ast::QueryNode& query);
  // INSERT ... VALUES: literals take the target columns' types, as in PostgreSQL,
  // and DEFAULT items become `defaults[i]` (null: NULL).
  BoundQuery BindInsertValues(const ast::ValuesNode& node, const std::vector<LogicalType>& types,
                              const std::vector<const Expression*>& defaults);
  // Binds an expression with no FROM clause (constants, defaults, LIMIT values).
  ExprPtr BindConstantExpression(const ast::Expr& expr, const char* clause);
  // Evaluates a bound expression that has no column references.
  static Value EvaluateConstant(const Expression& expr);
  // A fresh table index for a node's bindings, unique within the whole statement.
  uint32_t NewTableIndex();
  BindContext& context() { return context_; }

 private:
  struct AggregateCollector {
    uint32_t aggregate_index = 0;
    std::vector<BoundAggregate> aggregates;
  };
  // Window function calls of one SELECT, evaluated after grouping (bind_window.cc).
  struct WindowCollector {
    uint32_t window_index = 0;
    std::vector<BoundWindowFunction> functions;
    const std::vector<ast::NamedWindow>* named = nullptr;  // the WINDOW clause
  };
  // unnest(list) calls of a select list: each becomes a column of a LogicalUnnest
  // placed below the final projection.
  struct UnnestCollector {
    uint32_t unnest_index = 0;
    std::vector<ExprPtr> lists;
  };
  // Where an expression is bound: visible columns, and what may appear in it.
  struct ExprContext {
    const BindScope* scope = nullptr;
    const char* clause = "";
    AggregateCollector* aggregates = nullptr;  // null: aggregates not allowed
    WindowCollector* windows = nullptr;        // null: window functions not allowed
    UnnestCollector* unnests = nullptr;        // null: set-returning functions not allowed
  };

  // ---- queries (bind_query.cc) ----
  BoundQuery BindQueryBody(const ast::QueryNode& query);
  BoundQuery BindSelect(const ast::SelectNode& select);
  BoundQuery BindSetOperation(const ast::SetOperationNode& node);
  // INTERSECT ALL / EXCEPT ALL of two inputs already cast to `result`'s types.
  BoundQuery BindSetOperationAll(const ast::SetOperationNode& node, BoundQuery left, BoundQuery right,
                                 BoundQuery result);
  BoundQuery BindValues(const ast::ValuesNode& node);
  // ORDER BY / LIMIT / OFFSET over the output columns of a set operation or VALUES.
  BoundQuery ApplyModifiers(const ast::QueryNode& node, BoundQuery query);
  void BindLimit(const ast::QueryNode& node, std::optional<uint64_t>& limit, uint64_t& offset);
  // Casts the columns of `query` to `types` with a projection (for set operations).
  BoundQuery CastColumns(BoundQuery query, const std::vector<LogicalType>& types);

  // ---- FROM (bind_table_ref.cc) ----
  LogicalPtr BindFrom(const std::vector<ast::TableRefPtr>& from, BindScope& scope);
  LogicalPtr BindTableRef(const ast::TableRef& ref, BindScope& scope);
  LogicalPtr BindBaseTable(const ast::BaseTableRef& ref, BindScope& scope);
  LogicalPtr BindJoin(const ast::JoinRef& ref, BindScope& scope);
  LogicalPtr BindTableFunction(const ast::FunctionCall& call, const ast::TableRef& ref, BindScope& scope);
  LogicalPtr BindSubqueryRef(const ast::QueryNode& query, const ast::TableRef& ref, const std::string& default_alias,
                             BindScope& scope);

  // ---- expressions (bind_expression.cc, bind_function.cc) ----
  ExprPtr BindExpression(const ast::Expr& expr, ExprContext& context);
  ExprPtr BindColumnRef(const ast::ColumnRef& ref, ExprContext& context);
  ExprPtr BindFunctionCall(const ast::FunctionCall& call, ExprContext& context);
  // unnest(list) in a select list: collects the list, returns a reference to its elements.
  ExprPtr BindSelectListUnnest(std::vector<ExprPtr> args, UnnestCollector& unnests, SourceSpan span);
  ExprPtr BindAggregateCall(const ast::FunctionCall& call, ExprContext& context);
  // GROUPING(a, ...): collected like an aggregate; its arguments are matched to the
  // GROUP BY expressions by BindSelect.
  ExprPtr BindGroupingCall(const ast::FunctionCall& call, ExprContext& context);
  // Picks the overload of aggregate `name` for `args` and casts them to it.
  BoundAggregate ResolveAggregate(const std::string& name, std::vector<ExprPtr> args, SourceSpan span);
  // "function f(types) does not exist" (or the operator form).
  static std::string FunctionSignatureError(const std::string& name, const std::vector<ExprPtr>& args);
  // f(...) OVER (...): collects the call and returns a reference to its result.
  ExprPtr BindWindowCall(const ast::FunctionCall& call, ExprContext& context);
  void BindWindowSpec(const ast::WindowSpec& spec, const std::vector<ast::NamedWindow>* named, ExprContext& context,
                      BoundWindowFunction& function);
  // Checks the WINDOW clause (duplicate names, references to undefined windows).
  void CheckWindowClause(const std::vector<ast::NamedWindow>& windows);
  // BindToGroups for an expression that may hold window results (left as they are).
  void BindToGroupsAroundWindows(ExprPtr& expr, const std::vector<ExprPtr>& groups, uint32_t group_index,
                                 uint32_t aggregate_index, uint32_t window_index, const char* clause);
  ExprPtr BindBinary(const ast::BinaryExpr& expr, ExprContext& context);
  ExprPtr BindComparison(CompareOp op, ExprPtr left, ExprPtr right, SourceSpan span);
  ExprPtr BindCase(const ast::CaseExpr& expr, ExprContext& context);
  ExprPtr BindSubquery(const ast::SubqueryExpr& expr, ExprContext& context);
  // ARRAY(query): one row holding the query's rows as a list, in its ORDER BY order.
  BoundQuery ArrayOfRows(BoundQuery query, SourceSpan span);
  ExprPtr BindConstant(const ast::Constant& constant);
  ExprPtr BindCast(const ast::Cast& cast, ExprContext& context);
  // Resolves `name(args)` among scalar functions and operators, casting arguments.
  ExprPtr BindScalarFunction(const std::string& name, std::vector<ExprPtr> args, SourceSpan span);
  ExprPtr BindSpecialFunction(const std::string& name, std::vector<ExprPtr>& args, SourceSpan span, bool* handled);
  // ---- nested values (bind_nested.cc) ----
  ExprPtr BindArray(const ast::ArrayExpr& array, ExprContext& context);
  ExprPtr BindRow(const ast::RowExpr& row, ExprContext& context);
  ExprPtr BindSubscript(const ast::SubscriptExpr& subscript, ExprContext& context);
  ExprPtr BindFieldAccess(const ast::FieldAccessExpr& access, ExprContext& context);
  ExprPtr BindAnyAll(const ast::AnyAllExpr& any_all, ExprContext& context);
  // base.field for a STRUCT-typed `base`.
  ExprPtr FieldAccess(ExprPtr base, const std::string& field, SourceSpan span);
  // Gives untyped literals and NULLs among `exprs` a common type and casts to it.
  LogicalType UnifyTypes(std::vector<ExprPtr*> exprs, const char* context, SourceSpan span);

  // ---- subqueries (plan_subquery.cc) ----
  // Replaces the subqueries in `expr` with references to joins added over `root`.
  void PlanSubqueries(ExprPtr& expr, LogicalPtr& root);
  // WHERE conjuncts that are [NOT] EXISTS / IN become semi and anti joins.
  bool TryPlanFilterSubquery(ExprPtr& conjunct, LogicalPtr& root);
  ExprPtr PlanSubquery(BoundSubqueryExpr& subquery, LogicalPtr& root, bool as_filter);
  // Correlated scalar and EXISTS subqueries whose correlation cannot be pulled up run
  // once per outer row (a lateral join).
  ExprPtr PlanSubqueryPerRow(BoundSubqueryExpr& subquery, LogicalPtr plan, LogicalPtr& root);
  // IN / ANY / ALL for PlanSubqueryPerRow: an aggregate over the subquery per outer row.
  ExprPtr PlanQuantifiedPerRow(BoundSubqueryExpr& subquery, LogicalPtr plan, LogicalPtr& root);

  // ---- GROUP BY (bind_query.cc) ----
  // Replaces sub-expressions equal to a group expression by a reference to it, then
  // rejects any other column of the FROM clause.
  void BindToGroups(ExprPtr& expr, const std::vector<ExprPtr>& groups, uint32_t group_index,
                    uint32_t aggregate_index, const char* clause);

  // Column lookup in enclosing queries, for correlated subqueries.
  std::optional<BindScope::Resolved> LookupOuter(const std::vector<std::string>& parts, SourceSpan span, uint32_t* depth);

  // ---- CTEs ----
  const ast::CommonTableExpr* FindCte(const std::string& name) const;

  // ---- WITH RECURSIVE (bind_recursive.cc) ----
  // A recursive CTE whose body is being bound, and where its self-reference may go.
  struct RecursiveCteBinding {
    enum class State { kNotUnion, kNonRecursiveTerm, kRecursiveTerm };
    const ast::CommonTableExpr* cte = nullptr;
    State state = State::kNotUnion;
    Binder* owner = nullptr;  // binds the body's terms
    bool referenced = false;
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    std::shared_ptr<std::vector<Batch>> working_table;
  };
  bool InRecursiveWith(const ast::CommonTableExpr* cte) const;
  // Binds the body of a CTE of a WITH RECURSIVE list (recursive or not).
  BoundQuery BindRecursiveCte(const ast::CommonTableExpr& cte);
  // The self-reference of a recursive CTE being bound, or null. Throws 42P19 where
  // PostgreSQL forbids the reference.
  RecursiveCteBinding* FindRecursiveReference(const std::string& name, SourceSpan span);
  LogicalPtr BindWorkingTable(RecursiveCteBinding& recursive, const ast::BaseTableRef& ref, BindScope& scope);

  // ---- LATERAL (bind_table_ref.cc, plan_subquery.cc) ----
  struct LateralItem {
    LogicalPtr plan;  // the right side; null for a table function called per left row
    bool correlated = false;
    std::unique_ptr<LogicalLateralJoin> function_join;  // that call; its left child is added later
  };
  // Binds a LATERAL subquery or a table function that may see the columns of `visible`.
  LateralItem BindLateralItem(const ast::TableRef& ref, const BindScope& visible, BindScope& scope);
  // Joins `left` to a lateral item: a plain join after decorrelation when possible,
  // else a LogicalLateralJoin. `condition` (over both sides) may be null.
  LogicalPtr PlanLateralJoin(JoinType type, LogicalPtr left, LateralItem right, ExprPtr condition);
  LogicalPtr BindLateralJoinRef(const ast::JoinRef& ref, JoinType type, LogicalPtr left, BindScope left_scope,
                                BindScope& scope);

  BindContext& context_;
  Binder* parent_;
  uint32_t next_table_index_ = 0;  // used by the root binder only
  // The scope of the expression being bound right now, for child binders.
  const BindScope* active_scope_ = nullptr;
  std::vector<std::map<std::string, const ast::CommonTableExpr*>> ctes_;
  // Set while a CTE's own body is bound, to stop it referring to itself.
  std::vector<const ast::CommonTableExpr*> binding_ctes_;
  bool has_correlation_ = false;
  // The select list's unnest columns, which grouping leaves alone like window results.
  uint32_t unnest_index_ = UINT32_MAX;
  // WITH RECURSIVE: which CTEs are in a RECURSIVE list, the recursive CTEs whose
  // bodies this binder binds, whether this binder binds a subquery in an expression,
  // and whether a join's nullable side is being bound (both forbid self-references).
  std::vector<const ast::CommonTableExpr*> recursive_with_;
  std::vector<RecursiveCteBinding*> recursive_ctes_;
  bool is_expression_subquery_ = false;
  bool binding_nullable_side_ = false;

 public:
  // Whether a column of an enclosing query was referenced (this is a correlated subquery).
  bool has_correlation() const { return has_correlation_; }
};

}  // namespace basin
