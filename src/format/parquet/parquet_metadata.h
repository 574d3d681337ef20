// src/format/parquet/parquet_metadata.h
// Plain structs mirroring parquet.thrift (apache/parquet-format), and the functions
// that parse and serialize them with our compact-protocol codec. Field names follow the
// Thrift IDL in snake_case; optional Thrift fields are std::optional. Unknown fields
// are skipped on parse (files from newer writers stay readable) and not written back.
//
// Enums are open: a value this code does not know (a future encoding or codec) is kept
// as its number, so the component that must act on it can name it in its error. Only
// Type and FieldRepetitionType are checked at parse time, because nothing can be done
// with a column whose physical type or repetition is unknown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace basin::parquet {

enum class Type : int32_t {
  kBoolean = 0,
  kInt32 = 1,
  kInt64 = 2,
  kInt96 = 3,
  kFloat = 4,
  kDouble = 5,
  kByteArray = 6,
  kFixedLenByteArray = 7,
};

enum class ConvertedType : int32_t {
  kUtf8 = 0,
  kMap = 1,
  kMapKeyValue = 2,
  kList = 3,
  kEnum = 4,
  kDecimal = 5,
  kDate = 6,
  kTimeMillis = 7,
  kTimeMicros = 8,
  kTimestampMillis = 9,
  kTimestampMicros = 10,
  kUint8 = 11,
  kUint16 = 12,
  kUint32 = 13,
  kUint64 = 14,
  kInt8 = 15,
  kInt16 = 16,
  kInt32 = 17,
  kInt64 = 18,
  kJson = 19,
  kBson = 20,
  kInterval = 21,
};

enum class FieldRepetitionType : int32_t {
  kRequired = 0,
  kOptional = 1,
  kRepeated = 2,
};

enum class Encoding : int32_t {
  kPlain = 0,
  kPlainDictionary = 2,
  kRle = 3,
  kBitPacked = 4,
  kDeltaBinaryPacked = 5,
  kDeltaLengthByteArray = 6,
  kDeltaByteArray = 7,
  kRleDictionary = 8,
  kByteStreamSplit = 9,
};

enum class CompressionCodec : int32_t {
  kUncompressed = 0,
  kSnappy = 1,
  kGzip = 2,
  kLzo = 3,
  kBrotli = 4,
  kLz4 = 5,  // deprecated: Hadoop-framed LZ4 (or raw LZ4 from old parquet-cpp)
  kZstd = 6,
  kLz4Raw = 7,
};

enum class PageType : int32_t {
  kDataPage = 0,
  kIndexPage = 1,
  kDictionaryPage = 2,
  kDataPageV2 = 3,
};

enum class BoundaryOrder : int32_t {
  kUnordered = 0,
  kAscending = 1,
  kDescending = 2,
};

// Names for errors, e.g. "DELTA_BYTE_ARRAY"; unknown values print as their number.
std::string TypeName(Type type);
std::string EncodingName(Encoding encoding);
std::string CodecName(CompressionCodec codec);
std::string PageTypeName(PageType type);

enum class TimeUnit : int32_t { kMillis = 1, kMicros = 2, kNanos = 3 };

// The LogicalType union, flattened: `kind` says which member is set and the
// parameters of DECIMAL, TIME, TIMESTAMP and INTEGER sit beside it.
struct LogicalType {
  enum class Kind : int32_t {
    kString = 1,
    kMap = 2,
    kList = 3,
    kEnum = 4,
    kDecimal = 5,
    kDate = 6,
    kTime = 7,
    kTimestamp = 8,
    kInteger = 10,
    kUnknown = 11,  // "always null" (NullType)
    kJson = 12,
    kBson = 13,
    kUuid = 14,
    kFloat16 = 15,
    kVariant = 16,    // parameters not kept
    kGeometry = 17,   // parameters (crs) not kept
    kGeography = 18,  // parameters (crs, algorithm) not kept
    // A union member (or time unit) newer than this code: readers fall back to the
    // physical type. Never serialized.
    kUnrecognized = 1000,
  };
  Kind kind = Kind::kUnrecognized;
  int32_t scale = 0;      // kDecimal
  int32_t precision = 0;  // kDecimal
  bool is_adjusted_to_utc = false;  // kTime, kTimestamp
  TimeUnit unit = TimeUnit::kMicros;  // kTime, kTimestamp
  int8_t bit_width = 0;   // kInteger: 8, 16, 32 or 64
  bool is_signed = false;  // kInteger

