// `bzpeer identity train` and `bzpeer eval identity`: the pairwise model's training and
// its evaluation on labelled datasets.
#include <cstdio>
#include <map>
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
      std::fprintf(stderr, "  [%s] %s | %s\n", set.labels[i].c_str(), sig.raw_name.c_str(),
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
  if (!add("acl", o.acl)) return 1;
  if (o.single_person_names > 0) {
    auto names = identity::load_acl_single_person_names(o.acl, o.single_person_names);
    if (!names) {
      std::fprintf(stderr, "bzpeer identity train: %s\n", names.error().message.c_str());
      return 1;
    }
    std::fprintf(stderr, "loaded %zu slots of %zu uncurated ACL names\n", names->labels.size(), o.single_person_names);
    sets.push_back(std::move(*names));
  }
  for (const auto& p : o.ufmg)
    if (!add("ufmg", p)) return 1;
  for (const auto& p : o.s2and)
    if (!add("s2and", p)) return 1;

  auto given_names = identity::acl_given_name_counts(o.acl);
  if (!given_names) {
    std::fprintf(stderr, "bzpeer identity train: %s\n", given_names.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "counted %zu given names of ACL authors (seen twice or more)\n", given_names->size());

  // Cross-validated figures on the ACL editors' ids (the other sets join every fold's training).
  std::vector<const identity::LabelledSet*> others;
  for (size_t i = 1; i < sets.size(); ++i) others.push_back(&sets[i]);
  auto cv = identity::cross_validate(sets[0], o.folds, *given_names, others);
  std::printf("%s\n", cv.to_json().c_str());

  std::vector<const identity::LabelledSet*> all;
  std::vector<std::vector<std::vector<size_t>>> blocks;
  std::string trained_on;
  for (const auto& s : sets) {
    all.push_back(&s);
    blocks.push_back(identity::group_by_block(s.evidence));
    trained_on += (trained_on.empty() ? "" : ", ") + s.name + " (" + std::to_string(s.labels.size()) + " signatures)";
  }
  auto model = identity::train_model(all, blocks, *given_names);
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
  eval_identity->add_option("--format", *format, "s2and, ufmg, acl or synthetic (a gen-corpus file with --truth)")->required();
  eval_identity->add_option("path", *path, "Dataset directory or file")->required();
  eval_identity->add_option("--model", *model_path, "Model file (default: the built-in models/identity.json)");
  eval_identity->add_option("--cv", *folds, "Cross-validate with K folds by block, training on the dataset itself");
  eval_identity->add_flag("--show-clusters", *show, "Print every predicted cluster with true labels to stderr");
  eval_identity->callback([=, &exit_code] {
    auto set = identity::load_labelled(*format, *path);
    if (!set) {
      std::fprintf(stderr, "bzpeer eval identity: %s\n", set.error().message.c_str());
      exit_code = 1;
      return;
    }
    if (*folds > 1) {
      // Name counts from the dataset itself when it is the Anthology (label-free), else none.
      identity::GivenNameCounts given_names;
      if (*format == "acl")
        if (auto counted = identity::acl_given_name_counts(*path)) given_names = std::move(*counted);
      auto result = identity::cross_validate(*set, *folds, given_names);
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
