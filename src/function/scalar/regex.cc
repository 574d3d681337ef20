#include "function/scalar/regex.h"

#include "common/error.h"

namespace basin {

RegexFlags ParseRegexFlags(std::string_view flags, const char* function_name, bool allow_global) {
  RegexFlags result;
  for (char flag : flags) {
    switch (flag) {
      case 'i':
        result.case_insensitive = true;
        break;
      case 'c':
        result.case_insensitive = false;
        break;
      case 'g':
        if (!allow_global) {
          throw Error(sqlstate::kInvalidParameterValue,
                      std::string(function_name) + "() does not support the \"global\" option");
        }
        result.global = true;
        break;
      case 'n':
      case 'm':
        result.newline_sensitive = true;
        break;
      case 's':
        result.newline_sensitive = false;
        break;
      case 'q':
        result.literal = true;
        break;
      default:
        throw Error(sqlstate::kInvalidParameterValue,
                    "invalid regular expression option: \"" + std::string(1, flag) + "\"");
    }
  }
  return result;
}

std::unique_ptr<RE2> CompileRegex(std::string_view pattern, const RegexFlags& flags) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!flags.case_insensitive);
  options.set_literal(flags.literal);
  // PostgreSQL's default: '.' and bracket expressions match newlines, ^ and $ only
  // match at the ends of the string.
  options.set_dot_nl(!flags.newline_sensitive);
  std::string text(pattern);
  if (flags.newline_sensitive && !flags.literal) text = "(?m)" + text;
  auto regex = std::make_unique<RE2>(ToPiece(text), options);
  if (!regex->ok()) {
    throw Error(sqlstate::kInvalidRegularExpression,
                "invalid regular expression: " + regex->error());
  }
  return regex;
}

namespace {

bool IsRe2Special(char c) {
  return std::string_view("\\.^$|?*+()[]{}").find(c) != std::string_view::npos;
}

}  // namespace

std::string TranslateSimilarPattern(std::string_view pattern, char escape) {
  std::string out = "^(?:";
  bool in_brackets = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (escape != '\0' && c == escape) {
      if (i + 1 == pattern.size()) {
        throw Error(sqlstate::kInvalidRegularExpression,
                    "invalid regular expression: SIMILAR TO pattern must not end with escape "
                    "character");
      }
      const char next = pattern[++i];
      if (IsRe2Special(next)) out.push_back('\\');
      out.push_back(next);
      continue;
    }
    if (in_brackets) {
      if (c == ']') in_brackets = false;
      if (c == '\\') out.push_back('\\');
      out.push_back(c);
      continue;
    }
    switch (c) {
      case '[':
        in_brackets = true;
        out.push_back(c);
        // A ']' or '^]' right after '[' is a literal, as in POSIX.
        if (i + 1 < pattern.size() && pattern[i + 1] == '^') out.push_back(pattern[++i]);
        if (i + 1 < pattern.size() && pattern[i + 1] == ']') {
          out += "\\]";
          ++i;
        }
        break;
      case '%':
        out += ".*";
        break;
      case '_':
        out.push_back('.');
        break;
      case '.':
      case '^':
      case '$':
      case '\\':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  out += ")$";
  return out;
}

const RE2& RegexCache::Get(std::string_view pattern, const RegexFlags& flags) {
  if (!regex_ || pattern != pattern_ || flags.case_insensitive != flags_.case_insensitive ||
      flags.newline_sensitive != flags_.newline_sensitive || flags.literal != flags_.literal) {
    regex_ = CompileRegex(pattern, flags);
    pattern_.assign(pattern);
    flags_ = flags;
  }
  return *regex_;
}

}  // namespace basin
