// src/tpch/tpch_loader.h
#pragma once

#include <string>

#include "common/thread_pool.h"
#include "tpch/tpch_parallel.h"

namespace basin::tpch {

// Reads DIR/<table>.tbl for the eight tables (dbgen's format: '|' after every field,
// no quoting, no header) with read_csv's parallel scan on `threads` tasks of
// `pool`. Values convert to TpchTypes; errors name the file, line and column.
// Throws 58P01 naming a missing file and 23502 for an empty (NULL) field.
TpchTables LoadTpchTblFiles(const std::string& dir, ThreadPool& pool, uint32_t threads);

}  // namespace basin::tpch
