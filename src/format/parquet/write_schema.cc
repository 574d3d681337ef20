// Basin type to Parquet schema. Leaves get both the LogicalType annotation and, where
// one exists with the same meaning, the legacy ConvertedType, so old readers agree.
#include "format/parquet/write_schema.h"

#include "common/error.h"

namespace basin::parquet {

namespace {

class SchemaWriter {
 public:
  WriteSchema Build(const std::vector<std::string>& names,
                    const std::vector<basin::LogicalType>& types) {
    SchemaElement root;
    root.name = "duckdb_schema";  // any name works; this one is what DuckDB writes
    root.num_children = static_cast<int32_t>(names.size());
    schema_.elements.push_back(root);
    for (size_t i = 0; i < names.size(); ++i) {
      schema_.fields.push_back(AddField(names[i], types[i], FieldRepetitionType::kOptional, 0, 0));
    }
    return std::move(schema_);
  }

 private:
  // Adds the elements of a field whose parent is present at (parent_def, parent_rep).
  WriteField AddField(const std::string& name, const basin::LogicalType& type,
                      FieldRepetitionType repetition, int16_t parent_def, int16_t parent_rep) {
    WriteField field;
    field.type = type;
    field.required = repetition == FieldRepetitionType::kRequired;
    field.def_level = static_cast<int16_t>(parent_def + (field.required ? 0 : 1));
    path_.push_back(name);
    const size_t index = schema_.elements.size();
    schema_.elements.emplace_back();
    SchemaElement element;
    element.name = name;
    element.repetition_type = repetition;
    switch (type.id()) {
      case TypeId::kStruct: {
        if (type.FieldCount() == 0) {
          throw Error(sqlstate::kFeatureNotSupported,
                      "cannot write column \"" + name + "\" to Parquet: a STRUCT needs fields");
        }
        field.kind = WriteField::Kind::kStruct;
        element.num_children = static_cast<int32_t>(type.FieldCount());
        for (size_t i = 0; i < type.FieldCount(); ++i) {
          field.children.push_back(AddField(type.FieldName(i), type.FieldType(i),
                                            FieldRepetitionType::kOptional, field.def_level,
                                            parent_rep));
        }
        break;
      }
      case TypeId::kList:
      case TypeId::kMap: {
        const bool map = type.id() == TypeId::kMap;
        field.kind = map ? WriteField::Kind::kMap : WriteField::Kind::kList;
        field.element_def_level = static_cast<int16_t>(field.def_level + 1);
        field.element_rep_level = static_cast<int16_t>(parent_rep + 1);
        element.num_children = 1;
        element.converted_type = map ? ConvertedType::kMap : ConvertedType::kList;
        element.logical_type = LogicalType{};
        element.logical_type->kind = map ? LogicalType::Kind::kMap : LogicalType::Kind::kList;
        SchemaElement repeated;
        repeated.name = map ? "key_value" : "list";
        repeated.repetition_type = FieldRepetitionType::kRepeated;
        repeated.num_children = map ? 2 : 1;
        path_.push_back(repeated.name);
        schema_.elements.push_back(repeated);
        if (map) {
          field.children.push_back(AddField("key", type.FieldType(0), FieldRepetitionType::kRequired,
                                            field.element_def_level, field.element_rep_level));
          field.children.push_back(AddField("value", type.FieldType(1),
                                            FieldRepetitionType::kOptional,
                                            field.element_def_level, field.element_rep_level));
        } else {
          field.children.push_back(AddField("element", type.ChildType(),
                                            FieldRepetitionType::kOptional,
                                            field.element_def_level, field.element_rep_level));
        }
        path_.pop_back();
        break;
      }
      default:
        field.kind = WriteField::Kind::kLeaf;
        field.leaf_index = static_cast<int>(schema_.leaves.size());
        schema_.leaves.push_back(MapLeaf(type, element, field.def_level, parent_rep));
        break;
    }
    schema_.elements[index] = std::move(element);
    path_.pop_back();
    return field;
  }

