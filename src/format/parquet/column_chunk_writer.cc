// Dictionary or PLAIN is decided once per chunk: the dictionary is built first (it
// stops at the size cap), then kept only if dictionary page plus bit-packed indices
// are smaller than the PLAIN values, which is what makes it pay after compression too
// (a nearly unique column gains nothing from it and costs a hash lookup per value).
// Sorted integer columns (keys, sequence numbers) skip the dictionary and get
// DELTA_BINARY_PACKED: their deltas take a few bits each, where a dictionary would
// store every value once more and PLAIN leaves the work to the codec.
#include "format/parquet/column_chunk_writer.h"

#include <algorithm>
#include <cstring>

#include "format/parquet/column_statistics.h"
#include "format/parquet/delta_binary_packed.h"
#include "format/parquet/dictionary_builder.h"
#include "format/parquet/plain_encoding.h"
#include "format/parquet/rle_bit_packed.h"

namespace basin::parquet {

namespace {

int BitsFor(uint64_t max_value) { return max_value == 0 ? 0 : 64 - __builtin_clzll(max_value); }

void AppendLittleEndian32(uint32_t value, std::string& out) {
  out.append(reinterpret_cast<const char*>(&value), 4);
}

// Levels of a v1 page: a 4-byte length, then the RLE / bit-packed hybrid.
void AppendLevels(std::span<const uint16_t> levels, int16_t max_level, std::string& out) {
  const size_t start = out.size();
  out.append(4, '\0');
  EncodeRleBitPacked(levels, BitsFor(static_cast<uint64_t>(max_level)), out);
  const auto length = static_cast<uint32_t>(out.size() - start - 4);
  std::memcpy(out.data() + start, &length, 4);
}

class ChunkEncoder {
 public:
  ChunkEncoder(const WriteLeaf& leaf, const LeafValues& values, const ColumnWriteOptions& options)
      : leaf_(leaf), values_(values), options_(options) {}

  EncodedColumnChunk Encode() {
    ChooseEncoding();
    ColumnMetaData& meta = chunk_.metadata;
    meta.type = leaf_.physical_type;
    meta.path_in_schema = leaf_.path;
    meta.codec = options_.codec;
    meta.num_values = static_cast<int64_t>(values_.num_levels());
    if (use_dictionary_) {
      meta.dictionary_page_offset = 0;
      WriteDictionaryPage();
    }
    meta.data_page_offset = static_cast<int64_t>(chunk_.bytes.size());
    WriteDataPages();
    const Encoding data_encoding = DataEncoding();
    meta.encodings = {Encoding::kRle, data_encoding};
    if (use_dictionary_) {
      meta.encodings = {Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary};
      meta.encoding_stats.push_back({PageType::kDictionaryPage, Encoding::kPlain, 1});
    }
    meta.encoding_stats.push_back({PageType::kDataPage, data_encoding, data_pages_});
    meta.statistics = ChunkStatistics();
    if (!index_valid_ || !leaf_.has_order) chunk_.column_index.reset();
    if (chunk_.column_index) chunk_.column_index->boundary_order = BoundaryOrderOf();
    return std::move(chunk_);
  }

 private:
  Encoding DataEncoding() const {
    if (use_dictionary_) return Encoding::kRleDictionary;
    return use_delta_ ? Encoding::kDeltaBinaryPacked : Encoding::kPlain;
  }

  size_t PlainBytes() const {
    if (leaf_.physical_type != Type::kByteArray) return values_.fixed.size();
    size_t bytes = 4 * values_.strings.size();
    for (const std::string_view s : values_.strings) bytes += s.size();
    return bytes;
  }

  template <class T>
  bool IsSorted() const {
    const size_t count = values_.num_values;
    T previous;
    std::memcpy(&previous, values_.fixed.data(), sizeof(T));
    for (size_t i = 1; i < count; ++i) {
      T value;
      std::memcpy(&value, values_.fixed.data() + i * sizeof(T), sizeof(T));
      if (value < previous) return false;
      previous = value;
    }
    return true;
  }

