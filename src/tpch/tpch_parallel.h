// src/tpch/tpch_parallel.h
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/thread_pool.h"
#include "tpch/tpch_generator.h"

namespace basin::tpch {

// All eight tables as batches in row order, indexed by TpchTable.
using TpchTables = std::array<std::vector<Batch>, kNumTpchTables>;

// Generates every table on `threads` tasks of `pool` (chunks are claimed from a
// shared counter, biggest tables first). The result does not depend on `threads`.
TpchTables GenerateTpchTables(const TpchGenerator& generator, ThreadPool& pool, uint32_t threads);

// Writes the eight dbgen-style files DIR/<table>.tbl ('|' after every field, the
// last included) on `threads` tasks of `pool`, streaming chunk by chunk in row order.
// Creates `dir` if needed. Throws Error (58030) naming a file that cannot be written.
// Returns the rows written per table.
std::array<uint64_t, kNumTpchTables> WriteTpchTblFiles(const TpchGenerator& generator,
                                                       const std::string& dir, ThreadPool& pool,
                                                       uint32_t threads);

// Appends `batch` to `out` in the .tbl format.
void AppendTblRows(const Batch& batch, std::string& out);

}  // namespace basin::tpch
