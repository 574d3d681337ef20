// src/common/file_writer.h
#pragma once

#include <string>

#include "common/byte_sink.h"

namespace basin {

// Buffered output to a file that the constructor creates or truncates, or to a
// ByteSink. Callers append to buffer() and call MaybeFlush(); writes happen in large
// chunks. Errors are basin::Errors that name the path (58P01 when a directory is
// missing, else 58030).
class FileWriter {
 public:
  explicit FileWriter(std::string path);
  // Writes to `sink`, which must outlive the writer; `name` is for messages.
  FileWriter(ByteSink& sink, std::string name);
  // Flushes what is left, ignoring errors: call Close() to see them.
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  std::string& buffer() { return buffer_; }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  void Flush();
  // Flushes and closes; later calls do nothing.
  void Close();
  const std::string& path() const { return path_; }

 private:
  // Big enough to make syscalls rare.
  static constexpr size_t kFlushBytes = 1 << 20;

  std::string path_;
  int fd_ = -1;
  ByteSink* sink_ = nullptr;
  std::string buffer_;
};

}  // namespace basin
