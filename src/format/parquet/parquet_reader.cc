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
  file->Initialize();
  return file;
}

std::shared_ptr<const ParquetFile> ParquetFile::FromBuffer(const std::string& name, std::string bytes) {
  std::shared_ptr<ParquetFile> file(new ParquetFile());
  file->path_ = name;
  file->buffer_ = std::move(bytes);
  file->size_ = file->buffer_.size();
  file->Initialize();
  return file;
}

void ParquetFile::ReadAt(char* out, uint64_t length, uint64_t offset) const {
  if (fd_ >= 0) return ReadFully(fd_, out, length, offset, path_);
  if (offset > buffer_.size() || length > buffer_.size() - offset) {
    throw Error(sqlstate::kIoError, "could not read \"" + path_ + "\" at offset " + std::to_string(offset) +
                                        ": unexpected end of file");
  }
  if (length > 0) std::memcpy(out, buffer_.data() + offset, length);
}

void ParquetFile::Initialize() {
  const std::string& path = path_;
  const uint64_t tail_size = std::min<uint64_t>(size_, 64 * 1024);
  std::vector<uint8_t> tail(tail_size);
  ReadAt(reinterpret_cast<char*>(tail.data()), tail_size, size_ - tail_size);
  const FooterLocation footer = LocateFooter(tail, size_, path);
  if (footer.length > kMaxFooterBytes) {
    throw Error(sqlstate::kProgramLimitExceeded, "Parquet file \"" + path + "\": footer of " +
                                                     std::to_string(footer.length) + " bytes is too large");
  }
  std::vector<uint8_t> bytes(footer.length);
  if (footer.length == 0) {
    // Nothing to copy; ParseFileMetaData reports the empty footer.
  } else if (footer.offset >= size_ - tail_size) {
    std::memcpy(bytes.data(), tail.data() + (footer.offset - (size_ - tail_size)), footer.length);
  } else {
    ReadAt(reinterpret_cast<char*>(bytes.data()), footer.length, footer.offset);
  }
  try {
    metadata_ = ParseFileMetaData(bytes, footer.offset);
  } catch (const Error& error) {
    throw Error(error.state(), "Parquet file \"" + path + "\": " + error.message());
  }
  if (metadata_.encrypted) {
    throw Error(sqlstate::kFeatureNotSupported, "Parquet file \"" + path + "\" is encrypted");
  }
  schema_ = BuildParquetSchema(metadata_, path);
  for (size_t g = 0; g < metadata_.row_groups.size(); ++g) {
    const RowGroup& group = metadata_.row_groups[g];
    const std::string where = "Parquet file \"" + path + "\", row group " + std::to_string(g);
    if (group.columns.size() != schema_.num_leaves) {
      throw Error(sqlstate::kDataCorrupted, where + ": " + std::to_string(group.columns.size()) +
                                                " column chunks for " + std::to_string(schema_.num_leaves) +
                                                " leaf columns");
    }
    if (group.num_rows < 0) throw Error(sqlstate::kDataCorrupted, where + ": negative row count");
  }
}

ParquetFile::~ParquetFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::unique_ptr<char[]> ParquetFile::Read(ByteRange range) const {
  if (range.offset > size_ || range.length > size_ - range.offset) {
    throw Error(sqlstate::kDataCorrupted, "Parquet file \"" + path_ + "\": a column chunk lies outside the file");
  }
  auto bytes = std::make_unique_for_overwrite<char[]>(std::max<uint64_t>(range.length, 1));
  ReadAt(bytes.get(), range.length, range.offset);
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
  if (entries > UINT32_MAX) Fail("column \"" + field.name + "\" has over 4 billion values");
  if (entries < rows_) {
    Fail("column \"" + field.name + "\" has " + std::to_string(entries) + " values for " + std::to_string(rows_) +
         " rows");
  }
  // Read in pieces, growing as pages deliver: the count in the metadata is only a
  // claim, not something to allocate for up front.
  LeafEntries& leaf = leaves_[static_cast<size_t>(field.leaf_index)];
  const uint32_t count = static_cast<uint32_t>(entries);
  constexpr uint32_t kPiece = 64 * 1024;
  uint32_t capacity = std::min(count, kPiece);
  leaf.values = Vector(field.type, std::max(capacity, 1u));
  leaf.def.resize(capacity);
  leaf.rep.resize(capacity);
  uint32_t done = 0;
  while (done < count) {
    if (done == capacity) {
      capacity = static_cast<uint32_t>(std::min<uint64_t>(count, uint64_t{capacity} * 2));
      leaf.values.Grow(capacity);
      leaf.def.resize(capacity);
      leaf.rep.resize(capacity);
    }
    const uint32_t piece = capacity - done;
    if (reader->Read(piece, leaf.values, done, leaf.def.data() + done, leaf.rep.data() + done) != piece) {
      Fail("column \"" + field.name + "\" ends before its " + std::to_string(count) + " values");
    }
    done += piece;
  }
  leaf.position = 0;
}

void RowGroupReader::Fail(const std::string& what) const {
  throw Error(sqlstate::kDataCorrupted,
              "Parquet file \"" + file_->path() + "\", row group " + std::to_string(row_group_) + ": " + what);
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
      const ParquetField& field = file_->schema().fields[static_cast<size_t>(fields_[i])];
      try {
        assembler_.Assemble(field, count, column, 0);
      } catch (const Error& error) {
        Fail(error.message());
      }
      if (rows_read_ + count == rows_) {
        for (int leaf : field.Leaves()) {
          const LeafEntries& entries = leaves_[static_cast<size_t>(leaf)];
          if (entries.position != entries.def.size()) {
            Fail("column \"" + field.name + "\" has " + std::to_string(entries.def.size() - entries.position) +
                 " values beyond its " + std::to_string(rows_) + " rows");
          }
        }
      }
    }
  }
  rows_read_ += count;
  return count;
}

}  // namespace basin::parquet
