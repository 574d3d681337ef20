// test/unit/format/parquet/parquet_test_util.h
// Shared by the Parquet tests (header-only: only *_test.cc files are built into the
// test binary): finding the parquet-testing corpus, reading files, and a "walk" that
// exercises the whole low-level layer on one file.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/string_heap.h"
#include "format/parquet/parquet_codecs.h"
#include "format/parquet/parquet_encodings.h"
#include "format/parquet/parquet_footer.h"
#include "format/parquet/parquet_metadata.h"

namespace basin::parquet::testing {

// ${BASIN_SHARED_DIR}/testdata/parquet-testing, else shared/testdata/parquet-testing
// found by walking up from the current directory (../shared beside the worktree).
// Empty when not found.
inline std::filesystem::path FindParquetTestingDir() {
  namespace fs = std::filesystem;
  const fs::path relative = fs::path("testdata") / "parquet-testing";
  std::error_code error;
  if (const char* shared = std::getenv("BASIN_SHARED_DIR")) {
    const fs::path path = fs::path(shared) / relative;
    if (fs::is_directory(path, error)) return path;
  }
  for (fs::path dir = fs::current_path(error); !dir.empty(); dir = dir.parent_path()) {
    for (const fs::path& candidate : {dir / "shared" / relative, dir / ".." / "shared" / relative}) {
      if (fs::is_directory(candidate, error)) return candidate;
    }
    if (dir == dir.parent_path()) break;
  }
  return {};
}

inline std::vector<uint8_t> ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(file), {});
}

struct WalkResult {
  int64_t pages = 0;
  int64_t dictionary_pages = 0;
  int64_t decoded_values = 0;  // non-null values decoded from flat columns
  // Values of flat INT32/INT64 columns decoded from DELTA_BINARY_PACKED pages.
  std::map<std::string, std::vector<int64_t>> integers;
  // Values of flat BYTE_ARRAY columns decoded from delta-encoded pages.
  std::map<std::string, std::vector<std::string>> strings;
};

namespace internal {

[[noreturn]] inline void Fail(const std::string& what) {
  throw Error(sqlstate::kDataCorrupted, what);
}

inline size_t FixedWidth(Type type, int32_t type_length) {
  switch (type) {
    case Type::kInt32:
    case Type::kFloat:
      return 4;
    case Type::kInt64:
    case Type::kDouble:
      return 8;
    case Type::kInt96:
      return 12;
    case Type::kFixedLenByteArray:
      return static_cast<size_t>(std::max(type_length, 0));
    default:
      return 0;
  }
}

struct FlatColumn {
  std::string name;
  Type type = Type::kInt32;
  int32_t type_length = 0;
  int max_definition_level = 0;
};

// Decodes `count` non-null values of `encoding` from `data`; returns how many were
// decoded. Dictionary indices are checked against `dictionary_size`.
inline size_t DecodeValues(const FlatColumn& column, Encoding encoding,
                           std::span<const uint8_t> data, size_t count, size_t dictionary_size,
                           WalkResult& result) {
  constexpr size_t kBatch = 1021;  // prime: batches end inside runs and miniblocks
  size_t done = 0;
  switch (encoding) {
    case Encoding::kPlain: {
      if (column.type == Type::kBoolean) {
        PlainBooleanDecoder decoder(data);
        std::vector<uint8_t> out(kBatch);
        while (done < count) {
          const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
          if (n == 0) break;
          done += n;
        }
      } else if (column.type == Type::kByteArray) {
        PlainByteArrayDecoder decoder(data);
        std::vector<std::string_view> out(kBatch);
        while (done < count) {
          const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
          if (n == 0) break;
          done += n;
        }
      } else if (column.type == Type::kInt96) {
        std::vector<int64_t> out(count);
        DecodeInt96ToMicros(data, out.data(), count);
        done = count;
      } else {
        const size_t width = FixedWidth(column.type, column.type_length);
        done = width == 0 ? 0 : std::min(count, data.size() / width);
      }
      break;
    }
    case Encoding::kPlainDictionary:
    case Encoding::kRleDictionary: {
      if (data.empty()) Fail("dictionary indices without a bit width");
      RleBitPackedDecoder decoder(data.subspan(1), data[0]);
      std::vector<uint32_t> out(kBatch);
      while (done < count) {
        const size_t n = decoder.GetBatch(out.data(), std::min(kBatch, count - done));
        if (n == 0) break;
        for (size_t i = 0; i < n; ++i) {
          if (out[i] >= dictionary_size) Fail("dictionary index out of range");
        }
        done += n;
      }
      break;
    }
    case Encoding::kRle: {
      if (column.type != Type::kBoolean || data.size() < 4) Fail("RLE values");
      uint32_t length;
      std::memcpy(&length, data.data(), 4);
      if (length > data.size() - 4) Fail("RLE length");
      RleBitPackedDecoder decoder(data.subspan(4, length), 1);
      std::vector<uint16_t> out(kBatch);
      while (done < count) {
        const size_t n = decoder.GetBatch(out.data(), std::min(kBatch, count - done));
        if (n == 0) break;
        done += n;
      }
      break;
    }
    case Encoding::kDeltaBinaryPacked: {
      std::vector<int64_t>& sink = result.integers[column.name];
      if (column.type == Type::kInt32) {
        DeltaBinaryPackedDecoder<int32_t> decoder(data);
        std::vector<int32_t> out(kBatch);
        while (done < count) {
          const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
          if (n == 0) break;
          sink.insert(sink.end(), out.begin(), out.begin() + static_cast<ptrdiff_t>(n));
          done += n;
        }
      } else {
        DeltaBinaryPackedDecoder<int64_t> decoder(data);
        std::vector<int64_t> out(kBatch);
        while (done < count) {
          const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
          if (n == 0) break;
          sink.insert(sink.end(), out.begin(), out.begin() + static_cast<ptrdiff_t>(n));
          done += n;
        }
      }
      break;
    }
    case Encoding::kDeltaLengthByteArray: {
      std::vector<std::string>& sink = result.strings[column.name];
      DeltaLengthByteArrayDecoder decoder(data);
      std::vector<std::string_view> out(kBatch);
      while (done < count) {
        const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
        if (n == 0) break;
        for (size_t i = 0; i < n; ++i) sink.emplace_back(out[i]);
        done += n;
      }
      break;
    }
    case Encoding::kDeltaByteArray: {
      std::vector<std::string>& sink = result.strings[column.name];
      DeltaByteArrayDecoder decoder(data);
      std::vector<std::string_view> out(kBatch);
      while (done < count) {
        StringHeap heap;  // a fresh heap per batch: the decoder must not depend on it
        const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done), heap);
        if (n == 0) break;
        for (size_t i = 0; i < n; ++i) sink.emplace_back(out[i]);
        done += n;
      }
      break;
    }
    case Encoding::kByteStreamSplit: {
      const size_t width = FixedWidth(column.type, column.type_length);
      ByteStreamSplitDecoder decoder(data, width);
      std::vector<uint8_t> out(kBatch * width);
      while (done < count) {
        const size_t n = decoder.Decode(out.data(), std::min(kBatch, count - done));
        if (n == 0) break;
        done += n;
      }
      break;
    }
    default:
      return count;  // not ours to decode (BIT_PACKED values do not exist)
  }
  return done;
}

