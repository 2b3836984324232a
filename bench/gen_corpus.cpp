// gen-corpus: writes a synthetic arXiv-format corpus (JSON lines) with realistic shape:
// Zipf-distributed names with many homonyms, research communities with their own
// vocabulary and categories, co-author teams drawn mostly from one community, years
// growing towards the present, and titles and abstracts drawn from the vocabulary of
// the real ACL Anthology abstracts.
//
//   gen-corpus --works 1000000 --vocab-from ../shared/data/acl-anthology-2019 --out corpus.jsonl
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"
#include "ingest/reader.hpp"

namespace {

const std::vector<std::string> kFamilyNames = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
    "Guo", "He", "Lin", "Gao", "Luo", "Han", "Tian", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
    "Miller", "Davis", "Rodriguez", "Martinez", "Kim", "Lee", "Park", "Choi", "Nguyen", "Tran", "Singh", "Kumar",
    "Sharma", "Gupta", "Patel", "Shah", "Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Dubois", "Martin", "Bernard", "Petit", "Durand", "Tanaka",
    "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Ivanov", "Smirnov",
    "Kuznetsov", "Popov", "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Cohen", "Levi", "Mizrahi",
    "Hassan", "Ali", "Ahmed", "Khan", "Rahman", "Hosseini", "Mohammadi", "Novak", "Kowalski", "Nowak", "Jensen",
    "Nielsen", "Hansen", "Andersson", "Johansson", "Karlsson", "van der Berg", "de Vries", "Bakker", "Janssen",
    "O'Brien", "Murphy", "Kelly", "Walsh", "Garcia Lopez", "Fernandez", "Gonzalez", "Sanchez", "Ramirez", "Torres",
    "Yilmaz", "Kaya", "Demir", "Sahin", "Papadopoulos", "Nikolaidis", "Horvath", "Nagy", "Dvorak", "Svoboda"};

const std::vector<std::string> kGivenNames = {
    "Wei", "Jing", "Li", "Min", "Yan", "Lei", "Jun", "Hao", "Yu", "Xin", "Han", "Kai", "Qi", "Yi", "Jie", "Tao",
    "Ming", "Hui", "Yang", "Bin", "Fei", "Lin", "Chao", "Peng", "Xiao", "Zhen", "Yue", "Rui", "Ying", "Hong",
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Mary", "Patricia",
    "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen", "Daniel", "Matthew", "Anthony",
    "Mark", "Paul", "Steven", "Andrew", "Emily", "Anna", "Laura", "Maria", "Sofia", "Lucia", "Elena", "Marco",
    "Luca", "Giulia", "Pierre", "Marie", "Jean", "Sophie", "Hans", "Peter", "Klaus", "Julia", "Lena", "Jan",
    "Eva", "Ji-hoon", "Min-jun", "Seo-yeon", "Hiroshi", "Takeshi", "Yuki", "Haruto", "Aiko", "Rahul", "Priya",
    "Amit", "Anjali", "Arjun", "Deepak", "Neha", "Ahmed", "Fatima", "Omar", "Layla", "Mehmet", "Ayse", "Ivan",
    "Olga", "Dmitri", "Natalia", "Joao", "Ana", "Pedro", "Carlos", "Diego", "Valentina", "Noam", "Yael", "Lars",
    "Ingrid", "Sven", "Astrid", "Piotr", "Katarzyna", "Tomas", "Zuzana", "Nikos", "Eleni", "Zoltan", "Reka"};

const std::vector<std::string> kCategories = {
    "cs.CL", "cs.CV", "cs.LG", "cs.AI", "cs.IR", "stat.ML", "cs.RO", "cs.CR", "cs.DC", "cs.NI", "cs.IT", "eess.SP",
    "eess.IV", "cs.HC", "cs.DB", "cs.SE", "cs.SI", "cs.NE", "math.OC", "cs.SD", "physics.app-ph", "cond-mat.mtrl-sci"};

const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Samples index i with probability proportional to 1 / (i + 1)^s.
class Zipf {
 public:
  Zipf(size_t n, double s) : cumulative_(n) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) cumulative_[i] = total += 1.0 / std::pow(static_cast<double>(i + 1), s);
    for (auto& c : cumulative_) c /= total;
  }
  size_t operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

