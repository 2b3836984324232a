#pragma once
// cpp-httplib gives each connection a worker thread for as long as it lives, so a few
// clients that send slowly, or send nothing, hold every worker and the server stops
// answering ("slowloris"). GuardedServer keeps connections away from the workers until
// a whole request has arrived: one epoll thread parks them, with a deadline for the
// request to arrive and a cap on connections per client address, and a worker gets a
// connection only when its request head (and the start of its body) is in the kernel's
// buffer. Between keep-alive requests the connection goes back to wait.
#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace bzpeer::http {

struct ConnectionLimits {
  int per_client = 64;               // open connections from one address
  int request_seconds = 10;          // for a request's head and body start to arrive
  int idle_seconds = 5;              // between keep-alive requests
  int io_seconds = 10;               // a worker's read or write that makes no progress
  size_t max_connections = 10000;    // parked and served together
  int requests_per_connection = 100;
};

class GuardedServer : public httplib::Server {
 public:
  GuardedServer(size_t workers, ConnectionLimits limits);
  ~GuardedServer() override;

  // httplib listens with a backlog of 5: a burst of connections beyond it is reset by
  // the kernel before anyone accepts it. Call after binding.
  void widen_backlog();

  struct Connection;

 private:
  // Called by httplib for each accepted socket (on the accepting thread: see the
  // constructor's task queue); parks it and returns at once.
  bool process_and_close_socket(socket_t sock) override;

  void wait_loop();
  void work_loop();
  void park(std::unique_ptr<Connection> c, int seconds);
  void close_connection(std::unique_ptr<Connection> c);
  void wake();

  const ConnectionLimits limits_;
  int epoll_ = -1, wake_fd_ = -1;
  std::atomic<bool> stopping_{false};

  std::mutex mutex_;  // guards everything below
  std::unordered_map<int, std::unique_ptr<Connection>> parked_;
  std::vector<std::unique_ptr<Connection>> to_park_;
  std::unordered_map<std::string, int> per_client_;
  size_t open_ = 0;
  std::deque<std::unique_ptr<Connection>> ready_;
  std::condition_variable ready_cv_;

  std::thread waiter_;
  std::vector<std::thread> workers_;
};

}  // namespace bzpeer::http