  void ChooseEncoding() {
    plain_bytes_ = PlainBytes();
    if (values_.num_values == 0 || leaf_.physical_type == Type::kBoolean) return;
    // A handful of values gain nothing from deltas; a dictionary may still help.
    if (values_.num_values >= 1024 &&
        ((leaf_.physical_type == Type::kInt32 && IsSorted<int32_t>()) ||
         (leaf_.physical_type == Type::kInt64 && IsSorted<int64_t>()))) {
      use_delta_ = true;
      return;
    }
    if (!BuildDictionary(leaf_, values_, options_.dictionary_bytes, dictionary_)) return;
    // Readers disagree on zero-width indices; one bit costs next to nothing.
    bit_width_ = std::max(1, BitsFor(dictionary_.size - 1));
    const size_t encoded = dictionary_.plain.size() + values_.num_values * bit_width_ / 8;
    use_dictionary_ = encoded < plain_bytes_;
    if (!use_dictionary_) dictionary_ = Dictionary{};
  }

  // Compresses `body` and appends header and data; returns the page's total size.
  size_t AppendPage(PageHeader header, const std::string& body) {
    const std::string* data = &body;
    if (options_.codec != CompressionCodec::kUncompressed) {
      compressed_.clear();
      Compress(options_.codec, std::span(reinterpret_cast<const uint8_t*>(body.data()), body.size()),
               compressed_, options_.compression_level);
      data = &compressed_;
    }
    header.uncompressed_page_size = static_cast<int32_t>(body.size());
    header.compressed_page_size = static_cast<int32_t>(data->size());
    const size_t start = chunk_.bytes.size();
    SerializePageHeader(header, chunk_.bytes);
    const size_t header_bytes = chunk_.bytes.size() - start;
    chunk_.bytes += *data;
    chunk_.metadata.total_uncompressed_size += static_cast<int64_t>(header_bytes + body.size());
    chunk_.metadata.total_compressed_size += static_cast<int64_t>(header_bytes + data->size());
    return chunk_.bytes.size() - start;
  }

  void WriteDictionaryPage() {
    PageHeader header;
    header.type = PageType::kDictionaryPage;
    header.dictionary_page_header = DictionaryPageHeader{};
    header.dictionary_page_header->num_values = static_cast<int32_t>(dictionary_.size);
    header.dictionary_page_header->encoding = Encoding::kPlain;
    AppendPage(header, dictionary_.plain);
  }

  size_t ValueCost(size_t value) const {
    if (use_dictionary_ || use_delta_) return 1;  // a few bits, rounded up
    if (leaf_.physical_type == Type::kByteArray) return 4 + values_.strings[value].size();
    if (leaf_.physical_type == Type::kBoolean) return 1;
    return leaf_.type_length > 0 ? static_cast<size_t>(leaf_.type_length)
                                 : (leaf_.physical_type == Type::kInt64 ||
                                            leaf_.physical_type == Type::kDouble
                                        ? 8
                                        : 4);
  }

  void WriteDataPages() {
    const size_t levels = values_.num_levels();
    const bool repeated = leaf_.max_rep_level > 0;
    chunk_.column_index = ColumnIndex{};
    chunk_.column_index->null_counts = std::vector<int64_t>{};
    size_t level = 0;
    size_t value = 0;
    int64_t first_row = 0;
    const uint16_t max_def = static_cast<uint16_t>(leaf_.max_def_level);
    while (level < levels) {
      const size_t level_begin = level;
      const size_t value_begin = value;
      size_t bytes = 0;
      int64_t rows = 0;
      for (; level < levels; ++level) {
        const bool row_start = !repeated || values_.rep_levels[level] == 0;
        if (row_start && level > level_begin && bytes >= options_.page_bytes) break;
        rows += row_start ? 1 : 0;
        if (values_.def_levels[level] == max_def) bytes += ValueCost(value++);
      }
      WriteDataPage(level_begin, level, value_begin, value, first_row);
      first_row += rows;
    }
  }

