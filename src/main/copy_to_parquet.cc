// Partitioned writes group rows by the text of their partition values (the same text
// the directory names carry), then write each partition's rows, without the partition
// columns, to its own file. Partitions are written in parallel, one per worker, when
// there are several; a single file uses every worker for its row groups instead.
#include "main/copy_to_parquet.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <unordered_map>

#include "common/error.h"
#include "common/thread_pool.h"
#include "function/cast.h"
#include "main/database.h"
#include "main/session_state.h"

namespace basin {

namespace {

constexpr char kHiveNull[] = "__HIVE_DEFAULT_PARTITION__";

std::string RandomUuid() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const uint64_t high = (random() & ~uint64_t{0xF000}) | 0x4000;  // version 4
  const uint64_t low = (random() & ~(uint64_t{3} << 62)) | (uint64_t{2} << 62);  // variant
  char text[37];
  std::snprintf(text, sizeof(text), "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

std::string FileName(const std::string& pattern, uint64_t index) {
  std::string name = pattern;
  for (size_t at = name.find("{i}"); at != std::string::npos; at = name.find("{i}")) {
    name.replace(at, 3, std::to_string(index));
  }
  for (size_t at = name.find("{uuid}"); at != std::string::npos; at = name.find("{uuid}")) {
    name.replace(at, 6, RandomUuid());
  }
  return name + ".parquet";
}

// Refuses a non-empty target directory unless OVERWRITE (empty it first) or
// OVERWRITE_OR_IGNORE (write into it) is given, as DuckDB does.
void PrepareDirectory(const std::string& path, const ParquetCopyOptions& options) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error)) {
    if (!fs::is_directory(path, error)) {
      throw Error(sqlstate::kIoError, "cannot write partitions to \"" + path + "\": it is a file");
    }
    if (!fs::is_empty(path, error)) {
      if (options.overwrite) {
        for (const auto& entry : fs::directory_iterator(path)) fs::remove_all(entry.path());
      } else if (!options.overwrite_or_ignore) {
        throw Error(sqlstate::kIoError, "directory \"" + path +
                                            "\" is not empty; use OVERWRITE or "
                                            "OVERWRITE_OR_IGNORE to write into it");
      }
    }
  }
  fs::create_directories(path, error);
  if (error) {
    throw Error(sqlstate::kIoError, "could not create directory \"" + path + "\": " + error.message());
  }
}

struct Partition {
  std::string directory;  // "a=1/b=x", relative to the target
  std::vector<Batch> batches;
};

// Splits `batches` by the values of the columns `keys`; the batches of each
// partition hold the other columns, in order.
std::vector<Partition> SplitPartitions(std::span<const Batch> batches,
                                       const std::vector<std::string>& names,
                                       const std::vector<int>& keys,
                                       const std::vector<int>& kept, const TimeZone& zone) {
  std::vector<Partition> partitions;
  std::unordered_map<std::string, size_t> index_of;
  for (const Batch& batch : batches) {
    if (batch.size == 0) continue;
    std::vector<Vector> texts;
    for (const int key : keys) {
      const Vector& column = batch.columns[key];
      if (column.type().id() == TypeId::kVarchar) {
        texts.push_back(column);
      } else {
        texts.emplace_back(TypeId::kVarchar, std::max(batch.size, 1u));
        CastVector(column, texts.back(), batch.size, CastMode::kStrict, zone);
      }
    }
    // Rows of this batch per partition, in the order partitions first appear.
    std::vector<std::pair<size_t, std::vector<uint32_t>>> rows_of;
    std::map<size_t, size_t> slot_of;
    std::string directory;
    for (uint32_t row = 0; row < batch.size; ++row) {
      directory.clear();
      for (size_t k = 0; k < keys.size(); ++k) {
        const Vector& text = texts[k];
        const uint32_t r = text.is_constant() ? 0 : row;
        std::string value;
        const bool valid = text.IsValid(row);
        if (valid) value = text.data<StringRef>()[r].ToString();
        if (k > 0) directory += '/';
        directory += HivePartitionDirectory(names[keys[k]], valid ? &value : nullptr);
      }
      auto [it, added] = index_of.emplace(directory, partitions.size());
      if (added) partitions.push_back(Partition{directory, {}});
      auto [slot, new_slot] = slot_of.emplace(it->second, rows_of.size());
      if (new_slot) rows_of.push_back({it->second, {}});
      rows_of[slot->second].second.push_back(row);
    }
    for (const auto& [partition, rows] : rows_of) {
      Batch part;
      part.size = static_cast<uint32_t>(rows.size());
      for (const int column : kept) {
        Vector copy(batch.columns[column].type(), part.size);
        CopyRows(batch.columns[column], rows.data(), part.size, copy, 0);
        part.columns.push_back(std::move(copy));
      }
      partitions[partition].batches.push_back(std::move(part));
    }
  }
  return partitions;
}

