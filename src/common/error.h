// src/common/error.h
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace basin {

// A five-character SQLSTATE, as PostgreSQL defines them.
struct SqlState {
  char code[5];
  std::string ToString() const { return std::string(code, 5); }
  bool operator==(const SqlState& other) const;
};

namespace sqlstate {
inline constexpr SqlState kSyntaxError{{'4', '2', '6', '0', '1'}};
inline constexpr SqlState kUndefinedTable{{'4', '2', 'P', '0', '1'}};
inline constexpr SqlState kUndefinedColumn{{'4', '2', '7', '0', '3'}};
inline constexpr SqlState kUndefinedFunction{{'4', '2', '8', '8', '3'}};
inline constexpr SqlState kAmbiguousColumn{{'4', '2', '7', '0', '2'}};
inline constexpr SqlState kDuplicateTable{{'4', '2', 'P', '0', '7'}};
inline constexpr SqlState kDuplicateColumn{{'4', '2', '7', '0', '1'}};
inline constexpr SqlState kDatatypeMismatch{{'4', '2', '8', '0', '4'}};
inline constexpr SqlState kGroupingError{{'4', '2', '8', '0', '3'}};
inline constexpr SqlState kWrongObjectType{{'4', '2', '8', '0', '9'}};
inline constexpr SqlState kInvalidParameterValue{{'2', '2', '0', '2', '3'}};
inline constexpr SqlState kDivisionByZero{{'2', '2', '0', '1', '2'}};
inline constexpr SqlState kNumericOutOfRange{{'2', '2', '0', '0', '3'}};
inline constexpr SqlState kInvalidTextRepresentation{{'2', '2', 'P', '0', '2'}};
inline constexpr SqlState kInvalidDatetimeFormat{{'2', '2', '0', '0', '7'}};
inline constexpr SqlState kDatetimeFieldOverflow{{'2', '2', '0', '0', '8'}};
inline constexpr SqlState kStringDataRightTruncation{{'2', '2', '0', '0', '1'}};
inline constexpr SqlState kCardinalityViolation{{'2', '1', '0', '0', '0'}};
inline constexpr SqlState kNotNullViolation{{'2', '3', '5', '0', '2'}};
inline constexpr SqlState kInvalidRegularExpression{{'2', '2', '0', '1', 'B'}};
inline constexpr SqlState kFeatureNotSupported{{'0', 'A', '0', '0', '0'}};
inline constexpr SqlState kOutOfMemory{{'5', '3', '2', '0', '0'}};
inline constexpr SqlState kQueryCanceled{{'5', '7', '0', '1', '4'}};
inline constexpr SqlState kIoError{{'5', '8', '0', '3', '0'}};
inline constexpr SqlState kUndefinedFile{{'5', '8', 'P', '0', '1'}};
inline constexpr SqlState kBadCopyFileFormat{{'2', '2', 'P', '0', '4'}};
inline constexpr SqlState kUndefinedObject{{'4', '2', '7', '0', '4'}};
inline constexpr SqlState kInvalidColumnReference{{'4', '2', 'P', '1', '0'}};
inline constexpr SqlState kWindowingError{{'4', '2', 'P', '2', '0'}};
inline constexpr SqlState kIndeterminateDatatype{{'4', '2', 'P', '1', '8'}};
inline constexpr SqlState kProgramLimitExceeded{{'5', '4', '0', '0', '0'}};
inline constexpr SqlState kDataCorrupted{{'X', 'X', '0', '0', '1'}};  // a corrupt file
inline constexpr SqlState kInternal{{'X', 'X', '0', '0', '0'}};  // a Basin bug
}  // namespace sqlstate

// A byte range within the SQL text, so that errors can point at it.
struct SourceSpan {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// The one exception type of the engine. It never crosses a thread, the C ABI or a
// socket: the scheduler catches it per query and the interfaces convert it.
class Error : public std::exception {
 public:
  Error(SqlState state, std::string message, std::optional<SourceSpan> where = {})
      : state_(state), message_(std::move(message)), where_(where) {}
  const char* what() const noexcept override { return message_.c_str(); }
  SqlState state() const { return state_; }
  const std::string& message() const { return message_; }
  std::optional<SourceSpan> where() const { return where_; }

 private:
  SqlState state_;
  std::string message_;
  std::optional<SourceSpan> where_;
};

// Renders "ERROR:  message" plus, when the error has a position, the line of `sql`
// with a caret under it (as psql does).
std::string FormatErrorWithContext(const Error& error, const std::string& sql);

}  // namespace basin
