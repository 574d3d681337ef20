// src/format/parquet/parquet_metadata_reader.cc
// Parsing of the parquet.thrift structures. Each Read* function reads one struct;
// known fields of an unexpected type are skipped like unknown ones (what Thrift's
// generated code does), and missing required fields are errors.
#include <algorithm>
#include <string>

#include "common/error.h"
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/thrift_compact.h"

namespace basin::parquet {
namespace {

using Reader = ThriftCompactReader;
using Field = ThriftFieldHeader;

// Which field ids a struct has seen, to check required fields. Parquet's structs
// have fewer than 64 fields; larger ids are unknown fields and are not tracked.
class SeenFields {
 public:
  void Mark(int16_t id) {
    if (id >= 0 && id < 64) bits_ |= uint64_t{1} << id;
  }
  bool Has(int id) const { return (bits_ >> id) & 1; }
  void Require(const Reader& reader, int id, const char* name) const {
    if (!Has(id)) reader.Fail(std::string("missing required field ") + name);
  }

 private:
  uint64_t bits_ = 0;
};

bool Is(const Field& field, ThriftType type) { return field.type == type; }

template <typename Enum>
Enum ReadEnum(Reader& reader) {
  return static_cast<Enum>(reader.ReadI32());
}

// Reads a list<T> whose elements `read_element` reads.
template <typename T, typename ReadElement>
std::vector<T> ReadList(Reader& reader, ThriftType expected, const char* name,
                        ReadElement read_element) {
  const ThriftListHeader header = reader.ReadListHeader();
  if (header.size > 0 && header.element_type != expected) {
    reader.Fail(std::string("unexpected element type in list ") + name);
  }
  std::vector<T> result;
  // header.size <= remaining bytes, but a struct element can be 100 times larger in
  // memory than its smallest encoding: reserve little, let real elements grow it.
  result.reserve(std::min<uint32_t>(header.size, 1024));
  for (uint32_t i = 0; i < header.size; ++i) result.push_back(read_element(reader));
  reader.EndContainer();
  return result;
}

std::vector<int64_t> ReadI64List(Reader& reader, const char* name) {
  return ReadList<int64_t>(reader, ThriftType::kI64, name, [](Reader& r) { return r.ReadI64(); });
}

std::vector<std::string> ReadStringList(Reader& reader, const char* name) {
  return ReadList<std::string>(reader, ThriftType::kBinary, name,
                               [](Reader& r) { return r.ReadString(); });
}

// Reads a union whose members are all empty structs; returns the member's id, or -1
// for an empty union. Newer (unknown) members are returned too: callers decide.
int ReadEmptyStructUnion(Reader& reader) {
  int member = -1;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (member == -1 && Is(field, ThriftType::kStruct)) member = field.id;
    reader.SkipField(field);
  }
  reader.EndStruct();
  return member;
}

Statistics ReadStatistics(Reader& reader) {
  Statistics stats;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool binary = Is(field, ThriftType::kBinary);
    const bool i64 = Is(field, ThriftType::kI64);
    const bool boolean = Is(field, ThriftType::kBoolTrue);
    if (field.id == 1 && binary) {
      stats.max = reader.ReadString();
    } else if (field.id == 2 && binary) {
      stats.min = reader.ReadString();
    } else if (field.id == 3 && i64) {
      stats.null_count = reader.ReadI64();
    } else if (field.id == 4 && i64) {
      stats.distinct_count = reader.ReadI64();
    } else if (field.id == 5 && binary) {
      stats.max_value = reader.ReadString();
    } else if (field.id == 6 && binary) {
      stats.min_value = reader.ReadString();
    } else if (field.id == 7 && boolean) {
      stats.is_max_value_exact = field.bool_value;
    } else if (field.id == 8 && boolean) {
      stats.is_min_value_exact = field.bool_value;
    } else if (field.id == 9 && i64) {
      stats.nan_count = reader.ReadI64();
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  return stats;
}

// TimeType and TimestampType: {1: bool isAdjustedToUTC, 2: TimeUnit unit}.
void ReadTimeParameters(Reader& reader, LogicalType& type) {
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kBoolTrue)) {
      type.is_adjusted_to_utc = field.bool_value;
      seen.Mark(1);
    } else if (field.id == 2 && Is(field, ThriftType::kStruct)) {
      const int unit = ReadEmptyStructUnion(reader);
      if (unit >= 1 && unit <= 3) {
        type.unit = static_cast<TimeUnit>(unit);
      } else {
        type.kind = LogicalType::Kind::kUnrecognized;  // a future unit
      }
      seen.Mark(2);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "isAdjustedToUTC of TIME/TIMESTAMP");
  seen.Require(reader, 2, "unit of TIME/TIMESTAMP");
}

