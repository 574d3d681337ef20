#include "main/copy_statement.h"

#include <optional>
#include <set>

#include "catalog/catalog.h"
#include "common/error.h"
#include "format/csv/csv_input.h"
#include "format/csv/csv_reader.h"
#include "format/csv/csv_writer.h"
#include "format/json/json_writer.h"
#include "main/copy_options.h"
#include "main/copy_stream.h"
#include "main/copy_to_parquet.h"
#include "main/copy_text_format.h"
#include "main/query_runner.h"
#include "main/session_state.h"
#include "sql/binder/type_resolution.h"
#include "sql/parser/parser.h"

namespace basin {

namespace {

QueryResult CopyTag(uint64_t rows) {
  QueryResult result;
  result.tag = "COPY " + std::to_string(rows);
  result.row_count = rows;
  return result;
}

std::shared_ptr<Table> FindCopyTable(Catalog& catalog, const ast::CopyStatement& copy) {
  if (copy.table.size() > 2) {
    throw Error(sqlstate::kFeatureNotSupported, "cross-database references are not implemented",
                copy.span);
  }
  const std::string schema = copy.table.size() == 2 ? copy.table[0] : Catalog::kDefaultSchema;
  const std::string& name = copy.table.back();
  auto table = catalog.FindTable(schema, name);
  if (table) return table;
  if (catalog.FindView(schema, name)) {
    throw Error(sqlstate::kWrongObjectType,
                copy.is_from ? "cannot copy to view \"" + name + "\""
                             : "cannot copy from view \"" + name +
                                   "\" (try the COPY (SELECT ...) TO variant)",
                copy.span);
  }
  throw Error(sqlstate::kUndefinedTable, "relation \"" + name + "\" does not exist", copy.span);
}

// Table column indexes named by COPY's column list (all columns when it is empty).
std::vector<int> CopyColumns(const Table& table, const ast::CopyStatement& copy) {
  std::vector<int> indexes;
  if (copy.columns.empty()) {
    for (size_t i = 0; i < table.columns().size(); ++i) indexes.push_back(static_cast<int>(i));
    return indexes;
  }
  std::set<int> seen;
  for (const auto& name : copy.columns) {
    const int index = table.FindColumn(name);
    if (index < 0) {
      throw Error(sqlstate::kUndefinedColumn,
                  "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist",
                  copy.span);
    }
    if (!seen.insert(index).second) {
      throw Error(sqlstate::kDuplicateColumn, "column \"" + name + "\" specified more than once",
                  copy.span);
    }
    indexes.push_back(index);
  }
  return indexes;
}

// Where a COPY FROM reads: a file, or the data the client sent (STDIN), held whole.
struct CopyInput {
  std::string path;                 // a file, when `data` is empty
  std::optional<std::string> data;  // STDIN

  std::unique_ptr<CsvInput> Open() const {
    return data ? MakeCsvMemoryInput(*data, kCsvStdinName) : OpenCsvFile(path);
  }
};

// Reads the input of a COPY FROM, batch by batch, in either format.
class CopySource {
 public:
  CopySource(const CopyInput& input, const CopyOptions& options,
             const std::vector<std::string>& names, const std::vector<LogicalType>& types,
             const std::string& error_context, const TimeZone& zone) {
    if (options.format == CopyFormat::kCsv) {
      CsvOptions csv;
      csv.delimiter = options.delimiter;
      csv.quote = options.quote;
      csv.escape = options.escape;
      csv.header = options.header;
      csv.null_string = options.null_string;
      csv.column_names = names;
      csv.error_context = error_context;
      csv.time_zone = &zone;
      if (options.header_match) header_fields_ = ReadCsvHeader(input, csv, names.size());
      csv_ = std::make_unique<CsvReader>(input.Open(), csv, types);
    } else {
      CopyTextFormat format{options.delimiter, options.null_string, options.header, &zone};
      text_ = input.data ? std::make_unique<CopyTextReader>(*input.data, kCsvStdinName,
                                                            format, names, types, error_context)
                         : std::make_unique<CopyTextReader>(input.path, format, names, types,
                                                            error_context);
      header_fields_ = text_->header_fields();
    }
    if (options.header_match) CheckHeader(names);
  }

