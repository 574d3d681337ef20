#include "format/parquet/parquet_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.h"

namespace basin::parquet {

namespace {

// Footers beyond this are refused before allocation (real ones are kilobytes to a
// few megabytes even for thousands of columns and row groups).
constexpr uint64_t kMaxFooterBytes = uint64_t{256} << 20;

void ReadFully(int fd, char* out, uint64_t length, uint64_t offset, const std::string& path) {
  while (length > 0) {
    const ssize_t n = ::pread(fd, out, length, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw Error(sqlstate::kIoError, "could not read file \"" + path + "\" at offset " + std::to_string(offset) + ": " +
                                          (n < 0 ? std::strerror(errno) : "unexpected end of file"));
    }
    out += n;
    offset += static_cast<uint64_t>(n);
    length -= static_cast<uint64_t>(n);
  }
}

}  // namespace

std::shared_ptr<const ParquetFile> ParquetFile::Open(const std::string& path) {
  std::shared_ptr<ParquetFile> file(new ParquetFile());
  file->path_ = path;
  file->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file->fd_ < 0) {
    const int error = errno;
    throw Error(error == ENOENT ? sqlstate::kUndefinedFile : sqlstate::kIoError,
                "could not open file \"" + path + "\": " + std::strerror(error));
  }
  struct stat status;
  if (::fstat(file->fd_, &status) != 0 || !S_ISREG(status.st_mode)) {
    throw Error(sqlstate::kIoError, "\"" + path + "\" is not a regular file");
  }
  file->size_ = static_cast<uint64_t>(status.st_size);
  const uint64_t tail_size = std::min<uint64_t>(file->size_, 64 * 1024);
  std::vector<uint8_t> tail(tail_size);
  ReadFully(file->fd_, reinterpret_cast<char*>(tail.data()), tail_size, file->size_ - tail_size, path);
  const FooterLocation footer = LocateFooter(tail, file->size_, path);
  if (footer.length > kMaxFooterBytes) {
    throw Error(sqlstate::kProgramLimitExceeded, "Parquet file \"" + path + "\": footer of " +
                                                     std::to_string(footer.length) + " bytes is too large");
  }
  std::vector<uint8_t> bytes(footer.length);
  if (footer.offset >= file->size_ - tail_size) {
    std::memcpy(bytes.data(), tail.data() + (footer.offset - (file->size_ - tail_size)), footer.length);
  } else {
    ReadFully(file->fd_, reinterpret_cast<char*>(bytes.data()), footer.length, footer.offset, path);
  }
  try {
    file->metadata_ = ParseFileMetaData(bytes, footer.offset);
  } catch (const Error& error) {
    throw Error(error.state(), "Parquet file \"" + path + "\": " + error.message());
  }
  if (file->metadata_.encrypted) {
    throw Error(sqlstate::kFeatureNotSupported, "Parquet file \"" + path + "\" is encrypted");
  }
  file->schema_ = BuildParquetSchema(file->metadata_, path);
  for (const RowGroup& group : file->metadata_.row_groups) {
    if (group.columns.size() != file->schema_.num_leaves) {
      throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + path + "\": a row group has " +
                                                std::to_string(group.columns.size()) + " column chunks for " +
                                                std::to_string(file->schema_.num_leaves) + " leaf columns");
    }
    if (group.num_rows < 0) throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + path + "\": negative row count");
  }
  return file;
}

ParquetFile::~ParquetFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::unique_ptr<char[]> ParquetFile::Read(ByteRange range) const {
  if (range.offset > size_ || range.length > size_ - range.offset) {
    throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + path_ + "\": a column chunk lies outside the file");
  }
  auto bytes = std::make_unique_for_overwrite<char[]>(std::max<uint64_t>(range.length, 1));
  ReadFully(fd_, bytes.get(), range.length, range.offset, path_);
  return bytes;
}

