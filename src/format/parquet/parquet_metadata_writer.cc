// src/format/parquet/parquet_metadata_writer.cc
// Serialization of the parquet.thrift structures, field ids in increasing order (the
// compact protocol's delta field headers are shortest that way).
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/thrift_compact.h"

namespace basin::parquet {
namespace {

using Writer = ThriftCompactWriter;

int32_t ToI32(auto value) { return static_cast<int32_t>(value); }

void WriteOptionalI32(Writer& writer, int16_t id, const std::optional<int32_t>& value) {
  if (value) writer.WriteI32Field(id, *value);
}

void WriteOptionalI64(Writer& writer, int16_t id, const std::optional<int64_t>& value) {
  if (value) writer.WriteI64Field(id, *value);
}

void WriteOptionalBinary(Writer& writer, int16_t id, const std::optional<std::string>& value) {
  if (value) writer.WriteBinaryField(id, *value);
}

void WriteEmptyStruct(Writer& writer, int16_t id) {
  writer.WriteFieldHeader(id, ThriftType::kStruct);
  writer.BeginStruct();
  writer.EndStruct();
}

// A union of empty structs with member `member` set, as field `id`.
void WriteEmptyStructUnion(Writer& writer, int16_t id, int16_t member) {
  writer.WriteFieldHeader(id, ThriftType::kStruct);
  writer.BeginStruct();
  WriteEmptyStruct(writer, member);
  writer.EndStruct();
}

void WriteI64List(Writer& writer, int16_t id, const std::vector<int64_t>& values) {
  writer.WriteFieldHeader(id, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kI64, static_cast<uint32_t>(values.size()));
  for (int64_t value : values) writer.WriteI64(value);
}

void WriteStringList(Writer& writer, int16_t id, const std::vector<std::string>& values) {
  writer.WriteFieldHeader(id, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kBinary, static_cast<uint32_t>(values.size()));
  for (const std::string& value : values) writer.WriteBinary(value);
}

void WriteStatistics(Writer& writer, int16_t id, const Statistics& stats) {
  writer.WriteFieldHeader(id, ThriftType::kStruct);
  writer.BeginStruct();
  WriteOptionalBinary(writer, 1, stats.max);
  WriteOptionalBinary(writer, 2, stats.min);
  WriteOptionalI64(writer, 3, stats.null_count);
  WriteOptionalI64(writer, 4, stats.distinct_count);
  WriteOptionalBinary(writer, 5, stats.max_value);
  WriteOptionalBinary(writer, 6, stats.min_value);
  if (stats.is_max_value_exact) writer.WriteBoolField(7, *stats.is_max_value_exact);
  if (stats.is_min_value_exact) writer.WriteBoolField(8, *stats.is_min_value_exact);
  WriteOptionalI64(writer, 9, stats.nan_count);
  writer.EndStruct();
}

void WriteKeyValueList(Writer& writer, int16_t id, const std::vector<KeyValue>& list) {
  writer.WriteFieldHeader(id, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(list.size()));
  for (const KeyValue& key_value : list) {
    writer.BeginStruct();
    writer.WriteBinaryField(1, key_value.key);
    WriteOptionalBinary(writer, 2, key_value.value);
    writer.EndStruct();
  }
}

void WriteLogicalType(Writer& writer, int16_t id, const LogicalType& type) {
  using Kind = LogicalType::Kind;
  if (type.kind == Kind::kUnrecognized) return;  // nothing we could write faithfully
  writer.WriteFieldHeader(id, ThriftType::kStruct);
  writer.BeginStruct();
  const int16_t member = static_cast<int16_t>(type.kind);
  switch (type.kind) {
    case Kind::kDecimal:
      writer.WriteFieldHeader(member, ThriftType::kStruct);
      writer.BeginStruct();
      writer.WriteI32Field(1, type.scale);
      writer.WriteI32Field(2, type.precision);
      writer.EndStruct();
      break;
    case Kind::kTime:
    case Kind::kTimestamp:
      writer.WriteFieldHeader(member, ThriftType::kStruct);
      writer.BeginStruct();
      writer.WriteBoolField(1, type.is_adjusted_to_utc);
      WriteEmptyStructUnion(writer, 2, static_cast<int16_t>(type.unit));
      writer.EndStruct();
      break;
    case Kind::kInteger:
      writer.WriteFieldHeader(member, ThriftType::kStruct);
      writer.BeginStruct();
      writer.WriteFieldHeader(1, ThriftType::kByte);
      writer.WriteByte(type.bit_width);
      writer.WriteBoolField(2, type.is_signed);
      writer.EndStruct();
      break;
    default:
      WriteEmptyStruct(writer, member);
      break;
  }
  writer.EndStruct();
}

void WriteSchemaElement(Writer& writer, const SchemaElement& element) {
  writer.BeginStruct();
  if (element.type) writer.WriteI32Field(1, ToI32(*element.type));
  WriteOptionalI32(writer, 2, element.type_length);
  if (element.repetition_type) writer.WriteI32Field(3, ToI32(*element.repetition_type));
  writer.WriteBinaryField(4, element.name);
  WriteOptionalI32(writer, 5, element.num_children);
  if (element.converted_type) writer.WriteI32Field(6, ToI32(*element.converted_type));
  WriteOptionalI32(writer, 7, element.scale);
  WriteOptionalI32(writer, 8, element.precision);
  WriteOptionalI32(writer, 9, element.field_id);
  if (element.logical_type) WriteLogicalType(writer, 10, *element.logical_type);
  writer.EndStruct();
}

void WriteColumnMetaData(Writer& writer, int16_t id, const ColumnMetaData& meta) {
  writer.WriteFieldHeader(id, ThriftType::kStruct);
  writer.BeginStruct();
  writer.WriteI32Field(1, ToI32(meta.type));
  writer.WriteFieldHeader(2, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kI32, static_cast<uint32_t>(meta.encodings.size()));
  for (Encoding encoding : meta.encodings) writer.WriteI32(ToI32(encoding));
  WriteStringList(writer, 3, meta.path_in_schema);
  writer.WriteI32Field(4, ToI32(meta.codec));
  writer.WriteI64Field(5, meta.num_values);
  writer.WriteI64Field(6, meta.total_uncompressed_size);
  writer.WriteI64Field(7, meta.total_compressed_size);
  if (!meta.key_value_metadata.empty()) WriteKeyValueList(writer, 8, meta.key_value_metadata);
  writer.WriteI64Field(9, meta.data_page_offset);
  WriteOptionalI64(writer, 10, meta.index_page_offset);
  WriteOptionalI64(writer, 11, meta.dictionary_page_offset);
  if (meta.statistics) WriteStatistics(writer, 12, *meta.statistics);
  if (!meta.encoding_stats.empty()) {
    writer.WriteFieldHeader(13, ThriftType::kList);
    writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(meta.encoding_stats.size()));
    for (const PageEncodingStats& stats : meta.encoding_stats) {
      writer.BeginStruct();
      writer.WriteI32Field(1, ToI32(stats.page_type));
      writer.WriteI32Field(2, ToI32(stats.encoding));
      writer.WriteI32Field(3, stats.count);
      writer.EndStruct();
    }
  }
  WriteOptionalI64(writer, 14, meta.bloom_filter_offset);
  WriteOptionalI32(writer, 15, meta.bloom_filter_length);
  writer.EndStruct();
}

void WriteColumnChunk(Writer& writer, const ColumnChunk& chunk) {
  writer.BeginStruct();
  WriteOptionalBinary(writer, 1, chunk.file_path);
  writer.WriteI64Field(2, chunk.file_offset);
  if (chunk.meta_data) WriteColumnMetaData(writer, 3, *chunk.meta_data);
  WriteOptionalI64(writer, 4, chunk.offset_index_offset);
  WriteOptionalI32(writer, 5, chunk.offset_index_length);
  WriteOptionalI64(writer, 6, chunk.column_index_offset);
  WriteOptionalI32(writer, 7, chunk.column_index_length);
  writer.EndStruct();
}

void WriteRowGroup(Writer& writer, const RowGroup& group) {
  writer.BeginStruct();
  writer.WriteFieldHeader(1, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(group.columns.size()));
  for (const ColumnChunk& chunk : group.columns) WriteColumnChunk(writer, chunk);
  writer.WriteI64Field(2, group.total_byte_size);
  writer.WriteI64Field(3, group.num_rows);
  if (!group.sorting_columns.empty()) {
    writer.WriteFieldHeader(4, ThriftType::kList);
    writer.WriteListHeader(ThriftType::kStruct,
                           static_cast<uint32_t>(group.sorting_columns.size()));
    for (const SortingColumn& column : group.sorting_columns) {
      writer.BeginStruct();
      writer.WriteI32Field(1, column.column_idx);
      writer.WriteBoolField(2, column.descending);
      writer.WriteBoolField(3, column.nulls_first);
      writer.EndStruct();
    }
  }
  WriteOptionalI64(writer, 5, group.file_offset);
  WriteOptionalI64(writer, 6, group.total_compressed_size);
  if (group.ordinal) {
    writer.WriteFieldHeader(7, ThriftType::kI16);
    writer.WriteI16(*group.ordinal);
  }
  writer.EndStruct();
}

}  // namespace

