// test/sqllogictest/md5.h
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace basin::sqllogictest {

// MD5 (RFC 1321), only for sqllogictest's "N values hashing to H" results: the format
// fixes the algorithm, and a hundred lines beat a dependency on libcrypto.
// Not for anything security-related.
class Md5 {
 public:
  Md5();
  void Update(std::string_view data);
  // The digest as 32 lowercase hex digits. Call once; the object is spent after.
  std::string HexDigest();

 private:
  void ProcessBlock(const uint8_t* block);

  std::array<uint32_t, 4> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

std::string Md5Hex(std::string_view data);

}  // namespace basin::sqllogictest