  bool ReadBatch(Batch& batch) { return csv_ ? csv_->ReadBatch(batch) : text_->ReadBatch(batch); }

 private:
  static std::vector<std::string> ReadCsvHeader(const CopyInput& input, CsvOptions csv,
                                                size_t num_columns) {
    csv.header = false;
    CsvReader reader(input.Open(), csv, std::vector<LogicalType>(num_columns, TypeId::kVarchar));
    Batch first;
    std::vector<std::string> fields;
    if (!reader.ReadBatch(first)) return fields;
    for (const auto& column : first.columns) {
      fields.push_back(column.IsValid(0) ? column.data<StringRef>()[0].ToString() : "");
    }
    return fields;
  }

  void CheckHeader(const std::vector<std::string>& names) const {
    if (header_fields_.size() != names.size()) {
      throw Error(sqlstate::kBadCopyFileFormat,
                  "wrong number of fields in header line: got " +
                      std::to_string(header_fields_.size()) + ", expected " +
                      std::to_string(names.size()));
    }
    for (size_t i = 0; i < names.size(); ++i) {
      if (header_fields_[i] != names[i]) {
        throw Error(sqlstate::kBadCopyFileFormat,
                    "column name mismatch in header line field " + std::to_string(i + 1) +
                        ": got \"" + header_fields_[i] + "\", expected \"" + names[i] + "\"");
      }
    }
  }

  std::unique_ptr<CsvReader> csv_;
  std::unique_ptr<CopyTextReader> text_;
  std::vector<std::string> header_fields_;
};

// Everything the client sends for COPY FROM STDIN, up to its end-of-data mark.
std::string ReadCopyIn(SessionState& session, const CopyOptions& options, size_t num_columns,
                       SourceSpan span) {
  if (session.copy_in == nullptr) {
    throw Error(sqlstate::kFeatureNotSupported,
                "COPY FROM STDIN needs a client that sends the data; use COPY ... FROM 'file'",
                span);
  }
  session.copy_in->Begin(CopyStreamFormat{options.format == CopyFormat::kCsv, num_columns});
  std::string data;
  while (session.copy_in->Read(data)) {
    if (session.interrupted.load()) throw Error(sqlstate::kQueryCanceled, "canceling statement due to user request");
  }
  return data;
}

QueryResult CopyFrom(Connection& connection, BindContext& bind_context,
                     const ast::CopyStatement& copy) {
  auto table = FindCopyTable(bind_context.catalog, copy);
  const CopyOptions options = ParseCopyOptions(copy.options, /*is_from=*/true, copy.path);
  const auto& columns = table->columns();
  const std::vector<int> listed = CopyColumns(*table, copy);
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  for (const int index : listed) {
    names.push_back(columns[index].name);
    types.push_back(columns[index].type);
  }
  // Where each table column comes from: a file field, or its default.
  std::vector<int> field_of(columns.size(), -1);
  for (size_t i = 0; i < listed.size(); ++i) field_of[listed[i]] = static_cast<int>(i);
  std::vector<Value> defaults(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) {
    if (field_of[c] >= 0) continue;
    if (columns[c].default_sql.empty()) {
      defaults[c] = Value::Null(columns[c].type);
      continue;
    }
    Binder binder(bind_context);
    defaults[c] = Binder::EvaluateConstant(*CastTo(
        binder.BindConstantExpression(*ast::ParseExpression(columns[c].default_sql),
                                      "DEFAULT expressions"),
        columns[c].type, *bind_context.time_zone));
  }

  CopyInput input{copy.path, std::nullopt};
  if (copy.endpoint == ast::CopyEndpoint::kStdin) {
    input.data = ReadCopyIn(connection.session(), options, names.size(), copy.span);
  }
  CopySource source(input, options, names, types, "COPY " + table->name(),
                    *bind_context.time_zone);
  std::vector<Batch> batches;
  uint64_t count = 0;
  for (;;) {
    Batch read;
    if (!source.ReadBatch(read)) break;
    Batch row_batch;
    row_batch.size = read.size;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (field_of[c] >= 0) {
        row_batch.columns.push_back(std::move(read.columns[field_of[c]]));
      } else {
        Vector value(columns[c].type, kBatchSize);
        value.SetValue(0, defaults[c]);
        value.SetConstant(true);
        value.Flatten(read.size);
        row_batch.columns.push_back(std::move(value));
      }
      const Vector& column = row_batch.columns.back();
      if (!columns[c].not_null) continue;
      for (uint32_t row = 0; row < read.size; ++row) {
        if (column.IsValid(row)) continue;
        throw Error(sqlstate::kNotNullViolation,
                    "null value in column \"" + columns[c].name + "\" of relation \"" +
                        table->name() + "\" violates not-null constraint (COPY " + table->name() +
                        ", row " + std::to_string(count + row + 1) + ")");
      }
    }
    count += read.size;
    batches.push_back(std::move(row_batch));
  }
  table->Append(batches);
  return CopyTag(count);
}

// Writes batches in the chosen format, to a file or (STDOUT) to the client.
class CopySink {
 public:
  // `stream` is null for a file.
  CopySink(const std::string& path, CopyOutStream* stream, const CopyOptions& options,
           const std::vector<std::string>& names, const TimeZone& zone) {
    if (options.format == CopyFormat::kCsv) {
      CsvWriterOptions csv;
      csv.delimiter = options.delimiter;
      csv.quote = options.quote;
      csv.escape = options.escape;
      csv.null_string = options.null_string;
      csv.header = options.header;
      csv.force_quote.assign(names.size(), options.force_quote_all);
      for (const auto& name : options.force_quote) {
        size_t index = 0;
        while (index < names.size() && names[index] != name) ++index;
        if (index == names.size()) {
          throw Error(sqlstate::kInvalidColumnReference,
                      "FORCE_QUOTE column \"" + name + "\" not referenced by COPY");
        }
        csv.force_quote[index] = true;
      }
      csv.time_zone = &zone;
      csv_ = stream ? std::make_unique<CsvWriter>(*stream, csv, names)
                    : std::make_unique<CsvWriter>(path, csv, names);
    } else if (options.format == CopyFormat::kJson) {
      const JsonWriterOptions json{options.json_array, &zone};
      json_ = stream ? std::make_unique<JsonWriter>(*stream, json, names)
                     : std::make_unique<JsonWriter>(path, json, names);
    } else {
      CopyTextFormat format{options.delimiter, options.null_string, options.header, &zone};
      text_ = stream ? std::make_unique<CopyTextWriter>(*stream, format, names)
                     : std::make_unique<CopyTextWriter>(path, format, names);
    }
  }