LogicalType ReadLogicalType(Reader& reader) {
  LogicalType type;
  reader.BeginStruct();
  Field field;
  bool have_member = false;
  while (reader.ReadFieldHeader(field)) {
    if (have_member || !Is(field, ThriftType::kStruct)) {
      reader.SkipField(field);
      continue;
    }
    have_member = true;
    using Kind = LogicalType::Kind;
    switch (field.id) {
      case 5: {  // DecimalType {1: i32 scale, 2: i32 precision}
        type.kind = Kind::kDecimal;
        SeenFields seen;
        reader.BeginStruct();
        Field inner;
        while (reader.ReadFieldHeader(inner)) {
          if (inner.id == 1 && Is(inner, ThriftType::kI32)) {
            type.scale = reader.ReadI32();
            seen.Mark(1);
          } else if (inner.id == 2 && Is(inner, ThriftType::kI32)) {
            type.precision = reader.ReadI32();
            seen.Mark(2);
          } else {
            reader.SkipField(inner);
          }
        }
        reader.EndStruct();
        seen.Require(reader, 1, "scale of DECIMAL");
        seen.Require(reader, 2, "precision of DECIMAL");
        break;
      }
      case 7:
      case 8:
        type.kind = field.id == 7 ? Kind::kTime : Kind::kTimestamp;
        ReadTimeParameters(reader, type);
        break;
      case 10: {  // IntType {1: i8 bitWidth, 2: bool isSigned}
        type.kind = Kind::kInteger;
        SeenFields seen;
        reader.BeginStruct();
        Field inner;
        while (reader.ReadFieldHeader(inner)) {
          if (inner.id == 1 && Is(inner, ThriftType::kByte)) {
            type.bit_width = reader.ReadByte();
            seen.Mark(1);
          } else if (inner.id == 2 && Is(inner, ThriftType::kBoolTrue)) {
            type.is_signed = inner.bool_value;
            seen.Mark(2);
          } else {
            reader.SkipField(inner);
          }
        }
        reader.EndStruct();
        seen.Require(reader, 1, "bitWidth of INTEGER");
        seen.Require(reader, 2, "isSigned of INTEGER");
        break;
      }
      case 1:
      case 2:
      case 3:
      case 4:
      case 6:
      case 11:
      case 12:
      case 13:
      case 14:
      case 15:
      case 16:
      case 17:
      case 18:
        // Members without parameters that we keep (the rest are skipped).
        type.kind = static_cast<Kind>(field.id);
        reader.SkipField(field);
        break;
      default:
        type.kind = Kind::kUnrecognized;
        reader.SkipField(field);
        break;
    }
  }
  reader.EndStruct();
  return type;
}

SchemaElement ReadSchemaElement(Reader& reader) {
  SchemaElement element;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool i32 = Is(field, ThriftType::kI32);
    if (field.id == 1 && i32) {
      const int32_t type = reader.ReadI32();
      if (type < 0 || type > static_cast<int32_t>(Type::kFixedLenByteArray)) {
        reader.Fail("invalid physical type " + std::to_string(type) + " in schema element");
      }
      element.type = static_cast<Type>(type);
    } else if (field.id == 2 && i32) {
      element.type_length = reader.ReadI32();
    } else if (field.id == 3 && i32) {
      const int32_t repetition = reader.ReadI32();
      if (repetition < 0 || repetition > static_cast<int32_t>(FieldRepetitionType::kRepeated)) {
        reader.Fail("unsupported repetition type " + std::to_string(repetition) +
                    " in schema element");
      }
      element.repetition_type = static_cast<FieldRepetitionType>(repetition);
    } else if (field.id == 4 && Is(field, ThriftType::kBinary)) {
      element.name = reader.ReadString();
      seen.Mark(4);
    } else if (field.id == 5 && i32) {
      element.num_children = reader.ReadI32();
    } else if (field.id == 6 && i32) {
      element.converted_type = ReadEnum<ConvertedType>(reader);
    } else if (field.id == 7 && i32) {
      element.scale = reader.ReadI32();
    } else if (field.id == 8 && i32) {
      element.precision = reader.ReadI32();
    } else if (field.id == 9 && i32) {
      element.field_id = reader.ReadI32();
    } else if (field.id == 10 && Is(field, ThriftType::kStruct)) {
      element.logical_type = ReadLogicalType(reader);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 4, "name of SchemaElement");
  return element;
}

