// read_parquet('glob' | ['a', 'b'], ...): binding (file expansion, footers, schema
// union by name, Hive partition columns) and the parallel scan, one row group per
// morsel.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>

#include "common/error.h"
#include "format/csv/csv_file_list.h"
#include "format/parquet/parquet_reader.h"
#include "format/parquet/value_conversion.h"
#include "function/comparison.h"
#include "common/time_zone.h"
#include "function/cast.h"
#include "function/table_function.h"

namespace basin {

namespace {

using parquet::ParquetFile;
using parquet::RowGroupReader;

// Where an output column comes from.
struct ColumnSource {
  enum class Kind : uint8_t { kFile, kPartition, kFilename, kFileRowNumber };
  Kind kind = Kind::kFile;
  size_t partition = 0;  // kPartition: index into the file's partition values
};

struct ReadParquetData : FunctionData {
  std::vector<std::shared_ptr<const ParquetFile>> files;
  std::vector<LogicalType> types;
  std::vector<ColumnSource> sources;
  // Per file, per output column: the file's top-level field, or -1 (NULL).
  std::vector<std::vector<int>> fields;
  // Per file: the Hive partition values (text), in partition-column order.
  std::vector<std::vector<std::string>> partition_values;
  struct Morsel {
    size_t file;
    size_t row_group;
    uint64_t first_row;  // of the row group within its file
  };
  std::vector<Morsel> morsels;
};

struct ReadParquetGlobal : GlobalState {
  std::vector<uint32_t> column_ids;
  std::atomic<size_t> next{0};
};

struct ReadParquetLocal : LocalState {
  std::unique_ptr<RowGroupReader> reader;
  size_t file = 0;
  uint64_t next_row = 0;  // file row number of the reader's next row
  std::vector<int> read_columns;  // output position -> column of `read`, or -1
  Batch read;
};

bool BooleanOption(const TableFunctionArguments& args, const char* name, bool fallback) {
  auto it = args.named.find(name);
  if (it == args.named.end()) return fallback;
  if (it->second.type().id() != TypeId::kBoolean) {
    throw Error(sqlstate::kInvalidParameterValue, std::string("read_parquet: option ") + name + " must be a boolean");
  }
  return it->second.GetBoolean();
}

std::vector<std::string> PathArguments(const TableFunctionArguments& args) {
  if (args.positional.size() != 1) {
    throw Error(sqlstate::kUndefinedFunction, "read_parquet takes one argument: a file, a glob or a list of them");
  }
  const Value& value = args.positional[0];
  std::vector<std::string> patterns;
  if (value.type().id() == TypeId::kList) {
    for (const Value& element : value.GetChildren()) {
      if (element.is_null()) throw Error(sqlstate::kInvalidParameterValue, "read_parquet: a file name is NULL");
      patterns.push_back(element.CastTo(TypeId::kVarchar).GetString());
    }
  } else if (value.type().id() == TypeId::kVarchar) {
    patterns.push_back(value.GetString());
  } else {
    throw Error(sqlstate::kUndefinedFunction, "read_parquet needs a file name, not " + value.type().ToString());
  }
  if (patterns.empty()) throw Error(sqlstate::kInvalidParameterValue, "read_parquet: the list of files is empty");
  return patterns;
}

// Hive partition values escape '/', '=', '%' and the like as %XX (as DuckDB and Spark
// write them).
std::string PercentDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) && hex(text[i + 2])) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// key=value directories of a path, in order (Hive partitioning).
std::vector<std::pair<std::string, std::string>> HivePartitions(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> partitions;
  size_t start = 0;
  while (true) {
    const size_t slash = path.find('/', start);
    if (slash == std::string::npos) break;  // the last component is the file name
    const std::string part = path.substr(start, slash - start);
    const size_t equals = part.find('=');
    if (equals != std::string::npos && equals > 0) {
      partitions.emplace_back(PercentDecode(part.substr(0, equals)), PercentDecode(part.substr(equals + 1)));
    }
    start = slash + 1;
  }
  return partitions;
}

