#include "main/statement_executor.h"

#include <set>

#include "catalog/catalog.h"
#include "common/error.h"
#include "main/call_statement.h"
#include "main/copy_statement.h"
#include "main/query_runner.h"
#include "main/session_state.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"
#include "sql/parser/ast_printer.h"
#include "sql/parser/parser.h"

namespace basin {

namespace {

struct SchemaAndName {
  std::string schema;
  std::string name;
};

SchemaAndName SplitName(const ast::QualifiedName& name, SourceSpan span) {
  if (name.size() > 2) throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented", span);
  return {name.size() == 2 ? name[0] : Catalog::kDefaultSchema, name.back()};
}

QueryResult TagOnly(std::string tag, uint64_t rows = 0) {
  QueryResult result;
  result.tag = std::move(tag);
  result.row_count = rows;
  return result;
}

QueryResult TextResult(const std::string& column, const std::vector<std::string>& lines) {
  QueryResult result;
  result.names = {column};
  result.types = {TypeId::kVarchar};
  result.returns_rows = true;
  size_t row = 0;
  while (row < lines.size()) {
    const uint32_t count = static_cast<uint32_t>(std::min<size_t>(kBatchSize, lines.size() - row));
    Batch batch(result.types, count);
    for (uint32_t i = 0; i < count; ++i, ++row) {
      batch.columns[0].data<StringRef>()[i] = batch.columns[0].AddString(lines[row]);
    }
    batch.size = count;
    result.batches.push_back(std::move(batch));
  }
  result.row_count = lines.size();
  result.tag = "SELECT " + std::to_string(lines.size());
  return result;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

class StatementExecutor {
 public:
  StatementExecutor(Connection& connection, const std::string& sql)
      : connection_(connection),
        sql_(sql),
        bind_context_{connection.database().catalog(), CurrentTimestampMicros(),
                      connection.session().settings.time_zone()} {}

  QueryResult Execute(const ast::Statement& statement) {
    switch (statement.kind) {
      case ast::StatementKind::kQuery:
        return RunQuery(*statement.As<ast::QueryStatement>().query);
      case ast::StatementKind::kCreateTable:
        return CreateTable(statement.As<ast::CreateTableStatement>());
      case ast::StatementKind::kCreateTableAs:
        return CreateTableAs(statement.As<ast::CreateTableAsStatement>());
      case ast::StatementKind::kCreateView:
        return CreateView(statement.As<ast::CreateViewStatement>());
      case ast::StatementKind::kCreateSchema: {
        const auto& create = statement.As<ast::CreateSchemaStatement>();
        catalog().CreateSchema(create.name.back(), create.if_not_exists);
        return TagOnly("CREATE SCHEMA");
      }
      case ast::StatementKind::kDrop:
        return Drop(statement.As<ast::DropStatement>());
      case ast::StatementKind::kInsert:
        return Insert(statement.As<ast::InsertStatement>());
      case ast::StatementKind::kTruncate: {
        for (const auto& name : statement.As<ast::TruncateStatement>().tables) {
          const auto [schema, table_name] = SplitName(name, statement.span);
          auto table = catalog().FindTable(schema, table_name);
          if (!table) throw Error(sqlstate::kUndefinedTable, "relation \"" + table_name + "\" does not exist", statement.span);
          table->Replace({});
        }
        return TagOnly("TRUNCATE TABLE");
      }
      case ast::StatementKind::kSet:
        return Set(statement.As<ast::SetStatement>());
      case ast::StatementKind::kReset: {
        const auto& reset = statement.As<ast::ResetStatement>();
        if (reset.all) {
          settings().ResetAll();
        } else {
          settings().Reset(reset.name);
        }
        return TagOnly("RESET");
      }
      case ast::StatementKind::kShow:
        return Show(statement.As<ast::ShowStatement>());
      case ast::StatementKind::kExplain:
        return Explain(statement.As<ast::ExplainStatement>());
      case ast::StatementKind::kCopy:
        return ExecuteCopy(connection_, bind_context_, statement.As<ast::CopyStatement>());
      case ast::StatementKind::kCall:
        return ExecuteCall(connection_, bind_context_, statement.As<ast::CallStatement>());
      default:
        break;
    }
    throw Error(sqlstate::kFeatureNotSupported, "this statement is not supported yet", statement.span);
  }

 private:
  Catalog& catalog() { return connection_.database().catalog(); }
  Settings& settings() { return connection_.session().settings; }

  BoundQuery Bind(const ast::QueryNode& query) {
    Binder binder(bind_context_);
    return binder.BindQuery(query);
  }

  QueryResult RunQuery(const ast::QueryNode& query) {
    BoundQuery bound = Bind(query);
    QueryResult result;
    result.names = bound.names;
    result.types = bound.types;
    result.returns_rows = true;
    result.batches = QueryRunner(connection_).Run(std::move(bound));
    result.row_count = result.NumRows();
    result.tag = "SELECT " + std::to_string(result.row_count);
    return result;
  }

  std::vector<ColumnDefinition> ColumnsOf(const ast::CreateTableStatement& create) {
    std::vector<ColumnDefinition> columns;
    std::set<std::string> names;
    std::set<std::string> primary_key;
    for (const auto& constraint : create.constraints) {
      if (constraint.kind == ast::TableConstraintKind::kCheck) {
        throw Error(sqlstate::kFeatureNotSupported, "CHECK constraints are not supported yet", create.span);
      }
      if (constraint.kind == ast::TableConstraintKind::kPrimaryKey) {
        for (const auto& column : constraint.columns) primary_key.insert(column);
      }
    }
    for (const auto& column : create.columns) {
      if (!names.insert(column.name).second) {
        throw Error(sqlstate::kDuplicateColumn, "column \"" + column.name + "\" specified more than once", column.span);
      }
      if (!column.checks.empty()) {
        throw Error(sqlstate::kFeatureNotSupported, "CHECK constraints are not supported yet", column.span);
      }
      ColumnDefinition definition;
      definition.name = column.name;
      definition.type = ResolveTypeName(column.type);
      definition.not_null = column.not_null || column.primary_key || primary_key.count(column.name) > 0;
      if (column.default_value) {
        const SourceSpan span = column.default_value->span;
        definition.default_sql = sql_.substr(span.offset, span.length);
        // Check now that the default binds and converts to the column type.
        Binder binder(bind_context_);
        CastTo(binder.BindConstantExpression(*column.default_value, "DEFAULT expressions"), definition.type, *bind_context_.time_zone);
      }
      columns.push_back(std::move(definition));
    }
    for (const auto& name : primary_key) {
      if (names.count(name) == 0) {
        throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" named in key does not exist", create.span);
      }
    }
    return columns;
  }

  QueryResult CreateTable(const ast::CreateTableStatement& create) {
    if (!create.partitioned_by.empty() || !create.options.empty()) {
      throw Error(sqlstate::kFeatureNotSupported, "PARTITIONED BY and WITH options need lakehouse tables (not yet)",
                  create.span);
    }
    const auto [schema, name] = SplitName(create.name, create.span);
    catalog().CreateTable(schema, name, ColumnsOf(create), create.if_not_exists, create.or_replace);
    return TagOnly("CREATE TABLE");
  }

  QueryResult CreateTableAs(const ast::CreateTableAsStatement& create) {
    const auto [schema, name] = SplitName(create.name, create.span);
    if (create.if_not_exists && (catalog().FindTable(schema, name) || catalog().FindView(schema, name))) {
      return TagOnly("CREATE TABLE AS");
    }
    BoundQuery bound = Bind(*create.query);
    if (create.column_names.size() > bound.names.size()) {
      throw Error(sqlstate::kSyntaxError, "too many column names were specified", create.span);
    }
    std::vector<ColumnDefinition> columns;
    std::set<std::string> seen;
    for (size_t i = 0; i < bound.names.size(); ++i) {
      ColumnDefinition column;
      column.name = i < create.column_names.size() ? create.column_names[i] : bound.names[i];
      column.type = bound.types[i].id() == TypeId::kNull ? LogicalType(TypeId::kVarchar) : bound.types[i];
      if (!seen.insert(column.name).second) {
        throw Error(sqlstate::kDuplicateColumn, "column \"" + column.name + "\" specified more than once", create.span);
      }
      columns.push_back(std::move(column));
    }
    std::vector<Batch> rows;
    if (create.with_data) rows = QueryRunner(connection_).Run(std::move(bound));
    // The table appears only once its rows are ready: a failed query leaves nothing.
    auto table = catalog().CreateTable(schema, name, std::move(columns), false, create.or_replace);
    table->Append(rows);
    uint64_t count = 0;
    for (const auto& batch : rows) count += batch.size;
    return TagOnly("SELECT " + std::to_string(count), count);
  }

  QueryResult CreateView(const ast::CreateViewStatement& create) {
    const auto [schema, name] = SplitName(create.name, create.span);
    if (create.if_not_exists && (catalog().FindTable(schema, name) || catalog().FindView(schema, name))) {
      return TagOnly("CREATE VIEW");
    }
    // Bind once to report errors now rather than at first use.
    BoundQuery bound = Bind(*create.query);
    if (create.column_names.size() > bound.names.size()) {
      throw Error(sqlstate::kSyntaxError, "CREATE VIEW specifies more column names than columns", create.span);
    }
    ViewDefinition view;
    view.schema = schema;
    view.name = name;
    view.column_names = create.column_names;
    view.sql = ast::ToSql(*create.query);
    catalog().CreateView(std::move(view), create.or_replace);
    return TagOnly("CREATE VIEW");
  }

  QueryResult Drop(const ast::DropStatement& drop) {
    for (const auto& qualified : drop.names) {
      if (drop.object_type == ast::ObjectType::kSchema) {
        catalog().DropSchema(qualified.back(), drop.if_exists, drop.cascade);
        continue;
      }
      const auto [schema, name] = SplitName(qualified, drop.span);
      catalog().Drop(schema, name, drop.object_type == ast::ObjectType::kView, drop.if_exists);
    }
    switch (drop.object_type) {
      case ast::ObjectType::kTable:
        return TagOnly("DROP TABLE");
      case ast::ObjectType::kView:
        return TagOnly("DROP VIEW");
      case ast::ObjectType::kSchema:
        return TagOnly("DROP SCHEMA");
    }
    return TagOnly("DROP");
  }

  QueryResult Insert(const ast::InsertStatement& insert);
  QueryResult Set(const ast::SetStatement& set);
  QueryResult Show(const ast::ShowStatement& show);
  QueryResult Explain(const ast::ExplainStatement& explain);

  Connection& connection_;
  const std::string& sql_;
  BindContext bind_context_;
};

// Whether PostgreSQL would convert `from` to `to` on assignment (INSERT).
bool AssignmentCastAllowed(const Expression& expr, const LogicalType& to) {
  const LogicalType& from = expr.type;
  if (from == to || from.id() == TypeId::kNull || IsUntypedLiteral(expr)) return true;
  if (from.IsNumeric() && to.IsNumeric()) return true;
  if (to.id() == TypeId::kVarchar) return true;
  if (from.IsTemporal() && to.IsTemporal()) return CastExists(from, to);
  return false;
}

QueryResult StatementExecutor::Insert(const ast::InsertStatement& insert) {
  const auto [schema, name] = SplitName(insert.table, insert.span);
  auto table = catalog().FindTable(schema, name);
  if (!table) {
    if (catalog().FindView(schema, name)) {
      throw Error(sqlstate::kWrongObjectType, "cannot insert into view \"" + name + "\"", insert.span);
    }
    throw Error(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist", insert.span);
  }
  if (!insert.returning.empty()) throw Error(sqlstate::kFeatureNotSupported, "RETURNING is not supported yet", insert.span);
  const auto& columns = table->columns();
  // Which source column feeds each table column (-1: its default).
  std::vector<int> source_of(columns.size(), -1);
  if (insert.columns.empty()) {
    for (size_t i = 0; i < columns.size(); ++i) source_of[i] = static_cast<int>(i);
  } else {
    for (size_t i = 0; i < insert.columns.size(); ++i) {
      const int index = table->FindColumn(insert.columns[i]);
      if (index < 0) {
        throw Error(sqlstate::kUndefinedColumn,
                    "column \"" + insert.columns[i] + "\" of relation \"" + name + "\" does not exist", insert.span);
      }
      if (source_of[index] >= 0) {
        throw Error(sqlstate::kDuplicateColumn, "column \"" + insert.columns[i] + "\" specified more than once",
                    insert.span);
      }
      source_of[index] = static_cast<int>(i);
    }
  }
  Binder binder(bind_context_);
  BoundQuery source;
  if (insert.default_values || !insert.query) {
    std::vector<std::vector<ExprPtr>> one_row(1);
    source.plan = std::make_unique<LogicalValues>(binder.NewTableIndex(), std::vector<LogicalType>{}, std::move(one_row));
    std::fill(source_of.begin(), source_of.end(), -1);
  } else {
    if (insert.query->Is<ast::ValuesNode>() && !insert.query->HasModifiers()) {
      // Literals in VALUES take the types of the columns they go to.
      std::vector<LogicalType> target_types;
      std::vector<ExprPtr> default_values;
      for (size_t i = 0; i < columns.size(); ++i) {
        const int column = insert.columns.empty() ? static_cast<int>(i)
                                                  : (i < insert.columns.size() ? table->FindColumn(insert.columns[i]) : -1);
        if (column < 0) break;
        target_types.push_back(columns[column].type);
        default_values.push_back(columns[column].default_sql.empty()
                                     ? nullptr
                                     : CastTo(binder.BindConstantExpression(*ast::ParseExpression(columns[column].default_sql),
                                                                            "DEFAULT expressions"),
                                              columns[column].type, *bind_context_.time_zone));
      }
      std::vector<const Expression*> defaults;
      for (const auto& value : default_values) defaults.push_back(value.get());
      source = binder.BindInsertValues(insert.query->As<ast::ValuesNode>(), target_types, defaults);
    } else {
      source = binder.BindQuery(*insert.query);
    }
    const size_t expected = insert.columns.empty() ? columns.size() : insert.columns.size();
    if (source.types.size() > expected) {
      throw Error(sqlstate::kSyntaxError, "INSERT has more expressions than target columns", insert.query->span);
    }
    if (source.types.size() < expected && !insert.columns.empty()) {
      throw Error(sqlstate::kSyntaxError, "INSERT has more target columns than expressions", insert.query->span);
    }
    for (auto& index : source_of) {
      if (index >= static_cast<int>(source.types.size())) index = -1;  // trailing columns take defaults
    }
  }
  const auto bindings = source.plan->Bindings();
  std::vector<ExprPtr> row;
  for (size_t c = 0; c < columns.size(); ++c) {
    ExprPtr value;
    if (source_of[c] >= 0) {
      value = std::make_unique<ColumnRefExpr>(source.types[source_of[c]], bindings[source_of[c]], columns[c].name);
      if (!AssignmentCastAllowed(*value, columns[c].type)) {
        throw Error(sqlstate::kDatatypeMismatch,
                    "column \"" + columns[c].name + "\" is of type " + columns[c].type.ToString() +
                        " but expression is of type " + value->type.ToString(),
                    insert.span);
      }
    } else if (!columns[c].default_sql.empty()) {
      value = binder.BindConstantExpression(*ast::ParseExpression(columns[c].default_sql), "DEFAULT expressions");
    } else {
      value = std::make_unique<ConstantExpr>(Value::Null(columns[c].type));
    }
    row.push_back(CastTo(std::move(value), columns[c].type, *bind_context_.time_zone));
  }
  BoundQuery plan;
  plan.plan = std::make_unique<LogicalProjection>(binder.NewTableIndex(), std::move(row), std::move(source.plan));
  for (const auto& column : columns) {
    plan.names.push_back(column.name);
    plan.types.push_back(column.type);
  }
  std::vector<Batch> batches = QueryRunner(connection_).Run(std::move(plan));
  uint64_t count = 0;
  for (const auto& batch : batches) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!columns[c].not_null || batch.columns[c].validity().AllValid()) continue;
      for (uint32_t r = 0; r < batch.size; ++r) {
        if (!batch.columns[c].IsValid(r)) {
          throw Error(sqlstate::kNotNullViolation, "null value in column \"" + columns[c].name + "\" of relation \"" +
                                                       name + "\" violates not-null constraint");
        }
      }
    }
    count += batch.size;
  }
  table->Append(batches);
  return TagOnly("INSERT 0 " + std::to_string(count), count);
}