void SerializeFileMetaData(const FileMetaData& metadata, std::string& out) {
  Writer writer(out);
  writer.BeginStruct();
  writer.WriteI32Field(1, metadata.version);
  writer.WriteFieldHeader(2, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(metadata.schema.size()));
  for (const SchemaElement& element : metadata.schema) WriteSchemaElement(writer, element);
  writer.WriteI64Field(3, metadata.num_rows);
  writer.WriteFieldHeader(4, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(metadata.row_groups.size()));
  for (const RowGroup& group : metadata.row_groups) WriteRowGroup(writer, group);
  if (!metadata.key_value_metadata.empty()) {
    WriteKeyValueList(writer, 5, metadata.key_value_metadata);
  }
  WriteOptionalBinary(writer, 6, metadata.created_by);
  if (!metadata.column_orders.empty()) {
    writer.WriteFieldHeader(7, ThriftType::kList);
    writer.WriteListHeader(ThriftType::kStruct,
                           static_cast<uint32_t>(metadata.column_orders.size()));
    for (ColumnOrder order : metadata.column_orders) {
      // An unrecognized order cannot be written back; TYPE_ORDER is the safe default
      // only in the sense that it is what old writers meant. Writers never produce it.
      const int16_t member =
          order == ColumnOrder::kUnrecognized ? 1 : static_cast<int16_t>(order);
      writer.BeginStruct();
      WriteEmptyStruct(writer, member);
      writer.EndStruct();
    }
  }
  writer.EndStruct();
}

