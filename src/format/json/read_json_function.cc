// read_json: binding (file expansion, format and schema detection) and the parallel
// scan's hooks.
#include "format/json/read_json_function.h"

#include <memory>

#include "common/error.h"
#include "format/csv/csv_file_list.h"
#include "format/json/json_parallel_scan.h"
#include "format/json/json_type_detector.h"

namespace basin {

namespace {

struct ReadJsonBindData : FunctionData {
  std::shared_ptr<const JsonScanSpec> spec;
};

// Feeds the first `options.sample_size` values of `file` to `detector`; returns how
// many there were.
uint64_t SampleFile(const JsonScanFile& file, const CsvInput& input, const JsonOptions& options,
                    JsonTypeDetector& detector) {
  JsonRecordReader reader(input, file.format, 0, input.size(), options.maximum_depth);
  uint64_t count = 0;
  simdjson::dom::element value;
  while (count < options.sample_size) {
    const JsonRecordReader::Outcome outcome = reader.Next(value);
    if (outcome == JsonRecordReader::Outcome::kEnd) break;
    if (outcome == JsonRecordReader::Outcome::kMalformed) {
      if (options.ignore_errors) continue;
      throw Error(sqlstate::kInvalidTextRepresentation, options.error_context + ": file \"" +
                                                            file.path + "\", " + reader.Location() +
                                                            ": " + reader.error());
    }
    detector.Add(value);
    ++count;
  }
  return count;
}

JsonSchema DetectSchema(const JsonScanSpec& spec, const JsonOptions& options) {
  JsonTypeDetector detector;
  uint64_t sampled = 0;
  for (const JsonScanFile& file : spec.files) {
    const std::unique_ptr<CsvInput> input = OpenCsvFile(file.path);
    sampled += SampleFile(file, *input, options, detector);
  }
  const std::string& context = options.error_context;
  if (sampled == 0) {
    throw Error(sqlstate::kBadCopyFileFormat,
                context + ": cannot detect a schema: no JSON values in \"" + spec.files[0].path +
                    "\"" + (spec.files.size() > 1 ? " and the other files" : "") +
                    " (give the columns option to read empty files)");
  }
  JsonSchema schema;
  const bool objects = detector.AllObjects() && !detector.KeyNames().empty();
  if (options.records == JsonRecords::kFalse ||
      (options.records == JsonRecords::kAuto && !objects)) {
    schema.records = false;
    schema.names = {"json"};
    schema.types = {detector.Type()};
    return schema;
  }
  if (!objects) {
    throw Error(sqlstate::kBadCopyFileFormat,
                context +
                    ": records => true needs JSON objects with keys, but the sampled "
                    "values are not all such objects (use records => false)");
  }
  schema.names = detector.KeyNames();
  schema.types = detector.KeyTypes();
  return schema;
}

TableFunctionBinding BindReadJson(const TableFunctionArguments& args, JsonFormat default_format) {
  ReadJsonArguments parsed = ParseReadJsonArguments(args);
  JsonOptions& options = parsed.options;
  if (options.format == JsonFormat::kAuto) options.format = default_format;

  auto spec = std::make_shared<JsonScanSpec>();
  spec->max_depth = options.maximum_depth;
  spec->ignore_errors = options.ignore_errors;
  spec->error_context = options.error_context;
  uint64_t total_bytes = 0;
  for (std::string& path : ExpandCsvFilePatterns(parsed.patterns, options.error_context)) {
    const std::unique_ptr<CsvInput> input = OpenCsvFile(path);
    total_bytes += input->size();
    const JsonFormat format =
        options.format == JsonFormat::kAuto ? DetectJsonFormat(*input) : options.format;
    spec->files.push_back(JsonScanFile{std::move(path), format});
  }
  if (options.column_names.empty()) {
    spec->schema = DetectSchema(*spec, options);
  } else {
    spec->schema.names = options.column_names;
    spec->schema.types = options.column_types;
    spec->schema.records = options.records != JsonRecords::kFalse;
    if (!spec->schema.records && spec->schema.names.size() != 1) {
      throw Error(sqlstate::kInvalidParameterValue,
                  options.error_context + ": records => false takes exactly one column");
    }
  }

  TableFunctionBinding binding;
  binding.names = spec->schema.names;
  binding.types = spec->schema.types;
  if (options.filename_column) {
    binding.names.push_back("filename");
    binding.types.push_back(TypeId::kVarchar);
  }
  // A rough row estimate: records of a few dozen bytes per column.
  binding.estimated_rows =
      static_cast<double>(total_bytes) / static_cast<double>(spec->schema.names.size() * 16 + 1);
  auto data = std::make_shared<ReadJsonBindData>();
  data->spec = std::move(spec);
  binding.data = std::move(data);
  return binding;
}

std::unique_ptr<GlobalState> InitReadJson(ExecutionContext&, const FunctionData* data,
                                          const std::vector<uint32_t>& column_ids) {
  const auto& bind = static_cast<const ReadJsonBindData&>(*data);
  const auto num_file_columns = static_cast<uint32_t>(bind.spec->schema.names.size());
  std::vector<uint32_t> projection;
  for (const uint32_t id : column_ids) {
    projection.push_back(id < num_file_columns ? id : kJsonFilenameColumn);
  }
  return std::make_unique<JsonParallelScan>(bind.spec, std::move(projection));
}

std::unique_ptr<LocalState> InitReadJsonLocal(ExecutionContext&, const FunctionData*,
                                              GlobalState*) {
  return std::make_unique<JsonScanLocalState>();
}

bool ScanReadJson(ExecutionContext& ctx, const FunctionData*, GlobalState* global,
                  LocalState* local, Batch& out) {
  ctx.CheckInterrupted();
  return static_cast<JsonParallelScan*>(global)->Scan(*static_cast<JsonScanLocalState*>(local),
                                                      out);
}

uint32_t ReadJsonMaxThreads(const FunctionData*, GlobalState* global) {
  return static_cast<JsonParallelScan*>(global)->num_ranges();
}

TableFunction MakeFunction(std::string name, JsonFormat default_format) {
  TableFunction function;
  function.name = std::move(name);
  function.bind = [default_format](const TableFunctionArguments& args) {
    return BindReadJson(args, default_format);
  };
  function.init_global = InitReadJson;
  function.init_local = InitReadJsonLocal;
  function.scan = ScanReadJson;
  function.max_threads = ReadJsonMaxThreads;
  return function;
}

}  // namespace

TableFunction MakeReadJsonFunction() { return MakeFunction("read_json", JsonFormat::kAuto); }
TableFunction MakeReadJsonAutoFunction() {
  return MakeFunction("read_json_auto", JsonFormat::kAuto);
}
TableFunction MakeReadNdjsonFunction() {
  return MakeFunction("read_ndjson", JsonFormat::kNewlineDelimited);
}

}  // namespace basin
