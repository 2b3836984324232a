// `bzpeer identity train` and `bzpeer eval identity`: the pairwise model's training and
// its evaluation on labelled datasets.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "identity/default_model.hpp"
#include "identity/eval/evaluate.hpp"

namespace bzpeer::cli {

namespace {

struct TrainOptions {
  std::string acl = "../shared/data/acl-anthology-2019";
  // Whole collections (both folds): leave-one-source-out scores each one unseen.
  std::vector<std::string> ufmg = {"../shared/data/ufmg-and/kisti", "../shared/data/ufmg-and/bdbcomp"};
  std::vector<std::string> han = {"../shared/data/han-dblp-namesets"};  // each name set a unit
  std::vector<std::string> openalex = {"../shared/data/openalex-synergy"};
  std::vector<std::string> s2and = {"../shared/data/s2and-dummy"};
  size_t single_person_names = 100;
  size_t name_variant_people = 10000;  // more than the Anthology has: all of them
  std::string learner = "boosted_trees";
  bool report = false;
  std::vector<std::string> report_units;  // score only these units (all when empty)
  bool save = true;
  std::string out = "models/identity.json";
};

// Each predicted cluster with its signatures' true labels and titles, to see a mistake.
void print_clusters(const identity::LabelledSet& set, const identity::EvalResult& result) {
  std::map<std::string, std::vector<size_t>> clusters;
  for (size_t i = 0; i < result.predicted.size(); ++i) clusters[result.predicted[i]].push_back(i);
  for (const auto& [id, members] : clusters) {
    std::fprintf(stderr, "cluster %s\n", id.c_str());
    for (size_t i : members) {
      const auto& sig = set.evidence.signatures[i];
      std::fprintf(stderr, "  %s[%s] %s | %s\n", i < set.known ? "known " : "", set.labels[i].c_str(), sig.raw_name.c_str(),
                   set.evidence.works[sig.work].title.c_str());
    }
  }
}


// A markdown table of leave-one-source-out results, with each unit's target: half the
// name-string baseline's error, or the baseline itself where it is above 0.95.
std::string report_table(const std::vector<identity::EvalResult>& results) {
  std::string out = "| unit left out | signatures | baseline B3 F1 | B3 F1 | target | met |\n|---|---|---|---|---|---|\n";
  double sum = 0;
  size_t met = 0;
  for (const auto& r : results) {
    double target = r.baseline_b3_f1 > 0.95 ? r.baseline_b3_f1 : (1 + r.baseline_b3_f1) / 2;
    bool ok = r.scores.b3_f1 + 1e-9 >= target;
    met += ok;
    sum += r.scores.b3_f1;
    char row[256];
    std::snprintf(row, sizeof row, "| %s | %zu | %.3f | %.3f | %.3f | %s |\n", r.dataset.c_str(), r.signatures,
                  r.baseline_b3_f1, r.scores.b3_f1, target, ok ? "yes" : "no");
    out += row;
  }
  char tail[160];
  std::snprintf(tail, sizeof tail, "\nmean B3 F1 over %zu units: %.3f; %zu of %zu meet their target\n", results.size(),
                results.empty() ? 0.0 : sum / static_cast<double>(results.size()), met, results.size());
  return out + tail;
}

int train(const TrainOptions& o) {
  auto learner = identity::parse_learner(o.learner);
  if (!learner) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", learner.error().message.c_str());
    return 2;
  }
  std::vector<identity::LabelledSet> sets;
  std::vector<bool> scored;  // a unit of its own in leave-one-source-out
  auto add = [&](const std::string& format, const std::string& path) {
    if (path.empty()) return true;  // `--han ""`: none of this kind
    auto set = identity::load_labelled(format, path);
    if (!set) {
      std::fprintf(stderr, "bzpeer identity train: %s\n", set.error().message.c_str());
      return false;
    }
    std::fprintf(stderr, "loaded %s: %zu labelled signatures\n", path.c_str(), set->labels.size());
    sets.push_back(std::move(*set));
    scored.push_back(true);
    return true;
  };
  // The Anthology is read once; its ids, single names, name variants and name counts
  // all come from that reading.
  auto acl = identity::read_acl_anthology(o.acl);
  if (!acl) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", acl.error().message.c_str());
    return 1;
  }
  sets.push_back(identity::load_acl(*acl));
  scored.push_back(true);
  std::fprintf(stderr, "loaded %s: %zu labelled signatures\n", o.acl.c_str(), sets.back().labels.size());
  if (o.single_person_names > 0) {
    // Training only: one person per name by construction, nothing to tell apart.
    sets.push_back(identity::load_acl_single_person_names(*acl, o.single_person_names));
    scored.push_back(false);
    std::fprintf(stderr, "loaded %zu slots of %zu uncurated ACL names\n", sets.back().labels.size(),
                 o.single_person_names);
  }
  if (o.name_variant_people > 0) {
    auto people = identity::load_acl_name_variant_people(*acl, o.name_variant_people);
    if (!people) {
      std::fprintf(stderr, "bzpeer identity train: %s\n", people.error().message.c_str());
      return 1;
    }
    std::fprintf(stderr, "loaded %zu slots of %zu ACL people printed under name variants\n", people->labels.size(),
                 std::set<std::string>(people->labels.begin(), people->labels.end()).size());
    sets.push_back(std::move(*people));
    scored.push_back(true);
  }
  for (const auto& p : o.ufmg)
    if (!add("ufmg", p)) return 1;
  for (const auto& p : o.han)
    for (const auto& file : p.empty() ? std::vector<std::string>{} : identity::files_with_extension(p, ".txt"))
      if (!add("han", file)) return 1;
  for (const auto& p : o.openalex)
    if (!add("openalex", p)) return 1;
  for (const auto& p : o.s2and)
    if (!add("s2and", p)) return 1;

