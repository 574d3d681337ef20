// src/format/parquet/parquet_metadata.cc
// Enum names for messages. Parsing and serialization are in parquet_metadata_reader.cc
// and parquet_metadata_writer.cc.
#include "format/parquet/parquet_metadata.h"

namespace basin::parquet {
namespace {

template <size_t N>
std::string NameOrNumber(const char* const (&names)[N], int32_t value) {
  if (value >= 0 && static_cast<size_t>(value) < N && names[value] != nullptr) {
    return names[value];
  }
  return std::to_string(value);
}

}  // namespace

std::string TypeName(Type type) {
  static constexpr const char* kNames[] = {"BOOLEAN", "INT32",      "INT64",
                                           "INT96",   "FLOAT",      "DOUBLE",
                                           "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"};
  return NameOrNumber(kNames, static_cast<int32_t>(type));
}

std::string EncodingName(Encoding encoding) {
  static constexpr const char* kNames[] = {"PLAIN",
                                           "GROUP_VAR_INT",
                                           "PLAIN_DICTIONARY",
                                           "RLE",
                                           "BIT_PACKED",
                                           "DELTA_BINARY_PACKED",
                                           "DELTA_LENGTH_BYTE_ARRAY",
                                           "DELTA_BYTE_ARRAY",
                                           "RLE_DICTIONARY",
                                           "BYTE_STREAM_SPLIT"};
  return NameOrNumber(kNames, static_cast<int32_t>(encoding));
}

std::string CodecName(CompressionCodec codec) {
  static constexpr const char* kNames[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO",
                                           "BROTLI",       "LZ4",    "ZSTD", "LZ4_RAW"};
  return NameOrNumber(kNames, static_cast<int32_t>(codec));
}

std::string PageTypeName(PageType type) {
  static constexpr const char* kNames[] = {"DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE",
                                           "DATA_PAGE_V2"};
  return NameOrNumber(kNames, static_cast<int32_t>(type));
}

}  // namespace basin::parquet
