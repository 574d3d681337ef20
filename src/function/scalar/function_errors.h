// src/function/scalar/function_errors.h
// SQLSTATEs that only the scalar functions raise, with PostgreSQL's codes; kept out
// of common/error.h because nothing else needs them.
#pragma once

#include "common/error.h"

namespace basin::function_errors {

inline constexpr SqlState kInvalidArgumentForLogarithm{{'2', '2', '0', '1', 'E'}};
inline constexpr SqlState kInvalidArgumentForPower{{'2', '2', '0', '1', 'F'}};
inline constexpr SqlState kInvalidArgumentForWidthBucket{{'2', '2', '0', '1', 'G'}};
inline constexpr SqlState kSubstringError{{'2', '2', '0', '1', '1'}};
inline constexpr SqlState kInvalidEscapeSequence{{'2', '2', '0', '2', '5'}};
inline constexpr SqlState kInvalidEscapeCharacter{{'2', '2', '0', '1', '9'}};
inline constexpr SqlState kProgramLimitExceeded{{'5', '4', '0', '0', '0'}};
inline constexpr SqlState kUntranslatableCharacter{{'2', '2', 'P', '0', '5'}};

}  // namespace basin::function_errors
