// test/unit/cli/cli_options_test.cc
#include "cli/cli_options.h"

#include <gtest/gtest.h>

#include "cli/backslash_command.h"
#include "cli/progress_bar.h"

namespace basin::cli {
namespace {

TEST(CliOptionsTest, NoArgumentsMeansInMemoryShell) {
  const ParsedArguments parsed = ParseArguments({});
  ASSERT_EQ(parsed.error, "");
  EXPECT_TRUE(parsed.options.actions.empty());
  EXPECT_FALSE(parsed.options.database_path.has_value());
  EXPECT_EQ(parsed.options.format, OutputFormat::kTable);
  EXPECT_EQ(parsed.options.threads, 0u);
}

TEST(CliOptionsTest, KeepsCommandsAndFilesInOrder) {
  const ParsedArguments parsed =
      ParseArguments({"-c", "SELECT 1", "-f", "a.sql", "--command=SELECT 2", "--file", "b.sql"});
  ASSERT_EQ(parsed.error, "");
  const auto& actions = parsed.options.actions;
  ASSERT_EQ(actions.size(), 4u);
  EXPECT_EQ(actions[0].kind, ScriptAction::Kind::kCommand);
  EXPECT_EQ(actions[0].text, "SELECT 1");
  EXPECT_EQ(actions[1].kind, ScriptAction::Kind::kFile);
  EXPECT_EQ(actions[1].text, "a.sql");
  EXPECT_EQ(actions[2].text, "SELECT 2");
  EXPECT_EQ(actions[3].kind, ScriptAction::Kind::kFile);
  EXPECT_EQ(actions[3].text, "b.sql");
}

TEST(CliOptionsTest, ParsesSettings) {
  const ParsedArguments parsed =
      ParseArguments({"--format", "json", "--timing", "--threads=4", "warehouse"});
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.options.format, OutputFormat::kJson);
  EXPECT_TRUE(parsed.options.timing);
  EXPECT_EQ(parsed.options.threads, 4u);
  EXPECT_EQ(parsed.options.database_path, "warehouse");
  EXPECT_EQ(ParseArguments({"--format=markdown"}).options.format, OutputFormat::kMarkdown);
  EXPECT_TRUE(ParseArguments({"--help"}).options.show_help);
  EXPECT_TRUE(ParseArguments({"-V"}).options.show_version);
  EXPECT_EQ(ParseArguments({"--", "-odd-name"}).options.database_path, "-odd-name");
}

TEST(CliOptionsTest, RejectsBadArguments) {
  EXPECT_NE(ParseArguments({"-c"}).error, "");
  EXPECT_NE(ParseArguments({"--format", "xml"}).error, "");
  EXPECT_NE(ParseArguments({"--threads", "many"}).error, "");
  EXPECT_NE(ParseArguments({"--threads", "-1"}).error, "");
  EXPECT_NE(ParseArguments({"--timing=yes"}).error, "");
  EXPECT_NE(ParseArguments({"--bogus"}).error, "");
  EXPECT_NE(ParseArguments({"one", "two"}).error, "");
}

TEST(BackslashCommandTest, SplitsNameAndArguments) {
  EXPECT_TRUE(IsBackslashCommand("  \\q"));
  EXPECT_FALSE(IsBackslashCommand("SELECT '\\q'"));
  const BackslashCommand timing = ParseBackslashCommand("\\timing on");
  EXPECT_EQ(timing.name, "timing");
  EXPECT_EQ(timing.arguments, std::vector<std::string>{"on"});
  const BackslashCommand include = ParseBackslashCommand("\\i 'my file''s.sql'  x");
  EXPECT_EQ(include.name, "i");
  EXPECT_EQ(include.arguments, (std::vector<std::string>{"my file's.sql", "x"}));
  EXPECT_TRUE(ParseBackslashCommand("\\q").arguments.empty());
}

TEST(ProgressBarTest, FormatsPercentageOrRowCount) {
  EXPECT_EQ(FormatProgressLine({1234567, 0}), "1,234,567 rows processed");
  EXPECT_EQ(FormatProgressLine({500, 1000}),
            "[===============               ]  50% (500 / 1,000 rows)");
  // Estimates can be exceeded; the bar stops at 100%.
  EXPECT_EQ(FormatProgressLine({2000, 1000}),
            "[==============================] 100% (1,000 / 1,000 rows)");
}

}  // namespace
}  // namespace basin::cli
