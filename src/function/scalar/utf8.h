// src/function/scalar/utf8.h
// UTF-8 helpers for the string functions. PostgreSQL counts characters, not bytes,
// in length(), substr(), lpad() and the like; Basin's text is UTF-8 throughout. The
// input is trusted to be valid UTF-8 (the casts and readers check it), so these only
// look at lead bytes and never read past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace basin::utf8 {

inline bool IsContinuation(char byte) { return (static_cast<uint8_t>(byte) & 0xC0) == 0x80; }

// Bytes of the character starting with `lead` (1 for stray continuation bytes, so
// that malformed text still advances).
inline size_t SequenceLength(char lead) {
  const uint8_t byte = static_cast<uint8_t>(lead);
  if (byte < 0x80) return 1;
  if ((byte & 0xE0) == 0xC0) return 2;
  if ((byte & 0xF0) == 0xE0) return 3;
  if ((byte & 0xF8) == 0xF0) return 4;
  return 1;
}

inline size_t CountCharacters(std::string_view text) {
  size_t count = 0;
  for (char byte : text) count += IsContinuation(byte) ? 0 : 1;
  return count;
}

// Byte offset where character `index` (0-based) starts, or text.size() if the text
// has fewer characters.
inline size_t ByteOffset(std::string_view text, size_t index) {
  size_t offset = 0;
  while (index > 0 && offset < text.size()) {
    offset += SequenceLength(text[offset]);
    --index;
  }
  return offset < text.size() ? offset : text.size();
}

// Byte length of the character at `offset`, clamped to the text.
inline size_t CharacterBytes(std::string_view text, size_t offset) {
  const size_t length = SequenceLength(text[offset]);
  return offset + length <= text.size() ? length : text.size() - offset;
}

// Decodes the character at `offset` and advances past it.
inline uint32_t Decode(std::string_view text, size_t& offset) {
  const size_t length = CharacterBytes(text, offset);
  uint32_t code = static_cast<uint8_t>(text[offset]);
  if (length > 1) {
    code &= 0xFFu >> (length + 1);
    for (size_t i = 1; i < length; ++i) {
      code = (code << 6) | (static_cast<uint8_t>(text[offset + i]) & 0x3F);
    }
  }
  offset += length;
  return code;
}

inline void Append(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Simple (one-to-one) case mapping for ASCII, Latin-1, Latin Extended-A, Greek and
// Cyrillic: what lower(), upper(), initcap() and ILIKE use. Other scripts are left
// as they are (PostgreSQL would consult the ICU or libc locale).
uint32_t ToLower(uint32_t code);
uint32_t ToUpper(uint32_t code);
bool IsAlphanumeric(uint32_t code);

// Whole-string forms; ASCII-only text takes a byte loop.
void AppendLower(std::string& out, std::string_view text);
void AppendUpper(std::string& out, std::string_view text);

}  // namespace basin::utf8
