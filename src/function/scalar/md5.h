// src/function/scalar/md5.h
// MD5 (RFC 1321) for md5(text). Not for security: PostgreSQL's md5() exists for
// checksums and legacy password hashes, and so does this one.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace basin {

std::array<uint8_t, 16> Md5Digest(std::string_view data);
// 32 lower-case hex digits, as md5() returns them.
std::string Md5Hex(std::string_view data);

}  // namespace basin