struct Person {
  size_t given, family, community;
};

struct Community {
  std::vector<size_t> words;      // indices into the vocabulary: this community's own terms
  std::vector<size_t> members;    // people, most productive first
  std::string category, secondary;
};

// Word frequencies of the real abstracts and titles, most frequent first.
std::vector<std::string> load_vocabulary(const std::string& path) {
  struct Counter : bzpeer::ingest::RecordSink {
    std::unordered_map<std::string, size_t> counts;
    void accept(bzpeer::model::Work&& w) override {
      for (auto& word : bzpeer::text::words(w.title + " " + w.abstract))
        if (word.size() > 1 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          ++counts[word];
    }
    void reject(bzpeer::ingest::Issue) override {}
  } counter;
  for (const auto& input : bzpeer::ingest::plan_inputs({path}, bzpeer::ingest::Format::automatic, counter))
    bzpeer::ingest::read_input(input, counter);
  std::vector<std::pair<size_t, std::string>> sorted;
  for (auto& [w, c] : counter.counts)
    if (c >= 3) sorted.emplace_back(c, w);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (auto& [c, w] : sorted) out.push_back(std::move(w));
  return out;
}

void json_string(std::string& out, const std::string& s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Synthetic arXiv-format corpus generator"};
  size_t works = 100'000;
  std::string vocab_path = "../shared/data/acl-anthology-2019", out_path = "-";
  std::uint64_t seed = 42;
  app.add_option("--works", works, "Number of works (100k to 3M)")->capture_default_str();
  app.add_option("--vocab-from", vocab_path, "ACL Anthology folder whose abstracts give the vocabulary")
      ->capture_default_str();
  app.add_option("--out", out_path, "Output file (- for stdout)")->capture_default_str();
  std::string truth_path;
  app.add_option("--truth", truth_path,
                 "Also write who each author is: a TSV line a work, arXiv id then person ids in author order "
                 "(`bzpeer eval identity --format synthetic` reads it)");
  app.add_option("--seed", seed, "Random seed (the same seed gives the same corpus)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto vocabulary = load_vocabulary(vocab_path);
  if (vocabulary.size() < 1000) {
    std::fprintf(stderr, "gen-corpus: only %zu words from %s\n", vocabulary.size(), vocab_path.c_str());
    return 1;
  }
  std::mt19937_64 rng(seed);

  // People: about 0.7 distinct people per work; names from Zipf pools, so common names
  // ("Wei Wang") are shared by many people.
  const size_t people_count = std::max<size_t>(1000, works * 7 / 10);
  const size_t community_count = std::max<size_t>(20, people_count / 400);
  Zipf given_zipf(kGivenNames.size(), 1.0), family_zipf(kFamilyNames.size(), 1.1);
  std::vector<Person> people(people_count);
  std::vector<Community> communities(community_count);
  // Topic words skip the ~150 most frequent (function) words.
  std::uniform_int_distribution<size_t> topic_word(150, std::min<size_t>(vocabulary.size() - 1, 20'000));
  Zipf category_zipf(kCategories.size(), 0.9);
  for (auto& c : communities) {
    for (int i = 0; i < 40; ++i) c.words.push_back(topic_word(rng));
    c.category = kCategories[category_zipf(rng)];
    c.secondary = kCategories[category_zipf(rng)];
  }
  std::uniform_int_distribution<size_t> pick_community(0, community_count - 1);
  for (size_t p = 0; p < people_count; ++p) {
    people[p] = {given_zipf(rng), family_zipf(rng), pick_community(rng)};
    communities[people[p].community].members.push_back(p);
  }
  for (auto& c : communities)
    if (c.members.empty()) c.members.push_back(0);

  Zipf word_zipf(std::min<size_t>(vocabulary.size(), 30'000), 1.0);
  Zipf productivity(4096, 1.2);  // within a community, a few people write most papers
  std::poisson_distribution<int> team_size(3.0);
  std::poisson_distribution<int> abstract_words(110);
  std::uniform_real_distribution<double> unit(0, 1);

  std::FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!out) {
    std::fprintf(stderr, "gen-corpus: cannot write %s\n", out_path.c_str());
    return 1;
  }
  auto sample_text = [&](const Community& c, int n, double topical) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (i) s.push_back(' ');
      s += unit(rng) < topical ? vocabulary[c.words[rng() % c.words.size()]] : vocabulary[word_zipf(rng)];
    }
    return s;
  };
  std::string line;
  FILE* truth = truth_path.empty() ? nullptr : std::fopen(truth_path.c_str(), "w");
  if (!truth_path.empty() && !truth) {
    std::fprintf(stderr, "gen-corpus: cannot write %s\n", truth_path.c_str());
    return 1;
  }
  for (size_t w = 0; w < works; ++w) {
    const Community& community = communities[pick_community(rng)];
    // Years grow towards the present: more papers every year.
    int year = 2025 - static_cast<int>(std::min(30.0, -std::log(1 - unit(rng)) * 6));
    int month = static_cast<int>(rng() % 12), day = 1 + static_cast<int>(rng() % 28);
    int authors = std::min(40, 1 + team_size(rng));
    std::vector<size_t> team;
    while (static_cast<int>(team.size()) < authors) {
      const Community& from = unit(rng) < 0.9 ? community : communities[pick_community(rng)];
      size_t person = from.members[productivity(rng) % from.members.size()];
      if (std::find(team.begin(), team.end(), person) == team.end()) team.push_back(person);
    }
    char id[48], created[64], update[32];
    std::snprintf(id, sizeof id, "%02d%02d.%07zu", year % 100, month + 1, w);
    std::snprintf(created, sizeof created, "%s, %d %s %d 10:00:00 GMT", kWeekdays[(year + month + day) % 7], day,
                  kMonths[month], year);
    std::snprintf(update, sizeof update, "%04d-%02d-%02d", year, month + 1, day);

    std::string title = sample_text(community, 6 + static_cast<int>(rng() % 7), 0.6);
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    std::string abstract = sample_text(community, std::max(20, abstract_words(rng)), 0.25) + ".";
    std::string names, parsed;
    for (size_t i = 0; i < team.size(); ++i) {
      const auto& given = kGivenNames[people[team[i]].given];
      const auto& family = kFamilyNames[people[team[i]].family];
      if (i) {
        names += i + 1 == team.size() ? " and " : ", ";
        parsed.push_back(',');
      }
      names += given + " " + family;
      parsed += "[";
      json_string(parsed, family);
      parsed += ",";
      json_string(parsed, given);
      parsed += ",\"\"]";
    }
    std::string categories = community.category;
    if (community.secondary != community.category && unit(rng) < 0.4) categories += " " + community.secondary;

    line.clear();
    line += "{\"id\":\"";
    line += id;
    line += "\",\"submitter\":null,\"authors\":";
    json_string(line, names);
    line += ",\"title\":";
    json_string(line, title);
    line += ",\"comments\":null,\"journal-ref\":null,\"doi\":null,\"report-no\":null,\"categories\":";
    json_string(line, categories);
    line += ",\"license\":null,\"abstract\":";
    json_string(line, abstract);
    line += ",\"versions\":[{\"version\":\"v1\",\"created\":\"";
    line += created;
    line += "\"}],\"update_date\":\"";
    line += update;
    line += "\",\"authors_parsed\":[";
    line += parsed;
    line += "]}\n";
    std::fwrite(line.data(), 1, line.size(), out);
    if (truth) {
      std::fprintf(truth, "%s", id);
      for (size_t i = 0; i < team.size(); ++i) std::fprintf(truth, "%c%zu", i ? ',' : '\t', team[i]);
      std::fputc('\n', truth);
    }
  }
  if (truth) std::fclose(truth);
  if (out != stdout) std::fclose(out);
  std::fprintf(stderr, "gen-corpus: %zu works, %zu people, %zu communities, vocabulary %zu words\n", works,
               people_count, community_count, vocabulary.size());
  return 0;
}
