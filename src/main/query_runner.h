// src/main/query_runner.h
#pragma once

#include <string>
#include <vector>

#include "main/database.h"
#include "sql/binder/binder.h"

namespace basin {

// Optimizes, plans and runs a bound query on the connection's workers; returns its
// rows. With `explain`, returns the plan instead (and with `analyze`, runs it
// first and adds per-operator rows and times).
class QueryRunner {
 public:
  explicit QueryRunner(Connection& connection) : connection_(connection) {}

  std::vector<Batch> Run(BoundQuery query);
  std::string Explain(BoundQuery query, bool analyze);

 private:
  Connection& connection_;
};

// The start time of the current statement, µs since the epoch (UTC).
int64_t CurrentTimestampMicros();

}  // namespace basin