// The narrowest of BIGINT, DATE and VARCHAR that holds every value.
LogicalType PartitionType(const std::vector<std::string>& values) {
  bool integers = true;
  bool dates = true;
  for (const std::string& value : values) {
    if (value.empty() || value == "NULL" || value == "__HIVE_DEFAULT_PARTITION__") continue;
    const bool digits = std::all_of(value.begin() + (value[0] == '-' ? 1 : 0), value.end(),
                                    [](unsigned char c) { return std::isdigit(c) != 0; });
    integers = integers && digits && value.size() < 19 && value != "-";
    dates = dates && value.size() == 10 && value[4] == '-' && value[7] == '-';
  }
  if (integers) return TypeId::kBigInt;
  if (dates) return TypeId::kDate;
  return TypeId::kVarchar;
}

TableFunctionBinding BindReadParquet(const TableFunctionArguments& args) {
  for (const auto& [name, value] : args.named) {
    if (name != "filename" && name != "file_row_number" && name != "hive_partitioning" && name != "union_by_name" &&
        name != "binary_as_string") {
      throw Error(sqlstate::kInvalidParameterValue, "read_parquet: unknown option \"" + name + "\"");
    }
  }
  const std::vector<std::string> paths = ExpandCsvFilePatterns(PathArguments(args), "read_parquet");
  auto data = std::make_shared<ReadParquetData>();
  TableFunctionBinding binding;
  // Columns by name, in first-seen order over the files (union by name).
  for (const std::string& path : paths) {
    auto file = ParquetFile::Open(path);
    for (const auto& field : file->schema().fields) {
      if (std::find(binding.names.begin(), binding.names.end(), field.name) == binding.names.end()) {
        binding.names.push_back(field.name);
        data->types.push_back(field.type);
        data->sources.push_back({});
      }
    }
    data->files.push_back(std::move(file));
  }
  const size_t file_columns = binding.names.size();
  for (const auto& file : data->files) {
    std::vector<int> fields(file_columns, -1);
    const auto& schema_fields = file->schema().fields;
    for (size_t f = 0; f < schema_fields.size(); ++f) {
      const size_t column = static_cast<size_t>(
          std::find(binding.names.begin(), binding.names.end(), schema_fields[f].name) - binding.names.begin());
      if (fields[column] < 0) fields[column] = static_cast<int>(f);
      if (schema_fields[f].type != data->types[column] && !CastExists(schema_fields[f].type, data->types[column])) {
        throw Error(sqlstate::kDatatypeMismatch, "read_parquet: column \"" + schema_fields[f].name + "\" is " +
                                                     data->types[column].ToString() + " in \"" + paths[0] + "\" but " +
                                                     schema_fields[f].type.ToString() + " in \"" + file->path() + "\"");
      }
    }
    data->fields.push_back(std::move(fields));
  }
  // Hive partitions: the first file's keys, when every file has the same keys.
  const auto first_partitions = HivePartitions(paths[0]);
  bool hive = BooleanOption(args, "hive_partitioning", !first_partitions.empty());
  if (hive) {
    for (const std::string& path : paths) {
      const auto partitions = HivePartitions(path);
      std::vector<std::string> values;
      for (size_t k = 0; k < first_partitions.size(); ++k) {
        if (k >= partitions.size() || partitions[k].first != first_partitions[k].first) {
          throw Error(sqlstate::kInvalidParameterValue, "read_parquet: \"" + path +
                                                            "\" does not have the Hive partitions of \"" + paths[0] + "\"");
        }
        values.push_back(partitions[k].second);
      }
      data->partition_values.push_back(std::move(values));
    }
    for (size_t k = 0; k < first_partitions.size(); ++k) {
      const std::string& key = first_partitions[k].first;
      if (std::find(binding.names.begin(), binding.names.end(), key) != binding.names.end()) continue;  // in the file
      std::vector<std::string> values;
      for (const auto& file_values : data->partition_values) values.push_back(file_values[k]);
      binding.names.push_back(key);
      data->types.push_back(PartitionType(values));
      data->sources.push_back({ColumnSource::Kind::kPartition, k});
    }
  }
  if (BooleanOption(args, "filename", false)) {
    binding.names.push_back("filename");
    data->types.push_back(TypeId::kVarchar);
    data->sources.push_back({ColumnSource::Kind::kFilename, 0});
  }
  if (BooleanOption(args, "file_row_number", false)) {
    binding.names.push_back("file_row_number");
    data->types.push_back(TypeId::kBigInt);
    data->sources.push_back({ColumnSource::Kind::kFileRowNumber, 0});
  }
  uint64_t total_rows = 0;
  for (size_t f = 0; f < data->files.size(); ++f) {
    uint64_t first_row = 0;
    const auto& groups = data->files[f]->metadata().row_groups;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].num_rows > 0) data->morsels.push_back({f, g, first_row});
      first_row += static_cast<uint64_t>(groups[g].num_rows);
    }
    total_rows += first_row;
  }
  binding.types = data->types;
  binding.estimated_rows = static_cast<double>(total_rows);
  binding.data = std::move(data);
  return binding;
}