  void WriteDataPage(size_t level_begin, size_t level_end, size_t value_begin, size_t value_end,
                     int64_t first_row) {
    body_.clear();
    const size_t num_levels = level_end - level_begin;
    if (leaf_.max_rep_level > 0) {
      AppendLevels(std::span(values_.rep_levels.data() + level_begin, num_levels),
                   leaf_.max_rep_level, body_);
    }
    if (leaf_.max_def_level > 0) {
      AppendLevels(std::span(values_.def_levels.data() + level_begin, num_levels),
                   leaf_.max_def_level, body_);
    }
    const size_t count = value_end - value_begin;
    if (use_dictionary_) {
      body_.push_back(static_cast<char>(bit_width_));
      EncodeRleBitPacked(std::span(dictionary_.indices.data() + value_begin, count), bit_width_, body_);
    } else if (use_delta_) {
      if (leaf_.physical_type == Type::kInt32) {
        EncodeDeltaBinaryPacked(
            std::span(reinterpret_cast<const int32_t*>(values_.fixed.data()) + value_begin, count), body_);
      } else {
        EncodeDeltaBinaryPacked(
            std::span(reinterpret_cast<const int64_t*>(values_.fixed.data()) + value_begin, count), body_);
      }
    } else if (leaf_.physical_type == Type::kBoolean) {
      EncodePlainBooleans(
          std::span(reinterpret_cast<const uint8_t*>(values_.fixed.data()) + value_begin, count), body_);
    } else if (leaf_.physical_type == Type::kByteArray) {
      for (size_t i = value_begin; i < value_end; ++i) {
        AppendLittleEndian32(static_cast<uint32_t>(values_.strings[i].size()), body_);
        body_ += values_.strings[i];
      }
    } else if (count > 0) {
      const size_t width = values_.fixed.size() / values_.num_values;
      body_.append(values_.fixed.data() + value_begin * width, count * width);
    }

    PageHeader header;
    header.type = PageType::kDataPage;
    header.data_page_header = DataPageHeader{};
    header.data_page_header->num_values = static_cast<int32_t>(num_levels);
    header.data_page_header->encoding = DataEncoding();
    const auto offset = static_cast<int64_t>(chunk_.bytes.size());
    const size_t page_size = AppendPage(header, body_);
    ++data_pages_;
    chunk_.offset_index.page_locations.push_back({offset, static_cast<int32_t>(page_size), first_row});

    const auto nulls = static_cast<int64_t>(num_levels - count);
    null_count_ += nulls;
    const ValueBounds bounds = ComputeBounds(leaf_, values_, value_begin, value_end);
    MergeBounds(leaf_, bounds, bounds_);
    ColumnIndex& index = *chunk_.column_index;
    index.null_pages.push_back(count == 0);
    index.null_counts->push_back(nulls);
    index.min_values.push_back(bounds.min);
    index.max_values.push_back(bounds.max);
    if (count > 0 && !bounds.present) index_valid_ = false;  // e.g. only NaNs: no bounds
  }

  Statistics ChunkStatistics() const {
    Statistics stats;
    stats.null_count = null_count_;
    if (bounds_.present) {
      stats.min_value = bounds_.min;
      stats.max_value = bounds_.max;
      stats.is_min_value_exact = bounds_.min_exact;
      stats.is_max_value_exact = bounds_.max_exact;
    }
    return stats;
  }

  BoundaryOrder BoundaryOrderOf() const {
    const ColumnIndex& index = *chunk_.column_index;
    bool ascending = true;
    bool descending = true;
    const std::string* last_min = nullptr;
    const std::string* last_max = nullptr;
    for (size_t i = 0; i < index.null_pages.size(); ++i) {
      if (index.null_pages[i]) continue;
      if (last_min != nullptr) {
        const int by_min = CompareBounds(leaf_, *last_min, index.min_values[i]);
        const int by_max = CompareBounds(leaf_, *last_max, index.max_values[i]);
        ascending = ascending && by_min <= 0 && by_max <= 0;
        descending = descending && by_min >= 0 && by_max >= 0;
      }
      last_min = &index.min_values[i];
      last_max = &index.max_values[i];
    }
    if (ascending) return BoundaryOrder::kAscending;
    if (descending) return BoundaryOrder::kDescending;
    return BoundaryOrder::kUnordered;
  }

  const WriteLeaf& leaf_;
  const LeafValues& values_;
  const ColumnWriteOptions& options_;
  EncodedColumnChunk chunk_;
  Dictionary dictionary_;
  bool use_dictionary_ = false;
  bool use_delta_ = false;
  int bit_width_ = 0;
  size_t plain_bytes_ = 0;
  std::string body_;
  std::string compressed_;
  int32_t data_pages_ = 0;
  int64_t null_count_ = 0;
  ValueBounds bounds_;
  bool index_valid_ = true;
};

}  // namespace

EncodedColumnChunk EncodeColumnChunk(const WriteLeaf& leaf, const LeafValues& values,
                                     const ColumnWriteOptions& options) {
  return ChunkEncoder(leaf, values, options).Encode();
}

}  // namespace basin::parquet