RowGroupReader::RowGroupReader(std::shared_ptr<const ParquetFile> file, size_t row_group, std::vector<int> fields)
    : file_(std::move(file)), row_group_(row_group), fields_(std::move(fields)), assembler_(leaves_) {
  const RowGroup& group = file_->metadata().row_groups.at(row_group_);
  rows_ = static_cast<uint64_t>(group.num_rows);
  leaves_.resize(file_->schema().num_leaves);
  flat_readers_.resize(fields_.size());
  for (size_t i = 0; i < fields_.size(); ++i) {
    const ParquetField& field = file_->schema().fields.at(static_cast<size_t>(fields_[i]));
    if (field.kind == ParquetField::Kind::kLeaf) {
      flat_readers_[i] = OpenChunk(field.leaf_index);
    } else {
      ReadNestedLeaves(field);
    }
  }
}

RowGroupReader::~RowGroupReader() = default;

std::unique_ptr<ColumnChunkReader> RowGroupReader::OpenChunk(int leaf_index) const {
  const FileMetaData& metadata = file_->metadata();
  const ColumnChunk& chunk = metadata.row_groups[row_group_].columns.at(static_cast<size_t>(leaf_index));
  const std::string context = "Parquet file \"" + file_->path() + "\", row group " + std::to_string(row_group_) +
                              ", column " + std::to_string(leaf_index);
  ByteRange range;
  try {
    range = ColumnChunkRange(metadata, chunk, file_->size());
  } catch (const Error& error) {
    throw Error(error.state(), context + ": " + error.message());
  }
  if (!chunk.meta_data) throw Error(sqlstate::kDataCorrupted, context + ": the column chunk has no metadata");
  const ParquetField* leaf = nullptr;
  std::vector<const ParquetField*> stack;
  for (const auto& field : file_->schema().fields) stack.push_back(&field);
  while (!stack.empty() && leaf == nullptr) {
    const ParquetField* node = stack.back();
    stack.pop_back();
    if (node->kind == ParquetField::Kind::kLeaf && node->leaf_index == leaf_index) leaf = node;
    for (const auto& child : node->children) stack.push_back(&child);
  }
  if (chunk.meta_data->type != leaf->physical_type) {
    throw Error(sqlstate::kDataCorrupted, context + ": the column chunk's type " + TypeName(chunk.meta_data->type) +
                                              " differs from the schema's " + TypeName(leaf->physical_type));
  }
  return std::make_unique<ColumnChunkReader>(file_->Read(range), range.length, chunk, *leaf, context);
}

void RowGroupReader::ReadNestedLeaves(const ParquetField& field) {
  if (field.kind != ParquetField::Kind::kLeaf) {
    for (const ParquetField& child : field.children) ReadNestedLeaves(child);
    return;
  }
  std::unique_ptr<ColumnChunkReader> reader = OpenChunk(field.leaf_index);
  const uint64_t entries = reader->entries_left();
  if (entries > UINT32_MAX) throw Error(sqlstate::kProgramLimitExceeded, "a nested Parquet column chunk has over 4 billion values");
  LeafEntries& leaf = leaves_[static_cast<size_t>(field.leaf_index)];
  const uint32_t count = static_cast<uint32_t>(entries);
  leaf.values = Vector(field.type, std::max(count, 1u));
  leaf.def.assign(count, 0);
  leaf.rep.assign(count, 0);
  if (reader->Read(count, leaf.values, 0, leaf.def.data(), leaf.rep.data()) != count) {
    throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + file_->path() + "\": column \"" + field.name + "\" ends early");
  }
}

uint32_t RowGroupReader::Next(Batch& out) {
  const uint32_t count = static_cast<uint32_t>(std::min<uint64_t>(kBatchSize, rows_ - rows_read_));
  if (count == 0) return 0;
  for (size_t i = 0; i < fields_.size(); ++i) {
    Vector& column = out.columns[i];
    column.Reset();
    if (flat_readers_[i]) {
      if (flat_readers_[i]->Read(count, column, 0, nullptr, nullptr) != count) {
        throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + file_->path() + "\", row group " + std::to_string(row_group_) +
                                                  ": column \"" + file_->schema().fields[static_cast<size_t>(fields_[i])].name +
                                                  "\" has fewer values than the row group's " + std::to_string(rows_) + " rows");
      }
    } else {
      assembler_.Assemble(file_->schema().fields[static_cast<size_t>(fields_[i])], count, column, 0);
    }
  }
  rows_read_ += count;
  return count;
}

}  // namespace basin::parquet
