// src/sql/parser/print_statement.cc
// SQL text for statements.
#include "sql/parser/ast_printer.h"
#include "sql/parser/ast_printer_internal.h"

namespace basin::ast {
namespace {

void AppendOptionValue(const OptionValue& value, std::string& out) {
  switch (value.kind) {
    case OptionValue::Kind::kNone: return;
    case OptionValue::Kind::kString: out += QuoteString(value.text); return;
    case OptionValue::Kind::kNumber: out += value.text; return;
    case OptionValue::Kind::kIdentifier: out += QuoteIdentifier(value.text); return;
    case OptionValue::Kind::kBoolean: out += value.boolean ? "TRUE" : "FALSE"; return;
    case OptionValue::Kind::kStar: out += '*'; return;
    case OptionValue::Kind::kList:
      out += '(';
      for (size_t i = 0; i < value.list.size(); ++i) {
        if (i > 0) out += ", ";
        AppendOptionValue(value.list[i], out);
      }
      out += ')';
      return;
  }
}

void AppendOptions(const std::vector<GenericOption>& options, bool equals, std::string& out) {
  out += '(';
  for (size_t i = 0; i < options.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteIdentifier(options[i].name);
    if (options[i].value.kind != OptionValue::Kind::kNone) {
      out += equals ? " = " : " ";
      AppendOptionValue(options[i].value, out);
    }
  }
  out += ')';
}

void AppendReturning(const std::vector<SelectItem>& items, std::string& out) {
  if (items.empty()) return;
  out += " RETURNING ";
  AppendSelectItems(items, out);
}

void AppendIfNotExists(bool if_not_exists, std::string& out) {
  if (if_not_exists) out += "IF NOT EXISTS ";
}

void AppendCreateTable(const CreateTableStatement& create, std::string& out) {
  out += create.or_replace ? "CREATE OR REPLACE " : "CREATE ";
  if (create.temporary) out += "TEMPORARY ";
  out += "TABLE ";
  AppendIfNotExists(create.if_not_exists, out);
  AppendQualifiedName(create.name, out);
  out += " (";
  bool first = true;
  for (const ColumnDefinition& column : create.columns) {
    if (!first) out += ", ";
    first = false;
    out += QuoteIdentifier(column.name) + ' ';
    AppendType(column.type, out);
    if (column.not_null) out += " NOT NULL";
    if (column.explicit_null) out += " NULL";
    if (column.default_value) {
      out += " DEFAULT ";
      AppendExpr(*column.default_value, out);
    }
    if (column.primary_key) out += " PRIMARY KEY";
    if (column.unique) out += " UNIQUE";
    for (const ExprPtr& check : column.checks) {
      out += " CHECK (";
      AppendExpr(*check, out);
      out += ')';
    }
  }
  for (const TableConstraint& constraint : create.constraints) {
    if (!first) out += ", ";
    first = false;
    if (!constraint.name.empty()) out += "CONSTRAINT " + QuoteIdentifier(constraint.name) + ' ';
    switch (constraint.kind) {
      case TableConstraintKind::kPrimaryKey: out += "PRIMARY KEY ("; break;
      case TableConstraintKind::kUnique: out += "UNIQUE ("; break;
      case TableConstraintKind::kCheck: out += "CHECK ("; break;
    }
    if (constraint.kind == TableConstraintKind::kCheck) {
      AppendExpr(*constraint.check, out);
    } else {
      AppendNames(constraint.columns, out);
    }
    out += ')';
  }
  out += ')';
  if (!create.partitioned_by.empty()) {
    out += " PARTITIONED BY (";
    AppendExprList(create.partitioned_by, out);
    out += ')';
  }
  if (!create.options.empty()) {
    out += " WITH ";
    AppendOptions(create.options, /*equals=*/true, out);
  }
}

void AppendStatement(const Statement& statement, std::string& out);

void AppendDml(const Statement& statement, std::string& out) {
  switch (statement.kind) {
    case StatementKind::kInsert: {
      const auto& insert = statement.As<InsertStatement>();
      out += "INSERT INTO ";
      AppendQualifiedName(insert.table, out);
      if (!insert.alias.empty()) out += " AS " + QuoteIdentifier(insert.alias);
      if (!insert.columns.empty()) {
        out += " (";
        AppendNames(insert.columns, out);
        out += ')';
      }
      if (insert.default_values) {
        out += " DEFAULT VALUES";
      } else {
        out += ' ';
        AppendQuery(*insert.query, out);
      }
      AppendReturning(insert.returning, out);
      return;
    }
    case StatementKind::kUpdate: {
      const auto& update = statement.As<UpdateStatement>();
      out += "UPDATE ";
      AppendQualifiedName(update.table, out);
      if (!update.alias.empty()) out += " AS " + QuoteIdentifier(update.alias);
      out += " SET ";
      for (size_t i = 0; i < update.set.size(); ++i) {
        if (i > 0) out += ", ";
        const SetClause& clause = update.set[i];
        if (clause.columns.size() == 1) {
          out += QuoteIdentifier(clause.columns[0]);
        } else {
          out += '(';
          AppendNames(clause.columns, out);
          out += ')';
        }
        out += " = ";
        AppendExpr(*clause.value, out);
      }
      for (size_t i = 0; i < update.from.size(); ++i) {
        out += i == 0 ? " FROM " : ", ";
        AppendTableRef(*update.from[i], out);
      }
      if (update.where) {
        out += " WHERE ";
        AppendExpr(*update.where, out);
      }
      AppendReturning(update.returning, out);
      return;
    }
    case StatementKind::kDelete: {
      const auto& deletion = statement.As<DeleteStatement>();
      out += "DELETE FROM ";
      AppendQualifiedName(deletion.table, out);
      if (!deletion.alias.empty()) out += " AS " + QuoteIdentifier(deletion.alias);
      for (size_t i = 0; i < deletion.using_tables.size(); ++i) {
        out += i == 0 ? " USING " : ", ";
        AppendTableRef(*deletion.using_tables[i], out);
      }
      if (deletion.where) {
        out += " WHERE ";
        AppendExpr(*deletion.where, out);
      }
      AppendReturning(deletion.returning, out);
      return;
    }
    default:
      return;
  }
}

void AppendUtility(const Statement& statement, std::string& out) {
  switch (statement.kind) {
    case StatementKind::kCopy: {
      const auto& copy = statement.As<CopyStatement>();
      out += "COPY ";
      if (copy.query) {
        out += '(';
        AppendQuery(*copy.query, out);
        out += ')';
      } else {
        AppendQualifiedName(copy.table, out);
        if (!copy.columns.empty()) {
          out += " (";
          AppendNames(copy.columns, out);
          out += ')';
        }
      }
      out += copy.is_from ? " FROM " : " TO ";
      switch (copy.endpoint) {
        case CopyEndpoint::kFile: out += QuoteString(copy.path); break;
        case CopyEndpoint::kStdin: out += "STDIN"; break;
        case CopyEndpoint::kStdout: out += "STDOUT"; break;
      }
      if (!copy.options.empty()) {
        out += " WITH ";
        AppendOptions(copy.options, /*equals=*/false, out);
      }
      return;
    }
    case StatementKind::kSet: {
      const auto& set = statement.As<SetStatement>();
      out += "SET ";
      if (set.scope == SetScope::kSession) out += "SESSION ";
      if (set.scope == SetScope::kLocal) out += "LOCAL ";
      for (size_t begin = 0;;) {
        const size_t dot = set.name.find('.', begin);
        out += QuoteIdentifier(set.name.substr(begin, dot - begin));
        if (dot == std::string::npos) break;
        out += '.';
        begin = dot + 1;
      }
      out += " = ";
      if (set.to_default) out += "DEFAULT";
      for (size_t i = 0; i < set.values.size(); ++i) {
        if (i > 0) out += ", ";
        AppendOptionValue(set.values[i], out);
      }
      return;
    }
    case StatementKind::kReset: {
      const auto& reset = statement.As<ResetStatement>();
      out += reset.all ? "RESET ALL" : "RESET " + QuoteIdentifier(reset.name);
      return;
    }
    case StatementKind::kShow: {
      const auto& show = statement.As<ShowStatement>();
      if (show.target == ShowTarget::kAll) out += "SHOW ALL";
      if (show.target == ShowTarget::kTables) out += "SHOW TABLES";
      if (show.target == ShowTarget::kVariable) out += "SHOW " + QuoteIdentifier(show.name);
      return;
    }
    case StatementKind::kExplain: {
      const auto& explain = statement.As<ExplainStatement>();
      out += "EXPLAIN ";
      if (!explain.options.empty()) {
        AppendOptions(explain.options, /*equals=*/false, out);
        out += ' ';
      }
      AppendStatement(*explain.statement, out);
      return;
    }
    case StatementKind::kCall:
      out += "CALL ";
      AppendExpr(*statement.As<CallStatement>().call, out);
      return;
    case StatementKind::kTransaction: {
      const TransactionKind kind = statement.As<TransactionStatement>().transaction_kind;
      out += kind == TransactionKind::kBegin    ? "BEGIN"
             : kind == TransactionKind::kCommit ? "COMMIT"
                                                : "ROLLBACK";
      return;
    }
    case StatementKind::kPrepare: {
      const auto& prepare = statement.As<PrepareStatement>();
      out += "PREPARE " + QuoteIdentifier(prepare.name);
      if (!prepare.parameter_types.empty()) {
        out += " (";
        for (size_t i = 0; i < prepare.parameter_types.size(); ++i) {
          if (i > 0) out += ", ";
          AppendType(prepare.parameter_types[i], out);
        }
        out += ')';
      }
      out += " AS ";
      AppendStatement(*prepare.statement, out);
      return;
    }
    case StatementKind::kExecute: {
      const auto& execute = statement.As<ExecuteStatement>();
      out += "EXECUTE " + QuoteIdentifier(execute.name);
      if (!execute.args.empty()) {
        out += " (";
        AppendExprList(execute.args, out);
        out += ')';
      }
      return;
    }
    case StatementKind::kDeallocate: {
      const auto& deallocate = statement.As<DeallocateStatement>();
      out += deallocate.all ? "DEALLOCATE ALL" : "DEALLOCATE " + QuoteIdentifier(deallocate.name);
      return;
    }
    default:
      return;
  }
}

void AppendStatement(const Statement& statement, std::string& out) {
  switch (statement.kind) {
    case StatementKind::kQuery:
      AppendQuery(*statement.As<QueryStatement>().query, out);
      return;
    case StatementKind::kCreateTable:
      AppendCreateTable(statement.As<CreateTableStatement>(), out);
      return;
    case StatementKind::kCreateTableAs: {
      const auto& create = statement.As<CreateTableAsStatement>();
      out += create.or_replace ? "CREATE OR REPLACE " : "CREATE ";
      if (create.temporary) out += "TEMPORARY ";
      out += "TABLE ";
      AppendIfNotExists(create.if_not_exists, out);
      AppendQualifiedName(create.name, out);
      if (!create.column_names.empty()) {
        out += " (";
        AppendNames(create.column_names, out);
        out += ')';
      }
      out += " AS ";
      AppendQuery(*create.query, out);
      if (!create.with_data) out += " WITH NO DATA";
      return;
    }
    case StatementKind::kCreateView: {
      const auto& create = statement.As<CreateViewStatement>();
      out += create.or_replace ? "CREATE OR REPLACE " : "CREATE ";
      if (create.temporary) out += "TEMPORARY ";
      out += "VIEW ";
      AppendIfNotExists(create.if_not_exists, out);
      AppendQualifiedName(create.name, out);
      if (!create.column_names.empty()) {
        out += " (";
        AppendNames(create.column_names, out);
        out += ')';
      }
      out += " AS ";
      AppendQuery(*create.query, out);
      return;
    }
    case StatementKind::kCreateSchema: {
      const auto& create = statement.As<CreateSchemaStatement>();
      out += "CREATE SCHEMA ";
      AppendIfNotExists(create.if_not_exists, out);
      AppendQualifiedName(create.name, out);
      return;
    }
    case StatementKind::kDrop: {
      const auto& drop = statement.As<DropStatement>();
      out += drop.object_type == ObjectType::kTable  ? "DROP TABLE "
             : drop.object_type == ObjectType::kView ? "DROP VIEW "
                                                     : "DROP SCHEMA ";
      if (drop.if_exists) out += "IF EXISTS ";
      for (size_t i = 0; i < drop.names.size(); ++i) {
        if (i > 0) out += ", ";
        AppendQualifiedName(drop.names[i], out);
      }
      if (drop.cascade) out += " CASCADE";
      return;
    }
    case StatementKind::kInsert:
    case StatementKind::kUpdate:
    case StatementKind::kDelete:
      AppendDml(statement, out);
      return;
    case StatementKind::kTruncate: {
      const auto& truncate = statement.As<TruncateStatement>();
      out += "TRUNCATE TABLE ";
      for (size_t i = 0; i < truncate.tables.size(); ++i) {
        if (i > 0) out += ", ";
        AppendQualifiedName(truncate.tables[i], out);
      }
      return;
    }
    default:
      AppendUtility(statement, out);
      return;
  }
}

}  // namespace

std::string ToSql(const Statement& statement) {
  std::string out;
  AppendStatement(statement, out);
  return out;
}

}  // namespace basin::ast
