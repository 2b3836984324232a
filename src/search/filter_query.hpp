#pragma once
// Inside search: a WorkFilter as a Xapian query over the works index's terms and slots.
#include <xapian.h>

#include "search/work_filter.hpp"

namespace bzpeer::search {

Xapian::Query filter_query(const WorkFilter& filter);

// A query that matches every document, new each call. Never Xapian::Query::MatchAll: that
// one object is shared by the whole process and its reference count is a plain integer,
// so server threads copying it at once corrupt the count and free it under each other
// (a crash found by `make soak` on filter-only searches).
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

// The value slot a facet counts, and a stored value of it as shown (years are stored
// sortable-serialised).
Xapian::valueno facet_slot(Facet facet);
std::string facet_label(Facet facet, const std::string& value);

}  // namespace bzpeer::search
