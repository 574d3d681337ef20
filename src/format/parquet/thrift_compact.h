// src/format/parquet/thrift_compact.h
// The Thrift compact protocol, as much of it as Parquet metadata needs. Why our own:
// Apache Thrift's C++ library is a large build dependency, and a small codec is easy
// to harden against hostile files (bounded lengths, bounded nesting, no allocation
// before the bytes have been seen).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace basin::parquet {

// Compact-protocol type codes. Booleans are two types in field headers (the value is
// in the type); elsewhere they are a byte of kBoolTrue/kBoolFalse.
enum class ThriftType : uint8_t {
  kStop = 0,
  kBoolTrue = 1,
  kBoolFalse = 2,
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

struct ThriftFieldHeader {
  int16_t id = 0;
  // kBoolTrue and kBoolFalse are reported as kBoolTrue; the value is in bool_value.
  ThriftType type = ThriftType::kStop;
  bool bool_value = false;
};

struct ThriftListHeader {
  ThriftType element_type = ThriftType::kStop;
  uint32_t size = 0;
};

struct ThriftMapHeader {
  ThriftType key_type = ThriftType::kStop;
  ThriftType value_type = ThriftType::kStop;
  uint32_t size = 0;
};

// Reads compact-protocol values from a byte span. Every read is bounds-checked and
// throws basin::Error (kDataCorrupted) naming `context` and the file offset
// (`base_offset` + position) on malformed input. Container sizes are checked against
// the remaining bytes (every element takes at least one byte) before anyone can
// reserve memory for them. Not thread-safe; cheap to construct.
class ThriftCompactReader {
 public:
  // Nesting of structs and containers beyond this is rejected: real Parquet metadata
  // nests about 6 deep, and unbounded recursion would overflow the stack.
  static constexpr int kMaxDepth = 64;

  // `context` names the structure for errors, e.g. "Parquet footer"; it must outlive
  // the reader.
  ThriftCompactReader(std::span<const uint8_t> bytes, std::string_view context,
                      uint64_t base_offset = 0);

  // Struct framing. ReadFieldHeader returns false at the struct's STOP byte.
  void BeginStruct();
  bool ReadFieldHeader(ThriftFieldHeader& header);
  void EndStruct();

  // REQUIRES: the matching header announced this type. ReadBool is for list, set and
  // map elements; a boolean field's value comes with its header.
  bool ReadBool();
  int8_t ReadByte();
  int16_t ReadI16();
  int32_t ReadI32();
  int64_t ReadI64();
  double ReadDouble();
  // A view into the input: valid as long as the input span.
  std::span<const uint8_t> ReadBinary();
  std::string ReadString();

  // Containers: read the header, then `size` elements, then call EndContainer().
  ThriftListHeader ReadListHeader();  // also for sets
  ThriftMapHeader ReadMapHeader();
  void EndContainer();

  // Skips one value of `type` (a whole struct or container, recursively). For a
  // boolean this reads the element byte, so unknown fields go through SkipField.
  void Skip(ThriftType type);
  void SkipField(const ThriftFieldHeader& header);

  size_t position() const { return static_cast<size_t>(pos_ - begin_); }
  size_t remaining() const { return static_cast<size_t>(end_ - pos_); }
  uint64_t file_offset() const { return base_offset_ + position(); }

  // Throws the reader's kDataCorrupted error: "<context>: <what> at byte <offset>".
  [[noreturn]] void Fail(std::string_view what) const;

 private:
  uint64_t ReadVarint();
  void Enter();
  ThriftType CheckType(uint8_t code) const;

  const uint8_t* begin_;
  const uint8_t* pos_;
  const uint8_t* end_;
  std::string_view context_;
  uint64_t base_offset_;
  int depth_ = 0;
  int16_t last_field_id_ = 0;
  // Field ids of the enclosing structs (delta encoding is relative to the previous
  // field of the same struct).
  int16_t field_id_stack_[kMaxDepth];
};

// Writes compact-protocol values by appending to a std::string. Never fails.
class ThriftCompactWriter {
 public:
  explicit ThriftCompactWriter(std::string& out) : out_(out) {}

  void BeginStruct();
  void EndStruct();  // writes STOP

  void WriteFieldHeader(int16_t id, ThriftType type);
  void WriteBoolField(int16_t id, bool value);
  void WriteI32Field(int16_t id, int32_t value);
  void WriteI64Field(int16_t id, int64_t value);
  void WriteBinaryField(int16_t id, std::string_view value);

  void WriteBool(bool value);  // list elements
  void WriteByte(int8_t value);
  void WriteI16(int16_t value);
  void WriteI32(int32_t value);
  void WriteI64(int64_t value);
  void WriteDouble(double value);
  void WriteBinary(std::string_view value);
  void WriteListHeader(ThriftType element_type, uint32_t size);
  void WriteMapHeader(ThriftType key_type, ThriftType value_type, uint32_t size);

 private:
  std::string& out_;
  int16_t last_field_id_ = 0;
  std::vector<int16_t> field_id_stack_;
};

}  // namespace basin::parquet