std::string OptionValueText(const ast::OptionValue& value) {
  switch (value.kind) {
    case ast::OptionValue::Kind::kBoolean:
      return value.boolean ? "on" : "off";
    case ast::OptionValue::Kind::kList: {
      std::string text;
      for (size_t i = 0; i < value.list.size(); ++i) text += (i ? ", " : "") + OptionValueText(value.list[i]);
      return text;
    }
    default:
      return value.text;
  }
}

QueryResult StatementExecutor::Set(const ast::SetStatement& set) {
  if (set.to_default) {
    settings().Reset(set.name);
  } else {
    std::string value;
    for (size_t i = 0; i < set.values.size(); ++i) value += (i ? ", " : "") + OptionValueText(set.values[i]);
    settings().Set(set.name, value);
  }
  return TagOnly("SET");
}

QueryResult StatementExecutor::Show(const ast::ShowStatement& show) {
  if (show.target == ast::ShowTarget::kTables) {
    std::vector<std::string> names;
    for (const auto& entry : catalog().ListEntries()) {
      names.push_back(entry.schema == Catalog::kDefaultSchema ? entry.name : entry.schema + "." + entry.name);
    }
    return TextResult("name", names);
  }
  if (show.target == ast::ShowTarget::kAll) {
    QueryResult result;
    result.names = {"name", "setting", "description"};
    result.types = {TypeId::kVarchar, TypeId::kVarchar, TypeId::kVarchar};
    result.returns_rows = true;
    const auto rows = settings().All();
    Batch batch(result.types, static_cast<uint32_t>(rows.size()));
    for (uint32_t i = 0; i < rows.size(); ++i) {
      batch.columns[0].data<StringRef>()[i] = batch.columns[0].AddString(rows[i].name);
      batch.columns[1].data<StringRef>()[i] = batch.columns[1].AddString(rows[i].value);
      batch.columns[2].data<StringRef>()[i] = batch.columns[2].AddString(rows[i].description);
    }
    batch.size = static_cast<uint32_t>(rows.size());
    result.batches.push_back(std::move(batch));
    result.row_count = rows.size();
    result.tag = "SHOW";
    return result;
  }
  QueryResult result = TextResult(show.name, {settings().Get(show.name)});
  result.tag = "SHOW";
  return result;
}

QueryResult StatementExecutor::Explain(const ast::ExplainStatement& explain) {
  if (!explain.statement->Is<ast::QueryStatement>()) {
    throw Error(sqlstate::kFeatureNotSupported, "EXPLAIN supports queries only so far", explain.span);
  }
  BoundQuery bound = Bind(*explain.statement->As<ast::QueryStatement>().query);
  return TextResult("QUERY PLAN", SplitLines(QueryRunner(connection_).Explain(std::move(bound), explain.analyze)));
}

}  // namespace

QueryResult ExecuteStatement(Connection& connection, const ast::Statement& statement, const std::string& sql) {
  return StatementExecutor(connection, sql).Execute(statement);
}

}  // namespace basin
