#include "format/parquet/parquet_writer.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>

#include "common/error.h"
#include "common/file_writer.h"
#include "common/string_ref.h"
#include "format/parquet/column_shredder.h"
#include "format/parquet/parquet_footer.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {

namespace {

constexpr char kMagic[] = "PAR1";

// Rows [begin, end) of one input batch.
struct BatchSlice {
  size_t batch = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct RowGroupPlan {
  std::vector<BatchSlice> slices;
  uint64_t rows = 0;
};

struct EncodedRowGroup {
  std::vector<EncodedColumnChunk> chunks;
  uint64_t rows = 0;
};

// Input bytes of a batch's rows, for ROW_GROUP_SIZE_BYTES: fixed widths plus string
// lengths (nested columns count their top-level width only: an estimate).
uint64_t EstimateRowBytes(const Batch& batch, uint32_t row) {
  uint64_t bytes = 0;
  for (const Vector& column : batch.columns) {
    bytes += column.type().PhysicalSize();
    if (column.type().id() == TypeId::kVarchar && column.IsValid(row)) {
      bytes += column.data<StringRef>()[column.is_constant() ? 0 : row].size();
    }
  }
  return bytes;
}

std::vector<RowGroupPlan> PlanRowGroups(std::span<const Batch> batches,
                                        const ParquetWriteOptions& options) {
  std::vector<RowGroupPlan> groups;
  const uint64_t max_rows = std::max<uint64_t>(options.row_group_rows, 1);
  RowGroupPlan current;
  uint64_t bytes = 0;
  auto finish = [&] {
    if (current.rows > 0) groups.push_back(std::move(current));
    current = RowGroupPlan{};
    bytes = 0;
  };
  for (size_t b = 0; b < batches.size(); ++b) {
    uint32_t row = 0;
    const uint32_t size = batches[b].size;
    while (row < size) {
      uint32_t end = static_cast<uint32_t>(std::min<uint64_t>(size, row + (max_rows - current.rows)));
      if (options.row_group_bytes > 0) {
        // Stop at the row that reaches the byte limit.
        uint32_t r = row;
        while (r < end && bytes < options.row_group_bytes) bytes += EstimateRowBytes(batches[b], r++);
        end = r;
      }
      current.slices.push_back({b, row, end});
      current.rows += end - row;
      row = end;
      if (current.rows >= max_rows || (options.row_group_bytes > 0 && bytes >= options.row_group_bytes)) {
        finish();
      }
    }
  }
  finish();
  return groups;
}

class FileBuilder {
 public:
  FileBuilder(const std::string& path, const WriteSchema& schema, const ParquetWriteOptions& options)
      : schema_(schema), options_(options), file_(path) {
    file_.buffer().append(kMagic, kMagicBytes);
    offset_ = kMagicBytes;
  }

  void Append(EncodedRowGroup group) {
    RowGroup row_group;
    row_group.num_rows = static_cast<int64_t>(group.rows);
    row_group.file_offset = static_cast<int64_t>(offset_);
    row_group.ordinal = static_cast<int16_t>(metadata_.row_groups.size());
    int64_t compressed = 0;
    std::vector<std::optional<ColumnIndex>> column_indexes;
    std::vector<OffsetIndex> offset_indexes;
    for (EncodedColumnChunk& encoded : group.chunks) {
      const auto start = static_cast<int64_t>(offset_);
      ColumnChunk chunk;
      chunk.file_offset = start;
      chunk.meta_data = std::move(encoded.metadata);
      ColumnMetaData& meta = *chunk.meta_data;
      meta.data_page_offset += start;
      if (meta.dictionary_page_offset) *meta.dictionary_page_offset += start;
      for (PageLocation& page : encoded.offset_index.page_locations) page.offset += start;
      row_group.total_byte_size += meta.total_uncompressed_size;
      compressed += meta.total_compressed_size;
      row_group.columns.push_back(std::move(chunk));
      column_indexes.push_back(std::move(encoded.column_index));
      offset_indexes.push_back(std::move(encoded.offset_index));
      Write(encoded.bytes);
      encoded.bytes = std::string();
    }
    row_group.total_compressed_size = compressed;
    metadata_.num_rows += row_group.num_rows;
    metadata_.row_groups.push_back(std::move(row_group));
    column_indexes_.push_back(std::move(column_indexes));
    offset_indexes_.push_back(std::move(offset_indexes));
  }

