#include "format/json/json_writer.h"

#include <memory>

#include "format/json/json_value_formatter.h"

namespace basin {

JsonWriter::JsonWriter(const std::string& path, JsonWriterOptions options,
                       const std::vector<std::string>& column_names)
    : file_(path), options_(options) {
  Start(column_names);
}

JsonWriter::JsonWriter(ByteSink& sink, JsonWriterOptions options,
                       const std::vector<std::string>& column_names)
    : file_(sink, "STDOUT"), options_(options) {
  Start(column_names);
}

void JsonWriter::Start(const std::vector<std::string>& column_names) {
  for (const std::string& name : column_names) {
    std::string key;
    AppendJsonString(name, key);
    key.push_back(':');
    keys_.push_back(std::move(key));
  }
  if (options_.array) buffer_ += "[\n";
}

void JsonWriter::WriteBatch(const Batch& batch) {
  std::vector<std::unique_ptr<JsonValueFormatter>> columns;
  for (const Vector& column : batch.columns) {
    columns.push_back(
        std::make_unique<JsonValueFormatter>(column, batch.size, *options_.time_zone));
  }
  for (uint32_t row = 0; row < batch.size; ++row) {
    if (options_.array && rows_written_ + row > 0) buffer_ += ",\n";
    buffer_.push_back('{');
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) buffer_.push_back(',');
      buffer_ += keys_[c];
      columns[c]->Append(row, buffer_);
    }
    buffer_.push_back('}');
    if (!options_.array) buffer_.push_back('\n');
    file_.MaybeFlush();
  }
  rows_written_ += batch.size;
}

void JsonWriter::Close() {
  if (options_.array) buffer_ += rows_written_ > 0 ? "\n]\n" : "]\n";
  file_.Close();
}

}  // namespace basin
