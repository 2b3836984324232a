#include "enrich/topic_miner.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/parallel.hpp"
#include "enrich/phrases.hpp"

namespace bzpeer::enrich {

namespace {
std::string document_text(const std::string& title, const std::string& abstract) { return title + ". " + abstract; }
}  // namespace

TopicMiner::TopicMiner() : buckets_(256) {}

void TopicMiner::observe(const std::string& title, const std::string& abstract) {
  ++documents_;
  for (const auto& p : candidate_phrases(document_text(title, abstract), folded_)) buckets_[p.hash >> 56].push_back(p.hash);
  for (const auto& p : candidate_phrases(title, folded_)) title_phrases_.push_back(p.hash);
}

void TopicMiner::finish_counting() {
  // A topic recurs across works (more often in larger corpora); a phrase in more than
  // 5% of them is boilerplate.
  min_df_ = std::max<std::uint32_t>(2, static_cast<std::uint32_t>(documents_ / 50'000));
  max_df_ = std::max<std::uint32_t>(min_df_ + 1, static_cast<std::uint32_t>(0.05 * static_cast<double>(documents_)));
  std::sort(title_phrases_.begin(), title_phrases_.end());
  title_phrases_.erase(std::unique(title_phrases_.begin(), title_phrases_.end()), title_phrases_.end());
  auto in_a_title = [&](std::uint64_t h) { return std::binary_search(title_phrases_.begin(), title_phrases_.end(), h); };
  // Buckets are independent: count them on every core, then merge the kept phrases.
  std::vector<std::vector<std::pair<std::uint64_t, std::uint32_t>>> kept(buckets_.size());
  parallel_for(buckets_.size(), [&](size_t b) {
    auto& bucket = buckets_[b];
    std::sort(bucket.begin(), bucket.end());
    for (size_t i = 0; i < bucket.size();) {
      size_t j = i;
      while (j < bucket.size() && bucket[j] == bucket[i]) ++j;
      auto df = static_cast<std::uint32_t>(j - i);
      if (df >= min_df_ && df <= max_df_ && in_a_title(bucket[i])) kept[b].emplace_back(bucket[i], df);
      i = j;
    }
    std::vector<std::uint64_t>().swap(bucket);  // free as we go
  });
  for (const auto& part : kept) df_.insert(part.begin(), part.end());
  std::vector<std::uint64_t>().swap(title_phrases_);
}

std::vector<TopicId> TopicMiner::topics_of(const std::string& title, const std::string& abstract) {
  std::vector<TopicId> out;
  for (const auto& p : candidate_phrases(document_text(title, abstract), folded_)) {
    auto df = df_.find(p.hash);
    if (df == df_.end()) continue;
    auto [it, inserted] = id_of_.try_emplace(p.hash, static_cast<TopicId>(labels_.size()));
    if (inserted) {
      labels_.emplace_back(folded_.substr(p.offset, p.length));
      df_of_topic_.push_back(df->second);
    }
    out.push_back(it->second);
  }
  return out;
}

std::string field_label(const std::string& category) {
  static const std::map<std::string, std::string> names = {
      {"cs.AI", "Artificial Intelligence"},
      {"cs.CL", "Computation and Language"},
      {"cs.CV", "Computer Vision"},
      {"cs.LG", "Machine Learning"},
      {"stat.ML", "Machine Learning (Statistics)"},
      {"cs.IR", "Information Retrieval"},
      {"cs.NE", "Neural and Evolutionary Computing"},
      {"cs.RO", "Robotics"},
      {"cs.CR", "Cryptography and Security"},
      {"cs.DC", "Distributed Computing"},
      {"cs.NI", "Networking and Internet Architecture"},
      {"cs.IT", "Information Theory"},
      {"math.IT", "Information Theory"},
      {"eess.SP", "Signal Processing"},
      {"eess.IV", "Image and Video Processing"},
      {"eess.AS", "Audio and Speech Processing"},
      {"cs.SD", "Sound"},
      {"cs.HC", "Human-Computer Interaction"},
      {"cs.DB", "Databases"},
      {"cs.SE", "Software Engineering"},
      {"cs.MM", "Multimedia"},
      {"cs.GR", "Graphics"},
      {"cs.SI", "Social and Information Networks"},
      {"cs.AR", "Hardware Architecture"},
      {"cs.ET", "Emerging Technologies"},
      {"cs.SY", "Systems and Control"},
      {"eess.SY", "Systems and Control"},
      {"math.OC", "Optimization and Control"},
      {"physics.app-ph", "Applied Physics"},
      {"cond-mat.mtrl-sci", "Materials Science"},
      {"physics.geo-ph", "Geophysics"},
      {"q-bio.NC", "Neurons and Cognition"},
  };
  auto it = names.find(category);
  if (it != names.end()) return it->second;
  // Other sources' fields are stored with underscores for spaces ("Computer_Science").
  std::string label = category;
  std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

}  // namespace bzpeer::enrich
