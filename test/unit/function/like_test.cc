#include <gtest/gtest.h>

#include "common/error.h"
#include "function/scalar/like_matcher.h"
#include "scalar_test_support.h"

namespace basin {
namespace {

using namespace testing_support;

bool Like(std::string_view text, std::string_view pattern, std::string_view escape = "\\",
          bool case_insensitive = false) {
  std::string scratch;
  return LikeMatcher(pattern, escape, case_insensitive).Matches(text, scratch);
}

TEST(LikeMatcherTest, CommonShapes) {
  EXPECT_TRUE(Like("dark green olive", "%green%"));
  EXPECT_FALSE(Like("dark red olive", "%green%"));
  EXPECT_TRUE(Like("PROMO BRUSHED", "PROMO%"));
  EXPECT_FALSE(Like("XPROMO", "PROMO%"));
  EXPECT_TRUE(Like("LARGE BRASS", "%BRASS"));
  EXPECT_FALSE(Like("BRASS LARGE", "%BRASS"));
  EXPECT_TRUE(Like("abc", "abc"));
  EXPECT_FALSE(Like("abcd", "abc"));
  EXPECT_TRUE(Like("", "%"));
  EXPECT_TRUE(Like("anything", "%%"));
  EXPECT_FALSE(Like("", "_"));
}

TEST(LikeMatcherTest, GeneralPatterns) {
  EXPECT_TRUE(Like("special packages requests", "%special%requests%"));
  EXPECT_FALSE(Like("requests special", "%special%requests%"));
  EXPECT_TRUE(Like("abc", "a_c"));
  EXPECT_FALSE(Like("abbc", "a_c"));
  EXPECT_TRUE(Like("abXcdYe", "ab%cd%e"));
  EXPECT_TRUE(Like("aXbXb", "a%b"));
  EXPECT_FALSE(Like("ab", "a%b%b"));
  EXPECT_TRUE(Like("abab", "%a_"));
  EXPECT_TRUE(Like("xxabcab", "%ab_ab"));
  EXPECT_FALSE(Like("abc", "%b"));
  EXPECT_TRUE(Like("mississippi", "%iss%ipp_"));
}

TEST(LikeMatcherTest, Utf8UnderscoreMatchesOneCharacter) {
  EXPECT_TRUE(Like("héllo", "h_llo"));
  EXPECT_TRUE(Like("日本語", "___"));
  EXPECT_FALSE(Like("日本語", "__"));
  EXPECT_TRUE(Like("日本語", "%語"));
  EXPECT_TRUE(Like("x日本", "%_本"));
}

TEST(LikeMatcherTest, Escapes) {
  EXPECT_TRUE(Like("100%", "100\\%"));
  EXPECT_FALSE(Like("1000", "100\\%"));
  EXPECT_TRUE(Like("a_b", "a#_b", "#"));
  EXPECT_FALSE(Like("axb", "a#_b", "#"));
  EXPECT_TRUE(Like("a\\b", "a\\b", ""));  // escaping disabled
  EXPECT_EQ(ErrorOf([] { Like("a", "a\\"); }),
            "22025: LIKE pattern must not end with escape character");
  EXPECT_EQ(ErrorOf([] { Like("a", "a", "ab"); }), "22019: invalid escape string");
}

TEST(LikeMatcherTest, CaseInsensitive) {
  EXPECT_TRUE(Like("Hello World", "%WORLD", "\\", true));
  EXPECT_TRUE(Like("ÄRGER", "är%", "\\", true));
  EXPECT_FALSE(Like("Hello", "%x%", "\\", true));
}

TEST(LikeFunctionTest, ConstantPatternOverColumn) {
  const auto rows = CallColumns(
      "like",
      {{Text("forest green"), Text("red"), NullText(), Text("greenish")}, {Text("%green%")}}, 4);
  EXPECT_EQ(Str(rows[0]), "true");
  EXPECT_EQ(Str(rows[1]), "false");
  EXPECT_TRUE(rows[2].is_null());
  EXPECT_EQ(Str(rows[3]), "true");
}

TEST(LikeFunctionTest, PatternColumnAndNegatedOperators) {
  const auto rows = CallColumns(
      "like", {{Text("abc"), Text("abc"), Text("abc")}, {Text("a%"), Text("b%"), NullText()}}, 3);
  EXPECT_EQ(Str(rows[0]), "true");
  EXPECT_EQ(Str(rows[1]), "false");
  EXPECT_TRUE(rows[2].is_null());
  EXPECT_EQ(Str(Call("!~~", {Text("abc"), Text("%b%")})), "false");
  EXPECT_EQ(Str(Call("~~*", {Text("ABC"), Text("%b%")})), "true");
  EXPECT_EQ(Str(Call("ilike", {Text("ABC"), Text("a_c")})), "true");
  EXPECT_EQ(Str(Call("like", {Text("a%c"), Text("a!%c"), Text("!")})), "true");
  EXPECT_TRUE(Call("like", {NullText(), Text("%")}).is_null());
}

TEST(RegexFunctionTest, MatchOperators) {
  EXPECT_EQ(Str(Call("~", {Text("foobar"), Text("o+b")})), "true");
  EXPECT_EQ(Str(Call("~", {Text("foobar"), Text("^bar")})), "false");
  EXPECT_EQ(Str(Call("~*", {Text("FOOBAR"), Text("foo")})), "true");
  EXPECT_EQ(Str(Call("!~", {Text("foobar"), Text("baz")})), "true");
  EXPECT_EQ(Str(Call("!~*", {Text("FOO"), Text("foo")})), "false");
  EXPECT_EQ(Str(Call("~", {Text("a\nb"), Text("a.b")})), "true");
  EXPECT_EQ(ErrorOf([] {
              Call("~", {Text("x"), Text("(")});
            }).substr(0, 34),
            "2201B: invalid regular expression:");
}

TEST(RegexFunctionTest, RegexpReplace) {
  EXPECT_EQ(Str(Call("regexp_replace", {Text("foobarbaz"), Text("b.."), Text("X")})), "fooXbaz");
  EXPECT_EQ(Str(Call("regexp_replace", {Text("foobarbaz"), Text("b.."), Text("X"), Text("g")})),
            "fooXX");
  EXPECT_EQ(
      Str(Call("regexp_replace", {Text("foobarbaz"), Text("b(..)"), Text("X\\1Y"), Text("g")})),
      "fooXarYXazY");
  EXPECT_EQ(Str(Call("regexp_replace", {Text("abc"), Text("B"), Text("[\\&]"), Text("i")})),
            "a[b]c");
  EXPECT_EQ(Str(Call("regexp_replace", {Text("abc"), Text("x*"), Text("-"), Text("g")})),
            "-a-b-c-");
  EXPECT_EQ(ErrorOf([] {
              Call("regexp_replace", {Text("a"), Text("a"), Text("b"), Text("z")});
            }),
            "22023: invalid regular expression option: \"z\"");
}

TEST(RegexFunctionTest, LikeSubstrCountAndSimilar) {
  EXPECT_EQ(Str(Call("regexp_like", {Text("Hello"), Text("^h"), Text("i")})), "true");
  EXPECT_EQ(Str(Call("regexp_substr", {Text("abc123def456"), Text("[0-9]+")})), "123");
  EXPECT_EQ(Str(Call("regexp_substr", {Text("abc123def456"), Text("[0-9]+"), Int(1), Int(2)})),
            "456");
  EXPECT_TRUE(Call("regexp_substr", {Text("abc"), Text("[0-9]")}).is_null());
  EXPECT_EQ(Str(Call("regexp_count", {Text("ababab"), Text("ab")})), "3");
  EXPECT_EQ(Str(Call("substring", {Text("foobar"), Text("o(b.)")})), "ba");
  EXPECT_EQ(Str(Call("similar_to", {Text("abc"), Text("%(b|d)%")})), "true");
  EXPECT_EQ(Str(Call("similar_to", {Text("abc"), Text("(b|d)%")})), "false");
  EXPECT_EQ(Str(Call("similar_to", {Text("a.c"), Text("a.c")})), "true");
  EXPECT_EQ(Str(Call("similar_to", {Text("abc"), Text("a.c")})), "false");
  EXPECT_EQ(Str(Call("similar_to", {Text("a_c"), Text("a#_c"), Text("#")})), "true");
  EXPECT_EQ(Str(Call("similar_to", {Text("abbb"), Text("ab{2,3}")})), "true");
}

}  // namespace
}  // namespace basin
