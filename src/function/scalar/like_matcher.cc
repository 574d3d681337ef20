#include "function/scalar/like_matcher.h"

#include <cstring>

#include "function/scalar/function_errors.h"
#include "function/scalar/utf8.h"

namespace basin {

char LikeEscapeCharacter(std::string_view escape) {
  if (escape.empty()) return '\0';
  if (utf8::CountCharacters(escape) != 1) {
    throw Error(function_errors::kInvalidEscapeCharacter, "invalid escape string");
  }
  // A multi-byte escape character cannot be matched byte-wise; PostgreSQL allows it,
  // but it is vanishingly rare and the byte matcher below would need to track it.
  if (escape.size() != 1) {
    throw Error(sqlstate::kFeatureNotSupported,
                "multi-byte LIKE escape characters are not supported");
  }
  return escape[0];
}

LikeMatcher::LikeMatcher(std::string_view pattern, std::string_view escape, bool case_insensitive)
    : case_insensitive_(case_insensitive) {
  std::string folded;
  if (case_insensitive) {
    utf8::AppendLower(folded, pattern);
    pattern = folded;
  }
  char escape_char = LikeEscapeCharacter(escape);
  // The pattern was folded above, so its escape character was too.
  if (case_insensitive && escape_char >= 'A' && escape_char <= 'Z') escape_char += 'a' - 'A';
  segments_.emplace_back();
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    Segment& current = segments_.back();
    if (escape_char != '\0' && c == escape_char) {
      if (i + 1 == pattern.size()) {
        throw Error(function_errors::kInvalidEscapeSequence,
                    "LIKE pattern must not end with escape character");
      }
      current.bytes.push_back(pattern[++i]);
      current.wildcards.push_back(false);
    } else if (c == '%') {
      // Consecutive '%'s collapse into one separator.
      if (!current.bytes.empty() || segments_.size() == 1) segments_.emplace_back();
    } else if (c == '_') {
      current.bytes.push_back('_');
      current.wildcards.push_back(true);
      current.has_wildcard = true;
    } else {
      current.bytes.push_back(c);
      current.wildcards.push_back(false);
    }
  }
  bool any_wildcard = false;
  for (const Segment& segment : segments_) any_wildcard = any_wildcard || segment.has_wildcard;
  if (any_wildcard) return;
  const size_t n = segments_.size();
  if (n == 1) {
    shape_ = Shape::kExact;
  } else if (n == 2 && segments_[1].bytes.empty()) {
    shape_ = Shape::kPrefix;
  } else if (n == 2 && segments_[0].bytes.empty()) {
    shape_ = Shape::kSuffix;
  } else if (n == 3 && segments_[0].bytes.empty() && segments_[2].bytes.empty()) {
    shape_ = Shape::kContains;
  }
}

bool LikeMatcher::Matches(std::string_view text, std::string& scratch) const {
  if (!case_insensitive_) return MatchFolded(text);
  scratch.clear();
  utf8::AppendLower(scratch, text);
  return MatchFolded(scratch);
}

bool LikeMatcher::MatchFolded(std::string_view text) const {
  switch (shape_) {
    case Shape::kExact:
      return text == segments_[0].bytes;
    case Shape::kPrefix:
      return text.starts_with(segments_[0].bytes);
    case Shape::kSuffix:
      return text.ends_with(segments_[1].bytes);
    case Shape::kContains: {
      const std::string& needle = segments_[1].bytes;
      // glibc's memmem uses the two-way algorithm: linear, and fast for long needles.
      return memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
    }
    case Shape::kGeneral:
      return MatchGeneral(text);
  }
  return false;
}

size_t LikeMatcher::MatchAt(const Segment& segment, std::string_view text, size_t offset) {
  for (size_t i = 0; i < segment.bytes.size(); ++i) {
    if (offset >= text.size()) return std::string_view::npos;
    if (segment.wildcards[i]) {
      offset += utf8::CharacterBytes(text, offset);
    } else if (text[offset] == segment.bytes[i]) {
      ++offset;
    } else {
      return std::string_view::npos;
    }
  }
  return offset;
}

size_t LikeMatcher::FindFrom(const Segment& segment, std::string_view text, size_t offset) {
  if (!segment.has_wildcard) {
    if (segment.bytes.empty()) return offset;
    const void* found = memmem(text.data() + offset, text.size() - offset, segment.bytes.data(),
                               segment.bytes.size());
    if (found == nullptr) return std::string_view::npos;
    return static_cast<size_t>(static_cast<const char*>(found) - text.data()) +
           segment.bytes.size();
  }
  // '_' must start on a character boundary, so try each character start in turn.
  for (size_t start = offset; start < text.size(); start += utf8::CharacterBytes(text, start)) {
    const size_t end = MatchAt(segment, text, start);
    if (end != std::string_view::npos) return end;
  }
  return std::string_view::npos;
}

bool LikeMatcher::MatchGeneral(std::string_view text) const {
  const size_t n = segments_.size();
  size_t offset = MatchAt(segments_[0], text, 0);
  if (offset == std::string_view::npos) return false;
  if (n == 1) return offset == text.size();
  for (size_t i = 1; i + 1 < n; ++i) {
    offset = FindFrom(segments_[i], text, offset);
    if (offset == std::string_view::npos) return false;
  }
  // The last segment is anchored at the end. It consumes a fixed number of
  // characters, so try it at the start that many characters before the end.
  const Segment& last = segments_[n - 1];
  size_t characters = 0;
  for (size_t i = 0; i < last.bytes.size(); ++i) {
    if (last.wildcards[i] || !utf8::IsContinuation(last.bytes[i])) ++characters;
  }
  size_t start = text.size();
  for (size_t i = 0; i < characters; ++i) {
    if (start <= offset) return false;
    do {
      --start;
    } while (start > offset && utf8::IsContinuation(text[start]));
  }
  if (start < offset) return false;
  return MatchAt(last, text, start) == text.size();
}

}  // namespace basin
