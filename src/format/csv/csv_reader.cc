#include "format/csv/csv_reader.h"

namespace basin {

CsvConversionSpec MakeCsvConversionSpec(const CsvFileSchema& schema, const CsvOptions& options) {
  CsvConversionSpec spec;
  spec.dialect = schema.dialect;
  spec.null_string = options.null_string;
  spec.date_format = CsvDateFormat(schema.date_format);
  spec.timestamp_format = CsvDateFormat(schema.timestamp_format);
  spec.column_names = schema.names;
  spec.column_types = schema.types;
  spec.ignore_errors = options.ignore_errors;
  spec.store_rejects = options.store_rejects;
  spec.error_context = options.error_context;
  spec.time_zone = options.time_zone;
  return spec;
}

CsvReader::CsvReader(const std::string& path, const CsvOptions& options,
                     std::vector<LogicalType> column_types)
    : CsvReader(OpenCsvFile(path), options, std::move(column_types)) {}

CsvReader::CsvReader(std::unique_ptr<CsvInput> input, const CsvOptions& options,
                     std::vector<LogicalType> column_types)
    : input_(std::move(input)) {
  CsvOptions copy_options = options;
  copy_options.auto_detect = false;
  copy_options.column_types = std::move(column_types);
  if (!copy_options.header) copy_options.header = false;
  schema_ = SniffCsv(*input_, copy_options);
  Start(copy_options);
}

CsvReader::CsvReader(std::unique_ptr<CsvInput> input, CsvFileSchema schema,
                     const CsvOptions& options)
    : input_(std::move(input)), schema_(std::move(schema)) {
  Start(options);
}

std::unique_ptr<CsvReader> CsvReader::Open(std::unique_ptr<CsvInput> input,
                                           const CsvOptions& options) {
  CsvFileSchema schema = SniffCsv(*input, options);
  return std::make_unique<CsvReader>(std::move(input), std::move(schema), options);
}

void CsvReader::Start(const CsvOptions& options) {
  spec_ = MakeCsvConversionSpec(schema_, options);
  CsvRowReaderOptions reader_options;
  reader_options.begin = schema_.data_start;
  reader_options.first_line = schema_.data_start_line;
  reader_options.max_line_size = options.max_line_size;
  reader_options.error_context = options.error_context;
  rows_reader_ = std::make_unique<CsvRowReader>(*input_, schema_.dialect, reader_options);
  converter_ = std::make_unique<CsvBatchConverter>(spec_);
  for (uint32_t i = 0; i < schema_.types.size(); ++i) projection_.push_back(i);
}

bool CsvReader::ReadBatch(Batch& batch) {
  if (batch.Types() != schema_.types) batch.Initialize(schema_.types);
  // Loop: with ignore_errors a whole batch of rows may be rejected.
  while (rows_reader_->NextRows(rows_, kBatchSize)) {
    if (converter_->Convert(rows_, input_->name(), projection_, batch, &rejects_) > 0) return true;
  }
  batch.size = 0;
  return false;
}

}  // namespace basin
