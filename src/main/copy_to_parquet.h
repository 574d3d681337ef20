// src/main/copy_to_parquet.h
// COPY ... TO 'file.parquet' (FORMAT parquet, ...): one file, or with PARTITION_BY a
// directory tree of Hive partitions (`col=value/data_0.parquet`) laid out as DuckDB
// writes it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/batch.h"
#include "main/copy_options.h"

namespace basin {

class Connection;
class TimeZone;

// Writes `batches` (columns `names` of `types`) and returns the rows written. Encodes
// on the connection's worker threads.
uint64_t CopyToParquet(Connection& connection, const std::string& path,
                       const ParquetCopyOptions& options, const std::vector<std::string>& names,
                       const std::vector<LogicalType>& types, std::span<const Batch> batches,
                       const TimeZone& zone);

// The directory name of a partition value: bytes other than ASCII letters, digits and
// "-_.~" percent-encoded; NULL is __HIVE_DEFAULT_PARTITION__. Exposed for tests.
std::string HivePartitionDirectory(const std::string& column, const std::string* value);

}  // namespace basin