  void WriteBatch(const Batch& original) {
    if (json_) return json_->WriteBatch(original);  // JSON has booleans of its own
    const Batch& batch = WithBooleansAsText(original);
    if (csv_) {
      csv_->WriteBatch(batch);
    } else {
      text_->WriteBatch(batch);
    }
  }
  // Returns the rows written.
  uint64_t Close() {
    if (json_) {
      json_->Close();
      return json_->rows_written();
    }
    if (csv_) {
      csv_->Close();
      return csv_->rows_written();
    }
    text_->Close();
    return text_->rows_written();
  }

 private:
  // PostgreSQL's output function writes booleans as t and f (a cast to text gives
  // true and false).
  const Batch& WithBooleansAsText(const Batch& batch) {
    bool any = false;
    for (const auto& column : batch.columns) any |= column.type().id() == TypeId::kBoolean;
    if (!any) return batch;
    converted_.size = batch.size;
    converted_.columns = batch.columns;
    for (auto& column : converted_.columns) {
      if (column.type().id() != TypeId::kBoolean) continue;
      Vector text(TypeId::kVarchar, std::max(batch.size, 1u));
      for (uint32_t row = 0; row < batch.size; ++row) {
        if (!column.IsValid(row)) {
          text.SetNull(row);
        } else {
          const bool value = column.data<bool>()[column.is_constant() ? 0 : row];
          text.data<StringRef>()[row] = StringRef(value ? "t" : "f", 1);
        }
      }
      column = std::move(text);
    }
    return converted_;
  }

