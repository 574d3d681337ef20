// src/format/json/json_type_detector.h
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

#include "common/types.h"

namespace basin {

// Learns a Basin type from sample JSON values, widening as values arrive:
//   true/false → BOOLEAN; integers → BIGINT (beyond int64: DOUBLE); other numbers →
//   DOUBLE; strings → DATE, TIME, TIMESTAMP or TIMESTAMPTZ when every sampled string
//   reads as one (ISO forms), else VARCHAR; objects → STRUCT with the keys of all
//   sampled objects in first-seen order; arrays → LIST of the unified element type.
// BIGINT and DOUBLE widen to DOUBLE, DATE and TIMESTAMP to TIMESTAMP; any other mix
// (a string and a number, an object and an array) becomes VARCHAR, which holds
// strings as they are and anything else as JSON text. Nulls decide nothing: a value
// that was only ever null is VARCHAR, and so is an object that never had a key.
//
// Not thread-safe. Recursion follows the values' nesting, which the parser bounds.
class JsonTypeDetector {
 public:
  JsonTypeDetector();
  ~JsonTypeDetector();
  JsonTypeDetector(const JsonTypeDetector&) = delete;
  JsonTypeDetector& operator=(const JsonTypeDetector&) = delete;

  void Add(simdjson::dom::element value);

  // The type covering every value added so far.
  LogicalType Type() const;
  // Whether some non-null value was seen and all of them were objects.
  bool AllObjects() const;
  // The top-level keys in first-seen order, and their types. REQUIRES: AllObjects().
  std::vector<std::string> KeyNames() const;
  std::vector<LogicalType> KeyTypes() const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
};

// The temporal types a JSON string could be, as a bit mask for JsonTypeDetector
// (exposed for tests): bit 0 DATE, 1 TIME, 2 TIMESTAMP, 3 TIMESTAMPTZ.
uint32_t JsonStringTypeMask(std::string_view text);

}  // namespace basin
