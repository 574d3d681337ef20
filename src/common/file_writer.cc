#include "common/file_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.h"

namespace basin {

FileWriter::FileWriter(std::string path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    const int error = errno;
    throw Error(error == ENOENT ? sqlstate::kUndefinedFile : sqlstate::kIoError,
                "could not open file \"" + path_ + "\" for writing: " + std::strerror(error));
  }
  buffer_.reserve(kFlushBytes + 64 * 1024);
}

FileWriter::FileWriter(ByteSink& sink, std::string name) : path_(std::move(name)), sink_(&sink) {
  buffer_.reserve(kFlushBytes + 64 * 1024);
}

FileWriter::~FileWriter() {
  if (sink_ != nullptr) return;  // an abandoned stream gets no partial chunk
  if (fd_ < 0) return;
  try {
    Flush();
  } catch (const Error&) {
    // Destructors must not throw; Close() is the way to see write errors.
  }
  ::close(fd_);
}

void FileWriter::Flush() {
  if (sink_ != nullptr) {
    if (!buffer_.empty()) sink_->Write(buffer_);
    buffer_.clear();
    return;
  }
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t wrote = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (wrote < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      buffer_.clear();
      throw Error(sqlstate::kIoError, "could not write to file \"" + path_ + "\": " + std::strerror(error));
    }
    done += static_cast<size_t>(wrote);
  }
  buffer_.clear();
}

void FileWriter::Close() {
  if (sink_ != nullptr) {
    Flush();
    return;
  }
  if (fd_ < 0) return;
  Flush();
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    throw Error(sqlstate::kIoError, "could not close file \"" + path_ + "\": " + std::strerror(errno));
  }
}

}  // namespace basin