// Counts the non-null values among `num_values` definition levels (bit width 1).
inline size_t CountNonNull(std::span<const uint8_t> levels, size_t num_values) {
  RleBitPackedDecoder decoder(levels, 1);
  std::vector<uint16_t> out(num_values);
  if (decoder.GetBatch(out.data(), num_values) != num_values) Fail("too few definition levels");
  return static_cast<size_t>(std::count(out.begin(), out.end(), 1));
}

}  // namespace internal

inline WalkResult WalkParquetFile(const std::vector<uint8_t>& file, const std::string& name) {
  using internal::Fail;
  WalkResult result;
  const std::span<const uint8_t> bytes(file);
  const std::span<const uint8_t> footer = ReadFooter(bytes, name);
  const FileMetaData metadata =
      ParseFileMetaData(footer, static_cast<uint64_t>(footer.data() - bytes.data()));

  // Flat columns: direct leaf children of the root.
  std::map<std::string, internal::FlatColumn> flat;
  if (!metadata.schema.empty()) {
    for (size_t i = 1; i < metadata.schema.size(); ++i) {
      const SchemaElement& element = metadata.schema[i];
      if (element.num_children.value_or(0) > 0) break;  // nested: stop at the first group
      if (!element.type) continue;
      const auto repetition = element.repetition_type.value_or(FieldRepetitionType::kRequired);
      if (repetition == FieldRepetitionType::kRepeated) continue;
      flat[element.name] = {element.name, *element.type, element.type_length.value_or(0),
                            repetition == FieldRepetitionType::kOptional ? 1 : 0};
    }
  }

  for (const RowGroup& group : metadata.row_groups) {
    for (const ColumnChunk& chunk : group.columns) {
      const ByteRange range = ColumnChunkRange(metadata, chunk, file.size());
      const ColumnMetaData& meta = *chunk.meta_data;
      const internal::FlatColumn* column = nullptr;
      if (meta.path_in_schema.size() == 1) {
        auto it = flat.find(meta.path_in_schema[0]);
        if (it != flat.end() && it->second.type == meta.type) column = &it->second;
      }
      // Page index and bloom filter.
      if (chunk.column_index_offset && chunk.column_index_length) {
        const uint64_t offset = static_cast<uint64_t>(*chunk.column_index_offset);
        const uint64_t length = static_cast<uint64_t>(*chunk.column_index_length);
        if (offset > file.size() || length > file.size() - offset) Fail("column index range");
        ParseColumnIndex(bytes.subspan(offset, length), offset);
      }
      if (chunk.offset_index_offset && chunk.offset_index_length) {
        const uint64_t offset = static_cast<uint64_t>(*chunk.offset_index_offset);
        const uint64_t length = static_cast<uint64_t>(*chunk.offset_index_length);
        if (offset > file.size() || length > file.size() - offset) Fail("offset index range");
        ParseOffsetIndex(bytes.subspan(offset, length), offset);
      }
      if (meta.bloom_filter_offset) {
        const uint64_t offset = static_cast<uint64_t>(*meta.bloom_filter_offset);
        if (offset > file.size()) Fail("bloom filter offset");
        size_t header_size = 0;
        const BloomFilterHeader header =
            ParseBloomFilterHeader(bytes.subspan(offset), &header_size, offset);
        if (static_cast<uint64_t>(header.num_bytes) > file.size() - offset - header_size) {
          Fail("bloom filter bitset exceeds the file");
        }
      }

      uint64_t pos = range.offset;
      const uint64_t end = range.offset + range.length;
      int64_t values_seen = 0;
      size_t dictionary_size = 0;
      std::vector<uint8_t> buffer;
      while (pos < end && values_seen < meta.num_values) {
        size_t header_size = 0;
        const PageHeader header =
            ParsePageHeader(bytes.subspan(pos, end - pos), &header_size, pos);
        pos += header_size;
        if (static_cast<uint64_t>(header.compressed_page_size) > end - pos) {
          Fail("page of " + std::to_string(header.compressed_page_size) +
               " bytes exceeds its column chunk");
        }
        const std::span<const uint8_t> page = bytes.subspan(pos, header.compressed_page_size);
        pos += static_cast<uint64_t>(header.compressed_page_size);
        ++result.pages;
        CheckPageSize(header.uncompressed_page_size, "page");
        buffer.assign(static_cast<size_t>(header.uncompressed_page_size), 0);
        const std::span<uint8_t> out(buffer);
        if (header.type == PageType::kDataPageV2) {
          const DataPageHeaderV2& v2 = *header.data_page_header_v2;
          const size_t levels = static_cast<size_t>(v2.repetition_levels_byte_length) +
                                static_cast<size_t>(v2.definition_levels_byte_length);
          std::memcpy(buffer.data(), page.data(), levels);
          if (v2.is_compressed) {
            Decompress(meta.codec, page.subspan(levels), out.subspan(levels));
          } else {
            Decompress(CompressionCodec::kUncompressed, page.subspan(levels), out.subspan(levels));
          }
          values_seen += v2.num_values;
          if (column != nullptr) {
            size_t non_null = static_cast<size_t>(v2.num_values - v2.num_nulls);
            if (column->max_definition_level == 1) {
              const size_t counted = internal::CountNonNull(
                  out.subspan(v2.repetition_levels_byte_length, v2.definition_levels_byte_length),
                  static_cast<size_t>(v2.num_values));
              if (counted != non_null) Fail("num_nulls disagrees with the definition levels");
            }
            const size_t decoded = internal::DecodeValues(
                *column, v2.encoding, out.subspan(levels), non_null, dictionary_size, result);
            if (decoded != non_null) Fail("too few values in a data page v2");
            result.decoded_values += static_cast<int64_t>(decoded);
          }
        } else if (header.type == PageType::kDataPage ||
                   header.type == PageType::kDictionaryPage) {
          Decompress(meta.codec, page, out);
          if (header.type == PageType::kDictionaryPage) {
            ++result.dictionary_pages;
            dictionary_size = static_cast<size_t>(header.dictionary_page_header->num_values);
            if (column != nullptr && column->type == Type::kByteArray) {
              PlainByteArrayDecoder decoder(out);
              std::vector<std::string_view> values(dictionary_size);
              if (decoder.Decode(values.data(), dictionary_size) != dictionary_size) {
                Fail("too few dictionary values");
              }
            }
            continue;
          }
          const DataPageHeader& v1 = *header.data_page_header;
          values_seen += v1.num_values;
          if (column != nullptr) {
            std::span<const uint8_t> values = out;
            size_t non_null = static_cast<size_t>(v1.num_values);
            if (column->max_definition_level == 1) {
              if (v1.definition_level_encoding != Encoding::kRle) continue;
              if (values.size() < 4) Fail("truncated definition levels");
              uint32_t length;
              std::memcpy(&length, values.data(), 4);
              if (length > values.size() - 4) Fail("definition levels exceed the page");
              non_null = internal::CountNonNull(values.subspan(4, length), non_null);
              values = values.subspan(4 + length);
            }
            const size_t decoded = internal::DecodeValues(*column, v1.encoding, values, non_null,
                                                          dictionary_size, result);
            if (decoded != non_null) Fail("too few values in a data page");
            result.decoded_values += static_cast<int64_t>(decoded);
          }
        }
        // INDEX_PAGE and unknown page types: skipped.
      }
      if (values_seen != meta.num_values) {
        Fail("column chunk has " + std::to_string(values_seen) + " values in its pages, " +
             std::to_string(meta.num_values) + " in its metadata");
      }
    }
  }
  return result;
}

}  // namespace basin::parquet::testing
