// src/common/thread_pool.h
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace basin {

// A fixed set of worker threads that run submitted tasks. Query execution runs each
// pipeline as one task per worker; the coordinating thread waits on a TaskGroup.
class ThreadPool {
 public:
  explicit ThreadPool(uint32_t threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  uint32_t size() const { return static_cast<uint32_t>(workers_.size()); }
  void Submit(std::function<void()> task);

 private:
  void WorkerLoop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Runs `count` invocations of `task(i)` on the pool and waits for all of them. The
// first exception thrown by any invocation is rethrown here, in the waiting thread
// (exceptions never cross threads otherwise). When `count` is 1 the task runs on the
// calling thread.
void RunParallel(ThreadPool& pool, uint32_t count, const std::function<void(uint32_t)>& task);

}  // namespace basin
