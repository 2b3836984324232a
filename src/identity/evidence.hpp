#pragma once
// What identity compares: per work (text terms, venue, categories, year, the author
// keys on it) and per signature, i.e. authorship (parsed name, affiliation, ids).
// Works are shared by their signatures so a million works fit in memory.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "identity/name_parts.hpp"

namespace bzpeer::identity {

struct TermWeight {
  std::uint32_t term;
  float weight;
};

struct WorkEvidence {
  std::string title;                     // for explanations
  std::vector<TermWeight> terms;         // tf-idf, L2-normalised, sorted by term
  std::uint64_t venue = 0;               // hash of the folded venue, 0 when unknown
  std::vector<std::uint64_t> venue_words;  // sorted hashes of its distinctive stemmed words
  std::vector<std::uint64_t> categories; // sorted hashes
  std::vector<std::uint64_t> author_keys;  // hashes of every author's block key, sorted
  int year = 0;
  std::uint64_t id = 0;                  // hash of the external id, 0 when unknown
  std::vector<std::uint64_t> cited;      // hashes of the external ids it references, sorted
};

struct Signature {
  std::string raw_name;                   // as printed (the name-string baseline uses it)
  ParsedName name;
  std::string block;
  std::uint32_t work = 0;                 // index into EvidenceSet::works
  std::uint64_t own_key = 0;              // hash of this signature's block key
  std::vector<std::uint64_t> affiliation; // sorted hashes of affiliation words
  std::string email, orcid;
  std::string person_id;                  // an editor's or a claim's identity (constraint)
};

struct EvidenceSet {
  std::vector<WorkEvidence> works;
  std::vector<Signature> signatures;
};

// The raw facts of one work and one of its authors, as sources give them.
struct RawWork {
  std::string title, abstract, venue;
  std::vector<std::string> categories;
  int year = 0;
  struct Author {
    std::string first, last, raw, affiliation, email, orcid, person_id;
  };
  std::vector<Author> authors;
  std::string external_id;          // for references: "s2and:...:53235312"
  std::vector<std::string> cited;   // external ids of the works it references
};

// Builds an EvidenceSet in two passes: add every work's text (document frequencies),
// then add the works themselves.
class EvidenceBuilder {
 public:
  void count_text(const std::string& title, const std::string& abstract);
  // count_text in two halves, the first safe on any thread: a text's distinct stems
  // (sorted), then counting them.
  static std::vector<std::uint64_t> distinct_stems(const std::string& title, const std::string& abstract);
  void count_stems(const std::vector<std::uint64_t>& stems);
  // The counts a vector is weighed by (every stem when the corpus is tiny, else those in
  // two works or more: a stem seen once is not used), to hand to another builder: a
  // partitioned build's workers weigh their works as one builder over the corpus would.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> document_frequencies() const;
  std::uint64_t documents() const { return documents_; }
  void set_document_frequencies(std::uint64_t documents, const std::vector<std::pair<std::uint64_t, std::uint32_t>>& df);
  // Adds the work; `signature_positions` are the author slots that become signatures
  // (all of them when empty). Returns the index of the first new signature.
  size_t add_work(const RawWork& work, const std::vector<size_t>& signature_positions = {});
  // The two halves of add_work: a work's own evidence (its text weighed, every author's
  // block key), and adding it with signatures for the given authors of `work` (whose
  // names, affiliations and ids are all that is read of it then).
  WorkEvidence weigh_work(const RawWork& work);
  // weigh_work for works whose text was counted, safe on any thread once
  // prepare_weighing() has run (stems never counted are left out, not numbered).
  void prepare_weighing();
  WorkEvidence weigh_counted_work(const RawWork& work) const;
  size_t add_weighed_work(WorkEvidence evidence, const RawWork& work, const std::vector<size_t>& signature_positions = {});
  EvidenceSet take() { return std::move(set_); }
  const EvidenceSet& current() const { return set_; }

 private:
  // A work's stems with their tf-idf weights, the heaviest kept, normalised.
  std::vector<std::pair<float, std::uint64_t>> weigh_stems(const std::string& title, const std::string& abstract) const;
  // Everything of a work's evidence but its terms.
  WorkEvidence weigh_all_but_text(const RawWork& work) const;
  bool used(std::uint32_t df) const { return df >= 2 || documents_ <= 100; }
  // Term ids are the ranks of the used stems' hashes, so they are the same in every
  // builder with the same counts (cosines then add up in the same order).
  void number_terms();
  std::unordered_map<std::uint64_t, std::uint32_t> df_;
  std::unordered_map<std::uint64_t, std::uint32_t> term_ids_;
  std::uint64_t documents_ = 0;
  bool numbered_ = false;
  EvidenceSet set_;
};

std::uint64_t hash_key(const std::string& key);

}  // namespace bzpeer::identity
