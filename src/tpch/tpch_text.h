// src/tpch/tpch_text.h
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "tpch/tpch_random.h"

namespace basin::tpch {

// The fixed word lists of the TPC-H specification (clause 4.2.2.13 and dbgen's
// dists.dss) used for names, types and text columns.
inline constexpr int kNumColors = 92;
extern const char* const kColors[kNumColors];
extern const char* const kTypeSyllable1[6];
extern const char* const kTypeSyllable2[5];
extern const char* const kTypeSyllable3[5];
extern const char* const kContainerSyllable1[5];
extern const char* const kContainerSyllable2[8];
extern const char* const kSegments[5];
extern const char* const kPriorities[5];
extern const char* const kShipInstructions[4];
extern const char* const kShipModes[7];

struct NationInfo {
  const char* name;
  int32_t region;
};
extern const NationInfo kNations[25];
extern const char* const kRegions[5];

// dbgen's text pool: sentences from the specification's grammar (noun phrases,
// verb phrases, prepositional phrases, terminators over the weighted word lists).
// Text columns are random substrings of it, as in dbgen. Built once per process on
// first use (thread-safe) and never freed, so string values may point into it
// without copying: it outlives every table.
class TextPool {
 public:
  static const TextPool& Get();

  // A substring of random length in [min_length, max_length] at a random offset.
  std::string_view Text(RowRandom& random, int min_length, int max_length) const;
  std::string_view bytes() const { return {data_, size_}; }

 private:
  TextPool();
  std::string text_;  // never freed (the pool lives for the process): values point into it
  const char* data_;
  size_t size_;
};

}  // namespace basin::tpch