KeyValue ReadKeyValue(Reader& reader) {
  KeyValue key_value;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kBinary)) {
      key_value.key = reader.ReadString();
      seen.Mark(1);
    } else if (field.id == 2 && Is(field, ThriftType::kBinary)) {
      key_value.value = reader.ReadString();
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "key of KeyValue");
  return key_value;
}

std::vector<KeyValue> ReadKeyValueList(Reader& reader) {
  return ReadList<KeyValue>(reader, ThriftType::kStruct, "key_value_metadata", ReadKeyValue);
}

PageEncodingStats ReadPageEncodingStats(Reader& reader) {
  PageEncodingStats stats;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id >= 1 && field.id <= 3 && Is(field, ThriftType::kI32)) {
      const int32_t value = reader.ReadI32();
      if (field.id == 1) stats.page_type = static_cast<PageType>(value);
      if (field.id == 2) stats.encoding = static_cast<Encoding>(value);
      if (field.id == 3) stats.count = value;
      seen.Mark(field.id);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "page_type of PageEncodingStats");
  seen.Require(reader, 2, "encoding of PageEncodingStats");
  seen.Require(reader, 3, "count of PageEncodingStats");
  return stats;
}

ColumnMetaData ReadColumnMetaData(Reader& reader) {
  ColumnMetaData meta;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool i32 = Is(field, ThriftType::kI32);
    const bool i64 = Is(field, ThriftType::kI64);
    const bool list = Is(field, ThriftType::kList);
    bool consumed = true;
    switch (field.id) {
      case 1:
        if (!i32) {
          consumed = false;
          break;
        }
        {
          const int32_t type = reader.ReadI32();
          if (type < 0 || type > static_cast<int32_t>(Type::kFixedLenByteArray)) {
            reader.Fail("invalid physical type " + std::to_string(type) + " in column metadata");
          }
          meta.type = static_cast<Type>(type);
        }
        break;
      case 2:
        if (!list) {
          consumed = false;
          break;
        }
        meta.encodings = ReadList<Encoding>(reader, ThriftType::kI32, "encodings",
                                            ReadEnum<Encoding>);
        break;
      case 3:
        if (!list) {
          consumed = false;
          break;
        }
        meta.path_in_schema = ReadStringList(reader, "path_in_schema");
        break;
      case 4:
        if (!i32) {
          consumed = false;
          break;
        }
        meta.codec = ReadEnum<CompressionCodec>(reader);
        break;
      case 5:
      case 6:
      case 7:
      case 9:
      case 10:
      case 11:
      case 14: {
        if (!i64) {
          consumed = false;
          break;
        }
        const int64_t value = reader.ReadI64();
        if (field.id == 5) meta.num_values = value;
        if (field.id == 6) meta.total_uncompressed_size = value;
        if (field.id == 7) meta.total_compressed_size = value;
        if (field.id == 9) meta.data_page_offset = value;
        if (field.id == 10) meta.index_page_offset = value;
        if (field.id == 11) meta.dictionary_page_offset = value;
        if (field.id == 14) meta.bloom_filter_offset = value;
        break;
      }
      case 8:
        if (!list) {
          consumed = false;
          break;
        }
        meta.key_value_metadata = ReadKeyValueList(reader);
        break;
      case 12:
        if (!Is(field, ThriftType::kStruct)) {
          consumed = false;
          break;
        }
        meta.statistics = ReadStatistics(reader);
        break;
      case 13:
        if (!list) {
          consumed = false;
          break;
        }
        meta.encoding_stats = ReadList<PageEncodingStats>(reader, ThriftType::kStruct,
                                                          "encoding_stats", ReadPageEncodingStats);
        break;
      case 15:
        if (!i32) {
          consumed = false;
          break;
        }
        meta.bloom_filter_length = reader.ReadI32();
        break;
      default:
        consumed = false;
        break;
    }
    if (consumed) {
      seen.Mark(field.id);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "type of ColumnMetaData");
  seen.Require(reader, 2, "encodings of ColumnMetaData");
  seen.Require(reader, 3, "path_in_schema of ColumnMetaData");
  seen.Require(reader, 4, "codec of ColumnMetaData");
  seen.Require(reader, 5, "num_values of ColumnMetaData");
  seen.Require(reader, 6, "total_uncompressed_size of ColumnMetaData");
  seen.Require(reader, 7, "total_compressed_size of ColumnMetaData");
  seen.Require(reader, 9, "data_page_offset of ColumnMetaData");
  return meta;
}

