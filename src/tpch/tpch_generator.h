// src/tpch/tpch_generator.h
#pragma once

#include <cstdint>
#include <vector>

#include "common/batch.h"
#include "tpch/tpch_schema.h"

namespace basin::tpch {

// Makes TPC-H data (specification 3.0, clause 4.2.3) at a scale factor: the
// cardinalities, key rules (sparse order keys, customers with keys divisible by 3
// place no orders, the partsupp supplier formula), value ranges and text rules of
// the specification, with dbgen's word lists and a dbgen-like text pool. Values are
// not byte-identical with dbgen's: its random-number streams are not reproduced.
//
// Work is cut into chunks of up to kBatchSize rows of a driving table; lineitem has
// no chunks of its own, it is made with the orders it belongs to. Each row draws
// from its own random stream (table, row), so the data is the same whatever the
// chunking and the thread count. Immutable and thread-safe.
class TpchGenerator {
 public:
  explicit TpchGenerator(double scale_factor);

  double scale_factor() const { return scale_factor_; }
  // Rows of `table`; for lineitem the count is only known after generation (0 here).
  uint64_t NumRows(TpchTable table) const;
  // Chunks of `table` (0 for lineitem).
  uint64_t NumChunks(TpchTable table) const;

  // Makes chunk `index` of `table` into `out` (re-initialized). For kOrders,
  // `lineitem` (required then) receives the lines of these orders, in order.
  void Generate(TpchTable table, uint64_t index, Batch& out, std::vector<Batch>* lineitem) const;

 private:
  void MakeRegion(uint64_t first, uint32_t count, Batch& out) const;
  void MakeNation(uint64_t first, uint32_t count, Batch& out) const;
  void MakeSupplier(uint64_t first, uint32_t count, Batch& out) const;
  void MakeCustomer(uint64_t first, uint32_t count, Batch& out) const;
  void MakePart(uint64_t first, uint32_t count, Batch& out) const;
  void MakePartSupp(uint64_t first, uint32_t count, Batch& out) const;
  void MakeOrders(uint64_t first, uint32_t count, Batch& out, std::vector<Batch>& lineitem) const;

  double scale_factor_;
  int64_t suppliers_;
  int64_t parts_;
  int64_t customers_;
  int64_t orders_;
  int64_t clerks_;
};

// Retail price of part `partkey` in cents (clause 4.2.3).
int64_t TpchRetailPriceCents(int64_t partkey);
// The supplier of the `i`-th (0..3) partsupp row of part `partkey` among `suppliers`.
int64_t TpchPartSupplier(int64_t partkey, int i, int64_t suppliers);
// dbgen's sparse order key of the `ordinal`-th order (1-based): 8 of every 32 keys.
int64_t TpchOrderKey(int64_t ordinal);

}  // namespace basin::tpch
