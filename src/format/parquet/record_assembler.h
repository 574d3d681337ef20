// src/format/parquet/record_assembler.h
#pragma once

#include <cstdint>
#include <vector>

#include "common/vector.h"
#include "format/parquet/parquet_schema.h"

namespace basin::parquet {

// One leaf column of a row group, read whole: a value (or NULL) and the levels of
// every entry.
struct LeafEntries {
  Vector values;  // entry i in row i
  std::vector<uint16_t> def;
  std::vector<uint16_t> rep;
  size_t position = 0;  // next entry to assemble
};

// Rebuilds nested values (Dremel's record assembly) from the levels of their leaves.
// A value of a field at definition level d is NULL when its first entry's level is
// below d; a list at (d, e, r) is NULL below d, empty below e, and otherwise takes
// one element per entry whose repetition level is r until a lower one. A NULL or
// empty value still has exactly one entry in every leaf beneath it.
class RecordAssembler {
 public:
  // `leaves` is indexed by leaf index; only those under assembled fields are used.
  explicit RecordAssembler(std::vector<LeafEntries>& leaves) : leaves_(leaves) {}

  // Assembles the next `count` values of `field` into rows [offset, offset+count) of
  // `out`. Throws kDataCorrupted when the levels are inconsistent.
  void Assemble(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset);

 private:
  void AssembleLeaf(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset);
  void AssembleStruct(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset);
  void AssembleList(const ParquetField& field, uint32_t count, Vector& out, uint32_t offset);
  // The first leaf's entry at its current position.
  LeafEntries& FirstLeaf(const ParquetField& field);
  // Consumes one entry in every leaf under `field` (a NULL or empty value).
  void SkipEntry(const ParquetField& field);

  std::vector<LeafEntries>& leaves_;
};

}  // namespace basin::parquet