ColumnChunk ReadColumnChunk(Reader& reader) {
  ColumnChunk chunk;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool i32 = Is(field, ThriftType::kI32);
    const bool i64 = Is(field, ThriftType::kI64);
    if (field.id == 1 && Is(field, ThriftType::kBinary)) {
      chunk.file_path = reader.ReadString();
    } else if (field.id == 2 && i64) {
      // Required by the IDL but deprecated and omitted by some writers: default 0.
      chunk.file_offset = reader.ReadI64();
    } else if (field.id == 3 && Is(field, ThriftType::kStruct)) {
      chunk.meta_data = ReadColumnMetaData(reader);
    } else if (field.id == 4 && i64) {
      chunk.offset_index_offset = reader.ReadI64();
    } else if (field.id == 5 && i32) {
      chunk.offset_index_length = reader.ReadI32();
    } else if (field.id == 6 && i64) {
      chunk.column_index_offset = reader.ReadI64();
    } else if (field.id == 7 && i32) {
      chunk.column_index_length = reader.ReadI32();
    } else if (field.id == 8 || field.id == 9) {
      chunk.encrypted = true;
      reader.SkipField(field);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  // Optional in the IDL but required by the format's text ("writers MUST populate
  // it"); absent only when encrypted. Requiring it also keeps a hostile footer of
  // empty structs from expanding a hundredfold in memory.
  if (!chunk.meta_data && !chunk.encrypted) reader.Fail("missing meta_data of ColumnChunk");
  return chunk;
}

SortingColumn ReadSortingColumn(Reader& reader) {
  SortingColumn column;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kI32)) {
      column.column_idx = reader.ReadI32();
    } else if (field.id == 2 && Is(field, ThriftType::kBoolTrue)) {
      column.descending = field.bool_value;
    } else if (field.id == 3 && Is(field, ThriftType::kBoolTrue)) {
      column.nulls_first = field.bool_value;
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "column_idx of SortingColumn");
  seen.Require(reader, 2, "descending of SortingColumn");
  seen.Require(reader, 3, "nulls_first of SortingColumn");
  return column;
}

RowGroup ReadRowGroup(Reader& reader) {
  RowGroup group;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool i64 = Is(field, ThriftType::kI64);
    if (field.id == 1 && Is(field, ThriftType::kList)) {
      group.columns = ReadList<ColumnChunk>(reader, ThriftType::kStruct, "columns", ReadColumnChunk);
    } else if (field.id == 2 && i64) {
      group.total_byte_size = reader.ReadI64();
    } else if (field.id == 3 && i64) {
      group.num_rows = reader.ReadI64();
    } else if (field.id == 4 && Is(field, ThriftType::kList)) {
      group.sorting_columns = ReadList<SortingColumn>(reader, ThriftType::kStruct,
                                                      "sorting_columns", ReadSortingColumn);
    } else if (field.id == 5 && i64) {
      group.file_offset = reader.ReadI64();
    } else if (field.id == 6 && i64) {
      group.total_compressed_size = reader.ReadI64();
    } else if (field.id == 7 && Is(field, ThriftType::kI16)) {
      group.ordinal = reader.ReadI16();
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "columns of RowGroup");
  seen.Require(reader, 2, "total_byte_size of RowGroup");
  seen.Require(reader, 3, "num_rows of RowGroup");
  return group;
}