  auto name_counts = identity::count_names(acl->works);
  std::fprintf(stderr, "counted %zu given and %zu family names of ACL authors (seen twice or more)\n",
               name_counts.given.size(), name_counts.family.size());

  std::vector<const identity::LabelledSet*> all;
  std::vector<std::vector<std::vector<size_t>>> blocks;
  std::string trained_on;
  for (const auto& s : sets) {
    all.push_back(&s);
    blocks.push_back(identity::group_by_block(s.evidence));
    trained_on += (trained_on.empty() ? "" : ", ") + s.name + " (" + std::to_string(s.labels.size()) + " signatures)";
  }
  std::string summary;
  if (o.report) {
    if (!o.report_units.empty())
      for (size_t u = 0; u < sets.size(); ++u)
        scored[u] = scored[u] && std::find(o.report_units.begin(), o.report_units.end(), sets[u].name) != o.report_units.end();
    auto results = identity::leave_one_source_out(all, scored, name_counts, *learner);
    if (!results) {
      std::fprintf(stderr, "bzpeer identity train: %s\n", results.error().message.c_str());
      return 1;
    }
    for (const auto& r : *results) std::printf("%s\n", r.to_json().c_str());
    std::string table = report_table(*results);
    std::printf("\nleave-one-source-out, learner %s:\n%s", o.learner.c_str(), table.c_str());
    summary = "leave-one-source-out, " + table.substr(table.rfind("mean"));
    if (!summary.empty() && summary.back() == '\n') summary.pop_back();
  }
  if (!o.save) return 0;
  auto model = identity::train_model(all, blocks, name_counts, *learner);
  if (!model) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", model.error().message.c_str());
    return 1;
  }
  model->trained_on = trained_on;
  model->cross_validation = summary;
  auto saved = model->save(o.out);
  if (!saved) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", saved.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s (%s, threshold %.2f)\n", o.out.c_str(), o.learner.c_str(), model->threshold);
  return 0;
}

}  // namespace

