#include "main/database.h"

#include <thread>

#include "catalog/catalog.h"
#include "common/error.h"
#include "common/thread_pool.h"
#include "main/session_state.h"
#include "main/statement_executor.h"
#include "sql/parser/parser.h"

namespace basin {

namespace {
uint32_t HardwareThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}
}  // namespace

Database::Database(DatabaseOptions options)
    : options_(options),
      catalog_(std::make_unique<Catalog>()),
      pool_(std::make_unique<ThreadPool>(options.threads == 0 ? HardwareThreads() : options.threads)) {
  if (options_.threads == 0) options_.threads = HardwareThreads();
}

Database::~Database() = default;

Catalog& Database::catalog() { return *catalog_; }

Connection::Connection(Database& database)
    : database_(database), session_(std::make_unique<SessionState>(database.options().threads)) {}

Connection::~Connection() = default;

QueryResult Connection::Query(const std::string& sql) {
  QueryResult last;
  Execute(sql, [&last](const QueryResult& result, std::chrono::nanoseconds) { last = result; });
  return last;
}

void Connection::Execute(const std::string& sql, const ResultCallback& on_result) {
  auto statements = ast::ParseStatements(sql);
  for (const auto& statement : statements) {
    const auto start = std::chrono::steady_clock::now();
    session_->interrupted.store(false);
    session_->rows_done.store(0);
    session_->rows_total.store(0);
    QueryResult result;
    try {
      result = ExecuteStatement(*this, *statement, sql);
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw Error(sqlstate::kOutOfMemory, "out of memory");
    } catch (const std::exception& error) {
      // Anything else is a Basin bug; report it as such rather than crash.
      throw Error(sqlstate::kInternal, std::string("internal error: ") + error.what());
    }
    result.time_zone = session_->settings.time_zone();
    on_result(result, std::chrono::steady_clock::now() - start);
  }
}

void Connection::SetCopyStreams(CopyInStream* in, CopyOutStream* out) {
  session_->copy_in = in;
  session_->copy_out = out;
}

void Connection::Interrupt() { session_->interrupted.store(true); }

Connection::Progress Connection::GetProgress() const {
  return {session_->rows_done.load(std::memory_order_relaxed), session_->rows_total.load(std::memory_order_relaxed)};
}

}  // namespace basin
