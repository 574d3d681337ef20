// Schema tree building and type mapping. The rules for LIST and MAP follow the
// backward-compatibility section of parquet-format's LogicalTypes.md: two-level
// lists, repeated fields without annotation, and the "array" / "<name>_tuple" names
// of old writers.
#include "format/parquet/parquet_schema.h"

#include "common/error.h"

namespace basin::parquet {

namespace {

struct SchemaNode {
  const SchemaElement* element = nullptr;
  std::vector<SchemaNode> children;
};

class SchemaBuilder {
 public:
  SchemaBuilder(const FileMetaData& metadata, const std::string& file_name)
      : elements_(metadata.schema), file_name_(file_name) {}

  ParquetSchema Build() {
    if (elements_.empty()) Fail("the schema is empty");
    size_t next = 0;
    const SchemaNode root = ReadNode(next, 0);
    if (next != elements_.size()) Fail("the schema has elements after its root's children");
    if (root.element->type.has_value()) Fail("the schema root is not a group");
    ParquetSchema schema;
    for (const SchemaNode& child : root.children) schema.fields.push_back(Convert(child, 0, 0));
    schema.num_leaves = static_cast<size_t>(leaves_);
    return schema;
  }

 private:
  SchemaNode ReadNode(size_t& next, int depth) {
    if (depth > 64) Fail("the schema nests deeper than 64 levels");
    if (next >= elements_.size()) Fail("a group's num_children runs past the end of the schema");
    SchemaNode node;
    node.element = &elements_[next++];
    const int32_t children = node.element->num_children.value_or(0);
    if (!node.element->type.has_value()) {
      if (children < 0 || static_cast<size_t>(children) > elements_.size() - next) {
        Fail("group \"" + node.element->name + "\" claims " + std::to_string(children) + " children");
      }
      for (int32_t i = 0; i < children; ++i) node.children.push_back(ReadNode(next, depth + 1));
    }
    return node;
  }

  static bool IsRepeated(const SchemaNode& node) {
    return node.element->repetition_type == FieldRepetitionType::kRepeated;
  }
  static bool HasLogical(const SchemaElement& e, LogicalType::Kind kind) {
    return e.logical_type.has_value() && e.logical_type->kind == kind;
  }
  static bool IsListAnnotated(const SchemaElement& e) {
    return HasLogical(e, LogicalType::Kind::kList) || e.converted_type == ConvertedType::kList;
  }
  static bool IsMapAnnotated(const SchemaElement& e) {
    return HasLogical(e, LogicalType::Kind::kMap) || e.converted_type == ConvertedType::kMap ||
           e.converted_type == ConvertedType::kMapKeyValue;
  }

  // A field at (parent_def, parent_rep). A repeated field without a LIST/MAP parent is
  // a list of itself.
  ParquetField Convert(const SchemaNode& node, int16_t parent_def, int16_t parent_rep) {
    if (IsRepeated(node)) {
      ParquetField list;
      list.kind = ParquetField::Kind::kList;
      list.name = node.element->name;
      list.def_level = parent_def;  // never NULL: absent means empty
      list.rep_level = parent_rep;
      list.element_def_level = static_cast<int16_t>(parent_def + 1);
      list.element_rep_level = static_cast<int16_t>(parent_rep + 1);
      list.children.push_back(ConvertRequired(node, list.element_def_level, list.element_rep_level));
      list.type = basin::LogicalType::List(list.children[0].type);
      return list;
    }
    const bool optional = node.element->repetition_type == FieldRepetitionType::kOptional;
    return ConvertRequired(node, static_cast<int16_t>(parent_def + (optional ? 1 : 0)), parent_rep);
  }

  // The field itself, its own repetition already counted in `def`.
  ParquetField ConvertRequired(const SchemaNode& node, int16_t def, int16_t rep) {
    const SchemaElement& e = *node.element;
    ParquetField field;
    field.name = e.name;
    field.def_level = def;
    field.rep_level = rep;
    if (e.type.has_value()) return ConvertLeaf(e, field);
    if (IsListAnnotated(e) && node.children.size() == 1 && IsRepeated(node.children[0])) return ConvertList(node, field);
    if (IsMapAnnotated(e) && node.children.size() == 1 && IsRepeated(node.children[0])) return ConvertMap(node, field);
    field.kind = ParquetField::Kind::kStruct;
    if (node.children.empty()) Fail("group \"" + e.name + "\" has no fields");
    std::vector<std::string> names;
    std::vector<basin::LogicalType> types;
    for (const SchemaNode& child : node.children) {
      field.children.push_back(Convert(child, def, rep));
      names.push_back(field.children.back().name);
      types.push_back(field.children.back().type);
    }
    field.type = basin::LogicalType::Struct(std::move(names), std::move(types));
    return field;
  }

