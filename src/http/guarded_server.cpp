#include "http/guarded_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>

namespace bzpeer::http {

namespace {

constexpr size_t kPeekBytes = 80 * 1024;   // a request head and the first 64 KiB of its body
constexpr size_t kBodyStart = 64 * 1024;
constexpr size_t kReadChunk = 16 * 1024;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string address_of(int fd, bool peer, int* port = nullptr) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (rc != 0) return "";
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    if (port) *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    if (port) *port = ntohs(a->sin6_port);
  }
  return text;
}

// Whether `data` holds a whole request head and as much of the body as a worker should
// not wait for: all of it, or its first 64 KiB.
bool request_arrived(const std::string& data) {
  auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) return data.size() >= kPeekBytes;  // too long a head: httplib refuses it
  size_t length = 0;
  // Content-Length, in any case.
  for (size_t line = data.find("\r\n"); line != std::string::npos && line < end; line = data.find("\r\n", line + 2)) {
    static const char kName[] = "content-length:";
    size_t i = line + 2, k = 0;
    while (kName[k] && i < end && std::tolower(static_cast<unsigned char>(data[i])) == kName[k]) ++i, ++k;
    if (kName[k]) continue;
    while (i < end && data[i] == ' ') ++i;
    while (i < end && std::isdigit(static_cast<unsigned char>(data[i])) && length < (1u << 30))
      length = length * 10 + static_cast<size_t>(data[i++] - '0');
  }
  return data.size() >= end + 4 + std::min(length, kBodyStart);
}

}  // namespace

struct GuardedServer::Connection {
  int fd = -1;
  std::string client;
  std::string pending;  // read past one request: the start of the next
  std::int64_t deadline_ms = 0;
  int requests = 0;
};

namespace {

// httplib's view of a connection while a worker serves one request: reads come first
// from what an earlier request read past, and no call waits longer than `io_ms`.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(GuardedServer::Connection& c, int io_ms) : c_(c), io_ms_(io_ms) {}

  bool is_readable() const override { return !c_.pending.empty() || wait(POLLIN); }
  bool is_writable() const override { return wait(POLLOUT); }

  ssize_t read(char* ptr, size_t size) override {
    if (c_.pending.empty()) {
      if (!wait(POLLIN)) return -1;
      char buffer[kReadChunk];
      ssize_t n = ::recv(c_.fd, buffer, sizeof buffer, 0);
      if (n <= 0) return n;
      c_.pending.assign(buffer, static_cast<size_t>(n));
    }
    size_t n = std::min(size, c_.pending.size());
    std::memcpy(ptr, c_.pending.data(), n);
    c_.pending.erase(0, n);
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!wait(POLLOUT)) return -1;
    return ::send(c_.fd, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = address_of(c_.fd, true, &port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { ip = address_of(c_.fd, false, &port); }
  socket_t socket() const override { return c_.fd; }

 private:
  bool wait(short events) const {
    pollfd p{c_.fd, events, 0};
    int rc;
    do rc = ::poll(&p, 1, io_ms_);
    while (rc < 0 && errno == EINTR);
    return rc > 0 && (p.revents & (events | POLLHUP | POLLERR));
  }

  GuardedServer::Connection& c_;
  int io_ms_;
};

// Runs each accepted socket's hand-over on the accepting thread: it only parks it.
class InlineQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

GuardedServer::GuardedServer(size_t workers, ConnectionLimits limits) : limits_(limits) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_fd_, &ev);
  new_task_queue = [] { return new InlineQueue; };
  waiter_ = std::thread([this] { wait_loop(); });
  for (size_t i = 0; i < std::max<size_t>(1, workers); ++i) workers_.emplace_back([this] { work_loop(); });
}

GuardedServer::~GuardedServer() {
  stopping_ = true;
  wake();
  ready_cv_.notify_all();
  if (waiter_.joinable()) waiter_.join();
  for (auto& w : workers_)
    if (w.joinable()) w.join();
  for (auto& [fd, c] : parked_) ::close(fd);
  for (auto& c : ready_) ::close(c->fd);
  ::close(epoll_);
  ::close(wake_fd_);
}

void GuardedServer::widen_backlog() {
  socket_t sock = svr_sock_;
  if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);  // a second listen() only resizes the queue
}

