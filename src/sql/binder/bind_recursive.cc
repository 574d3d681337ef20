// Binding of WITH RECURSIVE, with PostgreSQL's rules: the body is
// `non-recursive-term UNION [ALL] recursive-term`, the recursive term refers to the
// CTE exactly once, not in a subquery, an outer join's nullable side or under an
// aggregate, and the column types are those of the non-recursive term.
#include "common/error.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

constexpr SqlState kInvalidRecursion{{'4', '2', 'P', '1', '9'}};

// Whether the subtree of `node` reads `working_table`.
bool ReadsWorkingTable(const LogicalOperator& node, const std::vector<Batch>* working_table) {
  if (node.kind == LogicalKind::kMaterialized && node.As<LogicalMaterialized>().batches.get() == working_table) {
    return true;
  }
  for (const auto& child : node.children) {
    if (ReadsWorkingTable(*child, working_table)) return true;
  }
  return false;
}

// An aggregate over the recursive reference (PostgreSQL forbids it).
bool AggregatesWorkingTable(const LogicalOperator& node, const std::vector<Batch>* working_table) {
  if (node.kind == LogicalKind::kAggregate && !node.As<LogicalAggregate>().aggregates.empty() &&
      ReadsWorkingTable(node, working_table)) {
    return true;
  }
  for (const auto& child : node.children) {
    if (AggregatesWorkingTable(*child, working_table)) return true;
  }
  return false;
}

}  // namespace

bool Binder::InRecursiveWith(const ast::CommonTableExpr* cte) const {
  for (const Binder* binder = this; binder != nullptr; binder = binder->parent_) {
    for (const auto* recursive : binder->recursive_with_) {
      if (recursive == cte) return true;
    }
  }
  return false;
}

