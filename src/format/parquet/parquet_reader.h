// src/format/parquet/parquet_reader.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "format/parquet/column_chunk_reader.h"
#include "format/parquet/parquet_footer.h"
#include "format/parquet/parquet_metadata.h"
#include "format/parquet/parquet_schema.h"
#include "format/parquet/record_assembler.h"

namespace basin::parquet {

// An open Parquet file: its footer, parsed once, and positional reads of its bytes.
// Thread-safe: row groups of one file are read by several threads at once.
class ParquetFile {
 public:
  // Throws 58P01 when the file does not exist, kBadCopyFileFormat when it is not
  // Parquet, kDataCorrupted when its footer or schema is malformed.
  static std::shared_ptr<const ParquetFile> Open(const std::string& path);
  // A file held in memory (fuzzing, tests); `name` is for messages.
  static std::shared_ptr<const ParquetFile> FromBuffer(const std::string& name, std::string bytes);
  ~ParquetFile();

  const std::string& path() const { return path_; }
  uint64_t size() const { return size_; }
  const FileMetaData& metadata() const { return metadata_; }
  const ParquetSchema& schema() const { return schema_; }
  // The bytes [range.offset, range.offset + range.length).
  std::unique_ptr<char[]> Read(ByteRange range) const;

 private:
  ParquetFile() = default;
  // Reads the footer and builds the schema, once size_ and the bytes are known.
  void Initialize();
  void ReadAt(char* out, uint64_t length, uint64_t offset) const;

  std::string path_;
  std::string buffer_;  // the bytes of an in-memory file (fd_ < 0)
  int fd_ = -1;
  uint64_t size_ = 0;
  FileMetaData metadata_;
  ParquetSchema schema_;
};

// Reads the rows of one row group, for some top-level fields, batch by batch.
// Columns without repetition stream page by page; nested ones are read whole and
// assembled per batch.
class RowGroupReader {
 public:
  RowGroupReader(std::shared_ptr<const ParquetFile> file, size_t row_group, std::vector<int> fields);
  ~RowGroupReader();
  // Fills columns [0, fields.size()) of `out` with up to kBatchSize rows (the other
  // columns are the caller's). Returns the number of rows; 0 at the end.
  uint32_t Next(Batch& out);
  uint64_t rows_read() const { return rows_read_; }

 private:
  std::unique_ptr<ColumnChunkReader> OpenChunk(int leaf_index) const;
  void ReadNestedLeaves(const ParquetField& field);
  [[noreturn]] void Fail(const std::string& what) const;

  std::shared_ptr<const ParquetFile> file_;
  size_t row_group_;
  std::vector<int> fields_;
  uint64_t rows_ = 0;
  uint64_t rows_read_ = 0;
  std::vector<std::unique_ptr<ColumnChunkReader>> flat_readers_;  // per field; null if nested
  std::vector<LeafEntries> leaves_;                               // nested fields' leaves
  RecordAssembler assembler_;
};

}  // namespace basin::parquet
