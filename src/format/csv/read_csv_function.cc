// read_csv: binding (file expansion, sniffing, schema unification) and the parallel
// scan's hooks.
#include "format/csv/read_csv_function.h"

#include <memory>

#include "common/error.h"
#include "format/csv/csv_file_list.h"
#include "format/csv/csv_parallel_scan.h"
#include "format/csv/csv_reader.h"
#include "format/csv/csv_sniffer.h"
#include "format/csv/csv_type_detector.h"

namespace basin {

namespace {

struct ReadCsvBindData : FunctionData {
  std::shared_ptr<const std::vector<CsvScanFile>> files;
  uint32_t num_file_columns = 0;
  uint64_t max_line_size = 0;
  bool store_rejects = false;
};

TableFunctionBinding BindReadCsv(const TableFunctionArguments& args) {
  ReadCsvArguments parsed = ParseReadCsvArguments(args);
  const CsvOptions& options = parsed.options;
  const std::vector<std::string> paths = ExpandCsvFilePatterns(parsed.patterns);

  std::vector<CsvFileSchema> schemas;
  uint64_t total_bytes = 0;
  for (const std::string& path : paths) {
    const std::unique_ptr<CsvInput> input = OpenCsvFile(path);
    total_bytes += input->size();
    schemas.push_back(schemas.empty() ? SniffCsv(*input, options)
                                      : SniffCsvLike(*input, options, schemas.front()));
  }
  // All files share one schema: the first file's names, types widened over all.
  const CsvFileSchema& first = schemas.front();
  std::vector<LogicalType> types = first.types;
  for (size_t i = 1; i < schemas.size(); ++i) {
    if (schemas[i].types.size() != types.size()) {
      throw Error(sqlstate::kBadCopyFileFormat,
                  options.error_context + ": file \"" + paths[i] + "\" has " +
                      std::to_string(schemas[i].types.size()) + " columns, but file \"" + paths[0] +
                      "\" has " + std::to_string(types.size()));
    }
    for (size_t c = 0; c < types.size(); ++c)
      types[c] = WidenCsvType(types[c], schemas[i].types[c]);
  }
  auto files = std::make_shared<std::vector<CsvScanFile>>();
  for (size_t i = 0; i < paths.size(); ++i) {
    CsvFileSchema schema = schemas[i];
    schema.names = first.names;
    schema.types = types;
    CsvConversionSpec spec = MakeCsvConversionSpec(schema, options);
    files->push_back(CsvScanFile{paths[i], std::move(schema), std::move(spec)});
  }

  TableFunctionBinding binding;
  binding.names = first.names;
  binding.types = types;
  if (options.filename_column) {
    binding.names.push_back("filename");
    binding.types.push_back(TypeId::kVarchar);
  }
  // A rough row estimate: a few bytes per field.
  binding.estimated_rows =
      static_cast<double>(total_bytes) / static_cast<double>(types.size() * 8 + 1);
  auto data = std::make_shared<ReadCsvBindData>();
  data->files = std::move(files);
  data->num_file_columns = static_cast<uint32_t>(types.size());
  data->max_line_size = options.max_line_size;
  data->store_rejects = options.store_rejects;
  binding.data = std::move(data);
  return binding;
}

std::unique_ptr<GlobalState> InitReadCsv(ExecutionContext&, const FunctionData* data,
                                         const std::vector<uint32_t>& column_ids) {
  const auto& bind = static_cast<const ReadCsvBindData&>(*data);
  std::vector<uint32_t> projection;
  for (uint32_t id : column_ids) {
    projection.push_back(id < bind.num_file_columns ? id : kCsvFilenameColumn);
  }
  return std::make_unique<CsvParallelScan>(bind.files, std::move(projection), bind.max_line_size,
                                           bind.store_rejects);
}

std::unique_ptr<LocalState> InitReadCsvLocal(ExecutionContext&, const FunctionData*, GlobalState*) {
  return std::make_unique<CsvScanLocalState>();
}

bool ScanReadCsv(ExecutionContext& ctx, const FunctionData*, GlobalState* global, LocalState* local,
                 Batch& out) {
  ctx.CheckInterrupted();
  return static_cast<CsvParallelScan*>(global)->Scan(*static_cast<CsvScanLocalState*>(local), out);
}

uint32_t ReadCsvMaxThreads(const FunctionData*, GlobalState* global) {
  return static_cast<CsvParallelScan*>(global)->num_ranges();
}

TableFunction MakeFunction(std::string name) {
  TableFunction function;
  function.name = std::move(name);
  function.bind = BindReadCsv;
  function.init_global = InitReadCsv;
  function.init_local = InitReadCsvLocal;
  function.scan = ScanReadCsv;
  function.max_threads = ReadCsvMaxThreads;
  return function;
}

}  // namespace

TableFunction MakeReadCsvFunction() { return MakeFunction("read_csv"); }
TableFunction MakeReadCsvAutoFunction() { return MakeFunction("read_csv_auto"); }

}  // namespace basin