void add_identity_commands(CLI::App& app, int& exit_code) {
  auto* identity_cmd = app.add_subcommand("identity", "Author disambiguation model");
  identity_cmd->require_subcommand(1);
  auto* train_cmd = identity_cmd->add_subcommand("train", "Train the pairwise model on labelled data");
  auto options = std::make_shared<TrainOptions>();
  train_cmd->add_option("--acl", options->acl, "ACL Anthology XML with editors' author ids")->capture_default_str();
  train_cmd->add_option("--ufmg", options->ufmg, "UFMG/LBD training files")->capture_default_str();
  train_cmd->add_option("--han", options->han, "Han/Giles DBLP name sets (files or folders; each file a unit)")
      ->capture_default_str();
  train_cmd->add_option("--openalex", options->openalex, "OpenAlex works whose ORCID iDs label authorships")
      ->capture_default_str();
  train_cmd->add_option("--s2and", options->s2and, "S2AND dataset directories")->capture_default_str();
  train_cmd->add_option("--learner", options->learner, "boosted_trees (XGBoost) or logistic")->capture_default_str();
  train_cmd->add_flag("--report", options->report,
                      "Leave one source out: train on every unit but one, score the one left out, for each unit");
  train_cmd->add_option("--report-units", options->report_units, "With --report: score only these units (by name)");
  train_cmd->add_flag("!--no-save", options->save, "Do not write the model (with --report: figures only)");
  train_cmd->add_option("--single-person-names", options->single_person_names,
                        "ACL names without editors' ids to learn from as one person each (0: none)")
      ->capture_default_str();
  train_cmd->add_option("--name-variant-people", options->name_variant_people,
                        "ACL people printed under several name forms to learn from (0: none)")
      ->capture_default_str();
  train_cmd->add_option("--out", options->out, "Model file to write")->capture_default_str();
  train_cmd->callback([options, &exit_code] { exit_code = train(*options); });

  auto* eval_cmd = app.add_subcommand("eval", "Evaluate a stage on labelled data");
  eval_cmd->require_subcommand(1);
  auto* eval_identity = eval_cmd->add_subcommand("identity", "Cluster a labelled dataset from scratch and score it");
  auto format = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>();
  auto model_path = std::make_shared<std::string>();
  auto folds = std::make_shared<int>(0);
  auto show = std::make_shared<bool>(false);
  auto known = std::make_shared<std::string>();
  eval_identity->add_option("--format", *format, "s2and, ufmg, acl, han, openalex or synthetic (a gen-corpus file)")->required();
  eval_identity->add_option("path", *path, "Dataset directory or file")->required();
  eval_identity->add_option("--model", *model_path, "Model file (default: the built-in models/identity.json)");
  eval_identity->add_option("--cv", *folds, "Cross-validate with K folds by block, training on the dataset itself");
  eval_identity->add_option("--known", *known,
                            "UFMG only: a file of confirmed records (e.g. the train fold) that constrain the "
                            "clustering as researchers' claimed works; only PATH is scored");
  eval_identity->add_flag("--show-clusters", *show, "Print every predicted cluster with true labels to stderr");
  eval_identity->callback([=, &exit_code] {
    if (!known->empty() && *format != "ufmg") {
      std::fprintf(stderr, "bzpeer eval identity: --known is supported for --format ufmg only\n");
      exit_code = 2;
      return;
    }
    auto set = known->empty() ? identity::load_labelled(*format, *path) : identity::load_ufmg(*path, *known);
    if (!set) {
      std::fprintf(stderr, "bzpeer eval identity: %s\n", set.error().message.c_str());
      exit_code = 1;
      return;
    }
    if (*folds > 1) {
      // Name counts from the dataset itself when it is the Anthology (label-free), else none.
      identity::NameCounts name_counts;
      if (*format == "acl")
        if (auto acl = identity::read_acl_anthology(*path)) name_counts = identity::count_names(acl->works);
      auto result = identity::cross_validate(*set, *folds, name_counts);
      if (!result) {
        std::fprintf(stderr, "bzpeer eval identity: %s\n", result.error().message.c_str());
        exit_code = 1;
        return;
      }
      if (*show) print_clusters(*set, *result);
      std::printf("%s\n", result->to_json().c_str());
      return;
    }
    auto model = model_path->empty() ? identity::default_model() : identity::PairModel::load(*model_path);
    if (!model) {
      std::fprintf(stderr, "bzpeer eval identity: %s\n", model.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto result = identity::evaluate(*set, *model);
    if (*show) print_clusters(*set, result);
    std::printf("%s\n", result.to_json().c_str());
  });
}

}  // namespace bzpeer::cli
