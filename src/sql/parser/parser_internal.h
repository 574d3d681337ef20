// src/sql/parser/parser_internal.h
// The recursive-descent parser shared by the parse_*.cc files. Private to
// src/sql/parser/; other code uses parser.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/ast.h"
#include "sql/parser/keywords.h"
#include "sql/parser/token.h"

namespace basin::ast {

// Binding strength of operators, weakest first, following PostgreSQL's gram.y.
enum Precedence : int {
  kPrecLowest = 0,
  kPrecOr = 1,
  kPrecAnd = 2,
  kPrecNot = 3,
  kPrecIs = 4,          // IS ..., ISNULL, NOTNULL
  kPrecComparison = 5,  // < > = <= >= <>
  kPrecLike = 6,        // [NOT] BETWEEN, IN, LIKE, ILIKE, SIMILAR TO
  kPrecOther = 7,       // any other operator: || ~ & | -> ...
  kPrecAdd = 8,         // + -
  kPrecMultiply = 9,    // * / %
  kPrecExponent = 10,   // ^
  kPrecAt = 11,         // AT TIME ZONE
  kPrecCollate = 12,
  kPrecUnary = 13,  // prefix + -
};

// The content of a parenthesized construct whose meaning depends on what is inside:
// (SELECT ...) is a query, (a) an expression, (a, b) a list.
struct ParenContent {
  QueryPtr query;   // set if the parentheses held a query
  ExprList exprs;   // otherwise one expression, or several for a list
  bool is_list = false;
  SourceSpan span;  // from '(' to ')'
};

class Parser {
 public:
  explicit Parser(const std::string& sql);

  std::vector<StatementPtr> ParseStatementList();
  ExprPtr ParseSingleExpression();
  TypeName ParseSingleType();

  // ---- Token cursor (parser.cc) ----
  const Token& Peek(size_t ahead = 0) const;
  const Token& Advance();
  bool IsWord(std::string_view word, size_t ahead = 0) const { return Peek(ahead).IsWord(word); }
  bool IsKind(TokenKind kind, size_t ahead = 0) const { return Peek(ahead).kind == kind; }
  bool AcceptWord(std::string_view word);
  void ExpectWord(std::string_view word);
  bool Accept(TokenKind kind);
  const Token& Expect(TokenKind kind);
  bool AcceptOperator(std::string_view op);
  void ExpectOperator(std::string_view op);
  uint32_t StartOffset() const { return Peek().offset; }
  // Span from `start` to the end of the last consumed token.
  SourceSpan SpanFrom(uint32_t start) const;

  [[noreturn]] void SyntaxError(const Token& token) const;
  [[noreturn]] void SyntaxErrorHere() const { SyntaxError(Peek()); }
  [[noreturn]] void ErrorAt(const Token& token, const std::string& message) const;

  // ---- Names (parser.cc) ----
  static KeywordCategory CategoryOf(const Token& token);
  // ColId: an identifier, quoted identifier, or unreserved/column-name keyword.
  bool IsColId(const Token& token) const;
  std::string ParseColId();
  // ColLabel: any word or quoted identifier (after AS, after a dot).
  bool IsColLabel(const Token& token) const;
  std::string ParseColLabel();
  // ColId (. ColLabel)*
  std::vector<std::string> ParseQualifiedName();
  // ( name, name, ... )
  std::vector<std::string> ParseNameList();
  bool IsQueryStart(size_t ahead = 0) const;

  // ---- Nesting limits (parser.cc) ----
  // Counts one level of recursion; throws past kMaxParseDepth.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& parser);
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& parser_;
  };
  // Tracks the height of trees built by loops (left-deep operator, join and set
  // operation chains), which recursion depth alone does not bound.
  class ChainHeight {
   public:
    explicit ChainHeight(Parser& parser);
    ~ChainHeight();
    ChainHeight(const ChainHeight&) = delete;
    ChainHeight& operator=(const ChainHeight&) = delete;
    // Call after the first operand and after each further operand has been parsed.
    void FirstOperandDone();
    void Link();      // the operand became the right child of a new node
    void LinkFlat();  // the operand was appended to an existing flat node

   private:
    Parser& parser_;
    uint32_t base_;
    uint32_t saved_peak_;
    uint32_t height_ = 0;
  };
  [[noreturn]] void TooDeep() const;