  bool operator==(const LogicalType&) const = default;
};

struct SchemaElement {
  std::optional<Type> type;  // absent for groups
  std::optional<int32_t> type_length;
  std::optional<FieldRepetitionType> repetition_type;  // absent for the root
  std::string name;
  std::optional<int32_t> num_children;
  std::optional<ConvertedType> converted_type;
  std::optional<int32_t> scale;
  std::optional<int32_t> precision;
  std::optional<int32_t> field_id;
  std::optional<LogicalType> logical_type;

  bool operator==(const SchemaElement&) const = default;
};

struct Statistics {
  std::optional<std::string> max;  // deprecated, signed order
  std::optional<std::string> min;
  std::optional<int64_t> null_count;
  std::optional<int64_t> distinct_count;
  std::optional<std::string> max_value;
  std::optional<std::string> min_value;
  std::optional<bool> is_max_value_exact;
  std::optional<bool> is_min_value_exact;
  std::optional<int64_t> nan_count;

  bool operator==(const Statistics&) const = default;
};

struct KeyValue {
  std::string key;
  std::optional<std::string> value;

  bool operator==(const KeyValue&) const = default;
};

struct SortingColumn {
  int32_t column_idx = 0;
  bool descending = false;
  bool nulls_first = false;

  bool operator==(const SortingColumn&) const = default;
};

struct PageEncodingStats {
  PageType page_type = PageType::kDataPage;
  Encoding encoding = Encoding::kPlain;
  int32_t count = 0;

  bool operator==(const PageEncodingStats&) const = default;
};

struct ColumnMetaData {
  Type type = Type::kBoolean;
  std::vector<Encoding> encodings;
  std::vector<std::string> path_in_schema;
  CompressionCodec codec = CompressionCodec::kUncompressed;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  std::vector<KeyValue> key_value_metadata;  // empty when absent
  int64_t data_page_offset = 0;
  std::optional<int64_t> index_page_offset;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
  std::vector<PageEncodingStats> encoding_stats;  // empty when absent
  std::optional<int64_t> bloom_filter_offset;
  std::optional<int32_t> bloom_filter_length;

  bool operator==(const ColumnMetaData&) const = default;
};

struct ColumnChunk {
  std::optional<std::string> file_path;
  int64_t file_offset = 0;
  std::optional<ColumnMetaData> meta_data;
  std::optional<int64_t> offset_index_offset;
  std::optional<int32_t> offset_index_length;
  std::optional<int64_t> column_index_offset;
  std::optional<int32_t> column_index_length;
  // Parquet modular encryption: set when the chunk is encrypted (crypto_metadata or
  // encrypted_column_metadata present). Basin cannot decrypt; readers must refuse.
  bool encrypted = false;

  bool operator==(const ColumnChunk&) const = default;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
  std::vector<SortingColumn> sorting_columns;  // empty when absent
  std::optional<int64_t> file_offset;
  std::optional<int64_t> total_compressed_size;
  std::optional<int16_t> ordinal;

  bool operator==(const RowGroup&) const = default;
};

enum class ColumnOrder : int32_t {
  kUnrecognized = 0,  // a union member newer than this code: ignore min/max
  kTypeDefinedOrder = 1,
  kIeee754TotalOrder = 2,
  kInt96TimestampOrder = 3,
};

struct FileMetaData {
  int32_t version = 0;
  std::vector<SchemaElement> schema;
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<KeyValue> key_value_metadata;  // empty when absent
  std::optional<std::string> created_by;
  std::vector<ColumnOrder> column_orders;  // empty when absent
  // Set for encrypted files with a plaintext footer (encryption_algorithm present).
  bool encrypted = false;

