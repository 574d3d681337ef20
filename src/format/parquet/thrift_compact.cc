// src/format/parquet/thrift_compact.cc
#include "format/parquet/thrift_compact.h"

#include <bit>
#include <cstring>

#include "common/error.h"
#include "format/parquet/varint_internal.h"

namespace basin::parquet {

static_assert(std::endian::native == std::endian::little,
              "the Thrift double and Parquet's PLAIN encoding are little-endian");

ThriftCompactReader::ThriftCompactReader(std::span<const uint8_t> bytes,
                                         std::string_view context, uint64_t base_offset)
    : begin_(bytes.data()),
      pos_(bytes.data()),
      end_(bytes.data() + bytes.size()),
      context_(context),
      base_offset_(base_offset) {}

void ThriftCompactReader::Fail(std::string_view what) const {
  throw Error(sqlstate::kDataCorrupted, std::string(context_) + ": " + std::string(what) +
                                            " at byte " + std::to_string(file_offset()));
}

uint64_t ThriftCompactReader::ReadVarint() {
  uint64_t value;
  if (!internal::ReadUleb128(pos_, end_, value)) {
    Fail("truncated or overlong varint");
  }
  return value;
}

ThriftType ThriftCompactReader::CheckType(uint8_t code) const {
  if (code > static_cast<uint8_t>(ThriftType::kStruct)) {
    Fail("invalid Thrift type code " + std::to_string(code));
  }
  return static_cast<ThriftType>(code);
}

void ThriftCompactReader::Enter() {
  if (depth_ >= kMaxDepth) Fail("Thrift nesting deeper than " + std::to_string(kMaxDepth));
  ++depth_;
}

void ThriftCompactReader::BeginStruct() {
  Enter();
  field_id_stack_[depth_ - 1] = last_field_id_;
  last_field_id_ = 0;
}

void ThriftCompactReader::EndStruct() {
  last_field_id_ = field_id_stack_[depth_ - 1];
  --depth_;
}

void ThriftCompactReader::EndContainer() { --depth_; }

bool ThriftCompactReader::ReadFieldHeader(ThriftFieldHeader& header) {
  if (pos_ == end_) Fail("truncated struct (no STOP byte)");
  const uint8_t byte = *pos_++;
  if (byte == 0) return false;
  const ThriftType type = CheckType(byte & 0x0f);
  if (type == ThriftType::kStop) Fail("field header with type STOP");
  const int delta = byte >> 4;
  if (delta != 0) {
    header.id = static_cast<int16_t>(last_field_id_ + delta);
  } else {
    header.id = ReadI16();
  }
  last_field_id_ = header.id;
  header.bool_value = type == ThriftType::kBoolTrue;
  header.type = type == ThriftType::kBoolFalse ? ThriftType::kBoolTrue : type;
  return true;
}

bool ThriftCompactReader::ReadBool() {
  if (pos_ == end_) Fail("truncated boolean");
  // Some old writers encode false as 0 rather than 2.
  const uint8_t byte = *pos_++;
  if (byte > 2) Fail("invalid boolean " + std::to_string(byte));
  return byte == 1;
}

int8_t ThriftCompactReader::ReadByte() {
  if (pos_ == end_) Fail("truncated byte");
  return static_cast<int8_t>(*pos_++);
}

int16_t ThriftCompactReader::ReadI16() {
  const int64_t value = internal::ZigZagDecode(ReadVarint());
  if (value < INT16_MIN || value > INT16_MAX) Fail("i16 out of range");
  return static_cast<int16_t>(value);
}

int32_t ThriftCompactReader::ReadI32() {
  const int64_t value = internal::ZigZagDecode(ReadVarint());
  if (value < INT32_MIN || value > INT32_MAX) Fail("i32 out of range");
  return static_cast<int32_t>(value);
}

int64_t ThriftCompactReader::ReadI64() { return internal::ZigZagDecode(ReadVarint()); }

double ThriftCompactReader::ReadDouble() {
  if (remaining() < 8) Fail("truncated double");
  double value;
  std::memcpy(&value, pos_, 8);
  pos_ += 8;
  return value;
}

std::span<const uint8_t> ThriftCompactReader::ReadBinary() {
  const uint64_t length = ReadVarint();
  if (length > remaining()) {
    Fail("binary length " + std::to_string(length) + " exceeds the remaining " +
         std::to_string(remaining()) + " bytes");
  }
  std::span<const uint8_t> result(pos_, static_cast<size_t>(length));
  pos_ += length;
  return result;
}

std::string ThriftCompactReader::ReadString() {
  const std::span<const uint8_t> bytes = ReadBinary();
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

ThriftListHeader ThriftCompactReader::ReadListHeader() {
  if (pos_ == end_) Fail("truncated list header");
  const uint8_t byte = *pos_++;
  ThriftListHeader header;
  header.element_type = CheckType(byte & 0x0f);
  uint64_t size = byte >> 4;
  if (size == 15) size = ReadVarint();
  // Every element takes at least one byte; doubles take eight.
  const uint64_t min_bytes =
      header.element_type == ThriftType::kDouble ? size * 8 : size;  // size < 2^64 / 8
  if (size > remaining() || min_bytes > remaining()) {
    Fail("list of " + std::to_string(size) + " elements exceeds the remaining " +
         std::to_string(remaining()) + " bytes");
  }
  if (size > 0 && header.element_type == ThriftType::kStop) Fail("list of STOP elements");
  // Writers disagree on the element type of boolean lists (1 or 2): report kBoolTrue.
  if (header.element_type == ThriftType::kBoolFalse) header.element_type = ThriftType::kBoolTrue;
  header.size = static_cast<uint32_t>(size);
  Enter();
  return header;
}

ThriftMapHeader ThriftCompactReader::ReadMapHeader() {
  const uint64_t size = ReadVarint();
  ThriftMapHeader header;
  if (size > 0) {
    if (pos_ == end_) Fail("truncated map header");
    const uint8_t types = *pos_++;
    header.key_type = CheckType(types >> 4);
    header.value_type = CheckType(types & 0x0f);
    if (header.key_type == ThriftType::kStop || header.value_type == ThriftType::kStop) {
      Fail("map of STOP elements");
    }
    if (header.key_type == ThriftType::kBoolFalse) header.key_type = ThriftType::kBoolTrue;
    if (header.value_type == ThriftType::kBoolFalse) header.value_type = ThriftType::kBoolTrue;
    // Each entry takes at least two bytes.
    if (size > remaining() / 2) {
      Fail("map of " + std::to_string(size) + " entries exceeds the remaining " +
           std::to_string(remaining()) + " bytes");
    }
  }
  header.size = static_cast<uint32_t>(size);
  Enter();
  return header;
}

void ThriftCompactReader::Skip(ThriftType type) {
  switch (type) {
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse:
      // A boolean element of a container is a byte (fields use SkipField).
      ReadBool();
      return;
    case ThriftType::kByte:
      ReadByte();
      return;
    case ThriftType::kI16:
    case ThriftType::kI32:
    case ThriftType::kI64:
      ReadVarint();
      return;
    case ThriftType::kDouble:
      ReadDouble();
      return;
    case ThriftType::kBinary:
      ReadBinary();
      return;
    case ThriftType::kList:
    case ThriftType::kSet: {
      const ThriftListHeader header = ReadListHeader();
      for (uint32_t i = 0; i < header.size; ++i) Skip(header.element_type);
      EndContainer();
      return;
    }
    case ThriftType::kMap: {
      const ThriftMapHeader header = ReadMapHeader();
      for (uint32_t i = 0; i < header.size; ++i) {
        Skip(header.key_type);
        Skip(header.value_type);
      }
      EndContainer();
      return;
    }
    case ThriftType::kStruct: {
      BeginStruct();
      ThriftFieldHeader field;
      while (ReadFieldHeader(field)) {
        SkipField(field);
      }
      EndStruct();
      return;
    }
    case ThriftType::kStop:
      break;
  }
  Fail("cannot skip a value of type STOP");
}

void ThriftCompactReader::SkipField(const ThriftFieldHeader& header) {
  // A boolean field's value is in its header: nothing follows.
  if (header.type != ThriftType::kBoolTrue) Skip(header.type);
}

// ---------------------------------------------------------------------------------
// Writer

void ThriftCompactWriter::BeginStruct() {
  field_id_stack_.push_back(last_field_id_);
  last_field_id_ = 0;
}

void ThriftCompactWriter::EndStruct() {
  out_.push_back('\0');
  last_field_id_ = field_id_stack_.back();
  field_id_stack_.pop_back();
}

void ThriftCompactWriter::WriteFieldHeader(int16_t id, ThriftType type) {
  const int delta = id - last_field_id_;
  const uint8_t code = static_cast<uint8_t>(type);
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<char>((delta << 4) | code));
  } else {
    out_.push_back(static_cast<char>(code));
    WriteI16(id);
  }
  last_field_id_ = id;
}