  // ---- Expressions (parse_expression.cc) ----
  ExprPtr ParseExpr(int min_precedence = kPrecLowest);
  ExprPtr ParseInfix(ExprPtr left, int min_precedence, ChainHeight& chain);
  ExprPtr ParsePrefix();
  ExprPtr ParsePostfix(ExprPtr expr);
  ExprPtr ParsePrimary();
  ExprPtr ParseWordPrimary();
  ExprPtr ParseNamePath();
  ParenContent ParseParenthesized();
  ExprPtr ParenContentToExpr(ParenContent content);
  ExprList ParseExprList();
  ExprPtr ParseCase();
  ExprPtr ParseArray();
  ExprPtr TryParseTypedLiteral();
  ExprPtr ParseQuantified(ExprPtr left, std::string op, uint32_t start);
  ExprPtr ParseInPredicate(ExprPtr left, bool negated, uint32_t start);

  // ---- Function calls and windows (parse_function.cc) ----
  std::unique_ptr<FunctionCall> ParseFunctionCall(std::vector<std::string> name,
                                                  uint32_t start);
  void ParseFunctionArguments(FunctionCall& call);
  ExprPtr ParseSpecialFunction(const Token& word);
  ExprPtr ParseKeywordFunction();
  ExprPtr ParseCastFunction(bool try_cast);
  void ParseWindowSpecBody(WindowSpec& spec);
  void ParseFrame(WindowFrame& frame);
  std::vector<OrderByItem> ParseOrderByList();

  // ---- Types (parse_type.cc) ----
  TypeName ParseType();
  void ParseIntervalFields(TypeName& type);
  bool IsIntervalFieldStart() const;

  // ---- Queries (parse_query.cc) ----
  QueryPtr ParseQuery();
  QueryPtr ParseQueryContinuation(QueryPtr first);
  QueryPtr ParseQueryPrimary();
  QueryPtr ParseSetOperations(QueryPtr left, int min_precedence);
  void ParseQueryModifiers(QueryNode& query);
  void ParseWithClause(std::vector<CommonTableExpr>& ctes, bool& recursive);
  QueryPtr ParseSelectCore();
  QueryPtr ParseValues();
  void ParseSelectList(std::vector<SelectItem>& items);
  SelectItem ParseSelectItem();
  void ParseGroupBy(SelectNode& select);
  ExprPtr ParseGroupingItem();
  bool IsSetOperation() const;
  bool IsQueryContinuation() const;

  // ---- FROM items (parse_table_ref.cc) ----
  std::vector<TableRefPtr> ParseFromList();
  TableRefPtr ParseTableRef();
  TableRefPtr ParseJoins(TableRefPtr left);
  TableRefPtr ParseJoinTail(TableRefPtr left);
  bool IsJoinStart() const;
  TableRefPtr ParseTableRefPrimary();
  TableRefPtr ParseParenthesizedFrom();
  void ParseTableAlias(TableRef& ref);
  void ParseTimeTravel(BaseTableRef& ref);

  // ---- Statements (parse_statement.cc, parse_utility.cc) ----
  StatementPtr ParseStatement();
  StatementPtr ParseCreate();
  StatementPtr ParseCreateTable(bool or_replace, bool temporary);
  void ParseColumnDefinition(CreateTableStatement& create);
  bool TryParseTableConstraint(CreateTableStatement& create);
  StatementPtr ParseCreateView(bool or_replace, bool temporary);
  StatementPtr ParseDrop();
  StatementPtr ParseInsert();
  StatementPtr ParseUpdate();
  StatementPtr ParseDelete();
  std::vector<SelectItem> ParseReturning();
  std::string ParseDmlAlias(bool allow_bare);
  StatementPtr ParseTruncate();
  StatementPtr ParseCopy();
  void ParseLegacyCopyOptions(std::vector<GenericOption>& options);
  std::vector<GenericOption> ParseGenericOptions(bool allow_equals);
  OptionValue ParseOptionValue();
  bool IsOptionValueStart() const;
  StatementPtr ParseSet();
  StatementPtr ParseReset();
  StatementPtr ParseShow();
  StatementPtr ParseExplain();
  StatementPtr ParseCall();
  StatementPtr ParseTransaction();
  StatementPtr ParsePrepare();
  StatementPtr ParseExecute();
  StatementPtr ParseDeallocate();
  std::string ParseVariableName();

 private:
  const std::string& sql_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  uint32_t depth_ = 0;
  uint32_t peak_ = 0;  // deepest level reached since the innermost ChainHeight began
};

}  // namespace basin::ast