void SerializePageHeader(const PageHeader& header, std::string& out) {
  Writer writer(out);
  writer.BeginStruct();
  writer.WriteI32Field(1, ToI32(header.type));
  writer.WriteI32Field(2, header.uncompressed_page_size);
  writer.WriteI32Field(3, header.compressed_page_size);
  WriteOptionalI32(writer, 4, header.crc);
  if (header.data_page_header) {
    const DataPageHeader& page = *header.data_page_header;
    writer.WriteFieldHeader(5, ThriftType::kStruct);
    writer.BeginStruct();
    writer.WriteI32Field(1, page.num_values);
    writer.WriteI32Field(2, ToI32(page.encoding));
    writer.WriteI32Field(3, ToI32(page.definition_level_encoding));
    writer.WriteI32Field(4, ToI32(page.repetition_level_encoding));
    if (page.statistics) WriteStatistics(writer, 5, *page.statistics);
    writer.EndStruct();
  }
  if (header.dictionary_page_header) {
    const DictionaryPageHeader& page = *header.dictionary_page_header;
    writer.WriteFieldHeader(7, ThriftType::kStruct);
    writer.BeginStruct();
    writer.WriteI32Field(1, page.num_values);
    writer.WriteI32Field(2, ToI32(page.encoding));
    if (page.is_sorted) writer.WriteBoolField(3, *page.is_sorted);
    writer.EndStruct();
  }
  if (header.data_page_header_v2) {
    const DataPageHeaderV2& page = *header.data_page_header_v2;
    writer.WriteFieldHeader(8, ThriftType::kStruct);
    writer.BeginStruct();
    writer.WriteI32Field(1, page.num_values);
    writer.WriteI32Field(2, page.num_nulls);
    writer.WriteI32Field(3, page.num_rows);
    writer.WriteI32Field(4, ToI32(page.encoding));
    writer.WriteI32Field(5, page.definition_levels_byte_length);
    writer.WriteI32Field(6, page.repetition_levels_byte_length);
    writer.WriteBoolField(7, page.is_compressed);
    if (page.statistics) WriteStatistics(writer, 8, *page.statistics);
    writer.EndStruct();
  }
  writer.EndStruct();
}

void SerializeColumnIndex(const ColumnIndex& index, std::string& out) {
  Writer writer(out);
  writer.BeginStruct();
  writer.WriteFieldHeader(1, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kBoolTrue, static_cast<uint32_t>(index.null_pages.size()));
  for (bool null_page : index.null_pages) writer.WriteBool(null_page);
  WriteStringList(writer, 2, index.min_values);
  WriteStringList(writer, 3, index.max_values);
  writer.WriteI32Field(4, ToI32(index.boundary_order));
  if (index.null_counts) WriteI64List(writer, 5, *index.null_counts);
  if (index.repetition_level_histograms) {
    WriteI64List(writer, 6, *index.repetition_level_histograms);
  }
  if (index.definition_level_histograms) {
    WriteI64List(writer, 7, *index.definition_level_histograms);
  }
  if (index.nan_counts) WriteI64List(writer, 8, *index.nan_counts);
  writer.EndStruct();
}

void SerializeOffsetIndex(const OffsetIndex& index, std::string& out) {
  Writer writer(out);
  writer.BeginStruct();
  writer.WriteFieldHeader(1, ThriftType::kList);
  writer.WriteListHeader(ThriftType::kStruct, static_cast<uint32_t>(index.page_locations.size()));
  for (const PageLocation& location : index.page_locations) {
    writer.BeginStruct();
    writer.WriteI64Field(1, location.offset);
    writer.WriteI32Field(2, location.compressed_page_size);
    writer.WriteI64Field(3, location.first_row_index);
    writer.EndStruct();
  }
  if (!index.unencoded_byte_array_data_bytes.empty()) {
    WriteI64List(writer, 2, index.unencoded_byte_array_data_bytes);
  }
  writer.EndStruct();
}

void SerializeBloomFilterHeader(const BloomFilterHeader& header, std::string& out) {
  Writer writer(out);
  writer.BeginStruct();
  writer.WriteI32Field(1, header.num_bytes);
  WriteEmptyStructUnion(writer, 2, 1);  // BLOCK
  WriteEmptyStructUnion(writer, 3, 1);  // XXHASH
  WriteEmptyStructUnion(writer, 4, 1);  // UNCOMPRESSED
  writer.EndStruct();
}

}  // namespace basin::parquet