void GuardedServer::wake() {
  std::uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  auto c = std::make_unique<Connection>();
  c->fd = sock;
  c->client = address_of(sock, true);
  {
    std::lock_guard lock(mutex_);
    int& from_client = per_client_[c->client];
    if (stopping_ || open_ >= limits_.max_connections || from_client >= limits_.per_client) {
      if (from_client == 0) per_client_.erase(c->client);
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
      return false;
    }
    ++from_client;
    ++open_;
  }
  park(std::move(c), limits_.request_seconds);
  return true;
}

void GuardedServer::park(std::unique_ptr<Connection> c, int seconds) {
  c->deadline_ms = now_ms() + seconds * 1000LL;
  {
    std::lock_guard lock(mutex_);
    to_park_.push_back(std::move(c));
  }
  wake();
}

void GuardedServer::close_connection(std::unique_ptr<Connection> c) {
  ::shutdown(c->fd, SHUT_RDWR);
  ::close(c->fd);
  std::lock_guard lock(mutex_);
  --open_;
  if (--per_client_[c->client] <= 0) per_client_.erase(c->client);
}

void GuardedServer::wait_loop() {
  std::vector<epoll_event> events(256);
  std::string peeked;
  while (!stopping_) {
    // New arrivals, and connections back from a worker between requests.
    std::vector<std::unique_ptr<Connection>> arrivals;
    {
      std::lock_guard lock(mutex_);
      arrivals.swap(to_park_);
    }
    std::vector<std::unique_ptr<Connection>> ready;
    for (auto& c : arrivals) {
      if (request_arrived(c->pending)) {  // a pipelined request already read
        ready.push_back(std::move(c));
        continue;
      }
      epoll_event ev{};
      // Edge-triggered: a client that sent half a request wakes this loop only when more
      // arrives, not on every turn.
      ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
      ev.data.fd = c->fd;
      epoll_ctl(epoll_, EPOLL_CTL_ADD, c->fd, &ev);
      int fd = c->fd;
      std::lock_guard lock(mutex_);
      parked_[fd] = std::move(c);
    }
    int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 200);
    std::vector<std::unique_ptr<Connection>> closing;
    for (int i = 0; i < n; ++i) {
      int fd = events[static_cast<size_t>(i)].data.fd;
      if (fd == wake_fd_) {
        std::uint64_t count;
        (void)!::read(wake_fd_, &count, sizeof count);
        continue;
      }
      std::unique_ptr<Connection> c;
      {
        std::lock_guard lock(mutex_);
        auto it = parked_.find(fd);
        if (it == parked_.end()) continue;
        c = std::move(it->second);
        parked_.erase(it);
      }
      peeked.resize(kPeekBytes);
      ssize_t got = ::recv(fd, peeked.data(), peeked.size(), MSG_PEEK | MSG_DONTWAIT);
      if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {  // the client went away
        epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
        closing.push_back(std::move(c));
        continue;
      }
      peeked.resize(got > 0 ? static_cast<size_t>(got) : 0);
      if (request_arrived(c->pending + peeked)) {
        epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
        ready.push_back(std::move(c));
      } else {
        std::lock_guard lock(mutex_);
        parked_[fd] = std::move(c);
      }
    }
    // Connections whose request did not arrive in time.
    const std::int64_t now = now_ms();
    {
      std::lock_guard lock(mutex_);
      for (auto it = parked_.begin(); it != parked_.end();) {
        if (it->second->deadline_ms <= now) {
          epoll_ctl(epoll_, EPOLL_CTL_DEL, it->first, nullptr);
          closing.push_back(std::move(it->second));
          it = parked_.erase(it);
        } else {
          ++it;
        }
      }
      for (auto& c : ready) ready_.push_back(std::move(c));
    }
    if (!ready.empty()) ready_cv_.notify_all();
    for (auto& c : closing) close_connection(std::move(c));
  }
}

void GuardedServer::work_loop() {
  for (;;) {
    std::unique_ptr<Connection> c;
    {
      std::unique_lock lock(mutex_);
      ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      c = std::move(ready_.front());
      ready_.pop_front();
    }
    ConnectionStream stream(*c, limits_.io_seconds * 1000);
    bool last = ++c->requests >= limits_.requests_per_connection || stopping_;
    bool closed = false;
    bool ok = process_request(stream, last, closed, nullptr);
    if (!ok || closed || last || stopping_)
      close_connection(std::move(c));
    else
      park(std::move(c), limits_.idle_seconds);
  }
}

}  // namespace bzpeer::http