void ThriftCompactWriter::WriteBoolField(int16_t id, bool value) {
  WriteFieldHeader(id, value ? ThriftType::kBoolTrue : ThriftType::kBoolFalse);
}

void ThriftCompactWriter::WriteI32Field(int16_t id, int32_t value) {
  WriteFieldHeader(id, ThriftType::kI32);
  WriteI32(value);
}

void ThriftCompactWriter::WriteI64Field(int16_t id, int64_t value) {
  WriteFieldHeader(id, ThriftType::kI64);
  WriteI64(value);
}

void ThriftCompactWriter::WriteBinaryField(int16_t id, std::string_view value) {
  WriteFieldHeader(id, ThriftType::kBinary);
  WriteBinary(value);
}

void ThriftCompactWriter::WriteBool(bool value) { out_.push_back(value ? 1 : 2); }

void ThriftCompactWriter::WriteByte(int8_t value) { out_.push_back(static_cast<char>(value)); }

void ThriftCompactWriter::WriteI16(int16_t value) {
  internal::AppendUleb128(internal::ZigZagEncode(value), out_);
}

void ThriftCompactWriter::WriteI32(int32_t value) {
  internal::AppendUleb128(internal::ZigZagEncode(value), out_);
}

void ThriftCompactWriter::WriteI64(int64_t value) {
  internal::AppendUleb128(internal::ZigZagEncode(value), out_);
}

void ThriftCompactWriter::WriteDouble(double value) {
  char bytes[8];
  std::memcpy(bytes, &value, 8);
  out_.append(bytes, 8);
}

void ThriftCompactWriter::WriteBinary(std::string_view value) {
  internal::AppendUleb128(value.size(), out_);
  out_.append(value);
}

void ThriftCompactWriter::WriteListHeader(ThriftType element_type, uint32_t size) {
  const uint8_t code = static_cast<uint8_t>(element_type);
  if (size < 15) {
    out_.push_back(static_cast<char>((size << 4) | code));
  } else {
    out_.push_back(static_cast<char>(0xf0 | code));
    internal::AppendUleb128(size, out_);
  }
}

void ThriftCompactWriter::WriteMapHeader(ThriftType key_type, ThriftType value_type,
                                         uint32_t size) {
  internal::AppendUleb128(size, out_);
  if (size > 0) {
    out_.push_back(
        static_cast<char>((static_cast<uint8_t>(key_type) << 4) | static_cast<uint8_t>(value_type)));
  }
}

}  // namespace basin::parquet