uint64_t CopyPartitioned(ThreadPool& pool, uint32_t threads, const std::string& path,
                         const ParquetCopyOptions& options, const std::vector<std::string>& names,
                         const std::vector<LogicalType>& types, std::span<const Batch> batches,
                         const TimeZone& zone) {
  std::vector<int> keys;
  for (const std::string& key : options.partition_by) {
    const auto it = std::find(names.begin(), names.end(), key);
    if (it == names.end()) {
      throw Error(sqlstate::kUndefinedColumn, "PARTITION_BY column \"" + key + "\" not found");
    }
    keys.push_back(static_cast<int>(it - names.begin()));
  }
  std::vector<int> kept;
  std::vector<std::string> kept_names;
  std::vector<LogicalType> kept_types;
  for (size_t c = 0; c < names.size(); ++c) {
    if (std::find(keys.begin(), keys.end(), static_cast<int>(c)) != keys.end()) continue;
    kept.push_back(static_cast<int>(c));
    kept_names.push_back(names[c]);
    kept_types.push_back(types[c]);
  }
  if (kept.empty()) {
    throw Error(sqlstate::kInvalidParameterValue,
                "PARTITION_BY cannot name every column: no column would be left to write");
  }
  PrepareDirectory(path, options);
  const std::vector<Partition> partitions = SplitPartitions(batches, names, keys, kept, zone);
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> rows{0};
  const bool one_each = partitions.size() > 1;
  auto work = [&](uint32_t) {
    for (size_t p = next.fetch_add(1); p < partitions.size(); p = next.fetch_add(1)) {
      const std::string directory = path + "/" + partitions[p].directory;
      std::error_code error;
      std::filesystem::create_directories(directory, error);
      if (error) {
        throw Error(sqlstate::kIoError,
                    "could not create directory \"" + directory + "\": " + error.message());
      }
      rows += parquet::WriteParquetFile(directory + "/" + FileName(options.filename_pattern, 0),
                                        kept_names, kept_types, partitions[p].batches,
                                        options.writer, one_each ? nullptr : &pool,
                                        one_each ? 1 : threads);
    }
  };
  if (one_each && threads > 1) {
    RunParallel(pool, static_cast<uint32_t>(std::min<size_t>(threads, partitions.size())), work);
  } else {
    work(0);
  }
  return rows.load();
}

}  // namespace

std::string HivePartitionDirectory(const std::string& column, const std::string* value) {
  auto escape = [](const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
        out += c;
      } else {
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 15];
      }
    }
    return out;
  };
  return escape(column) + "=" + (value == nullptr ? std::string(kHiveNull) : escape(*value));
}

uint64_t CopyToParquet(Connection& connection, const std::string& path,
                       const ParquetCopyOptions& options, const std::vector<std::string>& names,
                       const std::vector<LogicalType>& types, std::span<const Batch> batches,
                       const TimeZone& zone) {
  ThreadPool& pool = connection.database().pool();
  const uint32_t threads = connection.session().settings.threads();
  if (!options.partition_by.empty()) {
    return CopyPartitioned(pool, threads, path, options, names, types, batches, zone);
  }
  return parquet::WriteParquetFile(path, names, types, batches, options.writer, &pool, threads);
}

}  // namespace basin
