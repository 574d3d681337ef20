#include "format/parquet/column_chunk_reader.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "common/error.h"
#include "common/string_ref.h"
#include "format/parquet/parquet_codecs.h"
#include "format/parquet/parquet_encodings.h"
#include "format/parquet/value_conversion.h"

namespace basin::parquet {

namespace {

int BitWidth(int16_t max_level) {
  int width = 0;
  while ((1 << width) <= max_level) ++width;
  return width;
}

uint32_t ReadLittleEndian32(const uint8_t* bytes) {
  return uint32_t{bytes[0]} | uint32_t{bytes[1]} << 8 | uint32_t{bytes[2]} << 16 | uint32_t{bytes[3]} << 24;
}

}  // namespace

// The decoders of the current data page.
struct ColumnChunkReader::Page {
  Encoding encoding = Encoding::kPlain;
  uint32_t entries_left = 0;
  RleBitPackedDecoder def;
  RleBitPackedDecoder rep;
  std::span<const uint8_t> values;
  size_t plain_position = 0;
  PlainBooleanDecoder plain_booleans;
  PlainByteArrayDecoder plain_bytes;
  RleBitPackedDecoder rle;  // dictionary indices or RLE booleans
  std::optional<DeltaBinaryPackedDecoder<int32_t>> delta32;
  std::optional<DeltaBinaryPackedDecoder<int64_t>> delta64;
  std::optional<DeltaLengthByteArrayDecoder> delta_length;
  std::optional<DeltaByteArrayDecoder> delta_bytes;
  std::optional<ByteStreamSplitDecoder> split;
};

ColumnChunkReader::ColumnChunkReader(std::unique_ptr<char[]> bytes, size_t size, const ColumnChunk& chunk,
                                     const ParquetField& leaf, std::string context)
    : heap_(std::make_shared<StringHeap>()),
      data_(reinterpret_cast<const uint8_t*>(bytes.get())),
      size_(size),
      codec_(chunk.meta_data->codec),
      leaf_(leaf),
      context_(std::move(context)),
      entries_left_(static_cast<uint64_t>(std::max<int64_t>(0, chunk.meta_data->num_values))) {
  heap_->Adopt(std::move(bytes), size);
}

ColumnChunkReader::~ColumnChunkReader() = default;

void ColumnChunkReader::Fail(const std::string& what) const {
  throw Error(sqlstate::kDataCorrupted, context_ + ": " + what);
}

std::span<const uint8_t> ColumnChunkReader::Decompressed(const PageHeader& header, std::span<const uint8_t> data,
                                                         size_t prefix) {
  if (codec_ == CompressionCodec::kUncompressed) return data;
  const int64_t size = int64_t{header.uncompressed_page_size} - static_cast<int64_t>(prefix);
  try {
    CheckPageSize(size, "page");
  } catch (const Error& error) {
    throw Error(error.state(), context_ + ": " + error.message());
  }
  if (size < 0) Fail("page levels are longer than the page");
  uint8_t* out;
  if (leaf_.conversion == ValueConversion::kString || leaf_.physical_type == Type::kByteArray) {
    // Strings will point into this page: the heap keeps it.
    auto page = std::make_unique_for_overwrite<char[]>(static_cast<size_t>(std::max<int64_t>(size, 1)));
    out = reinterpret_cast<uint8_t*>(page.get());
    heap_->Adopt(std::move(page), static_cast<size_t>(size));
  } else {
    scratch_.resize(static_cast<size_t>(size));
    out = scratch_.data();
  }
  try {
    Decompress(codec_, data, std::span<uint8_t>(out, static_cast<size_t>(size)));
  } catch (const Error& error) {
    throw Error(error.state(), context_ + ": " + error.message());
  }
  return std::span<const uint8_t>(out, static_cast<size_t>(size));
}

void ColumnChunkReader::NextPage() {
  while (true) {
    if (position_ >= size_) {
      Fail("the column chunk ends with " + std::to_string(entries_left_) + " values still to read");
    }
    size_t header_size = 0;
    PageHeader header;
    try {
      header = ParsePageHeader(std::span<const uint8_t>(data_ + position_, size_ - position_), &header_size);
    } catch (const Error& error) {
      throw Error(error.state(), context_ + ": " + error.message());
    }
    position_ += header_size;
    if (header.compressed_page_size < 0 || static_cast<size_t>(header.compressed_page_size) > size_ - position_) {
      Fail("a page of " + std::to_string(header.compressed_page_size) + " bytes runs past the column chunk");
    }
    const std::span<const uint8_t> payload(data_ + position_, static_cast<size_t>(header.compressed_page_size));
    position_ += static_cast<size_t>(header.compressed_page_size);

    if (header.type == PageType::kDictionaryPage) {
      ReadDictionary(header, Decompressed(header, payload, 0));
      continue;
    }
    if (header.type != PageType::kDataPage && header.type != PageType::kDataPageV2) continue;  // index pages

    page_ = std::make_unique<Page>();
    Page& page = *page_;
    std::span<const uint8_t> values;
    const int def_width = BitWidth(leaf_.max_def_level);
    const int rep_width = BitWidth(leaf_.max_rep_level);
    if (header.type == PageType::kDataPage) {
      const DataPageHeader& v1 = *header.data_page_header;
      page.encoding = v1.encoding;
      if (v1.num_values < 0) Fail("a data page has a negative number of values");
      page.entries_left = static_cast<uint32_t>(v1.num_values);
      std::span<const uint8_t> bytes = Decompressed(header, payload, 0);
      // Levels: a 4-byte length, then the RLE/bit-packed hybrid.
      auto take_levels = [&](int16_t max_level, int width, Encoding encoding, RleBitPackedDecoder& decoder) {
        if (max_level == 0) return;
        if (encoding != Encoding::kRle) {
          throw Error(sqlstate::kFeatureNotSupported,
                      context_ + ": levels in " + EncodingName(encoding) + " encoding are not supported");
        }
        if (bytes.size() < 4) Fail("a data page is too short for its levels");
        const uint32_t length = ReadLittleEndian32(bytes.data());
        if (length > bytes.size() - 4) Fail("level data runs past the page");
        decoder = RleBitPackedDecoder(bytes.subspan(4, length), width);
        bytes = bytes.subspan(4 + length);
      };
      take_levels(leaf_.max_rep_level, rep_width, v1.repetition_level_encoding, page.rep);
      take_levels(leaf_.max_def_level, def_width, v1.definition_level_encoding, page.def);
      values = bytes;
    } else {
      const DataPageHeaderV2& v2 = *header.data_page_header_v2;
      page.encoding = v2.encoding;
      if (v2.num_values < 0) Fail("a data page has a negative number of values");
      page.entries_left = static_cast<uint32_t>(v2.num_values);
      const size_t rep_bytes = static_cast<size_t>(std::max(0, v2.repetition_levels_byte_length));
      const size_t def_bytes = static_cast<size_t>(std::max(0, v2.definition_levels_byte_length));
      if (rep_bytes + def_bytes > payload.size()) Fail("level data runs past the page");
      if (leaf_.max_rep_level > 0) page.rep = RleBitPackedDecoder(payload.subspan(0, rep_bytes), rep_width);
      if (leaf_.max_def_level > 0) page.def = RleBitPackedDecoder(payload.subspan(rep_bytes, def_bytes), def_width);
      const std::span<const uint8_t> rest = payload.subspan(rep_bytes + def_bytes);
      if (v2.is_compressed) {
        values = Decompressed(header, rest, rep_bytes + def_bytes);
      } else {
        values = rest;
      }
    }
    page.values = values;
    try {
      switch (page.encoding) {
        case Encoding::kPlain:
          if (leaf_.physical_type == Type::kBoolean) page.plain_booleans = PlainBooleanDecoder(values);
          if (leaf_.physical_type == Type::kByteArray) page.plain_bytes = PlainByteArrayDecoder(values);
          break;
        case Encoding::kPlainDictionary:
        case Encoding::kRleDictionary:
          if (!dictionary_) Fail("a dictionary-encoded page comes without a dictionary page");
          if (values.empty()) {
            if (page.entries_left > 0 && leaf_.max_def_level == 0) Fail("a dictionary page has no indices");
            break;
          }
          if (values[0] > 32) Fail("dictionary index bit width " + std::to_string(values[0]) + " exceeds 32");
          page.rle = RleBitPackedDecoder(values.subspan(1), values[0]);
          break;
        case Encoding::kRle:
          if (leaf_.physical_type != Type::kBoolean) Fail("RLE encoding is only defined for BOOLEAN values");
          if (values.size() < 4) Fail("an RLE boolean page is too short");
          page.rle = RleBitPackedDecoder(values.subspan(4, std::min<size_t>(ReadLittleEndian32(values.data()), values.size() - 4)), 1);
          break;
        case Encoding::kDeltaBinaryPacked:
          if (leaf_.physical_type == Type::kInt32) {
            page.delta32.emplace(values);
          } else if (leaf_.physical_type == Type::kInt64) {
            page.delta64.emplace(values);
          } else {
            Fail("DELTA_BINARY_PACKED is only defined for INT32 and INT64");
          }
          break;
        case Encoding::kDeltaLengthByteArray:
          page.delta_length.emplace(values);
          break;
        case Encoding::kDeltaByteArray:
          page.delta_bytes.emplace(values);
          break;
        case Encoding::kByteStreamSplit:
          page.split.emplace(values, leaf_.PlainWidth());
          break;
        default:
          throw Error(sqlstate::kFeatureNotSupported,
                      context_ + ": value encoding " + EncodingName(page.encoding) + " is not supported");
      }
    } catch (const Error& error) {
      if (error.message().starts_with(context_)) throw;
      throw Error(error.state(), context_ + ": " + error.message());
    }
    return;
  }
}

void ColumnChunkReader::ReadDictionary(const PageHeader& header, std::span<const uint8_t> data) {
  const DictionaryPageHeader& dictionary = *header.dictionary_page_header;
  if (dictionary.encoding != Encoding::kPlain && dictionary.encoding != Encoding::kPlainDictionary) {
    Fail("dictionary page in " + EncodingName(dictionary.encoding) + " encoding");
  }
  if (dictionary.num_values < 0) Fail("the dictionary page has a negative number of values");
  const uint32_t count = static_cast<uint32_t>(dictionary.num_values);
  // BYTE_ARRAY values take at least four bytes, fixed-width ones their width and
  // booleans a bit: a count beyond that is a lie we must not allocate for.
  const size_t width = leaf_.PlainWidth();
  const uint64_t most = leaf_.physical_type == Type::kByteArray ? data.size() / 4
                        : width > 0                              ? data.size() / width
                                                                 : uint64_t{data.size()} * 8;
  if (count > most) {
    Fail("the dictionary page claims " + std::to_string(count) + " values but holds " + std::to_string(data.size()) +
         " bytes");
  }
  dictionary_ = std::make_unique<Vector>(leaf_.type, std::max(count, 1u));
  dictionary_size_ = count;
  Page page;
  page.encoding = Encoding::kPlain;
  page.values = data;
  page.plain_booleans = PlainBooleanDecoder(data);
  page.plain_bytes = PlainByteArrayDecoder(data);
  DecodeValues(page, count, *dictionary_, 0);
}

uint32_t ColumnChunkReader::Read(uint32_t count, Vector& out, uint32_t offset, uint16_t* def, uint16_t* rep) {
  if (leaf_.conversion == ValueConversion::kString) out.KeepHeap(heap_);
  uint32_t done = 0;
  while (done < count && entries_left_ > 0) {
    if (!page_ || page_->entries_left == 0) NextPage();
    Page& page = *page_;
    const uint32_t n = static_cast<uint32_t>(std::min<uint64_t>({count - done, page.entries_left, entries_left_}));
    if (leaf_.max_rep_level > 0) {
      uint16_t* levels = rep;
      if (levels == nullptr) {
        if (rep_scratch_.size() < n) rep_scratch_.resize(n);
        levels = rep_scratch_.data();
      } else {
        levels += done;
      }
      if (page.rep.GetBatch(levels, n) != n) Fail("repetition levels end before the page's values");
      const uint16_t max = static_cast<uint16_t>(leaf_.max_rep_level);
      uint16_t highest = 0;
      for (uint32_t i = 0; i < n; ++i) highest = std::max(highest, levels[i]);
      if (highest > max) {
        Fail("repetition level " + std::to_string(highest) + " exceeds the maximum " + std::to_string(max));
      }
    }
    uint32_t present = n;
    const uint16_t* levels = nullptr;
    if (leaf_.max_def_level > 0) {
      uint16_t* target = def;
      if (target == nullptr) {
        if (def_scratch_.size() < n) def_scratch_.resize(n);
        target = def_scratch_.data();
      } else {
        target += done;
      }
      if (page.def.GetBatch(target, n) != n) Fail("definition levels end before the page's values");
      const uint16_t max = static_cast<uint16_t>(leaf_.max_def_level);
      present = 0;
      uint16_t highest = 0;
      for (uint32_t i = 0; i < n; ++i) {
        highest = std::max(highest, target[i]);
        present += target[i] == max;
      }
      if (highest > max) {
        Fail("definition level " + std::to_string(highest) + " exceeds the maximum " + std::to_string(max));
      }
      levels = target;
    }
    if (present == n) {
      DecodeValues(page, n, out, offset + done);
    } else {
      const uint16_t max = static_cast<uint16_t>(leaf_.max_def_level);
      if (present > 0) {
        // Decode the values densely, then spread them over the non-NULL entries.
        if (!dense_ || dense_->capacity() < present) {
          dense_ = std::make_unique<Vector>(out.type(), std::max(present, uint32_t{kBatchSize}));
        }
        dense_->Reset();
        DecodeValues(page, present, *dense_, 0);
        if (selection_.size() < n) selection_.resize(n);
        uint32_t next = 0;
        for (uint32_t i = 0; i < n; ++i) selection_[i] = levels[i] == max ? next++ : 0;
        CopyRows(*dense_, selection_.data(), n, out, offset + done);
      }
      for (uint32_t i = 0; i < n; ++i) {
        if (levels[i] != max) out.SetNull(offset + done + i);
      }
    }
    page.entries_left -= n;
    entries_left_ -= n;
    done += n;
  }
  return done;
}

}  // namespace basin::parquet

