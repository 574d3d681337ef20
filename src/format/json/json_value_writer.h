// src/format/json/json_value_writer.h
#pragma once

#include <simdjson.h>

#include <cstdint>

#include "common/vector.h"

namespace basin {

// Writes one JSON value into row `row` of `out`, converted to out's type, and marks
// the row valid (or NULL for a JSON null). Nested types are filled in place: a LIST
// appends its elements to out's child, a STRUCT writes its fields row for row (keys
// the STRUCT lacks are ignored, fields the object lacks become NULL), a MAP takes an
// object's keys and values. VARCHAR takes a string as it is and any other value as
// its JSON text, so every value fits it.
//
// Throws Error when the value does not fit: "expected a JSON array for integer[],
// found an object", or the engine's cast error for a string that is not, say, a DATE.
// The message names no file or line; the caller adds them. After a throw the row's
// contents are unspecified (the caller may write the row again).
void WriteJsonValue(simdjson::dom::element value, Vector& out, uint32_t row);

// Sets row `row` of `out` to NULL (a LIST or MAP row also to no elements).
void WriteJsonNull(Vector& out, uint32_t row);

// The JSON type of `value` in words, for messages: "an object", "a number", ...
const char* DescribeJsonValue(simdjson::dom::element value);

}  // namespace basin
