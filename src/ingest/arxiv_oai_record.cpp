#include "ingest/arxiv_oai_record.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "ingest/arxiv_taxonomy.hpp"
#include "ingest/detex.hpp"
#include "ingest/name_split.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

void add_category(std::vector<std::string>& out, std::string code) {
  if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
}

}  // namespace

model::Work work_of(const ArxivOaiRecord& r) {
  model::Work work;
  work.source = "arXiv";
  work.external_id = "arxiv:" + r.id;
  work.url = "https://arxiv.org/abs/" + r.id;
  if (!r.titles.empty()) work.title = detex(text::squeeze_spaces(r.titles[0]));
  for (const auto& d : r.descriptions) {
    std::string paragraph = text::squeeze_spaces(d);
    if (starts_with(paragraph, "Comment:")) continue;  // page counts and venues, not the abstract
    if (work.abstract.empty()) work.abstract = paragraph;
  }
  int position = 0;
  for (const auto& creator : r.creators) {
    auto a = split_name(detex(text::squeeze_spaces(creator)));
    a.position = position++;
    work.authors.push_back(std::move(a));
  }
  for (const auto& code : r.categories)
    for (auto& c : text::split(code, ' ')) add_category(work.categories, c);
  for (const auto& s : r.subjects) add_category(work.categories, arxiv_category_of_subject(text::squeeze_spaces(s)));
  std::string journal = r.journal_ref;
  work.doi = r.doi;
  for (const auto& identifier : r.identifiers) {
    std::string id = text::squeeze_spaces(identifier);
    if (starts_with(id, "doi:")) {
      if (work.doi.empty()) work.doi = id.substr(4);
    } else if (starts_with(id, "http://") || starts_with(id, "https://")) {
      continue;  // the abs page, already the URL
    } else if (journal.empty() && !id.empty()) {
      journal = id;  // oai_dc puts the journal reference among the identifiers
    }
  }
  work.venue = text::squeeze_spaces(journal);  // a preprint has no venue ("arXiv" is its source)
  work.type = work.venue.empty() ? "preprint" : "article";
  if (!r.dates.empty()) work.date = text::squeeze_spaces(r.dates[0]).substr(0, 10);
  work.year = four_digit_year(work.date.substr(0, 4));
  return work;
}

}  // namespace bzpeer::ingest