  WriteLeaf MapLeaf(const basin::LogicalType& type, SchemaElement& element, int16_t def,
                    int16_t rep) {
    WriteLeaf leaf;
    leaf.type = type;
    leaf.max_def_level = def;
    leaf.max_rep_level = rep;
    leaf.path = path_;
    LogicalType logical;
    auto annotate = [&](LogicalType::Kind kind) {
      logical.kind = kind;
      element.logical_type = logical;
    };
    switch (type.id()) {
      case TypeId::kNull:  // an untyped NULL column: every value is NULL
        leaf.physical_type = Type::kInt32;
        annotate(LogicalType::Kind::kUnknown);
        break;
      case TypeId::kBoolean:
        leaf.physical_type = Type::kBoolean;
        break;
      case TypeId::kSmallInt:
        leaf.physical_type = Type::kInt32;
        logical.bit_width = 16;
        logical.is_signed = true;
        annotate(LogicalType::Kind::kInteger);
        element.converted_type = ConvertedType::kInt16;
        break;
      case TypeId::kInteger:
        leaf.physical_type = Type::kInt32;
        break;
      case TypeId::kBigInt:
        leaf.physical_type = Type::kInt64;
        break;
      case TypeId::kReal:
        leaf.physical_type = Type::kFloat;
        break;
      case TypeId::kDouble:
        leaf.physical_type = Type::kDouble;
        break;
      case TypeId::kDecimal:
        if (type.precision() <= 9) {
          leaf.physical_type = Type::kInt32;
        } else if (type.precision() <= kMaxInt64DecimalPrecision) {
          leaf.physical_type = Type::kInt64;
        } else {
          leaf.physical_type = Type::kFixedLenByteArray;
          leaf.type_length = kWideDecimalBytes;
        }
        logical.precision = type.precision();
        logical.scale = type.scale();
        annotate(LogicalType::Kind::kDecimal);
        element.converted_type = ConvertedType::kDecimal;
        element.precision = type.precision();
        element.scale = type.scale();
        break;
      case TypeId::kVarchar:
        leaf.physical_type = Type::kByteArray;
        annotate(LogicalType::Kind::kString);
        element.converted_type = ConvertedType::kUtf8;
        break;
      case TypeId::kDate:
        leaf.physical_type = Type::kInt32;
        annotate(LogicalType::Kind::kDate);
        element.converted_type = ConvertedType::kDate;
        break;
      case TypeId::kTime:
        // TIME_MICROS as a ConvertedType means adjusted to UTC, so it is left out.
        leaf.physical_type = Type::kInt64;
        logical.unit = TimeUnit::kMicros;
        logical.is_adjusted_to_utc = false;
        annotate(LogicalType::Kind::kTime);
        break;
      case TypeId::kTimestamp:
      case TypeId::kTimestampTz:
        leaf.physical_type = Type::kInt64;
        logical.unit = TimeUnit::kMicros;
        logical.is_adjusted_to_utc = type.id() == TypeId::kTimestampTz;
        annotate(LogicalType::Kind::kTimestamp);
        if (logical.is_adjusted_to_utc) element.converted_type = ConvertedType::kTimestampMicros;
        break;
      case TypeId::kInterval:
        // No LogicalType exists for INTERVAL; its values have no defined order.
        leaf.physical_type = Type::kFixedLenByteArray;
        leaf.type_length = kIntervalBytes;
        element.converted_type = ConvertedType::kInterval;
        leaf.has_order = false;
        break;
      case TypeId::kList:
      case TypeId::kStruct:
      case TypeId::kMap:
        throw Error(sqlstate::kInternal, "MapLeaf: nested type");
    }
    element.type = leaf.physical_type;
    if (leaf.type_length > 0) element.type_length = leaf.type_length;
    return leaf;
  }

  WriteSchema schema_;
  std::vector<std::string> path_;
};

}  // namespace

std::vector<int> LeafIndexes(const WriteField& field) {
  if (field.kind == WriteField::Kind::kLeaf) return {field.leaf_index};
  std::vector<int> out;
  for (const WriteField& child : field.children) {
    for (const int leaf : LeafIndexes(child)) out.push_back(leaf);
  }
  return out;
}

WriteSchema BuildWriteSchema(const std::vector<std::string>& names,
                             const std::vector<basin::LogicalType>& types) {
  return SchemaWriter().Build(names, types);
}

}  // namespace basin::parquet
