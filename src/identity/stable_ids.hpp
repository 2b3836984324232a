#pragma once
// Researcher ids that survive rebuilds: a cluster keeps the id of the previous
// researcher it shares the most authorships with; new people get fresh ids.
#include <vector>

#include "model/researcher.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

// One id per cluster, in cluster order. Ties go to the smaller (older) id, and no id
// is given to two clusters, so a split keeps the old id on its larger part.
std::vector<model::ResearcherId> assign_stable_ids(const std::vector<store::AuthorshipRow>& rows,
                                                   const std::vector<std::vector<size_t>>& clusters);

// Previous researchers whose id no cluster kept (merged into another, or split), each mapped to the new researcher holding most of their
// authorships: the old id then redirects there, so links and follows keep working.
std::vector<std::pair<model::ResearcherId, model::ResearcherId>> merged_ids(
    const std::vector<store::AuthorshipRow>& rows, const std::vector<std::vector<size_t>>& clusters,
    const std::vector<model::ResearcherId>& ids);

}  // namespace bzpeer::identity
