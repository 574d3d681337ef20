#include <gtest/gtest.h>

#include "common/error.h"
#include "scalar_test_support.h"

namespace basin {
namespace {

using namespace testing_support;

std::string S(const std::string& name, const std::vector<Value>& args) {
  return Str(Call(name, args));
}

TEST(StringFunctionsTest, LengthsCountCharacters) {
  EXPECT_EQ(S("length", {Text("héllo")}), "5");
  EXPECT_EQ(S("char_length", {Text("日本語")}), "3");
  EXPECT_EQ(S("octet_length", {Text("日本語")}), "9");
  EXPECT_EQ(S("bit_length", {Text("ab")}), "16");
  EXPECT_TRUE(Call("length", {NullText()}).is_null());
}

TEST(StringFunctionsTest, CaseMapping) {
  EXPECT_EQ(S("lower", {Text("HeLLo ÄÖÜ")}), "hello äöü");
  EXPECT_EQ(S("upper", {Text("straße")}), "STRAßE");
  EXPECT_EQ(S("upper", {Text("привет")}), "ПРИВЕТ");
  EXPECT_EQ(S("initcap", {Text("hello wORLD foo-bar")}), "Hello World Foo-Bar");
}

TEST(StringFunctionsTest, Substring) {
  EXPECT_EQ(S("substr", {Text("alphabet"), Int(3), Int(2)}), "ph");
  EXPECT_EQ(S("substring", {Text("alphabet"), Int(3)}), "phabet");
  EXPECT_EQ(S("substr", {Text("alphabet"), Int(0), Int(3)}), "al");
  EXPECT_EQ(S("substr", {Text("alphabet"), Int(-5), Int(3)}), "");
  EXPECT_EQ(S("substr", {Text("alphabet"), Int(20)}), "");
  EXPECT_EQ(S("substr", {Text("日本語です"), Int(2), Int(2)}), "本語");
  EXPECT_EQ(ErrorOf([] {
              Call("substr", {Text("abc"), Int(1), Int(-1)});
            }),
            "22011: negative substring length not allowed");
  // A long input sliced without copying still reads correctly from a flat vector.
  const auto rows =
      CallColumns("substr", {{Text("the quick brown fox jumps"), Text("x")}, {Int(5)}}, 2);
  EXPECT_EQ(Str(rows[0]), "quick brown fox jumps");
  EXPECT_EQ(Str(rows[1]), "");
}

TEST(StringFunctionsTest, PositionReplaceTranslate) {
  EXPECT_EQ(S("strpos", {Text("high"), Text("ig")}), "2");
  EXPECT_EQ(S("strpos", {Text("日本語"), Text("語")}), "3");
  EXPECT_EQ(S("strpos", {Text("abc"), Text("x")}), "0");
  EXPECT_EQ(S("replace", {Text("abcdefabcdef"), Text("cd"), Text("XX")}), "abXXefabXXef");
  EXPECT_EQ(S("replace", {Text("abc"), Text(""), Text("X")}), "abc");
  EXPECT_EQ(S("translate", {Text("12345"), Text("143"), Text("ax")}), "a2x5");
  EXPECT_EQ(S("overlay", {Text("Txxxxas"), Text("hom"), Int(2), Int(4)}), "Thomas");
}

TEST(StringFunctionsTest, TrimPadLeftRight) {
  EXPECT_EQ(S("btrim", {Text("  x  ")}), "x");
  EXPECT_EQ(S("btrim", {Text("xyxtrimyyx"), Text("xy")}), "trim");
  EXPECT_EQ(S("ltrim", {Text("zzzytest"), Text("xyz")}), "test");
  EXPECT_EQ(S("rtrim", {Text("testxxzx"), Text("xyz")}), "test");
  EXPECT_EQ(S("lpad", {Text("hi"), Int(5), Text("xy")}), "xyxhi");
  EXPECT_EQ(S("lpad", {Text("hello"), Int(2)}), "he");
  EXPECT_EQ(S("rpad", {Text("hi"), Int(5), Text("xy")}), "hixyx");
  EXPECT_EQ(S("rpad", {Text("hi"), Int(4)}), "hi  ");
  EXPECT_EQ(S("left", {Text("abcde"), Int(2)}), "ab");
  EXPECT_EQ(S("left", {Text("abcde"), Int(-2)}), "abc");
  EXPECT_EQ(S("right", {Text("abcde"), Int(2)}), "de");
  EXPECT_EQ(S("right", {Text("abcde"), Int(-2)}), "cde");
}

TEST(StringFunctionsTest, SplitPart) {
  EXPECT_EQ(S("split_part", {Text("abc~@~def~@~ghi"), Text("~@~"), Int(2)}), "def");
  EXPECT_EQ(S("split_part", {Text("abc,def,ghi"), Text(","), Int(-1)}), "ghi");
  EXPECT_EQ(S("split_part", {Text("abc,def"), Text(","), Int(5)}), "");
  EXPECT_EQ(S("split_part", {Text("abc"), Text(""), Int(1)}), "abc");
  EXPECT_EQ(ErrorOf([] {
              Call("split_part", {Text("a"), Text(","), Int(0)});
            }),
            "22023: field position must not be zero");
}

TEST(StringFunctionsTest, Misc) {
  EXPECT_EQ(S("repeat", {Text("Pg"), Int(3)}), "PgPgPg");
  EXPECT_EQ(S("repeat", {Text("Pg"), Int(-1)}), "");
  EXPECT_EQ(S("reverse", {Text("añb")}), "bña");
  EXPECT_EQ(S("ascii", {Text("x")}), "120");
  EXPECT_EQ(S("ascii", {Text("é")}), "233");
  EXPECT_EQ(S("chr", {Int(65)}), "A");
  EXPECT_EQ(S("chr", {Int(0x263A)}), "☺");
  EXPECT_EQ(ErrorOf([] { Call("chr", {Int(0)}); }), "54000: null character not permitted");
  EXPECT_EQ(S("starts_with", {Text("alphabet"), Text("alph")}), "true");
  EXPECT_EQ(S("md5", {Text("")}), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(S("md5", {Text("abc")}), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(S("md5", {Text(std::string(100, 'a'))}), "36a92cc94a9e0fa21f625f8bfb007adf");
  EXPECT_EQ(S("to_hex", {Int(255)}), "ff");
  EXPECT_EQ(S("to_hex", {Int(-1)}), "ffffffff");
  EXPECT_EQ(S("to_hex", {Big(-1)}), "ffffffffffffffff");
  EXPECT_EQ(S("quote_ident", {Text("Foo bar")}), "\"Foo bar\"");
  EXPECT_EQ(S("quote_ident", {Text("foo")}), "foo");
  EXPECT_EQ(S("quote_literal", {Text("O'Reilly")}), "'O''Reilly'");
  EXPECT_EQ(S("quote_nullable", {NullText()}), "NULL");
}

TEST(StringFunctionsTest, Concatenation) {
  EXPECT_EQ(S("||", {Text("ab"), Text("cd")}), "abcd");
  EXPECT_EQ(S("||", {Text("n="), Int(42)}), "n=42");
  EXPECT_EQ(S("||", {Value::Boolean(true), Text("!")}), "t!");
  EXPECT_TRUE(Call("||", {Text("a"), NullText()}).is_null());
  EXPECT_EQ(S("concat", {Text("abcde"), Int(2), NullText(), Int(22)}), "abcde222");
  EXPECT_EQ(S("concat_ws", {Text(","), Text("abcde"), Int(2), NullText(), Int(22)}), "abcde,2,22");
  EXPECT_TRUE(Call("concat_ws", {NullText(), Text("a")}).is_null());
  const auto rows = CallColumns(
      "concat", {{Text("a"), NullText(), Text("c")}, {Text("1"), Text("2"), NullText()}}, 3);
  EXPECT_EQ(Str(rows[0]), "a1");
  EXPECT_EQ(Str(rows[1]), "2");
  EXPECT_EQ(Str(rows[2]), "c");
}

TEST(SystemFunctionsTest, TypesAndNames) {
  EXPECT_EQ(S("pg_typeof", {Int(1)}), "integer");
  EXPECT_EQ(S("pg_typeof", {Value::Decimal(15, LogicalType::Decimal(3, 1))}), "numeric");
  EXPECT_EQ(S("pg_typeof", {Text("x")}), "text");
  EXPECT_EQ(S("typeof", {Value::Decimal(15, LogicalType::Decimal(3, 1))}), "numeric(3,1)");
  EXPECT_EQ(S("version", {}), "Basin 0.1.0");
  EXPECT_EQ(S("current_schema", {}), "main");
  EXPECT_EQ(S("gen_random_uuid", {}).size(), 36u);
  EXPECT_EQ(S("gen_random_uuid", {})[14], '4');
}

}  // namespace
}  // namespace basin