  void Finish() {
    // The page index sits between the row groups and the footer.
    std::string scratch;
    for (size_t g = 0; g < column_indexes_.size(); ++g) {
      for (size_t c = 0; c < column_indexes_[g].size(); ++c) {
        if (!column_indexes_[g][c]) continue;
        scratch.clear();
        SerializeColumnIndex(*column_indexes_[g][c], scratch);
        ColumnChunk& chunk = metadata_.row_groups[g].columns[c];
        chunk.column_index_offset = static_cast<int64_t>(offset_);
        chunk.column_index_length = static_cast<int32_t>(scratch.size());
        Write(scratch);
      }
    }
    for (size_t g = 0; g < offset_indexes_.size(); ++g) {
      for (size_t c = 0; c < offset_indexes_[g].size(); ++c) {
        scratch.clear();
        SerializeOffsetIndex(offset_indexes_[g][c], scratch);
        ColumnChunk& chunk = metadata_.row_groups[g].columns[c];
        chunk.offset_index_offset = static_cast<int64_t>(offset_);
        chunk.offset_index_length = static_cast<int32_t>(scratch.size());
        Write(scratch);
      }
    }
    metadata_.version = 1;
    metadata_.schema = schema_.elements;
    metadata_.created_by = options_.created_by;
    metadata_.column_orders.assign(schema_.leaves.size(), ColumnOrder::kTypeDefinedOrder);
    scratch.clear();
    SerializeFileMetaData(metadata_, scratch);
    const auto footer_length = static_cast<uint32_t>(scratch.size());
    scratch.append(reinterpret_cast<const char*>(&footer_length), 4);
    scratch.append(kMagic, kMagicBytes);
    Write(scratch);
    file_.Close();
  }

  uint64_t rows() const { return static_cast<uint64_t>(metadata_.num_rows); }

 private:
  void Write(const std::string& bytes) {
    file_.buffer() += bytes;
    file_.MaybeFlush();
    offset_ += bytes.size();
  }

  const WriteSchema& schema_;
  const ParquetWriteOptions& options_;
  FileWriter file_;
  uint64_t offset_ = 0;
  FileMetaData metadata_;
  std::vector<std::vector<std::optional<ColumnIndex>>> column_indexes_;
  std::vector<std::vector<OffsetIndex>> offset_indexes_;
};

EncodedRowGroup EncodeRowGroup(const WriteSchema& schema, std::span<const Batch> batches,
                               const RowGroupPlan& plan, const ColumnWriteOptions& options) {
  EncodedRowGroup group;
  group.rows = plan.rows;
  group.chunks.reserve(schema.leaves.size());
  // Column by column, so only one column's shredded values are held at a time.
  for (size_t c = 0; c < schema.fields.size(); ++c) {
    const WriteField& field = schema.fields[c];
    std::vector<LeafValues> leaves(schema.leaves.size());
    for (const BatchSlice& slice : plan.slices) {
      ShredColumn(field, schema.leaves, batches[slice.batch].columns[c], slice.begin, slice.end,
                  leaves);
    }
    for (const int leaf : LeafIndexes(field)) {
      group.chunks.push_back(EncodeColumnChunk(schema.leaves[leaf], leaves[leaf], options));
      leaves[leaf] = LeafValues{};
    }
  }
  return group;
}

// A temporary name beside `path`, unique within the process and across processes.
std::string TemporaryPath(const std::string& path) {
  static std::atomic<uint64_t> counter{0};
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return dir + "." + name + ".tmp." + std::to_string(::getpid()) + "." +
         std::to_string(counter.fetch_add(1));
}

// Opens the temporary file; errors name `path`, the file the user asked for.
FileBuilder OpenFile(const std::string& path, const std::string& temporary,
                     const WriteSchema& schema, const ParquetWriteOptions& options) {
  try {
    return FileBuilder(temporary, schema, options);
  } catch (const Error& error) {
    std::string message = error.what();
    const size_t at = message.find(temporary);
    if (at != std::string::npos) message.replace(at, temporary.size(), path);
    throw Error(error.state(), message);
  }
}

}  // namespace

uint64_t WriteParquetFile(const std::string& path, const std::vector<std::string>& names,
                          const std::vector<basin::LogicalType>& types,
                          std::span<const Batch> batches, const ParquetWriteOptions& options,
                          ThreadPool* pool, uint32_t threads) {
  const WriteSchema schema = BuildWriteSchema(names, types);
  const std::vector<RowGroupPlan> plans = PlanRowGroups(batches, options);
  const std::string temporary = TemporaryPath(path);
  try {
    FileBuilder builder = OpenFile(path, temporary, schema, options);
    // Finished row groups wait here until every earlier one is in the file.
    std::mutex mutex;
    std::map<size_t, EncodedRowGroup> finished;
    size_t next_to_write = 0;
    std::atomic<size_t> next_to_encode{0};
    std::atomic<bool> failed{false};
    auto work = [&](uint32_t) {
      try {
        while (!failed.load()) {
          const size_t index = next_to_encode.fetch_add(1);
          if (index >= plans.size()) return;
          EncodedRowGroup group = EncodeRowGroup(schema, batches, plans[index], options.column);
          std::lock_guard lock(mutex);
          finished.emplace(index, std::move(group));
          for (auto it = finished.find(next_to_write); it != finished.end();
               it = finished.find(next_to_write)) {
            builder.Append(std::move(it->second));
            finished.erase(it);
            ++next_to_write;
          }
        }
      } catch (...) {
        failed = true;
        throw;
      }
    };
    const auto workers = static_cast<uint32_t>(std::min<size_t>(std::max(threads, 1u), plans.size()));
    if (pool == nullptr || workers <= 1) {
      work(0);
    } else {
      RunParallel(*pool, workers, work);
    }
    builder.Finish();
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
      throw Error(sqlstate::kIoError, "could not rename \"" + temporary + "\" to \"" + path +
                                          "\": " + std::strerror(errno));
    }
    return builder.rows();
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

}  // namespace basin::parquet
