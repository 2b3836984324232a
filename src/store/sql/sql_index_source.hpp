#pragma once
// The SQL side of IndexSource: the builders' whole passes.
#include "store/index_source.hpp"
#include "store/sql/sql_pass_rows.hpp"

namespace bzpeer::store::sql {

class SqlIndexSource final : public SqlAssignmentRows<IndexSource> {
 public:
  using SqlAssignmentRows::SqlAssignmentRows;
  Result<std::int64_t> works_revision() override;
  Status for_each_work_since(std::int64_t revision, const std::function<void(WorkSummary&&)>& visit) override;
  Status for_each_researcher_for_search(const std::function<void(ResearcherSearchRow&&)>& visit) override;
  Status for_each_name_variant(const std::function<void(model::ResearcherId, const std::string&)>& visit) override;
  Status for_each_topic(const std::function<void(model::TopicSummary&&)>& visit) override;
  Status for_each_researcher_affiliation(
      const std::function<void(model::ResearcherId, const std::string&, int)>& visit) override;
  Status for_each_attribution_by_researcher(const std::function<void(AuthorshipAttribution&&)>& visit) override;
};

}  // namespace bzpeer::store::sql