std::unique_ptr<GlobalState> InitReadParquet(ExecutionContext&, const FunctionData*, const std::vector<uint32_t>& column_ids) {
  auto global = std::make_unique<ReadParquetGlobal>();
  global->column_ids = column_ids;
  return global;
}

std::unique_ptr<LocalState> InitReadParquetLocal(ExecutionContext&, const FunctionData*, GlobalState*) {
  return std::make_unique<ReadParquetLocal>();
}

// Opens the row group of morsel `m` for the columns the query reads.
void OpenMorsel(const ReadParquetData& data, const ReadParquetGlobal& global, size_t m, ReadParquetLocal& local) {
  const auto& morsel = data.morsels[m];
  const auto& file_fields = data.fields[morsel.file];
  std::vector<int> fields;
  std::vector<LogicalType> types;
  local.read_columns.assign(global.column_ids.size(), -1);
  for (size_t i = 0; i < global.column_ids.size(); ++i) {
    const uint32_t id = global.column_ids[i];
    if (data.sources[id].kind != ColumnSource::Kind::kFile || file_fields[id] < 0) continue;
    const int field = file_fields[id];
    auto it = std::find(fields.begin(), fields.end(), field);
    if (it == fields.end()) {
      fields.push_back(field);
      types.push_back(data.files[morsel.file]->schema().fields[static_cast<size_t>(field)].type);
      it = fields.end() - 1;
    }
    local.read_columns[i] = static_cast<int>(it - fields.begin());
  }
  local.read.Initialize(types);
  local.reader = std::make_unique<RowGroupReader>(data.files[morsel.file], morsel.row_group, std::move(fields));
  local.file = morsel.file;
  local.next_row = morsel.first_row;
}

bool ScanReadParquet(ExecutionContext& ctx, const FunctionData* function_data, GlobalState* global_state,
                     LocalState* local_state, Batch& out) {
  const auto& data = static_cast<const ReadParquetData&>(*function_data);
  auto& global = static_cast<ReadParquetGlobal&>(*global_state);
  auto& local = static_cast<ReadParquetLocal&>(*local_state);
  while (true) {
    ctx.CheckInterrupted();
    if (local.reader) {
      const uint32_t count = local.reader->Next(local.read);
      if (count > 0) {
        for (size_t i = 0; i < global.column_ids.size(); ++i) {
          const uint32_t id = global.column_ids[i];
          Vector& column = out.columns[i];
          const ColumnSource& source = data.sources[id];
          if (local.read_columns[i] >= 0) {
            const Vector& read = local.read.columns[static_cast<size_t>(local.read_columns[i])];
            if (read.type() == column.type()) {
              column.Reference(read);
            } else {
              CastVector(read, column, count, CastMode::kStrict, TimeZone::Utc());
            }
            continue;
          }
          column.Reset();
          switch (source.kind) {
            case ColumnSource::Kind::kFile:  // not in this file
              column.SetNull(0);
              column.SetConstant(true);
              break;
            case ColumnSource::Kind::kPartition: {
              const std::string& text = data.partition_values[local.file][source.partition];
              const bool null = text == "NULL" || text == "__HIVE_DEFAULT_PARTITION__";
              column.SetValue(0, null ? Value::Null(column.type()) : Value::Varchar(text).CastTo(column.type()));
              column.SetConstant(true);
              break;
            }
            case ColumnSource::Kind::kFilename:
              column.SetValue(0, Value::Varchar(data.files[local.file]->path()));
              column.SetConstant(true);
              break;
            case ColumnSource::Kind::kFileRowNumber:
              for (uint32_t r = 0; r < count; ++r) column.data<int64_t>()[r] = static_cast<int64_t>(local.next_row + r);
              break;
          }
        }
        local.next_row += count;
        out.size = count;
        return true;
      }
      local.reader.reset();
    }
    const size_t m = global.next.fetch_add(1);
    if (m >= data.morsels.size()) return false;
    OpenMorsel(data, global, m, local);
  }
}

