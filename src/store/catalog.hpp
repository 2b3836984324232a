#pragma once
// The Catalog: works, authorships, researchers and their derived profiles, reached
// through one narrow face per kind of user. sqlite/ is the embedded implementation; a
// PostgreSQL one implements the same faces.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "store/catalog_reader.hpp"
#include "store/identity_store.hpp"
#include "store/index_source.hpp"
#include "store/profile_store.hpp"
#include "store/work_features.hpp"
#include "store/work_writer.hpp"

namespace bzpeer::store {

// One connection's faces; each face is valid as long as the Catalog.
class Catalog {
 public:
  virtual ~Catalog() = default;

  virtual WorkWriter& writer() = 0;          // ingest
  virtual IdentityStore& identity() = 0;     // identity's pass
  virtual ProfileStore& profiles() = 0;      // enrich's pass
  virtual IndexSource& index_source() = 0;   // search, graph, feed terms and export builders
  virtual WorkFeatureStore& features() = 0;  // the feed's stored term counts
  virtual CatalogReader& reader() = 0;       // serving

  virtual int schema_version() = 0;
};

// Where the catalog lives: a data directory (the embedded default, DATA/catalog.sqlite)
// or a PostgreSQL URL (postgresql://user@host:port/db, or postgres://).
bool is_database_url(const std::string& location);

// Opens (creating and migrating) the catalog at `location`. `read_only` opens an
// existing catalog for serving.
Result<std::unique_ptr<Catalog>> open_catalog(const std::string& location, bool read_only = false);

// Copies the SQLite catalog of `location` (catalog and accounts, one consistent moment,
// while servers run) to the new file `out_file`. Restoring is putting the file back
// as DATA/catalog.sqlite; `bzpeer build` then rebuilds the indexes and the graph.
Status backup_catalog(const std::string& location, const std::string& out_file);

}  // namespace bzpeer::store
