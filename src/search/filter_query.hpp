#pragma once
// Inside search: a WorkFilter as a Xapian query over the works index's terms and slots.
#include <xapian.h>

#include "search/work_filter.hpp"

namespace bzpeer::search {

Xapian::Query filter_query(const WorkFilter& filter);

// The value slot a facet counts, and a stored value of it as shown (years are stored
// sortable-serialised).
Xapian::valueno facet_slot(Facet facet);
std::string facet_label(Facet facet, const std::string& value);

}  // namespace bzpeer::search