FileMetaData ReadFileMetaData(Reader& reader) {
  FileMetaData metadata;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool list = Is(field, ThriftType::kList);
    if (field.id == 1 && Is(field, ThriftType::kI32)) {
      metadata.version = reader.ReadI32();
    } else if (field.id == 2 && list) {
      metadata.schema =
          ReadList<SchemaElement>(reader, ThriftType::kStruct, "schema", ReadSchemaElement);
    } else if (field.id == 3 && Is(field, ThriftType::kI64)) {
      metadata.num_rows = reader.ReadI64();
    } else if (field.id == 4 && list) {
      metadata.row_groups =
          ReadList<RowGroup>(reader, ThriftType::kStruct, "row_groups", ReadRowGroup);
    } else if (field.id == 5 && list) {
      metadata.key_value_metadata = ReadKeyValueList(reader);
    } else if (field.id == 6 && Is(field, ThriftType::kBinary)) {
      metadata.created_by = reader.ReadString();
    } else if (field.id == 7 && list) {
      metadata.column_orders =
          ReadList<ColumnOrder>(reader, ThriftType::kStruct, "column_orders", [](Reader& r) {
            const int member = ReadEmptyStructUnion(r);
            return member >= 1 && member <= 3 ? static_cast<ColumnOrder>(member)
                                              : ColumnOrder::kUnrecognized;
          });
    } else if (field.id == 8) {
      metadata.encrypted = true;
      reader.SkipField(field);
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "version of FileMetaData");
  seen.Require(reader, 2, "schema of FileMetaData");
  seen.Require(reader, 3, "num_rows of FileMetaData");
  seen.Require(reader, 4, "row_groups of FileMetaData");
  return metadata;
}

DataPageHeader ReadDataPageHeader(Reader& reader) {
  DataPageHeader header;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id >= 1 && field.id <= 4 && Is(field, ThriftType::kI32)) {
      const int32_t value = reader.ReadI32();
      if (field.id == 1) header.num_values = value;
      if (field.id == 2) header.encoding = static_cast<Encoding>(value);
      if (field.id == 3) header.definition_level_encoding = static_cast<Encoding>(value);
      if (field.id == 4) header.repetition_level_encoding = static_cast<Encoding>(value);
      seen.Mark(field.id);
    } else if (field.id == 5 && Is(field, ThriftType::kStruct)) {
      header.statistics = ReadStatistics(reader);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "num_values of DataPageHeader");
  seen.Require(reader, 2, "encoding of DataPageHeader");
  seen.Require(reader, 3, "definition_level_encoding of DataPageHeader");
  seen.Require(reader, 4, "repetition_level_encoding of DataPageHeader");
  if (header.num_values < 0) reader.Fail("negative num_values in data page header");
  return header;
}

DictionaryPageHeader ReadDictionaryPageHeader(Reader& reader) {
  DictionaryPageHeader header;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id >= 1 && field.id <= 2 && Is(field, ThriftType::kI32)) {
      const int32_t value = reader.ReadI32();
      if (field.id == 1) header.num_values = value;
      if (field.id == 2) header.encoding = static_cast<Encoding>(value);
      seen.Mark(field.id);
    } else if (field.id == 3 && Is(field, ThriftType::kBoolTrue)) {
      header.is_sorted = field.bool_value;
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "num_values of DictionaryPageHeader");
  seen.Require(reader, 2, "encoding of DictionaryPageHeader");
  if (header.num_values < 0) reader.Fail("negative num_values in dictionary page header");
  return header;
}

