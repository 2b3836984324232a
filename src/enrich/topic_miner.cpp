#include "enrich/topic_miner.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.hpp"
#include "enrich/phrases.hpp"

namespace bzpeer::enrich {

namespace {
std::vector<std::string> phrases_of(const std::string& title, const std::string& abstract) {
  auto phrases = candidate_phrases(title + ". " + abstract);
  return phrases;
}
}  // namespace

void TopicMiner::observe(const std::string& title, const std::string& abstract) {
  ++documents_;
  for (const auto& p : phrases_of(title, abstract)) ++df_[text::stable_hash(p)];
}

void TopicMiner::finish_counting() {
  // A topic recurs across works; a phrase in more than 5% of them is boilerplate.
  min_df_ = documents_ < 50'000 ? 2 : 3;
  max_df_ = std::max<std::uint32_t>(min_df_ + 1, static_cast<std::uint32_t>(0.05 * static_cast<double>(documents_)));
  std::erase_if(df_, [&](const auto& entry) { return entry.second < min_df_ || entry.second > max_df_; });
}

std::vector<TopicId> TopicMiner::topics_of(const std::string& title, const std::string& abstract) {
  std::vector<TopicId> out;
  for (auto& p : phrases_of(title, abstract)) {
    std::uint64_t h = text::stable_hash(p);
    auto df = df_.find(h);
    if (df == df_.end()) continue;
    auto [it, inserted] = id_of_.try_emplace(h, static_cast<TopicId>(labels_.size()));
    if (inserted) {
      labels_.push_back(std::move(p));
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
  return it != names.end() ? it->second : category;
}

}  // namespace bzpeer::enrich
