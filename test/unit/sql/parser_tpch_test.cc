// test/unit/sql/parser_tpch_test.cc
// Parses the 22 TPC-H queries of the shared test data and checks that printing is stable.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parser_test_util.h"

namespace basin::ast {
namespace {

namespace fs = std::filesystem;

// ${BASIN_SHARED_DIR}/tpch/queries, else ../shared/tpch/queries relative to the repo
// root, found by walking up from the current directory.
fs::path FindQueryDirectory() {
  if (const char* shared = std::getenv("BASIN_SHARED_DIR")) {
    const fs::path path = fs::path(shared) / "tpch" / "queries";
    if (fs::is_directory(path)) return path;
  }
  std::error_code error;
  for (fs::path dir = fs::current_path(error); !dir.empty(); dir = dir.parent_path()) {
    for (const fs::path& candidate : {dir / "shared" / "tpch" / "queries",
                                     dir / ".." / "shared" / "tpch" / "queries"}) {
      if (fs::is_directory(candidate, error)) return candidate;
    }
    if (dir == dir.parent_path()) break;
  }
  return {};
}

TEST(ParserTpchTest, AllQueriesParseAndPrintStably) {
  const fs::path dir = FindQueryDirectory();
  if (dir.empty()) GTEST_SKIP() << "TPC-H queries not found; set BASIN_SHARED_DIR";
  int parsed = 0;
  for (int number = 1; number <= 22; ++number) {
    char name[16];
    std::snprintf(name, sizeof(name), "q%02d.sql", number);
    std::ifstream file(dir / name);
    ASSERT_TRUE(file) << (dir / name);
    std::stringstream text;
    text << file.rdbuf();
    SCOPED_TRACE(name);
    std::vector<StatementPtr> statements;
    ASSERT_NO_THROW(statements = ParseStatements(text.str()));
    ASSERT_EQ(statements.size(), 1u);
    ASSERT_TRUE(statements[0]->Is<QueryStatement>());
    testing::RoundTrip(ToSql(*statements[0]));
    ++parsed;
  }
  EXPECT_EQ(parsed, 22);
}

}  // namespace
}  // namespace basin::ast
