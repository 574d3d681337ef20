// test/unit/sql/parser_test_util.h
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "sql/parser/ast_printer.h"
#include "sql/parser/parser.h"

namespace basin::testing {
using namespace basin::ast;  // NOLINT: the tests are about the AST

// Parses `sql` (one statement), prints it, parses and prints again; the two printed
// forms must match. Returns the printed form.
inline std::string RoundTrip(const std::string& sql) {
  auto first = ParseStatements(sql);
  EXPECT_EQ(first.size(), 1u) << sql;
  if (first.empty()) return "";
  const std::string printed = ToSql(*first[0]);
  auto second = ParseStatements(printed);
  EXPECT_EQ(second.size(), 1u) << printed;
  if (second.empty()) return printed;
  EXPECT_EQ(ToSql(*second[0]), printed) << "input: " << sql;
  return printed;
}

// Round-trips one expression.
inline std::string ExprRoundTrip(const std::string& sql) {
  const std::string printed = ToSql(*ParseExpression(sql));
  EXPECT_EQ(ToSql(*ParseExpression(printed)), printed) << "input: " << sql;
  return printed;
}

// The error of parsing `sql`, or a failed expectation if it parses.
inline Error ParseError(const std::string& sql) {
  try {
    ParseStatements(sql);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "expected a syntax error: " << sql;
  return Error(sqlstate::kInternal, "no error");
}

}  // namespace basin::testing
