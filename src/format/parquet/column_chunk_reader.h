// src/format/parquet/column_chunk_reader.h
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/string_heap.h"
#include "common/vector.h"
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/parquet_schema.h"

namespace basin::parquet {

// Reads one column chunk (one leaf column of one row group): walks its pages,
// decompresses them, decodes levels and values, and converts values to the leaf's
// Basin type. Output is by level entry: entry i of a call lands in row offset+i of
// the output vector, NULL unless its definition level is the leaf's maximum. For a
// column without repetition, entries are rows.
//
// Strings point into the chunk's pages, which the reader keeps in a StringHeap that
// output vectors hold on to: no per-value copies.
class ColumnChunkReader {
 public:
  // `bytes` are the chunk's pages (ColumnChunkRange); `context` names the file, row
  // group and column for errors.
  ColumnChunkReader(std::unique_ptr<char[]> bytes, size_t size, const ColumnChunk& chunk, const ParquetField& leaf,
                    std::string context);
  ~ColumnChunkReader();

  // Entries not yet read.
  uint64_t entries_left() const { return entries_left_; }
  // Reads up to `count` entries into rows [offset, offset+count) of `out` (which has
  // room), their definition and repetition levels into `def` and `rep` when those are
  // not null. Returns how many were read: fewer than `count` only at the chunk's end.
  uint32_t Read(uint32_t count, Vector& out, uint32_t offset, uint16_t* def, uint16_t* rep);

 private:
  struct Page;
  void NextPage();
  void ReadDictionary(const PageHeader& header, std::span<const uint8_t> data);
  // Decodes the next `count` values of `page` (all non-NULL) into rows
  // [offset, offset+count) of `out`.
  void DecodeValues(Page& page, uint32_t count, Vector& out, uint32_t offset);
  std::string_view* Views(uint32_t count);
  std::span<const uint8_t> Decompressed(const PageHeader& header, std::span<const uint8_t> data, size_t prefix);
  [[noreturn]] void Fail(const std::string& what) const;

  std::shared_ptr<StringHeap> heap_;  // owns the chunk's bytes and decompressed pages
  const uint8_t* data_ = nullptr;     // the chunk's bytes
  size_t size_ = 0;
  size_t position_ = 0;               // of the next page header
  CompressionCodec codec_;
  const ParquetField& leaf_;
  std::string context_;
  uint64_t entries_left_ = 0;
  std::unique_ptr<Vector> dictionary_;
  uint32_t dictionary_size_ = 0;
  std::unique_ptr<Page> page_;
  std::vector<uint8_t> scratch_;  // decompression target for pages without strings
  // Per-call buffers, kept to avoid allocating per batch.
  std::vector<uint16_t> def_scratch_;
  std::vector<uint16_t> rep_scratch_;
  std::vector<uint32_t> indices_;    // dictionary indices, RLE booleans
  std::vector<uint32_t> selection_;  // dense value of each entry
  std::vector<std::string_view> views_;
  std::vector<uint8_t> plain_;
  std::unique_ptr<Vector> dense_;  // non-NULL values of a batch with NULLs
};

}  // namespace basin::parquet
