// src/function/scalar/regex.h
// PostgreSQL regular expressions on top of RE2: option flags ('i', 'g', 'n', ...),
// the SIMILAR TO translation, and a per-call cache of compiled patterns. RE2 covers
// PostgreSQL's ARE syntax except back-references, lookaround and the \m \M \y word
// anchors (RE2 rejects those with 2201B); in exchange matching is linear-time.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace basin {

struct RegexFlags {
  bool case_insensitive = false;
  bool global = false;             // 'g': regexp_replace replaces every match
  bool newline_sensitive = false;  // 'n' / 'm': '.' stops at newlines, ^ $ match per line
  bool literal = false;            // 'q': the pattern is a plain string
};

// Parses PostgreSQL's option letters. `allow_global` is false where 'g' makes no
// sense (regexp_like, regexp_count): PostgreSQL rejects it there.
// Throws 22023 `invalid regular expression option: "z"`.
RegexFlags ParseRegexFlags(std::string_view flags, const char* function_name, bool allow_global);

// Throws 2201B "invalid regular expression: ..." when RE2 rejects the pattern.
std::unique_ptr<RE2> CompileRegex(std::string_view pattern, const RegexFlags& flags);

// SIMILAR TO pattern -> an anchored RE2 pattern. `escape` as for LIKE ('\0': none).
std::string TranslateSimilarPattern(std::string_view pattern, char escape);

// Keeps the compiled form of the previous row's pattern and flags. A constant pattern
// is thus compiled once per kernel call; a pattern column that repeats values is
// compiled once per run of equal values. One cache per kernel call: not thread-safe.
class RegexCache {
 public:
  const RE2& Get(std::string_view pattern, const RegexFlags& flags);

 private:
  std::unique_ptr<RE2> regex_;
  std::string pattern_;
  RegexFlags flags_;
};

inline re2::StringPiece ToPiece(std::string_view text) { return {text.data(), text.size()}; }

}  // namespace basin