  ParquetField ConvertList(const SchemaNode& node, ParquetField field) {
    const SchemaNode& repeated = node.children[0];
    field.kind = ParquetField::Kind::kList;
    field.element_def_level = static_cast<int16_t>(field.def_level + 1);
    field.element_rep_level = static_cast<int16_t>(field.rep_level + 1);
    // Two-level forms: the repeated field is the element itself.
    const std::string& name = repeated.element->name;
    const bool two_level = repeated.element->type.has_value() || repeated.children.size() != 1 || name == "array" ||
                           name == node.element->name + "_tuple";
    if (two_level) {
      field.children.push_back(ConvertRequired(repeated, field.element_def_level, field.element_rep_level));
    } else {
      field.children.push_back(Convert(repeated.children[0], field.element_def_level, field.element_rep_level));
    }
    field.type = basin::LogicalType::List(field.children[0].type);
    return field;
  }

  ParquetField ConvertMap(const SchemaNode& node, ParquetField field) {
    const SchemaNode& entries = node.children[0];
    if (!entries.element->type.has_value() && entries.children.size() == 1) {
      // A MAP without values (parquet-rs writes these): the list of its keys, as
      // parquet-rs and Arrow read it.
      field.kind = ParquetField::Kind::kList;
      field.element_def_level = static_cast<int16_t>(field.def_level + 1);
      field.element_rep_level = static_cast<int16_t>(field.rep_level + 1);
      field.children.push_back(Convert(entries.children[0], field.element_def_level, field.element_rep_level));
      field.type = basin::LogicalType::List(field.children[0].type);
      return field;
    }
    if (entries.element->type.has_value() || entries.children.size() != 2) {
      Fail("map \"" + node.element->name + "\" does not have a repeated key_value group of two fields");
    }
    field.kind = ParquetField::Kind::kMap;
    field.element_def_level = static_cast<int16_t>(field.def_level + 1);
    field.element_rep_level = static_cast<int16_t>(field.rep_level + 1);
    // The entries are a STRUCT(key, value) that exists whenever the element does.
    ParquetField entry;
    entry.kind = ParquetField::Kind::kStruct;
    entry.name = entries.element->name;
    entry.def_level = field.element_def_level;
    entry.rep_level = field.element_rep_level;
    entry.children.push_back(Convert(entries.children[0], field.element_def_level, field.element_rep_level));
    entry.children.push_back(Convert(entries.children[1], field.element_def_level, field.element_rep_level));
    entry.children[0].name = "key";
    entry.children[1].name = "value";
    entry.type = basin::LogicalType::Struct({"key", "value"}, {entry.children[0].type, entry.children[1].type});
    field.type = basin::LogicalType::Map(entry.children[0].type, entry.children[1].type);
    field.children.push_back(std::move(entry));
    return field;
  }

  ParquetField ConvertLeaf(const SchemaElement& e, ParquetField field) {
    field.kind = ParquetField::Kind::kLeaf;
    field.leaf_index = leaves_++;
    field.physical_type = *e.type;
    field.type_length = e.type_length.value_or(0);
    field.max_def_level = field.def_level;
    field.max_rep_level = field.rep_level;
    MapLeafType(e, field);
    return field;
  }

  void Map(ParquetField& field, basin::LogicalType type, ValueConversion conversion) {
    field.type = std::move(type);
    field.conversion = conversion;
  }

