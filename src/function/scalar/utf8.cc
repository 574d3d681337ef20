#include "function/scalar/utf8.h"

namespace basin::utf8 {

namespace {

// Latin Extended-A pairs upper and lower case in adjacent code points; which of the
// two is upper case flips at U+0139 and back at U+014A, and again at U+0179.
bool IsLatinExtendedUpper(uint32_t code) {
  if (code >= 0x100 && code <= 0x137) return code % 2 == 0;
  if (code >= 0x139 && code <= 0x148) return code % 2 == 1;
  if (code >= 0x14A && code <= 0x177) return code % 2 == 0;
  if (code >= 0x179 && code <= 0x17E) return code % 2 == 1;
  return false;
}

bool IsLatinExtendedLower(uint32_t code) {
  if (code >= 0x100 && code <= 0x137) return code % 2 == 1;
  if (code >= 0x139 && code <= 0x148) return code % 2 == 0;
  if (code >= 0x14A && code <= 0x177) return code % 2 == 1;
  if (code >= 0x179 && code <= 0x17E) return code % 2 == 0;
  return false;
}

bool IsAscii(std::string_view text) {
  for (char byte : text) {
    if (static_cast<uint8_t>(byte) >= 0x80) return false;
  }
  return true;
}

}  // namespace

uint32_t ToLower(uint32_t code) {
  if (code < 0x80) return code >= 'A' && code <= 'Z' ? code + 32 : code;
  if (code >= 0xC0 && code <= 0xDE && code != 0xD7) return code + 0x20;
  // U+0130 (dotted capital I) and U+0131 (dotless i) are not a pair.
  if (code != 0x130 && IsLatinExtendedUpper(code)) return code + 1;
  if (code == 0x178) return 0xFF;
  if (code >= 0x391 && code <= 0x3A9 && code != 0x3A2) return code + 0x20;
  if (code == 0x386) return 0x3AC;
  if (code >= 0x388 && code <= 0x38A) return code + 0x25;
  if (code == 0x38C) return 0x3CC;
  if (code == 0x38E || code == 0x38F) return code + 0x3F;
  if (code >= 0x410 && code <= 0x42F) return code + 0x20;
  if (code >= 0x400 && code <= 0x40F) return code + 0x50;
  return code;
}

uint32_t ToUpper(uint32_t code) {
  if (code < 0x80) return code >= 'a' && code <= 'z' ? code - 32 : code;
  if (code >= 0xE0 && code <= 0xFE && code != 0xF7) return code - 0x20;
  if (code == 0xFF) return 0x178;
  if (code != 0x131 && IsLatinExtendedLower(code)) return code - 1;
  if (code >= 0x3B1 && code <= 0x3C9) return code == 0x3C2 ? 0x3A3 : code - 0x20;
  if (code == 0x3AC) return 0x386;
  if (code >= 0x3AD && code <= 0x3AF) return code - 0x25;
  if (code == 0x3CC) return 0x38C;
  if (code == 0x3CD || code == 0x3CE) return code - 0x3F;
  if (code >= 0x430 && code <= 0x44F) return code - 0x20;
  if (code >= 0x450 && code <= 0x45F) return code - 0x50;
  return code;
}

bool IsAlphanumeric(uint32_t code) {
  if (code < 0x80) {
    return (code >= '0' && code <= '9') || (code >= 'a' && code <= 'z') ||
           (code >= 'A' && code <= 'Z');
  }
  // Any cased letter of the ranges above counts as a letter.
  return ToLower(code) != code || ToUpper(code) != code || code == 0xDF;
}

void AppendLower(std::string& out, std::string_view text) {
  if (IsAscii(text)) {
    for (char byte : text) out.push_back(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
    return;
  }
  for (size_t offset = 0; offset < text.size();) Append(out, ToLower(Decode(text, offset)));
}

void AppendUpper(std::string& out, std::string_view text) {
  if (IsAscii(text)) {
    for (char byte : text) out.push_back(byte >= 'a' && byte <= 'z' ? byte - 32 : byte);
    return;
  }
  for (size_t offset = 0; offset < text.size();) Append(out, ToUpper(Decode(text, offset)));
}

}  // namespace basin::utf8
