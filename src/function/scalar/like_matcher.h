// src/function/scalar/like_matcher.h
// A compiled LIKE pattern. Most patterns in practice are '%abc%', 'abc%', '%abc' or
// a plain string (TPC-H's '%green%', 'PROMO%', '%BRASS'), and each of those becomes
// a single memcmp or memmem; the general case splits the pattern at '%' into
// segments and finds each one at its leftmost position, which is optimal because a
// segment without '%' always consumes a fixed number of characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basin {

class LikeMatcher {
 public:
  // `escape` is the ESCAPE string: empty disables escaping, otherwise it must be one
  // character (default backslash). ILIKE folds case with utf8::ToLower on both sides.
  // Throws 22025 for a pattern ending in the escape character and 22019 for an
  // escape string longer than one character.
  LikeMatcher(std::string_view pattern, std::string_view escape, bool case_insensitive);

  // REQUIRES for ILIKE: `scratch` is a buffer the caller reuses across rows (so the
  // folded text costs no allocation per row); unused for LIKE.
  bool Matches(std::string_view text, std::string& scratch) const;

 private:
  enum class Shape : uint8_t { kExact, kPrefix, kSuffix, kContains, kGeneral };

  // A run of the pattern between two '%'. `wildcards[i]` says byte i of `bytes` is a
  // '_' (any one character) rather than a literal byte.
  struct Segment {
    std::string bytes;
    std::vector<bool> wildcards;
    bool has_wildcard = false;
  };

  bool MatchFolded(std::string_view text) const;
  bool MatchGeneral(std::string_view text) const;
  // Matches `segment` at byte `offset` of `text`; returns the end offset or npos.
  static size_t MatchAt(const Segment& segment, std::string_view text, size_t offset);
  // Leftmost match of `segment` at or after `offset`; returns its end or npos.
  static size_t FindFrom(const Segment& segment, std::string_view text, size_t offset);

  bool case_insensitive_;
  Shape shape_ = Shape::kGeneral;
  // The segments between '%'s; a pattern that starts (ends) with '%' has an empty
  // first (last) segment, so only the first and the last are anchored.
  std::vector<Segment> segments_;
};

// A LIKE-pattern escape string as PostgreSQL checks it: returns the escape
// character, or '\0' when escaping is disabled (ESCAPE '').
char LikeEscapeCharacter(std::string_view escape);

}  // namespace basin