DataPageHeaderV2 ReadDataPageHeaderV2(Reader& reader) {
  DataPageHeaderV2 header;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id >= 1 && field.id <= 6 && Is(field, ThriftType::kI32)) {
      const int32_t value = reader.ReadI32();
      switch (field.id) {
        case 1:
          header.num_values = value;
          break;
        case 2:
          header.num_nulls = value;
          break;
        case 3:
          header.num_rows = value;
          break;
        case 4:
          header.encoding = static_cast<Encoding>(value);
          break;
        case 5:
          header.definition_levels_byte_length = value;
          break;
        default:
          header.repetition_levels_byte_length = value;
          break;
      }
      seen.Mark(field.id);
    } else if (field.id == 7 && Is(field, ThriftType::kBoolTrue)) {
      header.is_compressed = field.bool_value;
    } else if (field.id == 8 && Is(field, ThriftType::kStruct)) {
      header.statistics = ReadStatistics(reader);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  static constexpr const char* kRequired[] = {
      "num_values of DataPageHeaderV2",   "num_nulls of DataPageHeaderV2",
      "num_rows of DataPageHeaderV2",     "encoding of DataPageHeaderV2",
      "definition_levels_byte_length of DataPageHeaderV2",
      "repetition_levels_byte_length of DataPageHeaderV2"};
  for (int id = 1; id <= 6; ++id) seen.Require(reader, id, kRequired[id - 1]);
  if (header.num_values < 0 || header.num_nulls < 0 || header.num_rows < 0 ||
      header.num_nulls > header.num_values || header.definition_levels_byte_length < 0 ||
      header.repetition_levels_byte_length < 0) {
    reader.Fail("negative or inconsistent counts in data page v2 header");
  }
  return header;
}

PageHeader ReadPageHeader(Reader& reader) {
  PageHeader header;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool is_struct = Is(field, ThriftType::kStruct);
    if (field.id >= 1 && field.id <= 4 && Is(field, ThriftType::kI32)) {
      const int32_t value = reader.ReadI32();
      if (field.id == 1) header.type = static_cast<PageType>(value);
      if (field.id == 2) header.uncompressed_page_size = value;
      if (field.id == 3) header.compressed_page_size = value;
      if (field.id == 4) header.crc = value;
      seen.Mark(field.id);
    } else if (field.id == 5 && is_struct) {
      header.data_page_header = ReadDataPageHeader(reader);
    } else if (field.id == 7 && is_struct) {
      header.dictionary_page_header = ReadDictionaryPageHeader(reader);
    } else if (field.id == 8 && is_struct) {
      header.data_page_header_v2 = ReadDataPageHeaderV2(reader);
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "type of PageHeader");
  seen.Require(reader, 2, "uncompressed_page_size of PageHeader");
  seen.Require(reader, 3, "compressed_page_size of PageHeader");
  if (header.uncompressed_page_size < 0 || header.compressed_page_size < 0) {
    reader.Fail("negative page size in page header");
  }
  if (header.type == PageType::kDataPage && !header.data_page_header) {
    reader.Fail("DATA_PAGE header without data_page_header");
  }
  if (header.type == PageType::kDataPageV2) {
    if (!header.data_page_header_v2) reader.Fail("DATA_PAGE_V2 header without data_page_header_v2");
    const DataPageHeaderV2& v2 = *header.data_page_header_v2;
    if (int64_t{v2.definition_levels_byte_length} + v2.repetition_levels_byte_length >
        std::min(header.compressed_page_size, header.uncompressed_page_size)) {
      reader.Fail("data page v2 level lengths exceed the page size");
    }
  }
  if (header.type == PageType::kDictionaryPage && !header.dictionary_page_header) {
    reader.Fail("DICTIONARY_PAGE header without dictionary_page_header");
  }
  return header;
}

PageLocation ReadPageLocation(Reader& reader) {
  PageLocation location;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kI64)) {
      location.offset = reader.ReadI64();
    } else if (field.id == 2 && Is(field, ThriftType::kI32)) {
      location.compressed_page_size = reader.ReadI32();
    } else if (field.id == 3 && Is(field, ThriftType::kI64)) {
      location.first_row_index = reader.ReadI64();
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "offset of PageLocation");
  seen.Require(reader, 2, "compressed_page_size of PageLocation");
  seen.Require(reader, 3, "first_row_index of PageLocation");
  return location;
}

}  // namespace

FileMetaData ParseFileMetaData(std::span<const uint8_t> bytes, uint64_t base_offset) {
  Reader reader(bytes, "corrupt Parquet footer", base_offset);
  return ReadFileMetaData(reader);
}