  bool operator==(const FileMetaData&) const = default;
};

struct DataPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  Encoding definition_level_encoding = Encoding::kRle;
  Encoding repetition_level_encoding = Encoding::kRle;
  std::optional<Statistics> statistics;

  bool operator==(const DataPageHeader&) const = default;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  std::optional<bool> is_sorted;

  bool operator==(const DictionaryPageHeader&) const = default;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0;
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  Encoding encoding = Encoding::kPlain;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;  // the Thrift default
  std::optional<Statistics> statistics;

  bool operator==(const DataPageHeaderV2&) const = default;
};

// ParsePageHeader validates what every reader relies on: sizes are non-negative, the
// header struct matching `type` is present for data and dictionary pages, and value
// counts are non-negative. It does not compare sizes with the file (callers know the
// column chunk's extent).
struct PageHeader {
  PageType type = PageType::kDataPage;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<int32_t> crc;
  std::optional<DataPageHeader> data_page_header;
  std::optional<DictionaryPageHeader> dictionary_page_header;
  std::optional<DataPageHeaderV2> data_page_header_v2;
  // INDEX_PAGE headers have no fields; a present one is skipped.

  bool operator==(const PageHeader&) const = default;
};

struct PageLocation {
  int64_t offset = 0;
  int32_t compressed_page_size = 0;  // including the page header
  int64_t first_row_index = 0;

  bool operator==(const PageLocation&) const = default;
};

struct OffsetIndex {
  std::vector<PageLocation> page_locations;
  std::vector<int64_t> unencoded_byte_array_data_bytes;  // empty when absent

  bool operator==(const OffsetIndex&) const = default;
};

struct ColumnIndex {
  std::vector<bool> null_pages;
  std::vector<std::string> min_values;
  std::vector<std::string> max_values;
  BoundaryOrder boundary_order = BoundaryOrder::kUnordered;
  std::optional<std::vector<int64_t>> null_counts;
  std::optional<std::vector<int64_t>> repetition_level_histograms;
  std::optional<std::vector<int64_t>> definition_level_histograms;
  std::optional<std::vector<int64_t>> nan_counts;

  bool operator==(const ColumnIndex&) const = default;
};

// The split-block filter with xxHash64 and no compression is the only combination the
// format defines; `supported` is false when the header names anything else.
struct BloomFilterHeader {
  int32_t num_bytes = 0;
  bool supported = true;

  bool operator==(const BloomFilterHeader&) const = default;
};

// Parsers. All throw basin::Error(kDataCorrupted) with the structure, the problem
// and the byte position on malformed input; `base_offset` is the file offset of
// `bytes`, used only for messages. Memory use is proportional to the input (parsed
// structs take up to a few dozen times their encoded size), so callers bound the
// footer size they accept.
FileMetaData ParseFileMetaData(std::span<const uint8_t> bytes, uint64_t base_offset = 0);
// Parses the header at the start of `bytes` (which may continue with the page data)
// and stores its serialized length in *header_size.
PageHeader ParsePageHeader(std::span<const uint8_t> bytes, size_t* header_size,
                           uint64_t base_offset = 0);
ColumnIndex ParseColumnIndex(std::span<const uint8_t> bytes, uint64_t base_offset = 0);
OffsetIndex ParseOffsetIndex(std::span<const uint8_t> bytes, uint64_t base_offset = 0);
// Like ParsePageHeader: the bitset follows the header.
BloomFilterHeader ParseBloomFilterHeader(std::span<const uint8_t> bytes, size_t* header_size,
                                         uint64_t base_offset = 0);

// Serializers append the compact-protocol encoding to `out`.
void SerializeFileMetaData(const FileMetaData& metadata, std::string& out);
void SerializePageHeader(const PageHeader& header, std::string& out);
void SerializeColumnIndex(const ColumnIndex& index, std::string& out);
void SerializeOffsetIndex(const OffsetIndex& index, std::string& out);
void SerializeBloomFilterHeader(const BloomFilterHeader& header, std::string& out);

}  // namespace basin::parquet