namespace basin::parquet {

std::string_view* ColumnChunkReader::Views(uint32_t count) {
  if (views_.size() < count) views_.resize(count);
  return views_.data();
}

void ColumnChunkReader::DecodeValues(Page& page, uint32_t count, Vector& out, uint32_t offset) {
  if (count == 0) return;
  const size_t width = leaf_.PlainWidth();
  auto short_page = [&] { Fail("a page holds fewer values than its levels say (" + EncodingName(page.encoding) + ")"); };
  try {
    switch (page.encoding) {
      case Encoding::kPlain: {
        if (leaf_.physical_type == Type::kBoolean) {
          static_assert(sizeof(bool) == 1);
          if (page.plain_booleans.Decode(reinterpret_cast<uint8_t*>(out.data<bool>() + offset), count) != count) short_page();
          return;
        }
        if (leaf_.physical_type == Type::kByteArray) {
          std::string_view* views = Views(count);
          if (page.plain_bytes.Decode(views, count) != count) short_page();
          ConvertByteArrays(leaf_, views, count, out, offset);
          return;
        }
        const size_t bytes = width * count;
        if (bytes > page.values.size() - page.plain_position) short_page();
        ConvertFixedValues(leaf_, page.values.data() + page.plain_position, count, out, offset);
        page.plain_position += bytes;
        return;
      }
      case Encoding::kPlainDictionary:
      case Encoding::kRleDictionary: {
        if (indices_.size() < count) indices_.resize(count);
        uint32_t* indices = indices_.data();
        if (page.rle.GetBatch(indices, count) != count) short_page();
        uint32_t highest = 0;
        for (uint32_t i = 0; i < count; ++i) highest = std::max(highest, indices[i]);
        if (highest >= dictionary_size_) {
          Fail("dictionary index " + std::to_string(highest) + " is out of range for a dictionary of " +
               std::to_string(dictionary_size_) + " values");
        }
        CopyRows(*dictionary_, indices, count, out, offset);
        return;
      }
      case Encoding::kRle: {
        if (indices_.size() < count) indices_.resize(count);
        if (page.rle.GetBatch(indices_.data(), count) != count) short_page();
        bool* target = out.data<bool>() + offset;
        for (uint32_t i = 0; i < count; ++i) target[i] = indices_[i] != 0;
        return;
      }
      case Encoding::kDeltaBinaryPacked: {
        if (page.delta32) {
          std::vector<int32_t> values(count);
          if (page.delta32->Decode(values.data(), count) != count) short_page();
          ConvertFixedValues(leaf_, reinterpret_cast<const uint8_t*>(values.data()), count, out, offset);
        } else {
          std::vector<int64_t> values(count);
          if (page.delta64->Decode(values.data(), count) != count) short_page();
          ConvertFixedValues(leaf_, reinterpret_cast<const uint8_t*>(values.data()), count, out, offset);
        }
        return;
      }
      case Encoding::kDeltaLengthByteArray: {
        std::string_view* views = Views(count);
        if (page.delta_length->Decode(views, count) != count) short_page();
        ConvertByteArrays(leaf_, views, count, out, offset);
        return;
      }
      case Encoding::kDeltaByteArray: {
        std::string_view* views = Views(count);
        if (page.delta_bytes->Decode(views, count, *heap_) != count) short_page();
        ConvertByteArrays(leaf_, views, count, out, offset);
        return;
      }
      case Encoding::kByteStreamSplit: {
        std::vector<uint8_t>& plain = plain_;
        plain.resize(width * count);
        if (page.split->Decode(plain.data(), count) != count) short_page();
        if (leaf_.conversion == ValueConversion::kString) {
          // The bytes must outlive this call: keep them in the heap.
          auto copy = std::make_unique_for_overwrite<char[]>(plain.size());
          std::memcpy(copy.get(), plain.data(), plain.size());
          const uint8_t* kept = reinterpret_cast<const uint8_t*>(copy.get());
          heap_->Adopt(std::move(copy), plain.size());
          ConvertFixedValues(leaf_, kept, count, out, offset);
        } else {
          ConvertFixedValues(leaf_, plain.data(), count, out, offset);
        }
        return;
      }
      default:
        break;
    }
  } catch (const Error& error) {
    if (error.message().starts_with(context_)) throw;
    throw Error(error.state(), context_ + ": " + error.message());
  }
  throw Error(sqlstate::kFeatureNotSupported, context_ + ": value encoding " + EncodingName(page.encoding) + " is not supported");
}

}  // namespace basin::parquet
