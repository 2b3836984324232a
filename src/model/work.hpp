#pragma once
// Plain value types for bibliographic records as they come out of ingest.
#include <string>
#include <vector>

namespace bzpeer::model {

// One name slot on one work, as printed by the source.
struct Authorship {
  int position = 0;           // 0-based order on the work
  std::string raw_name;       // "Han Hu", "Hu, Han", as the source gives it
  std::string first;          // given names (may be initials)
  std::string last;           // family name
  std::string affiliation;    // empty when the source has none
  std::string email;
  std::string orcid;
  std::string source_person_id;  // an editor-assigned id (ACL `<author id>`), identity evidence
};

// A paper or other output.
struct Work {
  std::string external_id;    // "arxiv:2101.00001", "acl:P18-1001", "s2and:53235312"
  std::string source;         // "arXiv", "ACL Anthology", "S2AND"
  std::string type;           // "preprint", "article", "proceedings"
  std::string title;
  std::string abstract;
  int year = 0;
  std::string date;           // ISO yyyy-mm-dd or yyyy-mm when known
  std::string venue;
  std::vector<std::string> categories;
  std::string doi;
  std::string url;
  std::vector<Authorship> authors;
  std::vector<std::string> cited;  // external ids of the works it references, where the source lists them
};

}  // namespace bzpeer::model