// Whether `value op constant` holds (both valid, same type).
bool Holds(const Value& value, CompareOp op, const Value& constant) {
  Vector left(value.type(), 1);
  Vector right(value.type(), 1);
  Vector result(TypeId::kBoolean, 1);
  left.SetValue(0, value);
  right.SetValue(0, constant);
  CompareVectors(op, left, right, 1, result);
  return result.validity().IsValid(0) && result.data<bool>()[0];
}

// A statistics bound decoded to the leaf's Basin type.
std::optional<Value> DecodeBound(const parquet::ParquetField& leaf, const std::string& bytes) {
  Vector vector(leaf.type, 1);
  if (leaf.physical_type == parquet::Type::kByteArray) {
    const std::string_view view(bytes);
    parquet::ConvertByteArrays(leaf, &view, 1, vector, 0);
  } else {
    if (leaf.physical_type == parquet::Type::kBoolean || bytes.size() != leaf.PlainWidth()) return std::nullopt;
    parquet::ConvertFixedValues(leaf, reinterpret_cast<const uint8_t*>(bytes.data()), 1, vector, 0);
  }
  if (!vector.validity().IsValid(0)) return std::nullopt;
  Value value = vector.GetValue(0);
  if ((value.type().id() == TypeId::kDouble || value.type().id() == TypeId::kReal) && value.GetDouble() != value.GetDouble()) {
    return std::nullopt;  // NaN bounds say nothing
  }
  return value;
}

// Whether row group `group` of `file` may hold a row where `column op c` holds on the
// file's column `leaf`, by its statistics. True when unsure.
bool MayMatch(const ParquetFile& file, size_t group, const parquet::ParquetField& leaf, CompareOp op, const Value& c) {
  const parquet::RowGroup& row_group = file.metadata().row_groups[group];
  const auto& meta = row_group.columns[static_cast<size_t>(leaf.leaf_index)].meta_data;
  if (!meta || !meta->statistics) return true;
  const parquet::Statistics& stats = *meta->statistics;
  if (stats.null_count && *stats.null_count == row_group.num_rows) return false;  // only NULLs
  // Legacy min/max sort signed: trustworthy for signed numbers only.
  const bool legacy_ok = (leaf.physical_type == parquet::Type::kInt32 || leaf.physical_type == parquet::Type::kInt64 ||
                          leaf.physical_type == parquet::Type::kFloat || leaf.physical_type == parquet::Type::kDouble) &&
                         leaf.conversion != parquet::ValueConversion::kUInt32ToInt64 &&
                         leaf.conversion != parquet::ValueConversion::kUInt64ToInt128;
  const std::optional<std::string>& min_bytes = stats.min_value ? stats.min_value : (legacy_ok ? stats.min : std::nullopt);
  const std::optional<std::string>& max_bytes = stats.max_value ? stats.max_value : (legacy_ok ? stats.max : std::nullopt);
  if (leaf.physical_type == parquet::Type::kInt96 || leaf.conversion == parquet::ValueConversion::kInterval ||
      leaf.conversion == parquet::ValueConversion::kNull) {
    return true;  // no defined order
  }
  std::optional<Value> min;
  std::optional<Value> max;
  try {
    if (min_bytes) min = DecodeBound(leaf, *min_bytes);
    if (max_bytes) max = DecodeBound(leaf, *max_bytes);
  } catch (const Error&) {
    return true;  // odd statistics are no reason to fail a query
  }
  switch (op) {
    case CompareOp::kEq:
      return !(min && Holds(c, CompareOp::kLt, *min)) && !(max && Holds(c, CompareOp::kGt, *max));
    case CompareOp::kLt:
      return !(min && Holds(*min, CompareOp::kGtEq, c));
    case CompareOp::kLtEq:
      return !(min && Holds(*min, CompareOp::kGt, c));
    case CompareOp::kGt:
      return !(max && Holds(*max, CompareOp::kLtEq, c));
    case CompareOp::kGtEq:
      return !(max && Holds(*max, CompareOp::kLt, c));
    case CompareOp::kNotEq:
      return !(min && max && Holds(*min, CompareOp::kEq, c) && Holds(*max, CompareOp::kEq, c));
    default:
      return true;
  }
}

