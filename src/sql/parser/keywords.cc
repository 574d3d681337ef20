// src/sql/parser/keywords.cc
#include "sql/parser/keywords.h"

#include <algorithm>
#include <array>

namespace basin::ast {
namespace {

struct KeywordInfo {
  std::string_view word;
  KeywordCategory category;
  bool bare_label;  // may be a column label without AS
};

using C = KeywordCategory;

// Follows PostgreSQL 15's kwlist.h for the categories that restrict use as names.
// REQUIRES: sorted by word (checked by the lookup's binary search in tests).
constexpr std::array kKeywords = {
    KeywordInfo{"all", C::kReserved, true},
    KeywordInfo{"analyse", C::kReserved, true},
    KeywordInfo{"analyze", C::kReserved, true},
    KeywordInfo{"and", C::kReserved, true},
    KeywordInfo{"any", C::kReserved, true},
    KeywordInfo{"array", C::kReserved, false},
    KeywordInfo{"as", C::kReserved, false},
    KeywordInfo{"asc", C::kReserved, true},
    KeywordInfo{"asymmetric", C::kReserved, true},
    KeywordInfo{"authorization", C::kTypeFuncName, true},
    KeywordInfo{"between", C::kColumnName, true},
    KeywordInfo{"bigint", C::kColumnName, true},
    KeywordInfo{"binary", C::kTypeFuncName, true},
    KeywordInfo{"bit", C::kColumnName, true},
    KeywordInfo{"boolean", C::kColumnName, true},
    KeywordInfo{"both", C::kReserved, true},
    KeywordInfo{"case", C::kReserved, true},
    KeywordInfo{"cast", C::kReserved, true},
    KeywordInfo{"char", C::kColumnName, false},
    KeywordInfo{"character", C::kColumnName, false},
    KeywordInfo{"check", C::kReserved, true},
    KeywordInfo{"coalesce", C::kColumnName, true},
    KeywordInfo{"collate", C::kReserved, true},
    KeywordInfo{"collation", C::kTypeFuncName, true},
    KeywordInfo{"column", C::kReserved, true},
    KeywordInfo{"concurrently", C::kTypeFuncName, true},
    KeywordInfo{"constraint", C::kReserved, true},
    KeywordInfo{"create", C::kReserved, false},
    KeywordInfo{"cross", C::kTypeFuncName, true},
    KeywordInfo{"current_catalog", C::kReserved, true},
    KeywordInfo{"current_date", C::kReserved, true},
    KeywordInfo{"current_role", C::kReserved, true},
    KeywordInfo{"current_schema", C::kTypeFuncName, true},
    KeywordInfo{"current_time", C::kReserved, true},
    KeywordInfo{"current_timestamp", C::kReserved, true},
    KeywordInfo{"current_user", C::kReserved, true},
    KeywordInfo{"day", C::kUnreserved, false},
    KeywordInfo{"dec", C::kColumnName, true},
    KeywordInfo{"decimal", C::kColumnName, true},
    KeywordInfo{"default", C::kReserved, true},
    KeywordInfo{"deferrable", C::kReserved, true},
    KeywordInfo{"desc", C::kReserved, true},
    KeywordInfo{"distinct", C::kReserved, true},
    KeywordInfo{"do", C::kReserved, true},
    KeywordInfo{"else", C::kReserved, true},
    KeywordInfo{"end", C::kReserved, true},
    KeywordInfo{"except", C::kReserved, false},
    KeywordInfo{"exists", C::kColumnName, true},
    KeywordInfo{"extract", C::kColumnName, true},
    KeywordInfo{"false", C::kReserved, true},
    KeywordInfo{"fetch", C::kReserved, false},
    KeywordInfo{"filter", C::kUnreserved, false},
    KeywordInfo{"float", C::kColumnName, true},
    KeywordInfo{"for", C::kReserved, false},
    KeywordInfo{"foreign", C::kReserved, true},
    KeywordInfo{"freeze", C::kTypeFuncName, true},
    KeywordInfo{"from", C::kReserved, false},
    KeywordInfo{"full", C::kTypeFuncName, true},
    KeywordInfo{"grant", C::kReserved, false},
    KeywordInfo{"greatest", C::kColumnName, true},
    KeywordInfo{"group", C::kReserved, false},
    KeywordInfo{"grouping", C::kColumnName, true},
    KeywordInfo{"having", C::kReserved, false},
    KeywordInfo{"hour", C::kUnreserved, false},
    KeywordInfo{"ilike", C::kTypeFuncName, true},
    KeywordInfo{"in", C::kReserved, true},
    KeywordInfo{"initially", C::kReserved, true},
    KeywordInfo{"inner", C::kTypeFuncName, true},
    KeywordInfo{"inout", C::kColumnName, true},
    KeywordInfo{"int", C::kColumnName, true},
    KeywordInfo{"integer", C::kColumnName, true},
    KeywordInfo{"intersect", C::kReserved, false},
    KeywordInfo{"interval", C::kColumnName, true},
    KeywordInfo{"into", C::kReserved, false},
    KeywordInfo{"is", C::kTypeFuncName, true},
    KeywordInfo{"isnull", C::kTypeFuncName, false},
    KeywordInfo{"join", C::kTypeFuncName, true},
    KeywordInfo{"lateral", C::kReserved, true},
    KeywordInfo{"leading", C::kReserved, true},
    KeywordInfo{"least", C::kColumnName, true},
    KeywordInfo{"left", C::kTypeFuncName, true},
    KeywordInfo{"like", C::kTypeFuncName, true},
    KeywordInfo{"limit", C::kReserved, false},
    KeywordInfo{"localtime", C::kReserved, true},
    KeywordInfo{"localtimestamp", C::kReserved, true},
    KeywordInfo{"minute", C::kUnreserved, false},
    KeywordInfo{"month", C::kUnreserved, false},
    KeywordInfo{"national", C::kColumnName, true},
    KeywordInfo{"natural", C::kTypeFuncName, true},
    KeywordInfo{"nchar", C::kColumnName, true},
    KeywordInfo{"none", C::kColumnName, true},
    KeywordInfo{"normalize", C::kColumnName, true},
    KeywordInfo{"not", C::kReserved, true},
    KeywordInfo{"notnull", C::kTypeFuncName, false},
    KeywordInfo{"null", C::kReserved, true},
    KeywordInfo{"nullif", C::kColumnName, true},
    KeywordInfo{"numeric", C::kColumnName, true},
    KeywordInfo{"offset", C::kReserved, false},
    KeywordInfo{"on", C::kReserved, false},
    KeywordInfo{"only", C::kReserved, true},
    KeywordInfo{"or", C::kReserved, true},
    KeywordInfo{"order", C::kReserved, false},
    KeywordInfo{"out", C::kColumnName, true},
    KeywordInfo{"outer", C::kTypeFuncName, true},
    KeywordInfo{"over", C::kUnreserved, false},
    KeywordInfo{"overlaps", C::kTypeFuncName, false},
    KeywordInfo{"overlay", C::kColumnName, true},
    KeywordInfo{"placing", C::kReserved, true},
    KeywordInfo{"position", C::kColumnName, true},
    KeywordInfo{"precision", C::kColumnName, false},
    KeywordInfo{"primary", C::kReserved, true},
    KeywordInfo{"real", C::kColumnName, true},
    KeywordInfo{"references", C::kReserved, true},
    KeywordInfo{"returning", C::kReserved, false},
    KeywordInfo{"right", C::kTypeFuncName, true},
    KeywordInfo{"row", C::kColumnName, true},
    KeywordInfo{"second", C::kUnreserved, false},
    KeywordInfo{"select", C::kReserved, true},
    KeywordInfo{"session_user", C::kReserved, true},
    KeywordInfo{"setof", C::kColumnName, true},
    KeywordInfo{"similar", C::kTypeFuncName, true},
    KeywordInfo{"smallint", C::kColumnName, true},
    KeywordInfo{"some", C::kReserved, true},
    KeywordInfo{"substring", C::kColumnName, true},
    KeywordInfo{"symmetric", C::kReserved, true},
    KeywordInfo{"table", C::kReserved, true},
    KeywordInfo{"tablesample", C::kTypeFuncName, true},
    KeywordInfo{"then", C::kReserved, true},
    KeywordInfo{"time", C::kColumnName, true},
    KeywordInfo{"timestamp", C::kColumnName, true},
    KeywordInfo{"to", C::kReserved, false},
    KeywordInfo{"trailing", C::kReserved, true},
    KeywordInfo{"treat", C::kColumnName, true},
    KeywordInfo{"trim", C::kColumnName, true},
    KeywordInfo{"true", C::kReserved, true},
    KeywordInfo{"union", C::kReserved, false},
    KeywordInfo{"unique", C::kReserved, true},
    KeywordInfo{"user", C::kReserved, true},
    KeywordInfo{"using", C::kReserved, true},
    KeywordInfo{"values", C::kColumnName, true},
    KeywordInfo{"varchar", C::kColumnName, true},
    KeywordInfo{"variadic", C::kReserved, true},
    KeywordInfo{"varying", C::kUnreserved, false},
    KeywordInfo{"verbose", C::kTypeFuncName, true},
    KeywordInfo{"when", C::kReserved, true},
    KeywordInfo{"where", C::kReserved, false},
    KeywordInfo{"window", C::kReserved, false},
    KeywordInfo{"with", C::kReserved, false},
    KeywordInfo{"within", C::kUnreserved, false},
    KeywordInfo{"without", C::kUnreserved, false},
    KeywordInfo{"year", C::kUnreserved, false},
};

const KeywordInfo* Find(std::string_view word) {
  auto it = std::lower_bound(kKeywords.begin(), kKeywords.end(), word,
                             [](const KeywordInfo& k, std::string_view w) { return k.word < w; });
  if (it == kKeywords.end() || it->word != word) return nullptr;
  return &*it;
}

}  // namespace

KeywordCategory KeywordCategoryOf(std::string_view word) {
  const KeywordInfo* info = Find(word);
  return info == nullptr ? C::kNone : info->category;
}

bool IsBareLabel(std::string_view word) {
  const KeywordInfo* info = Find(word);
  return info == nullptr || info->bare_label;
}

}  // namespace basin::ast