  std::unique_ptr<CsvWriter> csv_;
  std::unique_ptr<JsonWriter> json_;
  std::unique_ptr<CopyTextWriter> text_;
  Batch converted_;
};

// The client's output stream for COPY TO STDOUT, announced; null for a file.
CopyOutStream* BeginCopyOut(SessionState& session, const ast::CopyStatement& copy,
                            const CopyOptions& options, size_t num_columns) {
  if (copy.endpoint != ast::CopyEndpoint::kStdout) return nullptr;
  if (session.copy_out == nullptr) {
    throw Error(sqlstate::kFeatureNotSupported,
                "COPY TO STDOUT needs a client that receives the data; use COPY ... TO 'file'",
                copy.span);
  }
  session.copy_out->Begin(CopyStreamFormat{options.format == CopyFormat::kCsv, num_columns});
  return session.copy_out;
}

QueryResult FinishCopyOut(CopySink& sink, CopyOutStream* stream) {
  const uint64_t rows = sink.Close();
  if (stream != nullptr) stream->End();
  return CopyTag(rows);
}

// COPY TO in a binary format: the rows are written by a file writer of their own.
QueryResult CopyToFile(Connection& connection, const ast::CopyStatement& copy,
                       const CopyOptions& options, const std::vector<std::string>& names,
                       const std::vector<LogicalType>& types, const std::vector<Batch>& batches,
                       const TimeZone& zone) {
  if (copy.endpoint != ast::CopyEndpoint::kFile) {
    throw Error(sqlstate::kFeatureNotSupported, "COPY TO STDOUT cannot use FORMAT parquet",
                copy.span);
  }
  return CopyTag(CopyToParquet(connection, copy.path, options.parquet, names, types, batches, zone));
}

QueryResult CopyTo(Connection& connection, BindContext& bind_context,
                   const ast::CopyStatement& copy) {
  const CopyOptions options = ParseCopyOptions(copy.options, /*is_from=*/false, copy.path);
  const TimeZone& zone = *bind_context.time_zone;
  if (options.format == CopyFormat::kParquet) {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    std::vector<Batch> batches;
    if (copy.query) {
      Binder binder(bind_context);
      BoundQuery bound = binder.BindQuery(*copy.query);
      names = bound.names;
      types = bound.types;
      batches = QueryRunner(connection).Run(std::move(bound));
    } else {
      auto table = FindCopyTable(bind_context.catalog, copy);
      for (const int index : CopyColumns(*table, copy)) {
        names.push_back(table->columns()[index].name);
        types.push_back(table->columns()[index].type);
      }
      for (const auto& chunk : table->GetSnapshot()) {
        Batch batch;
        batch.size = chunk->size;
        for (const int index : CopyColumns(*table, copy)) batch.columns.push_back(chunk->columns[index]);
        batches.push_back(std::move(batch));
      }
    }
    return CopyToFile(connection, copy, options, names, types, batches, zone);
  }
  if (copy.query) {
    Binder binder(bind_context);
    BoundQuery bound = binder.BindQuery(*copy.query);
    const std::vector<std::string> names = bound.names;
    std::vector<Batch> batches = QueryRunner(connection).Run(std::move(bound));
    CopyOutStream* stream = BeginCopyOut(connection.session(), copy, options, names.size());
    CopySink sink(copy.path, stream, options, names, zone);
    for (const auto& batch : batches) sink.WriteBatch(batch);
    return FinishCopyOut(sink, stream);
  }
  auto table = FindCopyTable(bind_context.catalog, copy);
  const std::vector<int> listed = CopyColumns(*table, copy);
  std::vector<std::string> names;
  for (const int index : listed) names.push_back(table->columns()[index].name);
  CopyOutStream* stream = BeginCopyOut(connection.session(), copy, options, names.size());
  CopySink sink(copy.path, stream, options, names, zone);
  for (const auto& chunk : table->GetSnapshot()) {
    Batch batch;
    batch.size = chunk->size;
    for (const int index : listed) batch.columns.push_back(chunk->columns[index]);
    sink.WriteBatch(batch);
  }
  return FinishCopyOut(sink, stream);
}

}  // namespace

QueryResult ExecuteCopy(Connection& connection, BindContext& bind_context,
                        const ast::CopyStatement& copy) {
  return copy.is_from ? CopyFrom(connection, bind_context, copy)
                      : CopyTo(connection, bind_context, copy);
}

}  // namespace basin
