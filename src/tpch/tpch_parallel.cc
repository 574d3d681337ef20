#include "tpch/tpch_parallel.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "common/error.h"
#include "common/time_zone.h"
#include "function/cast.h"

namespace basin::tpch {

namespace {

// Tables that have chunks of their own, biggest work first so the tail is short.
constexpr std::array<TpchTable, 7> kChunkedTables = {
    TpchTable::kOrders, TpchTable::kPartSupp, TpchTable::kPart,  TpchTable::kCustomer,
    TpchTable::kSupplier, TpchTable::kNation, TpchTable::kRegion};

struct ChunkTask {
  TpchTable table;
  uint64_t index;
};

std::vector<ChunkTask> AllChunks(const TpchGenerator& generator) {
  std::vector<ChunkTask> tasks;
  for (const TpchTable table : kChunkedTables) {
    for (uint64_t i = 0; i < generator.NumChunks(table); ++i) tasks.push_back({table, i});
  }
  return tasks;
}

// Runs `work(task)` for every task on `threads` pool tasks that share a counter.
void ForEachChunk(const std::vector<ChunkTask>& tasks, ThreadPool& pool, uint32_t threads,
                  const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  RunParallel(pool, std::max<uint32_t>(threads, 1), [&](uint32_t) {
    for (size_t task = next++; task < tasks.size(); task = next++) work(task);
  });
}

// One output file: chunks arrive out of order and are written in order.
class OrderedFile {
 public:
  explicit OrderedFile(std::string path) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) Fail("open");
  }
  ~OrderedFile() {
    if (fd_ >= 0) ::close(fd_);
  }

  void Put(uint64_t index, std::string text, uint64_t rows) {
    std::lock_guard lock(mutex_);
    pending_[index] = std::move(text);
    rows_ += rows;
    while (!pending_.empty() && pending_.begin()->first == next_) {
      Write(pending_.begin()->second);
      pending_.erase(pending_.begin());
      ++next_;
    }
  }
  uint64_t rows() const { return rows_; }
  void Close() {
    if (::close(fd_) != 0) Fail("close");
    fd_ = -1;
  }

 private:
  void Write(const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t wrote = ::write(fd_, text.data() + done, text.size() - done);
      if (wrote < 0) {
        if (errno == EINTR) continue;
        Fail("write to");
      }
      done += static_cast<size_t>(wrote);
    }
  }
  [[noreturn]] void Fail(const char* what) {
    throw Error(sqlstate::kIoError,
                std::string("could not ") + what + " file \"" + path_ + "\": " + std::strerror(errno));
  }

  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::map<uint64_t, std::string> pending_;
  uint64_t next_ = 0;
  uint64_t rows_ = 0;
};

}  // namespace

TpchTables GenerateTpchTables(const TpchGenerator& generator, ThreadPool& pool, uint32_t threads) {
  const std::vector<ChunkTask> tasks = AllChunks(generator);
  std::vector<Batch> chunks(tasks.size());
  std::vector<std::vector<Batch>> lines(tasks.size());
  ForEachChunk(tasks, pool, threads, [&](size_t task) {
    generator.Generate(tasks[task].table, tasks[task].index, chunks[task], &lines[task]);
  });
  TpchTables tables;
  for (size_t task = 0; task < tasks.size(); ++task) {
    auto& table = tables[static_cast<size_t>(tasks[task].table)];
    table.push_back(std::move(chunks[task]));
    if (tasks[task].table == TpchTable::kOrders) {
      auto& lineitem = tables[static_cast<size_t>(TpchTable::kLineitem)];
      for (auto& batch : lines[task]) lineitem.push_back(std::move(batch));
    }
  }
  return tables;
}

void AppendTblRows(const Batch& batch, std::string& out) {
  std::vector<Vector> text(batch.num_columns());
  for (size_t c = 0; c < batch.num_columns(); ++c) {
    if (batch.columns[c].type().id() == TypeId::kVarchar) {
      text[c] = batch.columns[c];
    } else {
      text[c] = Vector(TypeId::kVarchar, std::max(batch.columns[c].capacity(), batch.size));
      CastVector(batch.columns[c], text[c], batch.size, CastMode::kStrict, TimeZone::Utc());
    }
  }
  for (uint32_t row = 0; row < batch.size; ++row) {
    for (const auto& column : text) {
      out += column.data<StringRef>()[row].view();
      out.push_back('|');
    }
    out.push_back('\n');
  }
}

std::array<uint64_t, kNumTpchTables> WriteTpchTblFiles(const TpchGenerator& generator,
                                                       const std::string& dir, ThreadPool& pool,
                                                       uint32_t threads) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  std::array<std::unique_ptr<OrderedFile>, kNumTpchTables> files;
  for (const TpchTable table : kAllTpchTables) {
    files[static_cast<size_t>(table)] = std::make_unique<OrderedFile>(
        (std::filesystem::path(dir) / (std::string(TpchTableName(table)) + ".tbl")).string());
  }
  const std::vector<ChunkTask> tasks = AllChunks(generator);
  ForEachChunk(tasks, pool, threads, [&](size_t task) {
    Batch batch;
    std::vector<Batch> lines;
    generator.Generate(tasks[task].table, tasks[task].index, batch, &lines);
    std::string text;
    AppendTblRows(batch, text);
    files[static_cast<size_t>(tasks[task].table)]->Put(tasks[task].index, std::move(text), batch.size);
    if (tasks[task].table == TpchTable::kOrders) {
      std::string line_text;
      uint64_t rows = 0;
      for (const auto& line_batch : lines) {
        AppendTblRows(line_batch, line_text);
        rows += line_batch.size;
      }
      files[static_cast<size_t>(TpchTable::kLineitem)]->Put(tasks[task].index, std::move(line_text), rows);
    }
  });
  std::array<uint64_t, kNumTpchTables> rows{};
  for (size_t t = 0; t < files.size(); ++t) {
    files[t]->Close();
    rows[t] = files[t]->rows();
  }
  return rows;
}

}  // namespace basin::tpch
