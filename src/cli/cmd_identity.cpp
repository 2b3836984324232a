// `bzpeer identity train` and `bzpeer eval identity`: the pairwise model's training and
// its evaluation on labelled datasets.
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
  std::vector<std::string> ufmg = {"../shared/data/ufmg-and/kisti/aagarwal_train_f0.txt",
                                   "../shared/data/ufmg-and/bdbcomp/aoliveira_train_f0.txt"};
  std::vector<std::string> s2and = {"../shared/data/s2and-dummy"};
  size_t single_person_names = 100;
  size_t name_variant_people = 10000;  // more than the Anthology has: all of them
  int folds = 5;
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

int train(const TrainOptions& o) {
  std::vector<identity::LabelledSet> sets;
  auto add = [&](const std::string& format, const std::string& path) {
    auto set = identity::load_labelled(format, path);
    if (!set) {
      std::fprintf(stderr, "bzpeer identity train: %s\n", set.error().message.c_str());
      return false;
    }
    std::fprintf(stderr, "loaded %s: %zu labelled signatures\n", path.c_str(), set->labels.size());
    sets.push_back(std::move(*set));
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
  std::fprintf(stderr, "loaded %s: %zu labelled signatures\n", o.acl.c_str(), sets.back().labels.size());
  if (o.single_person_names > 0) {
    sets.push_back(identity::load_acl_single_person_names(*acl, o.single_person_names));
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
  }
  for (const auto& p : o.ufmg)
    if (!add("ufmg", p)) return 1;
  for (const auto& p : o.s2and)
    if (!add("s2and", p)) return 1;

  auto name_counts = identity::count_names(acl->works);
  std::fprintf(stderr, "counted %zu given and %zu family names of ACL authors (seen twice or more)\n",
               name_counts.given.size(), name_counts.family.size());

  // Cross-validated figures on the ACL editors' ids (the other sets join every fold's training).
  std::vector<const identity::LabelledSet*> others;
  for (size_t i = 1; i < sets.size(); ++i) others.push_back(&sets[i]);
  auto cv = identity::cross_validate(sets[0], o.folds, name_counts, others);
  std::printf("%s\n", cv.to_json().c_str());

  std::vector<const identity::LabelledSet*> all;
  std::vector<std::vector<std::vector<size_t>>> blocks;
  std::string trained_on;
  for (const auto& s : sets) {
    all.push_back(&s);
    blocks.push_back(identity::group_by_block(s.evidence));
    trained_on += (trained_on.empty() ? "" : ", ") + s.name + " (" + std::to_string(s.labels.size()) + " signatures)";
  }
  auto model = identity::train_model(all, blocks, name_counts);
  model.trained_on = trained_on;
  char figures[256];
  std::snprintf(figures, sizeof figures, "%d-fold by block on %s: B3 F1 %.4f (precision %.4f, recall %.4f), baseline %.4f",
                o.folds, sets[0].name.c_str(), cv.scores.b3_f1, cv.scores.b3_precision, cv.scores.b3_recall,
                cv.baseline_b3_f1);
  model.cross_validation = figures;
  auto saved = model.save(o.out);
  if (!saved) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", saved.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s (threshold %.2f)\n", o.out.c_str(), model.threshold);
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
  train_cmd->add_option("--s2and", options->s2and, "S2AND dataset directories")->capture_default_str();
  train_cmd->add_option("--single-person-names", options->single_person_names,
                        "ACL names without editors' ids to learn from as one person each (0: none)")
      ->capture_default_str();
  train_cmd->add_option("--name-variant-people", options->name_variant_people,
                        "ACL people printed under several name forms to learn from (0: none)")
      ->capture_default_str();
  train_cmd->add_option("--folds", options->folds, "Cross-validation folds")->capture_default_str()->check(CLI::Range(2, 20));
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
  eval_identity->add_option("--format", *format, "s2and, ufmg, acl or synthetic (a gen-corpus file with --truth)")->required();
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
      if (*show) print_clusters(*set, result);
      std::printf("%s\n", result.to_json().c_str());
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
