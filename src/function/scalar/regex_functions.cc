// Regular-expression functions and operators: ~ ~* !~ !~*, regexp_like,
// regexp_replace, regexp_substr, regexp_count, substring(text, pattern) and
// similar_to (SIMILAR TO).
#include "common/error.h"
#include "function/function_registry.h"
#include "function/scalar/like_matcher.h"
#include "function/scalar/regex.h"
#include "function/scalar/row_executor.h"
#include "function/scalar/utf8.h"

namespace basin {

namespace {

using Args = std::vector<const Vector*>;

bool Search(const RE2& regex, std::string_view text) {
  return regex.Match(ToPiece(text), 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

// text ~ pattern and friends: a search anywhere in the text.
void AddMatchOperator(FunctionRegistry& registry, const char* name, bool case_insensitive,
                      bool negated) {
  ScalarFunction function;
  function.name = name;
  function.arguments = {TypeId::kVarchar, TypeId::kVarchar};
  function.return_type = TypeId::kBoolean;
  function.kernel = [case_insensitive, negated](const Args& args, uint32_t count,
                                                const FunctionData*, Vector& result) {
    RegexFlags flags;
    flags.case_insensitive = case_insensitive;
    RegexCache cache;
    bool* out = result.data<bool>();
    ExecuteRows(args, count, result, [&](uint32_t row) {
      out[row] =
          Search(cache.Get(ArgText(*args[1], row), flags), ArgText(*args[0], row)) != negated;
    });
  };
  registry.AddScalar(std::move(function));
}

// Optional trailing flags argument at index `index`.
RegexFlags FlagsAt(const Args& args, size_t index, uint32_t row, const char* name,
                   bool allow_global) {
  if (args.size() <= index) return {};
  return ParseRegexFlags(ArgText(*args[index], row), name, allow_global);
}

void AddRegexpLike(FunctionRegistry& registry) {
  for (size_t arity : {2, 3}) {
    ScalarFunction function;
    function.name = "regexp_like";
    function.arguments.assign(arity, TypeId::kVarchar);
    function.return_type = TypeId::kBoolean;
    function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
      RegexCache cache;
      bool* out = result.data<bool>();
      ExecuteRows(args, count, result, [&](uint32_t row) {
        const RegexFlags flags = FlagsAt(args, 2, row, "regexp_like", false);
        out[row] = Search(cache.Get(ArgText(*args[1], row), flags), ArgText(*args[0], row));
      });
    };
    registry.AddScalar(std::move(function));
  }
}

// Appends PostgreSQL's replacement text: \1..\9 are groups, \& the whole match, \\ a
// backslash; any other backslash stays as it is. Missing groups add nothing.
void AppendReplacement(std::string& out, std::string_view replacement,
                       const re2::StringPiece* groups, int group_count) {
  for (size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c != '\\' || i + 1 == replacement.size()) {
      out.push_back(c);
      continue;
    }
    const char next = replacement[i + 1];
    if (next >= '1' && next <= '9') {
      const int group = next - '0';
      if (group < group_count && groups[group].data() != nullptr) {
        out.append(groups[group].data(), groups[group].size());
      }
      ++i;
    } else if (next == '&') {
      out.append(groups[0].data(), groups[0].size());
      ++i;
    } else if (next == '\\') {
      out.push_back('\\');
      ++i;
    } else {
      out.push_back('\\');
    }
  }
}

void RegexpReplace(const RE2& regex, std::string_view text, std::string_view replacement,
                   bool global, std::string& out) {
  const int group_count = regex.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(group_count);
  const re2::StringPiece input = ToPiece(text);
  size_t position = 0;
  while (position <= text.size() &&
         regex.Match(input, position, text.size(), RE2::UNANCHORED, groups.data(), group_count)) {
    const size_t start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = start + groups[0].size();
    out.append(text.substr(position, start - position));
    AppendReplacement(out, replacement, groups.data(), group_count);
    if (end == start) {
      // An empty match: copy one character so the next search moves on.
      if (end == text.size()) {
        position = text.size() + 1;
        break;
      }
      const size_t length = utf8::CharacterBytes(text, end);
      out.append(text.substr(end, length));
      position = end + length;
    } else {
      position = end;
    }
    if (!global) break;
  }
  if (position < text.size()) out.append(text.substr(position));
}

void AddRegexpReplace(FunctionRegistry& registry) {
  for (size_t arity : {3, 4}) {
    ScalarFunction function;
    function.name = "regexp_replace";
    function.arguments.assign(arity, TypeId::kVarchar);
    function.return_type = TypeId::kVarchar;
    function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
      RegexCache cache;
      std::string out;
      ExecuteRows(args, count, result, [&](uint32_t row) {
        const RegexFlags flags = FlagsAt(args, 3, row, "regexp_replace", true);
        out.clear();
        RegexpReplace(cache.Get(ArgText(*args[1], row), flags), ArgText(*args[0], row),
                      ArgText(*args[2], row), flags.global, out);
        SetText(result, row, out);
      });
    };
    registry.AddScalar(std::move(function));
  }
}

// Byte offset of the 1-based character position `start`; throws for start < 1 as
// PostgreSQL does.
size_t StartOffset(const Args& args, size_t index, uint32_t row, std::string_view text) {
  if (args.size() <= index) return 0;
  const int32_t start = ArgValue<int32_t>(*args[index], row);
  if (start <= 0) {
    throw Error(sqlstate::kInvalidParameterValue,
                "invalid value for parameter \"start\": " + std::to_string(start));
  }
  return utf8::ByteOffset(text, static_cast<size_t>(start - 1));
}

// Calls on_match(groups) for successive non-overlapping matches from `offset` until
// it returns false.
template <class OnMatch>
void ForEachMatch(const RE2& regex, std::string_view text, size_t offset, int group_count,
                  OnMatch&& on_match) {
  std::vector<re2::StringPiece> groups(group_count);
  while (offset <= text.size() && regex.Match(ToPiece(text), offset, text.size(), RE2::UNANCHORED,
                                              groups.data(), group_count)) {
    if (!on_match(groups.data())) return;
    const size_t start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t end = start + groups[0].size();
    offset = end > start ? end : end + (end < text.size() ? utf8::CharacterBytes(text, end) : 1);
  }
}

// regexp_substr(text, pattern [, start [, n [, flags]]]): the n-th match, or NULL.
void AddRegexpSubstr(FunctionRegistry& registry) {
  std::vector<LogicalType> types = {TypeId::kVarchar, TypeId::kVarchar, TypeId::kInteger,
                                    TypeId::kInteger, TypeId::kVarchar};
  for (size_t arity = 2; arity <= types.size(); ++arity) {
    ScalarFunction function;
    function.name = "regexp_substr";
    function.arguments.assign(types.begin(), types.begin() + arity);
    function.return_type = TypeId::kVarchar;
    function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
      RegexCache cache;
      ExecuteRows(args, count, result, [&](uint32_t row) {
        const std::string_view text = ArgText(*args[0], row);
        const size_t offset = StartOffset(args, 2, row, text);
        const int32_t wanted = args.size() > 3 ? ArgValue<int32_t>(*args[3], row) : 1;
        if (wanted <= 0) {
          throw Error(sqlstate::kInvalidParameterValue,
                      "invalid value for parameter \"n\": " + std::to_string(wanted));
        }
        const RE2& regex =
            cache.Get(ArgText(*args[1], row), FlagsAt(args, 4, row, "regexp_substr", false));
        int32_t seen = 0;
        bool found = false;
        ForEachMatch(regex, text, offset, 1, [&](const re2::StringPiece* groups) {
          if (++seen < wanted) return true;
          SetText(result, row, std::string_view(groups[0].data(), groups[0].size()));
          found = true;
          return false;
        });
        if (!found) result.SetNull(row);
      });
    };
    registry.AddScalar(std::move(function));
  }
}

