// src/sql/parser/parse_statement.cc
// Statement dispatch, DDL (CREATE, DROP) and DML (INSERT, UPDATE, DELETE, TRUNCATE).
#include "sql/parser/parser_internal.h"

namespace basin::ast {

StatementPtr Parser::ParseStatement() {
  DepthGuard guard(*this);
  const uint32_t start = StartOffset();
  const Token& token = Peek();
  StatementPtr statement;
  if (IsQueryStart() || token.kind == TokenKind::kLeftParen) {
    auto query = std::make_unique<QueryStatement>();
    query->query = ParseQuery();
    statement = std::move(query);
  } else if (token.IsWord("create")) {
    statement = ParseCreate();
  } else if (token.IsWord("drop")) {
    statement = ParseDrop();
  } else if (token.IsWord("insert")) {
    statement = ParseInsert();
  } else if (token.IsWord("update")) {
    statement = ParseUpdate();
  } else if (token.IsWord("delete")) {
    statement = ParseDelete();
  } else if (token.IsWord("truncate")) {
    statement = ParseTruncate();
  } else if (token.IsWord("copy")) {
    statement = ParseCopy();
  } else if (token.IsWord("set")) {
    statement = ParseSet();
  } else if (token.IsWord("reset")) {
    statement = ParseReset();
  } else if (token.IsWord("show")) {
    statement = ParseShow();
  } else if (token.IsWord("explain")) {
    statement = ParseExplain();
  } else if (token.IsWord("call")) {
    statement = ParseCall();
  } else if (token.IsWord("begin") || token.IsWord("start") || token.IsWord("commit") ||
             token.IsWord("end") || token.IsWord("rollback") || token.IsWord("abort")) {
    statement = ParseTransaction();
  } else if (token.IsWord("prepare")) {
    statement = ParsePrepare();
  } else if (token.IsWord("execute")) {
    statement = ParseExecute();
  } else if (token.IsWord("deallocate")) {
    statement = ParseDeallocate();
  } else {
    SyntaxError(token);
  }
  statement->span = SpanFrom(start);
  return statement;
}

StatementPtr Parser::ParseCreate() {
  ExpectWord("create");
  bool or_replace = false;
  if (AcceptWord("or")) {
    ExpectWord("replace");
    or_replace = true;
  }
  const bool temporary = AcceptWord("temp") || AcceptWord("temporary");
  if (IsWord("table")) return ParseCreateTable(or_replace, temporary);
  if (IsWord("view")) return ParseCreateView(or_replace, temporary);
  if (IsWord("schema") && !or_replace && !temporary) {
    Advance();
    auto create = std::make_unique<CreateSchemaStatement>();
    if (IsWord("if")) {
      Advance();
      ExpectWord("not");
      ExpectWord("exists");
      create->if_not_exists = true;
    }
    create->name = ParseQualifiedName();
    return create;
  }
  SyntaxErrorHere();
}

StatementPtr Parser::ParseCreateTable(bool or_replace, bool temporary) {
  ExpectWord("table");
  bool if_not_exists = false;
  if (IsWord("if")) {
    Advance();
    ExpectWord("not");
    ExpectWord("exists");
    if_not_exists = true;
  }
  QualifiedName name = ParseQualifiedName();
  // "(a, b) AS query" names the columns of CREATE TABLE AS; "(a int, ...)" defines them.
  bool names_only = false;
  if (IsKind(TokenKind::kLeftParen)) {
    size_t ahead = 1;
    while (IsColId(Peek(ahead)) && IsKind(TokenKind::kComma, ahead + 1)) ahead += 2;
    names_only = IsColId(Peek(ahead)) && IsKind(TokenKind::kRightParen, ahead + 1) &&
                 IsWord("as", ahead + 2);
  }
  if (IsWord("as") || names_only) {
    auto create = std::make_unique<CreateTableAsStatement>();
    create->name = std::move(name);
    create->temporary = temporary;
    create->if_not_exists = if_not_exists;
    create->or_replace = or_replace;
    if (names_only) create->column_names = ParseNameList();
    ExpectWord("as");
    create->query = ParseQuery();
    if (IsWord("with") && (IsWord("data", 1) || IsWord("no", 1))) {
      Advance();
      if (AcceptWord("no")) create->with_data = false;
      ExpectWord("data");
    }
    return create;
  }
  auto create = std::make_unique<CreateTableStatement>();
  create->name = std::move(name);
  create->temporary = temporary;
  create->if_not_exists = if_not_exists;
  create->or_replace = or_replace;
  Expect(TokenKind::kLeftParen);
  if (!IsKind(TokenKind::kRightParen)) {
    do {
      if (!TryParseTableConstraint(*create)) ParseColumnDefinition(*create);
    } while (Accept(TokenKind::kComma));
  }
  Expect(TokenKind::kRightParen);
  while (true) {
    if (IsWord("partitioned") && IsWord("by", 1)) {
      if (!create->partitioned_by.empty()) SyntaxErrorHere();
      Advance();
      Advance();
      Expect(TokenKind::kLeftParen);
      create->partitioned_by = ParseExprList();
      Expect(TokenKind::kRightParen);
    } else if (IsWord("with") && IsKind(TokenKind::kLeftParen, 1)) {
      if (!create->options.empty()) SyntaxErrorHere();
      Advance();
      create->options = ParseGenericOptions(/*allow_equals=*/true);
    } else {
      break;
    }
  }
  return create;
}

void Parser::ParseColumnDefinition(CreateTableStatement& create) {
  ColumnDefinition column;
  const uint32_t start = StartOffset();
  column.name = ParseColId();
  column.type = ParseType();
  while (true) {
    if (AcceptWord("constraint")) ParseColId();  // constraint names are not kept
    if (IsWord("not") && IsWord("null", 1)) {
      Advance();
      Advance();
      column.not_null = true;
    } else if (AcceptWord("null")) {
      column.explicit_null = true;
    } else if (AcceptWord("default")) {
      if (column.default_value) SyntaxError(tokens_[pos_ - 1]);
      column.default_value = ParseExpr(kPrecOther);
    } else if (IsWord("primary") && IsWord("key", 1)) {
      Advance();
      Advance();
      column.primary_key = true;
    } else if (AcceptWord("unique")) {
      column.unique = true;
    } else if (AcceptWord("check")) {
      Expect(TokenKind::kLeftParen);
      column.checks.push_back(ParseExpr());
      Expect(TokenKind::kRightParen);
    } else if (IsKind(TokenKind::kComma) || IsKind(TokenKind::kRightParen)) {
      break;
    } else {
      SyntaxErrorHere();
    }
  }
  column.span = SpanFrom(start);
  create.columns.push_back(std::move(column));
}

// [CONSTRAINT name] PRIMARY KEY (cols) | UNIQUE (cols) | CHECK (expr).
bool Parser::TryParseTableConstraint(CreateTableStatement& create) {
  TableConstraint constraint;
  if (AcceptWord("constraint")) {
    constraint.name = ParseColId();
  } else if (!IsWord("primary") && !IsWord("unique") && !IsWord("check")) {
    return false;
  }
  if (AcceptWord("primary")) {
    ExpectWord("key");
    constraint.kind = TableConstraintKind::kPrimaryKey;
    constraint.columns = ParseNameList();
  } else if (AcceptWord("unique")) {
    constraint.kind = TableConstraintKind::kUnique;
    constraint.columns = ParseNameList();
  } else {
    ExpectWord("check");
    constraint.kind = TableConstraintKind::kCheck;
    Expect(TokenKind::kLeftParen);
    constraint.check = ParseExpr();
    Expect(TokenKind::kRightParen);
  }
  create.constraints.push_back(std::move(constraint));
  return true;
}

StatementPtr Parser::ParseCreateView(bool or_replace, bool temporary) {
  ExpectWord("view");
  auto create = std::make_unique<CreateViewStatement>();
  create->or_replace = or_replace;
  create->temporary = temporary;
  if (IsWord("if")) {
    Advance();
    ExpectWord("not");
    ExpectWord("exists");
    create->if_not_exists = true;
  }
  create->name = ParseQualifiedName();
  if (IsKind(TokenKind::kLeftParen)) create->column_names = ParseNameList();
  ExpectWord("as");
  create->query = ParseQuery();
  return create;
}

StatementPtr Parser::ParseDrop() {
  ExpectWord("drop");
  auto drop = std::make_unique<DropStatement>();
  if (AcceptWord("table")) {
    drop->object_type = ObjectType::kTable;
  } else if (AcceptWord("view")) {
    drop->object_type = ObjectType::kView;
  } else if (AcceptWord("schema")) {
    drop->object_type = ObjectType::kSchema;
  } else {
    SyntaxErrorHere();
  }
  if (IsWord("if")) {
    Advance();
    ExpectWord("exists");
    drop->if_exists = true;
  }
  do {
    drop->names.push_back(ParseQualifiedName());
  } while (Accept(TokenKind::kComma));
  if (AcceptWord("cascade")) {
    drop->cascade = true;
  } else {
    AcceptWord("restrict");
  }
  return drop;
}

std::string Parser::ParseDmlAlias(bool allow_bare) {
  if (AcceptWord("as")) return ParseColId();
  if (allow_bare && IsColId(Peek()) && !IsWord("set")) return Advance().text;
  return "";
}

StatementPtr Parser::ParseInsert() {
  ExpectWord("insert");
  ExpectWord("into");
  auto insert = std::make_unique<InsertStatement>();
  insert->table = ParseQualifiedName();
  insert->alias = ParseDmlAlias(/*allow_bare=*/false);
  if (IsKind(TokenKind::kLeftParen) && !IsQueryStart(1) && !IsKind(TokenKind::kLeftParen, 1)) {
    insert->columns = ParseNameList();
  }
  if (IsWord("default") && IsWord("values", 1)) {
    Advance();
    Advance();
    insert->default_values = true;
  } else {
    insert->query = ParseQuery();
  }
  insert->returning = ParseReturning();
  return insert;
}

std::vector<SelectItem> Parser::ParseReturning() {
  std::vector<SelectItem> items;
  if (!AcceptWord("returning")) return items;
  do {
    items.push_back(ParseSelectItem());
  } while (Accept(TokenKind::kComma));
  return items;
}

StatementPtr Parser::ParseUpdate() {
  ExpectWord("update");
  auto update = std::make_unique<UpdateStatement>();
  update->table = ParseQualifiedName();
  update->alias = ParseDmlAlias(/*allow_bare=*/true);
  ExpectWord("set");
  do {
    SetClause clause;
    if (IsKind(TokenKind::kLeftParen)) {
      clause.columns = ParseNameList();
    } else {
      clause.columns.push_back(ParseColId());
    }
    ExpectOperator("=");
    clause.value = ParseExpr();
    update->set.push_back(std::move(clause));
  } while (Accept(TokenKind::kComma));
  if (AcceptWord("from")) update->from = ParseFromList();
  if (AcceptWord("where")) update->where = ParseExpr();
  update->returning = ParseReturning();
  return update;
}

StatementPtr Parser::ParseDelete() {
  ExpectWord("delete");
  ExpectWord("from");
  auto deletion = std::make_unique<DeleteStatement>();
  deletion->table = ParseQualifiedName();
  deletion->alias = ParseDmlAlias(/*allow_bare=*/true);
  if (AcceptWord("using")) deletion->using_tables = ParseFromList();
  if (AcceptWord("where")) deletion->where = ParseExpr();
  deletion->returning = ParseReturning();
  return deletion;
}

StatementPtr Parser::ParseTruncate() {
  ExpectWord("truncate");
  AcceptWord("table");
  auto truncate = std::make_unique<TruncateStatement>();
  do {
    truncate->tables.push_back(ParseQualifiedName());
  } while (Accept(TokenKind::kComma));
  return truncate;
}

}  // namespace basin::ast
