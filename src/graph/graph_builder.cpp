#include "graph/graph_builder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <vector>

#include "core/checksum.hpp"
#include "core/text.hpp"
#include "graph/graph_file.hpp"

namespace bzpeer::graph {

namespace {

struct Edge {
  std::uint32_t a, b;
  float weight;
  EdgeType type;
};

class Nodes {
 public:
  std::uint32_t add(NodeType type, std::int64_t key, const std::string& label) {
    types.push_back(type);
    keys.push_back(key);
    label_offsets.push_back(labels.size());
    labels += label;
    return static_cast<std::uint32_t>(types.size() - 1);
  }
  // Named nodes (topics, institutions, venues) are shared by their folded name.
  std::uint32_t named(NodeType type, const std::string& label) {
    std::string key = std::to_string(static_cast<int>(type)) + text::fold(label);
    auto [it, fresh] = by_name_.emplace(key, 0);
    if (fresh) it->second = add(type, 0, label);
    return it->second;
  }
  std::vector<NodeType> types;
  std::vector<std::int64_t> keys;
  std::vector<std::uint64_t> label_offsets;
  std::string labels;

 private:
  std::unordered_map<std::string, std::uint32_t> by_name_;
};

// Writes the sections after the header, keeping the CRC-32 the header will carry.
struct BodyWriter {
  std::ofstream& out;
  std::uint64_t crc = 0;
  void write(const void* bytes, size_t size) {
    out.write(static_cast<const char*>(bytes), static_cast<std::streamsize>(size));
    crc = crc32_of(crc, bytes, size);
  }
  template <typename T>
  void padded_section(const std::vector<T>& v) {
    static const char zeros[8] = {};
    write(v.data(), v.size() * sizeof(T));
    write(zeros, padded(v.size() * sizeof(T)) - v.size() * sizeof(T));
  }
};

// The file's bytes on disk before it replaces the old one: a crash leaves either.
bool sync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

Result<GraphStats> build_graph(store::IndexSource& source, const std::string& path) {
  auto start = std::chrono::steady_clock::now();
  Nodes nodes;
  std::vector<Edge> edges;
  std::unordered_map<std::int64_t, std::uint32_t> work_node;
  std::unordered_map<model::ResearcherId, std::uint32_t> researcher_node;
  Status read = source.for_each_work([&](store::WorkRow&& w) {
    std::uint32_t n = nodes.add(NodeType::work, w.id, w.title);
    work_node.emplace(w.id, n);
    if (!w.venue.empty()) edges.push_back({n, nodes.named(NodeType::venue, w.venue), 1.0f, EdgeType::venue});
  });
  if (!read) return read.error();
  read = source.for_each_researcher_for_search([&](store::ResearcherSearchRow&& r) {
    std::uint32_t n = nodes.add(NodeType::researcher, r.id.value(), r.display_name);
    researcher_node.emplace(r.id, n);
    // Profile topics come strongest first.
    for (size_t i = 0; i < r.topics.size(); ++i)
      edges.push_back({n, nodes.named(NodeType::topic, r.topics[i]), 1.0f / static_cast<float>(i + 1), EdgeType::topic});
  });
  if (!read) return read.error();
  // Authorship, and co-authorship from researchers who share a work (works of more
  // than 50 authors say little about who works with whom).
  std::vector<std::uint32_t> authors;
  std::int64_t current = -1;
  std::unordered_map<std::uint64_t, float> coauthor;
  auto flush_work = [&] {
    if (authors.size() > 1 && authors.size() <= 50)
      for (size_t i = 0; i < authors.size(); ++i)
        for (size_t j = i + 1; j < authors.size(); ++j) {
          auto [a, b] = std::minmax(authors[i], authors[j]);
          coauthor[(std::uint64_t{a} << 32) | b] += 1.0f;
        }
    authors.clear();
  };
  read = source.for_each_researcher_work([&](model::ResearcherId r, std::int64_t work) {
    if (work != current) {
      flush_work();
      current = work;
    }
    auto rn = researcher_node.find(r);
    auto wn = work_node.find(work);
    if (rn == researcher_node.end() || wn == work_node.end()) return;
    authors.push_back(rn->second);
    edges.push_back({rn->second, wn->second, 1.0f, EdgeType::authorship});
  });
  if (!read) return read.error();
  flush_work();
  for (const auto& [pair, weight] : coauthor)
    edges.push_back({static_cast<std::uint32_t>(pair >> 32), static_cast<std::uint32_t>(pair & 0xffffffffu), weight,
                     EdgeType::coauthorship});
  coauthor.clear();
  read = source.for_each_researcher_affiliation([&](model::ResearcherId r, const std::string& affiliation, int count) {
    auto rn = researcher_node.find(r);
    if (rn != researcher_node.end())
      edges.push_back({rn->second, nodes.named(NodeType::institution, affiliation), static_cast<float>(count), EdgeType::affiliation});
  });
  if (!read) return read.error();
  nodes.label_offsets.push_back(nodes.labels.size());

  // CSR: both directions of every edge, rows sorted strongest first.
  const std::uint64_t n = nodes.types.size();
  std::vector<std::uint64_t> row(n + 1, 0);
  for (const auto& e : edges) {
    ++row[e.a + 1];
    ++row[e.b + 1];
  }
  for (std::uint64_t i = 0; i < n; ++i) row[i + 1] += row[i];
  std::vector<std::uint32_t> target(row[n]);
  std::vector<float> weight(row[n]);
  std::vector<std::uint8_t> type(row[n]);
  {
    std::vector<std::uint64_t> fill(row.begin(), row.end() - 1);
    for (const auto& e : edges) {
      for (auto [from, to] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}}) {
        std::uint64_t at = fill[from]++;
        target[at] = to;
        weight[at] = e.weight;
        type[at] = static_cast<std::uint8_t>(e.type);
      }
    }
  }
  edges.clear();
  edges.shrink_to_fit();
  std::vector<std::uint64_t> order;
  std::vector<std::uint32_t> t;  // scratch rows, reused
  std::vector<float> w;
  std::vector<std::uint8_t> ty;
  for (std::uint64_t v = 0; v < n; ++v) {
    std::uint64_t a = row[v], b = row[v + 1];
    order.resize(b - a);
    for (std::uint64_t i = 0; i < b - a; ++i) order[i] = a + i;
    std::sort(order.begin(), order.end(), [&](std::uint64_t x, std::uint64_t y) { return weight[x] > weight[y]; });
    t.resize(b - a);
    w.resize(b - a);
    ty.resize(b - a);
    for (std::uint64_t i = 0; i < b - a; ++i) {
      t[i] = target[order[i]];
      w[i] = weight[order[i]];
      ty[i] = type[order[i]];
    }
    std::copy(t.begin(), t.end(), target.begin() + static_cast<std::ptrdiff_t>(a));
    std::copy(w.begin(), w.end(), weight.begin() + static_cast<std::ptrdiff_t>(a));
    std::copy(ty.begin(), ty.end(), type.begin() + static_cast<std::ptrdiff_t>(a));
  }

  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    Header header;
    std::copy(std::begin(kMagic), std::end(kMagic), header.magic);
    header.nodes = n;
    header.edges = row[n];
    header.label_bytes = nodes.labels.size();
    out.write(reinterpret_cast<const char*>(&header), sizeof header);  // again below, with the CRC
    BodyWriter body{out};
    std::vector<std::uint8_t> types(n);
    for (std::uint64_t i = 0; i < n; ++i) types[i] = static_cast<std::uint8_t>(nodes.types[i]);
    body.padded_section(types);
    body.padded_section(nodes.keys);
    body.padded_section(nodes.label_offsets);
    body.padded_section(std::vector<char>(nodes.labels.begin(), nodes.labels.end()));
    body.padded_section(row);
    body.padded_section(target);
    body.padded_section(weight);
    body.padded_section(type);
    header.body_crc32 = body.crc;
    out.seekp(0);
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.flush();
    if (!out) return make_error(ErrorCode::io, "cannot write " + temp + " (is the disk full?)");
  }
  if (!sync_file(temp)) return make_error(ErrorCode::io, "cannot write " + temp + " (is the disk full?)");
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) return make_error(ErrorCode::io, "cannot write " + path + ": " + ec.message());
  GraphStats stats;
  stats.nodes = n;
  stats.edges = row[n] / 2;
  stats.bytes = std::filesystem::file_size(path);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace bzpeer::graph