  void MapDecimal(const SchemaElement& e, ParquetField& field, int32_t precision, int32_t scale) {
    if (precision < 1 || precision > kMaxDecimalPrecision || scale < 0 || scale > precision) {
      throw Error(sqlstate::kFeatureNotSupported, "Parquet file \"" + file_name_ + "\": column \"" + e.name +
                                                      "\" is DECIMAL(" + std::to_string(precision) + "," +
                                                      std::to_string(scale) + "), beyond Basin's 38 digits");
    }
    const auto type = basin::LogicalType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(scale));
    switch (*e.type) {
      case Type::kInt32:
        return Map(field, type, type.IsWideDecimal() ? ValueConversion::kInt64ToInt128 : ValueConversion::kInt32ToInt64);
      case Type::kInt64:
        return Map(field, type, type.IsWideDecimal() ? ValueConversion::kInt64ToInt128 : ValueConversion::kInt64);
      case Type::kByteArray:
      case Type::kFixedLenByteArray:
        return Map(field, type, ValueConversion::kBigEndianDecimal);
      default:
        Fail("column \"" + e.name + "\" is a DECIMAL stored as " + TypeName(*e.type));
    }
  }

  void MapTimestamp(ParquetField& field, TimeUnit unit, bool utc) {
    const basin::LogicalType type = utc ? TypeId::kTimestampTz : TypeId::kTimestamp;
    if (unit == TimeUnit::kMillis) return Map(field, type, ValueConversion::kInt64Times1000);
    if (unit == TimeUnit::kNanos) return Map(field, type, ValueConversion::kInt64Div1000);
    Map(field, type, ValueConversion::kInt64);
  }

  void MapInteger(const SchemaElement& e, ParquetField& field, int bit_width, bool is_signed) {
    // The annotation's width must agree with the physical type (a hostile or broken
    // file may say INT(64) on INT32): the physical type decides how many bytes a value
    // takes.
    if (*e.type == Type::kInt64) {
      if (is_signed || bit_width < 64) return Map(field, TypeId::kBigInt, ValueConversion::kInt64);
      return Map(field, basin::LogicalType::Decimal(20, 0), ValueConversion::kUInt64ToInt128);
    }
    if (is_signed) {
      if (bit_width <= 16) return Map(field, TypeId::kSmallInt, ValueConversion::kInt32ToInt16);
      return Map(field, TypeId::kInteger, ValueConversion::kInt32);
    }
    if (bit_width <= 8) return Map(field, TypeId::kSmallInt, ValueConversion::kInt32ToInt16);
    if (bit_width <= 16) return Map(field, TypeId::kInteger, ValueConversion::kInt32);
    Map(field, TypeId::kBigInt, ValueConversion::kUInt32ToInt64);
  }

