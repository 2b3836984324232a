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

// The heavy-name mode (--names heavy): people come from naming cultures whose family
// names follow their real frequencies, so that a handful of names (Wang, Li, Zhang, Kim,
// Lee, Nguyen, Kumar, Singh) cover a large share of people, as in real catalogs. Shares
// of the population in percent, from national surname statistics (rounded); each
// culture's given names are drawn from a short list by Zipf, so full names repeat too.
struct NamingCulture {
  double share;  // of all people
  std::vector<std::pair<std::string, double>> families;
  std::vector<std::string> given;
};

const std::vector<NamingCulture> kCultures = {
    {0.36,
     {{"Wang", 7.1}, {"Li", 7.9}, {"Zhang", 7.1}, {"Liu", 5.4}, {"Chen", 4.6}, {"Yang", 3.1}, {"Huang", 2.2},
      {"Zhao", 2.3}, {"Wu", 2.1}, {"Zhou", 1.9}, {"Xu", 1.5}, {"Sun", 1.4}, {"Ma", 1.3}, {"Zhu", 1.2}, {"Hu", 1.1},
      {"Guo", 1.1}, {"He", 1.0}, {"Lin", 0.9}, {"Gao", 0.9}, {"Luo", 0.8}, {"Zheng", 0.8}, {"Liang", 0.7},
      {"Xie", 0.6}, {"Song", 0.6}, {"Tang", 0.6}, {"Han", 0.5}, {"Feng", 0.5}, {"Deng", 0.5}, {"Cao", 0.5},
      {"Peng", 0.5}, {"Zeng", 0.4}, {"Xiao", 0.4}, {"Tian", 0.4}, {"Dong", 0.4}, {"Pan", 0.4}, {"Yuan", 0.4},
      {"Cai", 0.3}, {"Jiang", 0.3}, {"Yu", 0.3}, {"Du", 0.3}},
     {"Wei", "Jing", "Li", "Min", "Yan", "Lei", "Jun", "Hao", "Yu", "Xin", "Jie", "Tao", "Ming", "Hui", "Yang",
      "Bin", "Fei", "Chao", "Peng", "Zhen", "Yue", "Rui", "Ying", "Hong", "Yifan", "Xiaoming", "Jian", "Qiang",
      "Lin", "Ning", "Xu", "Kai", "Han", "Yi", "Qi", "Long", "Gang", "Ping", "Dong", "Bo", "Yong", "Feng", "Xiang",
      "Zhiwei", "Haoran", "Yuxuan", "Zihan", "Xinyu", "Jiaqi", "Yuting"}},
    {0.07,
     {{"Kim", 21.5}, {"Lee", 14.7}, {"Park", 8.4}, {"Choi", 4.7}, {"Jung", 4.3}, {"Kang", 2.3}, {"Cho", 2.1},
      {"Yoon", 2.1}, {"Jang", 2.0}, {"Lim", 1.7}, {"Han", 1.5}, {"Oh", 1.4}, {"Seo", 1.4}, {"Shin", 1.4},
      {"Kwon", 1.4}, {"Hwang", 1.4}, {"Ahn", 1.3}, {"Song", 1.3}},
     {"Min-jun", "Ji-hoon", "Seo-yeon", "Ji-woo", "Hyun-woo", "Sung-min", "Jae-hyun", "Young-ho", "Dong-hyun",
      "Min-seo", "Ji-min", "Seung-hyun", "Jin", "Hye-jin", "Sang-woo", "Eun-ji", "Jun-ho", "Yoon-seo"}},
    {0.04,
     {{"Nguyen", 38.4}, {"Tran", 11.0}, {"Le", 9.5}, {"Pham", 7.1}, {"Hoang", 5.1}, {"Phan", 4.5}, {"Vu", 3.9},
      {"Dang", 2.1}, {"Bui", 2.0}, {"Do", 1.4}, {"Ho", 1.3}, {"Ngo", 1.3}, {"Duong", 1.0}, {"Ly", 0.5}},
     {"Minh", "Anh", "Thanh", "Duc", "Hung", "Linh", "Huy", "Tuan", "Long", "Trang", "Hoa", "Nam", "Quang",
      "Khoa", "Phuong", "Thao", "Dung", "Son"}},
    {0.12,
     {{"Kumar", 6.0}, {"Singh", 5.5}, {"Sharma", 3.0}, {"Patel", 2.5}, {"Gupta", 1.5}, {"Reddy", 1.3},
      {"Rao", 1.2}, {"Das", 1.2}, {"Shah", 1.0}, {"Jain", 0.8}, {"Mishra", 0.8}, {"Verma", 0.7}, {"Yadav", 0.7},
      {"Agarwal", 0.6}, {"Iyer", 0.4}, {"Nair", 0.5}, {"Joshi", 0.6}, {"Chatterjee", 0.4}, {"Banerjee", 0.4},
      {"Mukherjee", 0.4}, {"Pillai", 0.3}, {"Menon", 0.3}},
     {"Rahul", "Amit", "Priya", "Anil", "Sunil", "Vijay", "Ravi", "Sanjay", "Deepak", "Arun", "Ajay", "Neha",
      "Pooja", "Suresh", "Ramesh", "Raj", "Anjali", "Arjun", "Vikram", "Karthik", "Sandeep", "Manish", "Rohit",
      "Ankit", "Abhishek", "Shreya", "Aditya", "Nitin"}},
    {0.05,
     {{"Sato", 1.6}, {"Suzuki", 1.5}, {"Takahashi", 1.2}, {"Tanaka", 1.1}, {"Watanabe", 0.9}, {"Ito", 0.9},
      {"Yamamoto", 0.9}, {"Nakamura", 0.8}, {"Kobayashi", 0.8}, {"Kato", 0.7}, {"Yoshida", 0.7}, {"Yamada", 0.7},
      {"Sasaki", 0.6}, {"Yamaguchi", 0.5}, {"Matsumoto", 0.5}, {"Inoue", 0.5}},
     {"Hiroshi", "Takeshi", "Yuki", "Haruto", "Aiko", "Kenji", "Satoshi", "Takuya", "Daisuke", "Naoki", "Yusuke",
      "Kazuki", "Akira", "Yuta", "Sho", "Ryo", "Kaori", "Mai"}},
    {0.06,
     {{"Hosseini", 2.0}, {"Mohammadi", 1.8}, {"Ahmadi", 1.5}, {"Rezaei", 1.2}, {"Ali", 2.0}, {"Khan", 2.5},
      {"Ahmed", 2.2}, {"Hassan", 1.5}, {"Rahman", 1.5}, {"Hussain", 1.2}, {"Yilmaz", 1.0}, {"Kaya", 0.8},
      {"Demir", 0.8}, {"Ibrahim", 1.0}},
     {"Mohammad", "Ali", "Ahmed", "Reza", "Hassan", "Omar", "Fatima", "Sara", "Mehmet", "Ayse", "Amir", "Hamid",
      "Mostafa", "Zahra", "Yusuf", "Karim"}},
    {0.30, {}, {}},  // Western: the classic tables (kFamilyNames, kGivenNames) by Zipf
};

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
  std::string given, family;
  size_t community;
  double initials;  // chance that a paper gives only the initial of the given name
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
  std::string names_mode = "classic";
  app.add_option("--names", names_mode,
                 "classic: Zipf over a mixed table of names, 0.7 people a work; heavy: naming cultures with "
                 "their real family-name frequencies (Wang, Kim, Nguyen, Kumar cover large shares), 0.25 people "
                 "a work, some writing initials only")
      ->check(CLI::IsMember({"classic", "heavy"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto vocabulary = load_vocabulary(vocab_path);
  if (vocabulary.size() < 1000) {
    std::fprintf(stderr, "gen-corpus: only %zu words from %s\n", vocabulary.size(), vocab_path.c_str());
    return 1;
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);

  // People: about 0.7 distinct people per work; names from Zipf pools, so common names
  // ("Wei Wang") are shared by many people.
  const bool heavy = names_mode == "heavy";
  const size_t people_count = std::max<size_t>(1000, heavy ? works / 4 : works * 7 / 10);
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
  std::vector<double> culture_shares;
  std::vector<std::discrete_distribution<size_t>> family_of_culture;
  std::vector<Zipf> given_of_culture;
  for (const auto& culture : kCultures) {
    culture_shares.push_back(culture.share);
    std::vector<double> weights;
    for (const auto& family : culture.families) weights.push_back(family.second);
    family_of_culture.emplace_back(weights.begin(), weights.end());
    given_of_culture.emplace_back(std::max<size_t>(1, culture.given.size()), 1.0);
  }
  std::discrete_distribution<size_t> pick_culture(culture_shares.begin(), culture_shares.end());
  for (size_t p = 0; p < people_count; ++p) {
    auto& person = people[p];
    if (!heavy) {  // drawn in this order since the first corpus, which stays as it was
      person.given = kGivenNames[given_zipf(rng)];
      person.family = kFamilyNames[family_zipf(rng)];
      person.community = pick_community(rng);
      person.initials = 0;
      communities[person.community].members.push_back(p);
      continue;
    }
    person.community = pick_community(rng);
    size_t culture = pick_culture(rng);
    if (kCultures[culture].families.empty()) {
      person.given = kGivenNames[given_zipf(rng)];
      person.family = kFamilyNames[family_zipf(rng)];
    } else {
      person.given = kCultures[culture].given[given_of_culture[culture](rng)];
      person.family = kCultures[culture].families[family_of_culture[culture](rng)].first;
    }
    // Most people spell their given name out; some write only its initial, some both.
    double habit = unit(rng);
    person.initials = habit < 0.7 ? 0.0 : habit < 0.9 ? 0.5 : 1.0;
    communities[person.community].members.push_back(p);
  }
  for (auto& c : communities)
    if (c.members.empty()) c.members.push_back(0);

  Zipf word_zipf(std::min<size_t>(vocabulary.size(), 30'000), 1.0);
  Zipf productivity(4096, 1.2);  // within a community, a few people write most papers
  std::poisson_distribution<int> team_size(3.0);
  std::poisson_distribution<int> abstract_words(110);

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
      const Person& person = people[team[i]];
      const std::string given = person.initials > 0 && unit(rng) < person.initials
                                    ? std::string(bzpeer::text::first_character(person.given)) + "."
                                    : person.given;
      const std::string& family = person.family;
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