PageHeader ParsePageHeader(std::span<const uint8_t> bytes, size_t* header_size,
                           uint64_t base_offset) {
  Reader reader(bytes, "corrupt Parquet page header", base_offset);
  PageHeader header = ReadPageHeader(reader);
  *header_size = reader.position();
  return header;
}

ColumnIndex ParseColumnIndex(std::span<const uint8_t> bytes, uint64_t base_offset) {
  Reader reader(bytes, "corrupt Parquet column index", base_offset);
  ColumnIndex index;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    const bool list = Is(field, ThriftType::kList);
    if (field.id == 1 && list) {
      index.null_pages =
          ReadList<bool>(reader, ThriftType::kBoolTrue, "null_pages", [](Reader& r) {
            return r.ReadBool();
          });
    } else if (field.id == 2 && list) {
      index.min_values = ReadStringList(reader, "min_values");
    } else if (field.id == 3 && list) {
      index.max_values = ReadStringList(reader, "max_values");
    } else if (field.id == 4 && Is(field, ThriftType::kI32)) {
      index.boundary_order = ReadEnum<BoundaryOrder>(reader);
    } else if (field.id == 5 && list) {
      index.null_counts = ReadI64List(reader, "null_counts");
    } else if (field.id == 6 && list) {
      index.repetition_level_histograms = ReadI64List(reader, "repetition_level_histograms");
    } else if (field.id == 7 && list) {
      index.definition_level_histograms = ReadI64List(reader, "definition_level_histograms");
    } else if (field.id == 8 && list) {
      index.nan_counts = ReadI64List(reader, "nan_counts");
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "null_pages of ColumnIndex");
  seen.Require(reader, 2, "min_values of ColumnIndex");
  seen.Require(reader, 3, "max_values of ColumnIndex");
  seen.Require(reader, 4, "boundary_order of ColumnIndex");
  if (index.min_values.size() != index.null_pages.size() ||
      index.max_values.size() != index.null_pages.size()) {
    reader.Fail("column index lists have different lengths");
  }
  return index;
}

OffsetIndex ParseOffsetIndex(std::span<const uint8_t> bytes, uint64_t base_offset) {
  Reader reader(bytes, "corrupt Parquet offset index", base_offset);
  OffsetIndex index;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kList)) {
      index.page_locations = ReadList<PageLocation>(reader, ThriftType::kStruct,
                                                    "page_locations", ReadPageLocation);
      seen.Mark(1);
    } else if (field.id == 2 && Is(field, ThriftType::kList)) {
      index.unencoded_byte_array_data_bytes =
          ReadI64List(reader, "unencoded_byte_array_data_bytes");
    } else {
      reader.SkipField(field);
    }
  }
  reader.EndStruct();
  seen.Require(reader, 1, "page_locations of OffsetIndex");
  return index;
}

BloomFilterHeader ParseBloomFilterHeader(std::span<const uint8_t> bytes, size_t* header_size,
                                         uint64_t base_offset) {
  Reader reader(bytes, "corrupt Parquet bloom filter header", base_offset);
  BloomFilterHeader header;
  SeenFields seen;
  reader.BeginStruct();
  Field field;
  while (reader.ReadFieldHeader(field)) {
    if (field.id == 1 && Is(field, ThriftType::kI32)) {
      header.num_bytes = reader.ReadI32();
    } else if (field.id >= 2 && field.id <= 4 && Is(field, ThriftType::kStruct)) {
      // algorithm BLOCK, hash XXHASH, compression UNCOMPRESSED: member 1 each.
      if (ReadEmptyStructUnion(reader) != 1) header.supported = false;
    } else {
      reader.SkipField(field);
      continue;
    }
    seen.Mark(field.id);
  }
  reader.EndStruct();
  seen.Require(reader, 1, "numBytes of BloomFilterHeader");
  seen.Require(reader, 2, "algorithm of BloomFilterHeader");
  seen.Require(reader, 3, "hash of BloomFilterHeader");
  seen.Require(reader, 4, "compression of BloomFilterHeader");
  if (header.num_bytes < 0) reader.Fail("negative bloom filter size");
  *header_size = reader.position();
  return header;
}

}  // namespace basin::parquet
