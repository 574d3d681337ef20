#include "format/csv/csv_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.h"

namespace basin {

namespace {


// Owns a file descriptor.
class FileInput final : public CsvInput {
 public:
  FileInput(std::string path, int fd, uint64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  ~FileInput() override { ::close(fd_); }
  FileInput(const FileInput&) = delete;
  FileInput& operator=(const FileInput&) = delete;

  const std::string& name() const override { return path_; }
  uint64_t size() const override { return size_; }
  size_t ReadAt(uint64_t offset, char* out, size_t length) const override {
    size_t done = 0;
    while (done < length) {
      const ssize_t got =
          ::pread(fd_, out + done, length - done, static_cast<off_t>(offset + done));
      if (got < 0) {
        if (errno == EINTR) continue;
        throw Error(sqlstate::kIoError,
                    "could not read file \"" + path_ + "\": " + std::strerror(errno));
      }
      if (got == 0) break;
      done += static_cast<size_t>(got);
    }
    return done;
  }

 private:
  std::string path_;
  int fd_;
  uint64_t size_;
};

class MemoryInput final : public CsvInput {
 public:
  MemoryInput(std::string bytes, std::string name)
      : bytes_(std::move(bytes)), name_(std::move(name)) {}
  const std::string& name() const override { return name_; }
  uint64_t size() const override { return bytes_.size(); }
  size_t ReadAt(uint64_t offset, char* out, size_t length) const override {
    if (offset >= bytes_.size()) return 0;
    const size_t count = std::min<uint64_t>(length, bytes_.size() - offset);
    std::memcpy(out, bytes_.data() + offset, count);
    return count;
  }

 private:
  std::string bytes_;
  std::string name_;
};

}  // namespace

std::unique_ptr<CsvInput> OpenCsvFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    throw Error(error == ENOENT ? sqlstate::kUndefinedFile : sqlstate::kIoError,
                "could not open file \"" + path + "\" for reading: " + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    const int error = S_ISDIR(info.st_mode) ? EISDIR : errno;
    ::close(fd);
    throw Error(sqlstate::kIoError,
                "could not open file \"" + path + "\" for reading: " + std::strerror(error));
  }
  return std::make_unique<FileInput>(path, fd, static_cast<uint64_t>(info.st_size));
}

std::unique_ptr<CsvInput> MakeCsvMemoryInput(std::string bytes, std::string name) {
  return std::make_unique<MemoryInput>(std::move(bytes), std::move(name));
}

}  // namespace basin