// regexp_count(text, pattern [, start [, flags]]).
void AddRegexpCount(FunctionRegistry& registry) {
  std::vector<LogicalType> types = {TypeId::kVarchar, TypeId::kVarchar, TypeId::kInteger,
                                    TypeId::kVarchar};
  for (size_t arity = 2; arity <= types.size(); ++arity) {
    ScalarFunction function;
    function.name = "regexp_count";
    function.arguments.assign(types.begin(), types.begin() + arity);
    function.return_type = TypeId::kInteger;
    function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
      RegexCache cache;
      int32_t* out = result.data<int32_t>();
      ExecuteRows(args, count, result, [&](uint32_t row) {
        const std::string_view text = ArgText(*args[0], row);
        const size_t offset = StartOffset(args, 2, row, text);
        const RE2& regex =
            cache.Get(ArgText(*args[1], row), FlagsAt(args, 3, row, "regexp_count", false));
        int32_t matches = 0;
        ForEachMatch(regex, text, offset, 1, [&](const re2::StringPiece*) {
          ++matches;
          return true;
        });
        out[row] = matches;
      });
    };
    registry.AddScalar(std::move(function));
  }
}

// substring(text FROM pattern): the first parenthesized group of the first match, or
// the whole match when the pattern has no groups; NULL without a match.
void AddSubstringRegex(FunctionRegistry& registry) {
  ScalarFunction function;
  function.name = "substring";
  function.arguments = {TypeId::kVarchar, TypeId::kVarchar};
  function.return_type = TypeId::kVarchar;
  function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
    RegexCache cache;
    ExecuteRows(args, count, result, [&](uint32_t row) {
      const std::string_view text = ArgText(*args[0], row);
      const RE2& regex = cache.Get(ArgText(*args[1], row), {});
      const int group_count = regex.NumberOfCapturingGroups() >= 1 ? 2 : 1;
      re2::StringPiece groups[2];
      if (!regex.Match(ToPiece(text), 0, text.size(), RE2::UNANCHORED, groups, group_count) ||
          groups[group_count - 1].data() == nullptr) {
        result.SetNull(row);
        return;
      }
      const re2::StringPiece& match = groups[group_count - 1];
      SetText(result, row, std::string_view(match.data(), match.size()));
    });
  };
  registry.AddScalar(std::move(function));
}

