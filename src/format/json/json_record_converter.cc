#include "format/json/json_record_converter.h"

#include "common/error.h"
#include "format/json/json_value_writer.h"

namespace basin {

JsonRecordConverter::JsonRecordConverter(const JsonSchema& schema,
                                         const std::vector<uint32_t>& projection)
    : schema_(schema), output_of_column_(schema.names.size(), -1), written_(projection.size(), 0) {
  for (size_t i = 0; i < projection.size(); ++i) {
    if (projection[i] == kJsonFilenameColumn) continue;
    output_of_column_[projection[i]] = static_cast<int32_t>(i);
    file_columns_.push_back(projection[i]);
  }
  for (uint32_t c = 0; c < schema_.names.size(); ++c) {
    // First occurrence wins if names repeat (they do not after detection).
    column_of_key_.try_emplace(schema_.names[c], c);
  }
}

void JsonRecordConverter::Write(simdjson::dom::element value, Batch& out, uint32_t row) {
  using simdjson::dom::element_type;
  if (!schema_.records) {
    if (output_of_column_[0] >= 0) {
      WriteJsonValue(value, out.columns[static_cast<size_t>(output_of_column_[0])], row);
    }
    return;
  }
  ++generation_;
  const bool is_object = value.type() == element_type::OBJECT;
  if (!is_object && value.type() != element_type::NULL_VALUE) {
    throw Error(
        sqlstate::kInvalidTextRepresentation,
        std::string("expected a JSON object (a record), found ") + DescribeJsonValue(value));
  }
  if (is_object && !file_columns_.empty()) {
    // Records usually list their keys in the columns' order: try the next column
    // before the hash lookup.
    uint32_t next = 0;
    const simdjson::dom::object object = value.get_object().value_unsafe();
    for (const simdjson::dom::key_value_pair field : object) {
      uint32_t column = next;
      if (column >= schema_.names.size() || schema_.names[column] != field.key) {
        const auto it = column_of_key_.find(field.key);
        if (it == column_of_key_.end()) continue;
        column = it->second;
      }
      next = column + 1;
      const int32_t output = output_of_column_[column];
      if (output < 0) continue;
      try {
        WriteJsonValue(field.value, out.columns[static_cast<size_t>(output)], row);
      } catch (const Error& error) {
        throw Error(error.state(), "key \"" + std::string(field.key) + "\": " + error.message());
      }
      written_[static_cast<size_t>(output)] = generation_;
    }
  }
  for (const uint32_t column : file_columns_) {
    const size_t output = static_cast<size_t>(output_of_column_[column]);
    if (written_[output] != generation_) WriteJsonNull(out.columns[output], row);
  }
}

}  // namespace basin