  void MapLeafType(const SchemaElement& e, ParquetField& field) {
    const Type physical = *e.type;
    if (physical == Type::kFixedLenByteArray && field.type_length <= 0) {
      Fail("FIXED_LEN_BYTE_ARRAY column \"" + e.name + "\" has no positive type_length");
    }
    if (e.logical_type.has_value() && e.logical_type->kind != LogicalType::Kind::kUnrecognized) {
      const LogicalType& logical = *e.logical_type;
      switch (logical.kind) {
        case LogicalType::Kind::kDecimal:
          return MapDecimal(e, field, logical.precision, logical.scale);
        case LogicalType::Kind::kDate:
          if (physical == Type::kInt32) return Map(field, TypeId::kDate, ValueConversion::kInt32);
          break;
        case LogicalType::Kind::kTime:
          if (physical == Type::kInt32) return Map(field, TypeId::kTime, ValueConversion::kInt32Millis);
          if (physical == Type::kInt64) {
            return Map(field, TypeId::kTime,
                       logical.unit == TimeUnit::kNanos ? ValueConversion::kInt64Div1000 : ValueConversion::kInt64);
          }
          break;
        case LogicalType::Kind::kTimestamp:
          if (physical == Type::kInt64) return MapTimestamp(field, logical.unit, logical.is_adjusted_to_utc);
          break;
        case LogicalType::Kind::kInteger:
          if (physical == Type::kInt32 || physical == Type::kInt64) {
            return MapInteger(e, field, logical.bit_width, logical.is_signed);
          }
          break;
        case LogicalType::Kind::kUuid:
          if (physical == Type::kFixedLenByteArray && field.type_length == 16) {
            return Map(field, TypeId::kVarchar, ValueConversion::kUuid);
          }
          break;
        case LogicalType::Kind::kFloat16:
          if (physical == Type::kFixedLenByteArray && field.type_length == 2) {
            return Map(field, TypeId::kReal, ValueConversion::kFloat16);
          }
          break;
        case LogicalType::Kind::kUnknown:
          // BOOLEAN pages decode straight into their output: read those as booleans.
          if (physical != Type::kBoolean) return Map(field, TypeId::kVarchar, ValueConversion::kNull);
          break;
        default:
          break;  // STRING, ENUM, JSON, BSON, ...: the physical type decides
      }
    } else if (e.converted_type.has_value()) {
      switch (*e.converted_type) {
        case ConvertedType::kDecimal:
          return MapDecimal(e, field, e.precision.value_or(0), e.scale.value_or(0));
        case ConvertedType::kDate:
          if (physical == Type::kInt32) return Map(field, TypeId::kDate, ValueConversion::kInt32);
          break;
        case ConvertedType::kTimeMillis:
          if (physical == Type::kInt32) return Map(field, TypeId::kTime, ValueConversion::kInt32Millis);
          break;
        case ConvertedType::kTimeMicros:
          if (physical == Type::kInt64) return Map(field, TypeId::kTime, ValueConversion::kInt64);
          break;
        case ConvertedType::kTimestampMillis:
          if (physical == Type::kInt64) return MapTimestamp(field, TimeUnit::kMillis, false);
          break;
        case ConvertedType::kTimestampMicros:
          if (physical == Type::kInt64) return MapTimestamp(field, TimeUnit::kMicros, false);
          break;
        case ConvertedType::kInt8:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 8, true);
          break;
        case ConvertedType::kInt16:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 16, true);
          break;
        case ConvertedType::kInt32:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 32, true);
          break;
        case ConvertedType::kInt64:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 64, true);
          break;
        case ConvertedType::kUint8:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 8, false);
          break;
        case ConvertedType::kUint16:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 16, false);
          break;
        case ConvertedType::kUint32:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 32, false);
          break;
        case ConvertedType::kUint64:
          if (physical == Type::kInt32 || physical == Type::kInt64) return MapInteger(e, field, 64, false);
          break;
        case ConvertedType::kInterval:
          if (physical == Type::kFixedLenByteArray && field.type_length == 12) {
            return Map(field, TypeId::kInterval, ValueConversion::kInterval);
          }
          break;
        default:
          break;
      }
    }
    switch (physical) {
      case Type::kBoolean:
        return Map(field, TypeId::kBoolean, ValueConversion::kBoolean);
      case Type::kInt32:
        return Map(field, TypeId::kInteger, ValueConversion::kInt32);
      case Type::kInt64:
        return Map(field, TypeId::kBigInt, ValueConversion::kInt64);
      case Type::kInt96:
        return Map(field, TypeId::kTimestamp, ValueConversion::kInt96);
      case Type::kFloat:
        return Map(field, TypeId::kReal, ValueConversion::kFloat);
      case Type::kDouble:
        return Map(field, TypeId::kDouble, ValueConversion::kDouble);
      case Type::kByteArray:
      case Type::kFixedLenByteArray:
        return Map(field, TypeId::kVarchar, ValueConversion::kString);
    }
    Fail("column \"" + e.name + "\" has unknown physical type " + TypeName(physical));
  }

  [[noreturn]] void Fail(const std::string& what) const {
    throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + file_name_ + "\": " + what);
  }

  const std::vector<SchemaElement>& elements_;
  const std::string& file_name_;
  int leaves_ = 0;
};

void CollectLeaves(const ParquetField& field, std::vector<int>& out) {
  if (field.kind == ParquetField::Kind::kLeaf) {
    out.push_back(field.leaf_index);
    return;
  }
  for (const ParquetField& child : field.children) CollectLeaves(child, out);
}

}  // namespace

size_t ParquetField::PlainWidth() const {
  switch (physical_type) {
    case Type::kInt32:
    case Type::kFloat:
      return 4;
    case Type::kInt64:
    case Type::kDouble:
      return 8;
    case Type::kInt96:
      return 12;
    case Type::kFixedLenByteArray:
      return static_cast<size_t>(type_length);
    default:
      return 0;
  }
}

std::vector<int> ParquetField::Leaves() const {
  std::vector<int> leaves;
  CollectLeaves(*this, leaves);
  return leaves;
}

ParquetSchema BuildParquetSchema(const FileMetaData& metadata, const std::string& file_name) {
  return SchemaBuilder(metadata, file_name).Build();
}

}  // namespace basin::parquet
