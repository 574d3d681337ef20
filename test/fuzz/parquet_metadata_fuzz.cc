// libFuzzer target for the low-level Parquet layer: the Thrift metadata parsers, the
// footer, the page codecs and the value decoders. The first byte picks what the rest
// is fed to. Any basin::Error is an acceptable outcome; crashes, hangs, sanitizer
// reports, other exceptions and absurd allocations are bugs.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/string_heap.h"
#include "format/parquet/parquet_codecs.h"
#include "format/parquet/parquet_encodings.h"
#include "format/parquet/parquet_footer.h"
#include "format/parquet/parquet_metadata.h"

namespace {

using namespace basin::parquet;  // NOLINT: a fuzz target, not library code

constexpr size_t kBatch = 257;

void FuzzFileMetaData(std::span<const uint8_t> bytes) {
  const FileMetaData metadata = ParseFileMetaData(bytes);
  // What we parse we can write, and read again.
  std::string serialized;
  SerializeFileMetaData(metadata, serialized);
  ParseFileMetaData({reinterpret_cast<const uint8_t*>(serialized.data()), serialized.size()});
  for (const RowGroup& group : metadata.row_groups) {
    for (const ColumnChunk& chunk : group.columns) {
      try {
        ColumnChunkRange(metadata, chunk, 1 << 20);
      } catch (const basin::Error&) {
      }
    }
  }
}

void FuzzSmallStructs(std::span<const uint8_t> bytes) {
  size_t header_size = 0;
  try {
    const PageHeader header = ParsePageHeader(bytes, &header_size);
    std::string serialized;
    SerializePageHeader(header, serialized);
  } catch (const basin::Error&) {
  }
  try {
    ParseColumnIndex(bytes);
  } catch (const basin::Error&) {
  }
  try {
    ParseOffsetIndex(bytes);
  } catch (const basin::Error&) {
  }
  ParseBloomFilterHeader(bytes, &header_size);
}

void FuzzFile(std::span<const uint8_t> bytes) {
  const std::span<const uint8_t> footer = ReadFooter(bytes, "fuzz.parquet");
  FuzzFileMetaData(footer);
}

void FuzzDecoders(uint8_t selector, std::span<const uint8_t> bytes) {
  switch (selector % 9) {
    case 0: {
      RleBitPackedDecoder decoder(bytes, selector % 33);
      uint32_t out[kBatch];
      for (int i = 0; i < 64 && decoder.GetBatch(out, kBatch) > 0; ++i) {
      }
      break;
    }
    case 1: {
      RleBitPackedDecoder decoder(bytes, selector % 17);
      uint16_t out[kBatch];
      decoder.Skip(1000);
      for (int i = 0; i < 64 && decoder.GetBatch(out, kBatch) > 0; ++i) {
      }
      break;
    }
    case 2: {
      DeltaBinaryPackedDecoder<int32_t> decoder(bytes);
      decoder.EncodedSize();
      int32_t out[kBatch];
      for (int i = 0; i < 64 && decoder.Decode(out, kBatch) > 0; ++i) {
      }
      break;
    }
    case 3: {
      DeltaBinaryPackedDecoder<int64_t> decoder(bytes);
      int64_t out[kBatch];
      for (int i = 0; i < 64 && decoder.Decode(out, kBatch) > 0; ++i) {
      }
      break;
    }
    case 4: {
      DeltaLengthByteArrayDecoder decoder(bytes);
      std::string_view out[kBatch];
      for (int i = 0; i < 64 && decoder.Decode(out, kBatch) > 0; ++i) {
      }
      break;
    }
    case 5: {
      DeltaByteArrayDecoder decoder(bytes);
      std::string_view out[kBatch];
      for (int i = 0; i < 16; ++i) {
        basin::StringHeap heap;
        if (decoder.Decode(out, kBatch, heap) == 0) break;
      }
      break;
    }
    case 6: {
      const size_t width = 1 + selector % 16;
      ByteStreamSplitDecoder decoder(bytes.subspan(0, bytes.size() / width * width), width);
      std::vector<uint8_t> out(kBatch * width);
      while (decoder.Decode(out.data(), kBatch) > 0) {
      }
      break;
    }
    case 7: {
      PlainByteArrayDecoder decoder(bytes);
      std::string_view out[kBatch];
      while (decoder.Decode(out, kBatch) > 0) {
      }
      PlainBooleanDecoder booleans(bytes);
      uint8_t flags[kBatch];
      while (booleans.Decode(flags, kBatch) > 0) {
      }
      break;
    }
    default: {
      int64_t out[kBatch];
      DecodeInt96ToMicros(bytes, out, std::min(kBatch, bytes.size() / kInt96Bytes));
      break;
    }
  }
}

void FuzzDecompress(std::span<const uint8_t> bytes) {
  if (bytes.size() < 3) return;
  const auto codec = static_cast<CompressionCodec>(bytes[0] % 8);
  // Declared sizes up to 64 KiB: the codecs must respect the output span.
  const size_t size = bytes[1] | (size_t{bytes[2]} << 8);
  std::vector<uint8_t> out(size);
  Decompress(codec, bytes.subspan(3), out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  const std::span<const uint8_t> bytes(data + 1, size - 1);
  try {
    switch (selector % 5) {
      case 0:
        FuzzFileMetaData(bytes);
        break;
      case 1:
        FuzzSmallStructs(bytes);
        break;
      case 2:
        FuzzFile(bytes);
        break;
      case 3:
        FuzzDecoders(selector / 5, bytes);
        break;
      default:
        FuzzDecompress(bytes);
        break;
    }
  } catch (const basin::Error&) {
    // Bad input, reported properly.
  }
  return 0;
}