// similar_to(text, pattern [, escape]): SIMILAR TO, matched against the whole text.
void AddSimilarTo(FunctionRegistry& registry) {
  for (size_t arity : {2, 3}) {
    ScalarFunction function;
    function.name = "similar_to";
    function.arguments.assign(arity, TypeId::kVarchar);
    function.return_type = TypeId::kBoolean;
    function.kernel = [](const Args& args, uint32_t count, const FunctionData*, Vector& result) {
      RegexCache cache;
      std::string translated;
      std::string last_pattern;
      std::string last_escape;
      bool have_translation = false;
      bool* out = result.data<bool>();
      ExecuteRows(args, count, result, [&](uint32_t row) {
        const std::string_view pattern = ArgText(*args[1], row);
        const std::string_view escape = args.size() > 2 ? ArgText(*args[2], row) : "\\";
        if (!have_translation || pattern != last_pattern || escape != last_escape) {
          translated = TranslateSimilarPattern(pattern, LikeEscapeCharacter(escape));
          last_pattern.assign(pattern);
          last_escape.assign(escape);
          have_translation = true;
        }
        out[row] = Search(cache.Get(translated, {}), ArgText(*args[0], row));
      });
    };
    registry.AddScalar(std::move(function));
  }
}

}  // namespace

void RegisterRegexFunctions(FunctionRegistry& registry) {
  AddMatchOperator(registry, "~", false, false);
  AddMatchOperator(registry, "~*", true, false);
  AddMatchOperator(registry, "!~", false, true);
  AddMatchOperator(registry, "!~*", true, true);
  AddRegexpLike(registry);
  AddRegexpReplace(registry);
  AddRegexpSubstr(registry);
  AddRegexpCount(registry);
  AddSubstringRegex(registry);
  AddSimilarTo(registry);
}

}  // namespace basin
