// src/format/parquet/parquet_footer.h
// The file frame: "PAR1" at both ends, the serialized FileMetaData before the trailing
// 4-byte footer length, and where each column chunk's pages lie.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "format/parquet/parquet_metadata.h"

namespace basin::parquet {

inline constexpr size_t kMagicBytes = 4;  // "PAR1" at both ends
inline constexpr size_t kTrailerBytes = 8;  // footer length + magic

struct FooterLocation {
  uint64_t offset = 0;  // of the serialized FileMetaData in the file
  uint32_t length = 0;
};

// Reads the trailer from `tail`, the last tail.size() bytes of a file of `file_size`
// bytes (tail.size() >= kTrailerBytes unless the file is shorter). Throws
// kBadCopyFileFormat "not a Parquet file: ..." when the magic is missing or the file is
// too short, kFeatureNotSupported for encrypted footers ("PARE"), and kDataCorrupted
// when the footer length exceeds the file. `file_name` is only for messages.
FooterLocation LocateFooter(std::span<const uint8_t> tail, uint64_t file_size,
                            std::string_view file_name);

// For a whole file in memory: checks the magic at both ends and returns the
// serialized FileMetaData (a view into `file`).
std::span<const uint8_t> ReadFooter(std::span<const uint8_t> file, std::string_view file_name);

struct ByteRange {
  uint64_t offset = 0;
  uint64_t length = 0;
};

// The bytes of a column chunk's pages, dictionary page included. Ignores a bogus
// dictionary_page_offset (0, or after the first data page, as some writers leave it).
// For files of parquet-mr before 1.2.9, whose total_compressed_size left out the
// dictionary page header (PARQUET-816), the range is extended by up to 100 bytes;
// page walkers should therefore stop once they have seen meta_data.num_values values.
// Throws kDataCorrupted when the range is negative or leaves the file, and
// kFeatureNotSupported for encrypted chunks and chunks stored in other files.
ByteRange ColumnChunkRange(const FileMetaData& metadata, const ColumnChunk& chunk,
                           uint64_t file_size);

// True when created_by names parquet-mr older than 1.2.9 (or without a version).
bool HasParquet816Bug(const std::optional<std::string>& created_by);

}  // namespace basin::parquet
