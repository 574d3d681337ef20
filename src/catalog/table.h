// src/catalog/table.h
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/types.h"

namespace basin {

struct ColumnDefinition {
  std::string name;
  LogicalType type;
  bool not_null = false;
  // DEFAULT expression as SQL text (bound when an INSERT needs it); empty for NULL.
  std::string default_sql;
};

// An in-memory table: a list of immutable chunks of up to kBatchSize rows. Readers
// take a snapshot (the list of chunk pointers) and never see a half-done write;
// writers replace chunks instead of changing them. Thread-safe.
class Table {
 public:
  Table(std::string schema, std::string name, std::vector<ColumnDefinition> columns);

  const std::string& schema() const { return schema_; }
  const std::string& name() const { return name_; }
  const std::vector<ColumnDefinition>& columns() const { return columns_; }
  std::vector<LogicalType> Types() const;
  // Index of the column called `name`, or -1.
  int FindColumn(const std::string& name) const;

  using Snapshot = std::vector<std::shared_ptr<const Batch>>;
  Snapshot GetSnapshot() const;
  uint64_t NumRows() const;

  // Appends all rows of `batches` atomically (all or nothing). Rows must match the
  // table's types.
  void Append(const std::vector<Batch>& batches);
  // Replaces the whole contents (UPDATE/DELETE/TRUNCATE rewrite the table).
  void Replace(Snapshot chunks);

 private:
  std::string schema_;
  std::string name_;
  std::vector<ColumnDefinition> columns_;
  mutable std::shared_mutex mutex_;
  Snapshot chunks_;
  uint64_t num_rows_ = 0;
};

}  // namespace basin
