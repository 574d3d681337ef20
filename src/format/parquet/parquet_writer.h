// src/format/parquet/parquet_writer.h
// Writes Basin batches to one Parquet file: row groups of `row_group_rows` rows (or
// fewer, once `row_group_bytes` of input is reached), each column chunk encoded by
// EncodeColumnChunk, then the page index (all ColumnIndexes, then all OffsetIndexes)
// and the footer.
//
// Row groups are encoded in parallel: each worker shreds, encodes and compresses whole
// row groups, and finished row groups are appended to the file in input order under a
// mutex (the only serial part, a memcpy to the file buffer).
//
// The file appears atomically: bytes go to a temporary file in the target's directory,
// renamed over `path` once the footer is written; on any failure it is removed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/thread_pool.h"
#include "format/parquet/column_chunk_writer.h"

namespace basin::parquet {

struct ParquetWriteOptions {
  ColumnWriteOptions column;
  uint64_t row_group_rows = 122'880;  // DuckDB's default
  uint64_t row_group_bytes = 0;       // 0: no limit by size
  std::string created_by = "Basin";
};

// Writes `batches` (columns named `names`, of `types`) to `path`, using up to
// `threads` workers of `pool` (or the calling thread when `pool` is null or threads
// <= 1; must not be called from a pool worker with threads > 1). Returns the rows
// written. Throws basin::Error (58030 and 58P01 for I/O, 0A000 for unsupported types).
uint64_t WriteParquetFile(const std::string& path, const std::vector<std::string>& names,
                          const std::vector<basin::LogicalType>& types,
                          std::span<const Batch> batches, const ParquetWriteOptions& options,
                          ThreadPool* pool, uint32_t threads);

}  // namespace basin::parquet
