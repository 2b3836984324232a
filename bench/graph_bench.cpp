// graph-bench: builds the research graph of a built data directory (time, file size,
// bytes per edge), maps it, and times slices around random researchers (p50/p99, one
// thread): cold (the file dropped from the page cache, then mapped) and warm (the same
// researchers again), and the resident memory of the mapped graph once touched. One
// JSON line.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "page_cache.hpp"
#include "graph/graph_builder.hpp"
#include "graph/slice.hpp"
#include "store/catalog.hpp"

namespace {

long resident_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Research graph build and slice latency"};
  std::string data;
  int samples = 2000;
  app.add_option("--data", data, "Built data directory")->required();
  app.add_option("--samples", samples, "Researchers to slice around");
  CLI11_PARSE(app, argc, argv);

  auto catalog = bzpeer::store::open_catalog(data, /*read_only=*/true);
  if (!catalog) {
    std::fprintf(stderr, "graph-bench: %s\n", catalog.error().message.c_str());
    return 1;
  }
  std::string path = data + "/graph-bench.bin";
  auto built = bzpeer::graph::build_graph((*catalog)->index_source(), path);
  if (!built) {
    std::fprintf(stderr, "graph-bench: %s\n", built.error().message.c_str());
    return 1;
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  long build_peak_kib = usage.ru_maxrss;
  bzpeer::bench::evict_from_page_cache(path);
  long before_kib = resident_kib();
  auto view = bzpeer::graph::GraphView::open(path);
  if (!view) {
    std::fprintf(stderr, "graph-bench: %s\n", view.error().message.c_str());
    return 1;
  }
  const auto& g = **view;
  std::vector<std::uint32_t> researchers;
  for (std::uint32_t n = 0; n < g.node_count(); ++n)
    if (g.type(n) == bzpeer::graph::NodeType::researcher) researchers.push_back(n);
  std::mt19937 rng(42);
  std::shuffle(researchers.begin(), researchers.end(), rng);
  if (researchers.size() > static_cast<size_t>(samples)) researchers.resize(static_cast<size_t>(samples));
  bzpeer::graph::SliceOptions options;
  size_t nodes = 0;
  auto timed_pass = [&] {
    std::vector<double> ms;
    nodes = 0;
    for (auto r : researchers) {
      auto start = std::chrono::steady_clock::now();
      auto s = bzpeer::graph::slice(g, r, options);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      nodes += s.nodes.size();
    }
    std::sort(ms.begin(), ms.end());
    return ms;
  };
  auto percentile = [](const std::vector<double>& ms, size_t p) {
    return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, ms.size() * p / 100)];
  };
  std::vector<double> cold = timed_pass(), ms = timed_pass();
  nlohmann::ordered_json out = {
      {"nodes", built->nodes}, {"edges", built->edges}, {"file_bytes", built->bytes},
      {"bytes_per_edge", built->edges ? static_cast<double>(built->bytes) / static_cast<double>(built->edges) : 0.0},
      {"build_seconds", built->seconds}, {"build_peak_mib", build_peak_kib / 1024},
      {"serve_resident_mib", (resident_kib() - before_kib) / 1024},
      {"slices", ms.size()}, {"slice_cold_p50_ms", percentile(cold, 50)}, {"slice_cold_p99_ms", percentile(cold, 99)},
      {"slice_warm_p50_ms", percentile(ms, 50)}, {"slice_warm_p99_ms", percentile(ms, 99)},
      {"mean_slice_nodes", ms.empty() ? 0.0 : static_cast<double>(nodes) / static_cast<double>(ms.size())}};
  std::printf("%s\n", out.dump().c_str());
  std::remove(path.c_str());
  return 0;
}
