// LIKE and ILIKE: like(text, pattern [, escape]), ilike(...), and PostgreSQL's
// operator names ~~, ~~*, !~~, !~~*. NOT LIKE is bound as NOT(like(...)).
#include <cctype>
#include <memory>
#include <optional>

#include "function/function_registry.h"
#include "function/scalar/like_matcher.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr std::string_view kDefaultEscape = "\\";

// Keeps the matcher of the previous row's pattern: a non-constant pattern column
// usually repeats values, and compiling is cheap enough that one entry suffices.
class MatcherCache {
 public:
  explicit MatcherCache(bool case_insensitive) : case_insensitive_(case_insensitive) {}

  const LikeMatcher& Get(std::string_view pattern, std::string_view escape) {
    if (!matcher_ || pattern != pattern_ || escape != escape_) {
      matcher_.emplace(pattern, escape, case_insensitive_);
      pattern_.assign(pattern);
      escape_.assign(escape);
    }
    return *matcher_;
  }

 private:
  bool case_insensitive_;
  std::optional<LikeMatcher> matcher_;
  std::string pattern_;
  std::string escape_;
};

void LikeKernel(const std::vector<const Vector*>& args, uint32_t count, Vector& result,
                bool case_insensitive, bool negated) {
  const Vector& text = *args[0];
  const Vector& pattern = *args[1];
  const Vector* escape = args.size() > 2 ? args[2] : nullptr;
  bool* out = result.data<bool>();
  std::string scratch;
  const bool constant_pattern =
      pattern.is_constant() && (escape == nullptr || escape->is_constant());
  if (constant_pattern && pattern.IsValid(0) && (escape == nullptr || escape->IsValid(0))) {
    const LikeMatcher matcher(ArgText(pattern, 0), escape ? ArgText(*escape, 0) : kDefaultEscape,
                              case_insensitive);
    UnaryExecute<StringRef, bool>(text, result, count, [&](const StringRef& value, uint32_t) {
      return matcher.Matches(value.view(), scratch) != negated;
    });
    return;
  }
  MatcherCache cache(case_insensitive);
  ExecuteRows(args, count, result, [&](uint32_t row) {
    const LikeMatcher& matcher =
        cache.Get(ArgText(pattern, row), escape ? ArgText(*escape, row) : kDefaultEscape);
    out[row] = matcher.Matches(ArgText(text, row), scratch) != negated;
  });
}

void AddLike(FunctionRegistry& registry, const std::string& name, bool case_insensitive,
             bool negated) {
  // Operators take two operands; ESCAPE exists only in the LIKE syntax.
  const bool is_operator = !std::isalpha(static_cast<unsigned char>(name[0]));
  for (size_t arity : {2, 3}) {
    if (is_operator && arity == 3) continue;
    ScalarFunction function;
    function.name = name;
    function.arguments.assign(arity, TypeId::kVarchar);
    function.return_type = TypeId::kBoolean;
    function.kernel = [case_insensitive, negated](const std::vector<const Vector*>& args,
                                                  uint32_t count, const FunctionData*,
                                                  Vector& result) {
      LikeKernel(args, count, result, case_insensitive, negated);
    };
    registry.AddScalar(std::move(function));
  }
}

}  // namespace

void RegisterLikeFunctions(FunctionRegistry& registry) {
  AddLike(registry, "like", false, false);
  AddLike(registry, "ilike", true, false);
  AddLike(registry, "~~", false, false);
  AddLike(registry, "~~*", true, false);
  AddLike(registry, "!~~", false, true);
  AddLike(registry, "!~~*", true, true);
}

}  // namespace basin
