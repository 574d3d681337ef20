// src/main/database.h
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "main/query_result.h"

namespace basin {

class Catalog;
class CopyInStream;
class CopyOutStream;
class ThreadPool;
struct SessionState;

// The version printed by `basin --version` and version().
inline constexpr const char* kBasinVersion = "0.1.0";

struct DatabaseOptions {
  // Worker threads for query execution; 0 means one per core.
  uint32_t threads = 0;
};

// One Basin instance: the catalog, the worker pool and global settings. Thread-safe;
// each client opens its own Connection.
class Database {
 public:
  explicit Database(DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Catalog& catalog();
  ThreadPool& pool() { return *pool_; }
  // options().threads is resolved: never 0.
  const DatabaseOptions& options() const { return options_; }

 private:
  DatabaseOptions options_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<ThreadPool> pool_;
};

// A session: settings (threads, memory_limit, ...), and statement execution. Not
// thread-safe: one thread uses a connection at a time.
class Connection {
 public:
  explicit Connection(Database& database);
  ~Connection();

  // Runs every statement of `sql`; returns the last statement's result.
  // Throws basin::Error on the first failing statement (earlier ones stay done).
  QueryResult Query(const std::string& sql);

  // Runs the statements of `sql` one by one and hands each result, with its
  // elapsed time, to `on_result` as soon as it is complete (the CLI prints as it goes).
  using ResultCallback =
      std::function<void(const QueryResult& result, std::chrono::nanoseconds elapsed)>;
  void Execute(const std::string& sql, const ResultCallback& on_result);

  // Where COPY ... FROM STDIN reads its data and COPY ... TO STDOUT writes its rows
  // (see copy_stream.h); both must outlive their use. Without them those statements
  // fail with 0A000.
  void SetCopyStreams(CopyInStream* in, CopyOutStream* out);

  // Asks the running statement to stop; safe from another thread or a signal
  // handler's helper thread. The statement fails with SQLSTATE 57014.
  void Interrupt();

  // Rows processed so far by the running statement, and an estimate of its total
  // (0 if unknown): for progress bars. Safe from another thread.
  struct Progress {
    uint64_t rows_done = 0;
    uint64_t rows_total = 0;
  };
  Progress GetProgress() const;

  Database& database() { return database_; }
  SessionState& session() { return *session_; }

 private:
  Database& database_;
  std::unique_ptr<SessionState> session_;
};

}  // namespace basin
