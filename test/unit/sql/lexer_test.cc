// test/unit/sql/lexer_test.cc
#include "sql/parser/lexer.h"

#include <gtest/gtest.h>

#include "sql/parser/keywords.h"

namespace basin::ast {
namespace {

std::vector<Token> Lex(const std::string& sql) { return Tokenize(sql); }

TEST(LexerTest, FoldsUnquotedIdentifiersAndKeepsQuotedCase) {
  auto tokens = Lex("SELECT MyCol, \"MyCol\", \"a\"\"b\"");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kIdentifier);
  EXPECT_EQ(tokens[0].text, "select");
  EXPECT_EQ(tokens[1].text, "mycol");
  EXPECT_EQ(tokens[3].kind, TokenKind::kQuotedIdentifier);
  EXPECT_EQ(tokens[3].text, "MyCol");
  EXPECT_EQ(tokens[5].text, "a\"b");
  EXPECT_EQ(tokens[6].kind, TokenKind::kEnd);
}

TEST(LexerTest, KeepsOffsetsAndLengths) {
  auto tokens = Lex("  abc  'x''y'  ");
  EXPECT_EQ(tokens[0].offset, 2u);
  EXPECT_EQ(tokens[0].length, 3u);
  EXPECT_EQ(tokens[1].offset, 7u);
  EXPECT_EQ(tokens[1].length, 6u);
  EXPECT_EQ(tokens[1].text, "x'y");
  EXPECT_EQ(tokens[2].offset, 15u);
}

TEST(LexerTest, Numbers) {
  auto tokens = Lex("1 1.5 .5 1e10 1.5E-3 1_000 1. 12..34");
  std::vector<std::string> texts;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kNumber) texts.push_back(token.text);
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"1", "1.5", ".5", "1e10", "1.5e-3", "1000", "1.",
                                             "12", ".34"}));
}

TEST(LexerTest, TrailingJunkAfterNumber) {
  try {
    Lex("SELECT 123abc");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), "trailing junk after numeric literal at or near \"123abc\"");
    EXPECT_EQ(error.where()->offset, 7u);
  }
}

TEST(LexerTest, StringStyles) {
  auto tokens = Lex(R"(E'a\nb\x41\u00e9\'' $$x'y$$ $tag$a$b$tag$ 'it''s')");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].text, "a\nbA\xC3\xA9'");
  EXPECT_EQ(tokens[1].text, "x'y");
  EXPECT_EQ(tokens[2].text, "a$b");
  EXPECT_EQ(tokens[3].text, "it's");
}

TEST(LexerTest, AdjacentStringsConcatenateOnlyAcrossNewlines) {
  auto tokens = Lex("'foo'\n  'bar'");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text, "foobar");
  EXPECT_EQ(tokens[0].length, 13u);
  auto separate = Lex("'foo' 'bar'");
  EXPECT_EQ(separate.size(), 3u);
}

TEST(LexerTest, Parameters) {
  auto tokens = Lex("$1 + $23");
  EXPECT_EQ(tokens[0].kind, TokenKind::kParameter);
  EXPECT_EQ(tokens[0].text, "1");
  EXPECT_EQ(tokens[2].text, "23");
}

TEST(LexerTest, Operators) {
  auto tokens = Lex("a<>b!=c<=d>=e||f::g:=h~*i!~*j->k->>l<<m>>n=>o");
  std::vector<std::string> ops;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kOperator || token.kind == TokenKind::kDoubleColon ||
        token.kind == TokenKind::kColonEquals) {
      ops.push_back(token.text);
    }
  }
  EXPECT_EQ(ops, (std::vector<std::string>{"<>", "<>", "<=", ">=", "||", "::", ":=", "~*", "!~*",
                                           "->", "->>", "<<", ">>", "=>"}));
}

TEST(LexerTest, OperatorEndingInMinusIsSplitAsPostgresDoes) {
  auto tokens = Lex("a=-1 b<-2 c@-3");
  EXPECT_EQ(tokens[1].text, "=");
  EXPECT_EQ(tokens[2].text, "-");
  EXPECT_EQ(tokens[5].text, "<");
  EXPECT_EQ(tokens[9].text, "@-");
}

TEST(LexerTest, Comments) {
  auto tokens = Lex("a -- comment\n/* outer /* nested */ still */ b");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].text, "b");
}

TEST(LexerTest, UnterminatedConstructs) {
  auto message = [](const std::string& sql) {
    try {
      Tokenize(sql);
    } catch (const Error& error) {
      EXPECT_EQ(error.state(), sqlstate::kSyntaxError);
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("SELECT 'abc"), "unterminated quoted string at or near \"'abc\"");
  EXPECT_EQ(message("SELECT /* x"), "unterminated /* comment at or near \"/* x\"");
  EXPECT_EQ(message("SELECT \"ab"), "unterminated quoted identifier at or near \"\"ab\"");
  EXPECT_EQ(message("SELECT $$ab"), "unterminated dollar-quoted string at or near \"$$ab\"");
  EXPECT_EQ(message("SELECT \"\""), "zero-length delimited identifier at or near \"\"\"\"");
  EXPECT_EQ(message("SELECT E'\\u12'"), "invalid Unicode escape at or near \"\\u12\"");
}

TEST(KeywordsTest, Categories) {
  EXPECT_EQ(KeywordCategoryOf("select"), KeywordCategory::kReserved);
  EXPECT_EQ(KeywordCategoryOf("timestamp"), KeywordCategory::kColumnName);
  EXPECT_EQ(KeywordCategoryOf("left"), KeywordCategory::kTypeFuncName);
  EXPECT_EQ(KeywordCategoryOf("date"), KeywordCategory::kNone);
  EXPECT_EQ(KeywordCategoryOf("zzz"), KeywordCategory::kNone);
  EXPECT_TRUE(IsBareLabel("date"));
  EXPECT_TRUE(IsBareLabel("asc"));
  EXPECT_FALSE(IsBareLabel("from"));
  EXPECT_FALSE(IsBareLabel("year"));
}

}  // namespace
}  // namespace basin::ast
