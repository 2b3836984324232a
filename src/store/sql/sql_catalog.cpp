#include "store/sql/sql_catalog.hpp"

#include <memory>

#include "store/sql/sql_catalog_reader.hpp"
#include "store/sql/sql_identity_store.hpp"
#include "store/sql/sql_index_source.hpp"
#include "store/sql/sql_profile_store.hpp"
#include "store/sql/sql_work_features.hpp"
#include "store/sql/sql_work_writer.hpp"

namespace bzpeer::store::sql {

namespace {

// One connection and its faces: each face prepares its own statements on it.
class SqlCatalog final : public Catalog {
 public:
  SqlCatalog(std::unique_ptr<Connection> db, int schema_version, const WorkWriterFactory& make_writer)
      : owned_(std::move(db)),
        db_(*owned_),
        schema_version_(schema_version),
        writer_(make_writer ? make_writer(db_) : std::make_unique<SqlWorkWriter>(db_)) {}

  WorkWriter& writer() override { return *writer_; }
  IdentityStore& identity() override { return identity_; }
  ProfileStore& profiles() override { return profiles_; }
  IndexSource& index_source() override { return index_source_; }
  WorkFeatureStore& features() override { return features_; }
  CatalogReader& reader() override { return reader_; }
  int schema_version() override { return schema_version_; }

 private:
  std::unique_ptr<Connection> owned_;
  Connection& db_;
  int schema_version_;
  std::unique_ptr<WorkWriter> writer_;
  SqlIdentityStore identity_{db_};
  SqlProfileStore profiles_{db_};
  SqlIndexSource index_source_{db_};
  SqlWorkFeatures features_{db_};
  SqlCatalogReader reader_{db_};
};

}  // namespace

std::unique_ptr<Catalog> make_catalog(std::unique_ptr<Connection> db, int schema_version,
                                      const WorkWriterFactory& make_writer) {
  return std::make_unique<SqlCatalog>(std::move(db), schema_version, make_writer);
}

}  // namespace bzpeer::store::sql
