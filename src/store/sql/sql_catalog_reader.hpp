#pragma once
// The SQL side of CatalogReader; statements asked on every request are prepared once.
#include <memory>

#include "store/catalog_reader.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::sql {

class SqlCatalogReader final : public CatalogReader {
 public:
  explicit SqlCatalogReader(Connection& db) : db_(db) {}

  Result<std::optional<model::ResearcherProfile>> profile(model::ResearcherId id) override;
  Result<std::optional<model::ResearcherId>> redirect(model::ResearcherId old_id) override;
  Result<std::vector<WorkSummary>> researcher_works(model::ResearcherId id, Page page, bool weak_only,
                                                    const std::vector<std::int64_t>& settled) override;
  Result<std::vector<std::int64_t>> researcher_work_ids(model::ResearcherId id, std::size_t limit) override;
  Result<int> count_on_profile(model::ResearcherId id, const std::vector<std::int64_t>& work_ids) override;
  Result<int> weak_work_count(model::ResearcherId id, const std::vector<std::int64_t>& settled) override;
  Result<std::vector<model::ResearcherProfile>> find_researchers(const std::string& name, bool prefix,
                                                                 int limit) override;
  Result<std::vector<WorkSummary>> works_by_ids(const std::vector<std::int64_t>& ids,
                                                model::ResearcherId attributed_to = model::ResearcherId()) override;
  Result<std::vector<AuthorshipAttribution>> attributions_in_works(std::int64_t first_work,
                                                                  std::int64_t last_work) override;
  Result<std::uint64_t> work_count() override;
  Result<std::int64_t> works_revision() override;

 private:
  AuthorsReader& authors();

  Connection& db_;
  Statement profile_stmt_, works_stmt_, weak_works_stmt_, weak_count_stmt_, work_by_id_stmt_,
      newest_work_ids_stmt_;
  std::unique_ptr<AuthorsReader> authors_;
};

}  // namespace bzpeer::store::sql