Binder::RecursiveCteBinding* Binder::FindRecursiveReference(const std::string& name, SourceSpan span) {
  bool in_subquery = false;
  bool in_outer_join = false;
  for (Binder* binder = this; binder != nullptr; binder = binder->parent_) {
    in_outer_join = in_outer_join || binder->binding_nullable_side_;
    for (auto it = binder->recursive_ctes_.rbegin(); it != binder->recursive_ctes_.rend(); ++it) {
      RecursiveCteBinding& recursive = **it;
      if (recursive.cte->name != name) continue;
      const std::string prefix = "recursive reference to query \"" + name + "\" must not appear ";
      if (recursive.state == RecursiveCteBinding::State::kNotUnion) {
        throw Error(kInvalidRecursion,
                    "recursive query \"" + name +
                        "\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                    recursive.cte->span);
      }
      if (in_subquery) throw Error(kInvalidRecursion, prefix + "within a subquery", span);
      if (in_outer_join) throw Error(kInvalidRecursion, prefix + "within an outer join", span);
      if (recursive.state == RecursiveCteBinding::State::kNonRecursiveTerm) {
        throw Error(kInvalidRecursion, prefix + "within its non-recursive term", span);
      }
      if (recursive.referenced) throw Error(kInvalidRecursion, prefix + "more than once", span);
      return &recursive;
    }
    in_subquery = in_subquery || binder->is_expression_subquery_;
  }
  return nullptr;
}

LogicalPtr Binder::BindWorkingTable(RecursiveCteBinding& recursive, const ast::BaseTableRef& ref, BindScope& scope) {
  recursive.referenced = true;
  auto leaf = std::make_unique<LogicalMaterialized>(NewTableIndex(), recursive.types, recursive.working_table,
                                                    "WORKING TABLE " + recursive.cte->name);
  std::vector<std::string> names = recursive.names;
  if (ref.column_aliases.size() > names.size()) {
    throw Error(sqlstate::kInvalidColumnReference,
                "table \"" + ref.alias + "\" has " + std::to_string(names.size()) + " columns available but " +
                    std::to_string(ref.column_aliases.size()) + " columns specified",
                ref.span);
  }
  for (size_t i = 0; i < ref.column_aliases.size(); ++i) names[i] = ref.column_aliases[i];
  ScopeTable table;
  table.alias = ref.alias.empty() ? recursive.cte->name : ref.alias;
  table.names = std::move(names);
  table.types = recursive.types;
  table.bindings = leaf->Bindings();
  scope.AddTable(std::move(table));
  return leaf;
}

BoundQuery Binder::BindRecursiveCte(const ast::CommonTableExpr& cte) {
  const ast::QueryNode& query = *cte.query;
  Binder child(context_, this);
  RecursiveCteBinding recursive;
  recursive.cte = &cte;
  recursive.owner = &child;
  child.recursive_ctes_.push_back(&recursive);
  const bool is_union = query.kind == ast::QueryKind::kSetOperation &&
                        query.As<ast::SetOperationNode>().op == ast::SetOpKind::kUnion && query.ctes.empty();
  if (!is_union) return child.BindQuery(query);  // a self-reference throws

  const auto& node = query.As<ast::SetOperationNode>();
  recursive.state = RecursiveCteBinding::State::kNonRecursiveTerm;
  BoundQuery anchor = child.BindQuery(*node.left);
  recursive.types = anchor.types;
  for (auto& type : recursive.types) {
    if (type.id() == TypeId::kNull) type = TypeId::kVarchar;  // an untyped NULL, as in UNION
  }
  recursive.names = anchor.names;
  for (size_t i = 0; i < cte.columns.size() && i < recursive.names.size(); ++i) recursive.names[i] = cte.columns[i];
  recursive.working_table = std::make_shared<std::vector<Batch>>();
  recursive.state = RecursiveCteBinding::State::kRecursiveTerm;
  BoundQuery term = child.BindQuery(*node.right);
  if (!recursive.referenced) {
    // Not recursive after all: an ordinary query.
    Binder plain(context_, this);
    return plain.BindQuery(query);
  }
  if (!query.order_by.empty()) {
    throw Error(sqlstate::kFeatureNotSupported, "ORDER BY in a recursive query is not implemented", query.span);
  }
  if (query.limit) throw Error(sqlstate::kFeatureNotSupported, "LIMIT in a recursive query is not implemented", query.span);
  if (query.offset) {
    throw Error(sqlstate::kFeatureNotSupported, "OFFSET in a recursive query is not implemented", query.span);
  }
  if (term.types.size() != recursive.types.size()) {
    throw Error(sqlstate::kSyntaxError, "each UNION query must have the same number of columns", node.span);
  }
  if (AggregatesWorkingTable(*term.plan, recursive.working_table.get())) {
    throw Error(kInvalidRecursion, "aggregate functions are not allowed in a recursive query's recursive term",
                node.right->span);
  }
  for (size_t i = 0; i < term.types.size(); ++i) {
    if (term.types[i] == recursive.types[i] || term.types[i].id() == TypeId::kNull) continue;
    auto common = CommonSuperType(recursive.types[i], term.types[i]);
    if (!common || !(*common == recursive.types[i])) {
      throw Error(sqlstate::kDatatypeMismatch,
                  "recursive query \"" + cte.name + "\" column " + std::to_string(i + 1) + " has type " +
                      recursive.types[i].ToString() + " in non-recursive term but type " +
                      (common ? common->ToString() : term.types[i].ToString()) + " overall",
                  node.left->span);
    }
  }
  anchor = CastColumns(std::move(anchor), recursive.types);
  term = CastColumns(std::move(term), recursive.types);
  BoundQuery result;
  result.names = recursive.names;
  result.types = recursive.types;
  result.plan = std::make_unique<LogicalRecursiveCte>(NewTableIndex(), cte.name, recursive.types, node.all,
                                                      recursive.working_table, std::move(anchor.plan),
                                                      std::move(term.plan));
  return result;
}

}  // namespace basin
