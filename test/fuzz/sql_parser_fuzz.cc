// test/fuzz/sql_parser_fuzz.cc
// libFuzzer target for the SQL parser. Any input must either parse or throw
// basin::Error; a parsed input must print to SQL that parses again and prints the
// same. Crashes, other exceptions, hangs and stack overflows are bugs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "common/error.h"
#include "sql/parser/ast_printer.h"
#include "sql/parser/parser.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& first, const std::string& second) {
  std::fprintf(stderr, "%s\n--- first:\n%s\n--- second:\n%s\n", what, first.c_str(),
               second.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string sql(reinterpret_cast<const char*>(data), size);
  std::vector<std::unique_ptr<basin::ast::Statement>> statements;
  try {
    statements = basin::ast::ParseStatements(sql);
  } catch (const basin::Error& error) {
    if (error.where() && error.where()->offset > sql.size()) {
      Fail("error position past the end of the input", sql, error.message());
    }
    return 0;
  }
  for (const auto& statement : statements) {
    if (statement->span.offset + statement->span.length > sql.size()) {
      Fail("statement span past the end of the input", sql, "");
    }
    const std::string printed = basin::ast::ToSql(*statement);
    std::vector<std::unique_ptr<basin::ast::Statement>> reparsed;
    try {
      reparsed = basin::ast::ParseStatements(printed);
    } catch (const basin::Error& error) {
      Fail("printed SQL does not parse", printed, error.message());
    }
    if (reparsed.size() != 1) Fail("printed SQL is not one statement", printed, "");
    const std::string reprinted = basin::ast::ToSql(*reparsed[0]);
    if (reprinted != printed) Fail("printing is not stable", printed, reprinted);
  }
  return 0;
}
