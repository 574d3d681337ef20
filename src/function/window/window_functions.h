// src/function/window/window_functions.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/error.h"

namespace basin {

// The built-in window functions that are not aggregates. Every aggregate of the
// registry is a window function too (kAggregate), computed over the frame.
enum class WindowFunctionKind : uint8_t {
  kAggregate,
  kRowNumber,
  kRank,
  kDenseRank,
  kPercentRank,
  kCumeDist,
  kNtile,
  kLag,
  kLead,
  kFirstValue,
  kLastValue,
  kNthValue,
};

enum class WindowFrameMode : uint8_t { kRows, kRange, kGroups };
enum class WindowBoundKind : uint8_t { kUnboundedPreceding, kPreceding, kCurrentRow, kFollowing, kUnboundedFollowing };
enum class WindowExclude : uint8_t { kNoOthers, kCurrentRow, kGroup, kTies };

// The non-aggregate window function called `name`, if there is one.
std::optional<WindowFunctionKind> FindWindowFunction(const std::string& name);
inline bool IsWindowOnlyFunction(const std::string& name) { return FindWindowFunction(name).has_value(); }

// Whether the function looks at the frame (aggregates, first/last/nth_value); the
// others only see the partition and the row's position in it.
bool UsesFrame(WindowFunctionKind kind);

// PostgreSQL's SQLSTATEs for bad window function arguments at run time.
namespace sqlstate {
inline constexpr SqlState kInvalidPrecedingOrFollowingSize{{'2', '2', '0', '1', '3'}};
inline constexpr SqlState kInvalidArgumentForNtile{{'2', '2', '0', '1', '4'}};
inline constexpr SqlState kInvalidArgumentForNthValue{{'2', '2', '0', '1', '6'}};
inline constexpr SqlState kNullValueNotAllowed{{'2', '2', '0', '0', '4'}};
}  // namespace sqlstate

}  // namespace basin
