// src/format/parquet/column_chunk_writer.h
// Encodes one leaf's values of one row group into a column chunk: an optional
// dictionary page, then v1 data pages of about `page_bytes` each, levels RLE-encoded,
// values RLE_DICTIONARY or PLAIN, each page compressed with the chosen codec. Also
// produces the chunk's statistics and its page index entries. Pure computation on
// one thread; row groups are encoded in parallel by the file writer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "format/parquet/column_shredder.h"
#include "format/parquet/parquet_codecs.h"
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {

struct ColumnWriteOptions {
  CompressionCodec codec = CompressionCodec::kSnappy;
  int compression_level = kDefaultCompressionLevel;
  // Uncompressed size a data page aims at (pages end at row boundaries).
  size_t page_bytes = size_t{1} << 20;
  // The largest dictionary page; a chunk with more distinct values is written PLAIN.
  size_t dictionary_bytes = size_t{1} << 20;
};

struct EncodedColumnChunk {
  std::string bytes;  // the pages, headers included
  // data_page_offset and dictionary_page_offset are relative to the chunk start, as
  // are the offsets in `offset_index`: the file writer adds the chunk's position.
  ColumnMetaData metadata;
  std::optional<ColumnIndex> column_index;  // absent without an order or bounds
  OffsetIndex offset_index;
};

EncodedColumnChunk EncodeColumnChunk(const WriteLeaf& leaf, const LeafValues& values,
                                     const ColumnWriteOptions& options);

}  // namespace basin::parquet
