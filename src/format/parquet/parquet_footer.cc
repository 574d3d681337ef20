// src/format/parquet/parquet_footer.cc
#include "format/parquet/parquet_footer.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "common/error.h"

namespace basin::parquet {
namespace {

constexpr char kMagic[] = "PAR1";
constexpr char kEncryptedMagic[] = "PARE";

std::string Quoted(std::string_view file_name) { return "\"" + std::string(file_name) + "\""; }

}  // namespace

FooterLocation LocateFooter(std::span<const uint8_t> tail, uint64_t file_size,
                            std::string_view file_name) {
  if (file_size < kMagicBytes + kTrailerBytes || tail.size() < kTrailerBytes ||
      tail.size() > file_size) {
    throw Error(sqlstate::kBadCopyFileFormat,
                "not a Parquet file: " + Quoted(file_name) + " is too short (" +
                    std::to_string(file_size) + " bytes)");
  }
  const uint8_t* trailer = tail.data() + tail.size() - kTrailerBytes;
  if (std::memcmp(trailer + 4, kEncryptedMagic, kMagicBytes) == 0) {
    throw Error(sqlstate::kFeatureNotSupported,
                "encrypted Parquet files are not supported: " + Quoted(file_name) +
                    " has an encrypted footer");
  }
  if (std::memcmp(trailer + 4, kMagic, kMagicBytes) != 0) {
    throw Error(sqlstate::kBadCopyFileFormat,
                "not a Parquet file: " + Quoted(file_name) + " does not end with \"PAR1\"");
  }
  uint32_t length;
  std::memcpy(&length, trailer, 4);  // little-endian
  if (uint64_t{length} > file_size - kMagicBytes - kTrailerBytes) {
    throw Error(sqlstate::kDataCorrupted,
                "corrupt Parquet file " + Quoted(file_name) + ": footer length " +
                    std::to_string(length) + " exceeds file size " + std::to_string(file_size));
  }
  return {file_size - kTrailerBytes - length, length};
}

std::span<const uint8_t> ReadFooter(std::span<const uint8_t> file, std::string_view file_name) {
  const FooterLocation location = LocateFooter(file, file.size(), file_name);
  if (std::memcmp(file.data(), kMagic, kMagicBytes) != 0) {
    throw Error(sqlstate::kBadCopyFileFormat,
                "not a Parquet file: " + Quoted(file_name) + " does not start with \"PAR1\"");
  }
  return file.subspan(location.offset, location.length);
}

bool HasParquet816Bug(const std::optional<std::string>& created_by) {
  constexpr std::string_view kParquetMr = "parquet-mr";
  if (!created_by || !created_by->starts_with(kParquetMr)) return false;
  // "parquet-mr version 1.2.8 (build ...)"
  const size_t version = created_by->find("version ");
  if (version == std::string::npos) return true;
  int parts[3] = {0, 0, 0};
  const char* pos = created_by->c_str() + version + 8;
  for (int& part : parts) {
    while (*pos >= '0' && *pos <= '9') part = std::min(part * 10 + (*pos++ - '0'), 100000);
    if (*pos != '.') break;
    ++pos;
  }
  constexpr int kFixedVersion[3] = {1, 2, 9};
  return std::lexicographical_compare(parts, parts + 3, kFixedVersion, kFixedVersion + 3);
}

ByteRange ColumnChunkRange(const FileMetaData& metadata, const ColumnChunk& chunk,
                           uint64_t file_size) {
  if (chunk.encrypted) {
    throw Error(sqlstate::kFeatureNotSupported,
                "encrypted Parquet column chunks are not supported");
  }
  if (chunk.file_path) {
    throw Error(sqlstate::kFeatureNotSupported,
                "Parquet column chunks in other files are not supported (file_path \"" +
                    *chunk.file_path + "\")");
  }
  if (!chunk.meta_data) {
    throw Error(sqlstate::kDataCorrupted, "corrupt Parquet footer: column chunk without metadata");
  }
  const ColumnMetaData& meta = *chunk.meta_data;
  int64_t start = meta.data_page_offset;
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
      *meta.dictionary_page_offset < start) {
    start = *meta.dictionary_page_offset;
  }
  int64_t length = meta.total_compressed_size;
  if (start < 0 || length < 0 || static_cast<uint64_t>(start) > file_size ||
      static_cast<uint64_t>(length) > file_size - static_cast<uint64_t>(start)) {
    throw Error(sqlstate::kDataCorrupted,
                "corrupt Parquet footer: column chunk at offset " + std::to_string(start) +
                    " of " + std::to_string(length) + " bytes exceeds file size " +
                    std::to_string(file_size));
  }
  uint64_t padded = static_cast<uint64_t>(length);
  if (HasParquet816Bug(metadata.created_by)) {
    // The largest dictionary page header those writers produced.
    constexpr uint64_t kMaxDictionaryHeaderBytes = 100;
    padded += std::min(kMaxDictionaryHeaderBytes, file_size - static_cast<uint64_t>(start) - padded);
  }
  return {static_cast<uint64_t>(start), padded};
}

}  // namespace basin::parquet