// The scan minus the files and row groups that cannot satisfy `predicates`: Hive
// partition values decide whole files, column statistics row groups.
std::shared_ptr<const FunctionData> PruneReadParquet(const FunctionData& function_data,
                                                     const std::vector<ColumnPredicate>& predicates) {
  const auto& data = static_cast<const ReadParquetData&>(function_data);
  auto pruned = std::make_shared<ReadParquetData>(data);
  pruned->morsels.clear();
  for (const auto& morsel : data.morsels) {
    bool keep = true;
    for (const ColumnPredicate& predicate : predicates) {
      if (!keep) break;
      const ColumnSource& source = data.sources[predicate.column];
      if (source.kind == ColumnSource::Kind::kPartition) {
        const std::string& text = data.partition_values[morsel.file][source.partition];
        if (text == "NULL" || text == "__HIVE_DEFAULT_PARTITION__") {
          keep = false;
        } else {
          try {
            const Value value = Value::Varchar(text).CastTo(data.types[predicate.column]);
            keep = std::any_of(predicate.constants.begin(), predicate.constants.end(),
                               [&](const Value& c) { return Holds(value, predicate.op, c); });
          } catch (const Error&) {
          }
        }
      } else if (source.kind == ColumnSource::Kind::kFile) {
        const int field = data.fields[morsel.file][predicate.column];
        if (field < 0) {
          keep = false;  // the column is NULL throughout this file
          continue;
        }
        const auto& leaf = data.files[morsel.file]->schema().fields[static_cast<size_t>(field)];
        if (leaf.kind != parquet::ParquetField::Kind::kLeaf || leaf.type != data.types[predicate.column]) continue;
        keep = std::any_of(predicate.constants.begin(), predicate.constants.end(), [&](const Value& c) {
          return MayMatch(*data.files[morsel.file], morsel.row_group, leaf, predicate.op, c);
        });
      }
    }
    if (keep) pruned->morsels.push_back(morsel);
  }
  return pruned;
}

uint32_t ReadParquetMaxThreads(const FunctionData* function_data, GlobalState*) {
  const auto& data = static_cast<const ReadParquetData&>(*function_data);
  return static_cast<uint32_t>(std::max<size_t>(1, data.morsels.size()));
}

}  // namespace

TableFunction MakeReadParquetFunction() {
  TableFunction function;
  function.name = "read_parquet";
  function.bind = BindReadParquet;
  function.init_global = InitReadParquet;
  function.init_local = InitReadParquetLocal;
  function.scan = ScanReadParquet;
  function.max_threads = ReadParquetMaxThreads;
  function.prune = PruneReadParquet;
  return function;
}

}  // namespace basin
