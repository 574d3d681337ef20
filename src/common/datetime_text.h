// src/common/datetime_text.h
// A small scanner for the datetime parsers; not for use elsewhere. Locale-free on
// purpose: SQL input must not change meaning with the process locale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace basin::datetime_text {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool EqualsIgnoreCase(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (ToLower(text[i]) != lower_word[i]) return false;
  }
  return true;
}

inline std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

class TextCursor {
 public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return position_ >= text_.size(); }
  // '\0' past the end, which no caller mistakes for a digit, letter or sign.
  char Peek(size_t ahead = 0) const {
    return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
  }
  void Advance(size_t count = 1) { position_ += count; }
  bool Consume(char expected) {
    if (Peek() != expected) return false;
    ++position_;
    return true;
  }
  // Returns whether any whitespace was skipped.
  bool SkipSpaces() {
    const size_t start = position_;
    while (IsSpace(Peek())) ++position_;
    return position_ != start;
  }
  // Reads a run of digits and returns its length. Only the first `max_digits` count
  // toward `value` (so it cannot overflow); callers reject longer runs.
  int ReadDigits(int64_t& value, int max_digits) {
    value = 0;
    int digits = 0;
    while (IsDigit(Peek())) {
      if (digits < max_digits) value = value * 10 + (Peek() - '0');
      ++digits;
      ++position_;
    }
    return digits;
  }
  // Reads the digits after a decimal point as microseconds, rounding at the 7th digit
  // (so the result may be 1000000).
  int64_t ReadFractionMicros() {
    int64_t micros = 0;
    int digits = 0;
    bool round_up = false;
    while (IsDigit(Peek())) {
      const int digit = Peek() - '0';
      if (digits < 6) {
        micros = micros * 10 + digit;
      } else if (digits == 6) {
        round_up = digit >= 5;
      }
      ++digits;
      ++position_;
    }
    for (; digits < 6; ++digits) micros *= 10;
    return micros + (round_up ? 1 : 0);
  }
  std::string_view ReadWord() {
    const size_t start = position_;
    while (IsAlpha(Peek())) ++position_;
    return text_.substr(start, position_ - start);
  }
  std::string_view Rest() const { return AtEnd() ? std::string_view() : text_.substr(position_); }

 private:
  std::string_view text_;
  size_t position_ = 0;
};

}  // namespace basin::datetime_text
