#include "search/filter_query.hpp"

#include "core/text.hpp"
#include "search/schema.hpp"

namespace bzpeer::search {

namespace {

Xapian::Query any_of(const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query condition_query(const WorkCondition& c) {
  using Field = WorkCondition::Field;
  switch (c.field) {
    case Field::year: return Xapian::Query(prefix::year + std::to_string(c.year));
    case Field::year_after:
      return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::year, Xapian::sortable_serialise(c.year + 1));
    case Field::year_before:
      return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::year, Xapian::sortable_serialise(c.year - 1));
    case Field::type: return Xapian::Query(prefix::type + c.value);
    case Field::one_of_works: {
      std::vector<Xapian::Query> works;
      for (std::int64_t w : c.works) works.emplace_back(prefix::work_id + std::to_string(w));
      return any_of(works);
    }
    case Field::date_from: return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::date, c.value);
    case Field::date_to: return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::date, c.value);
    case Field::category: return Xapian::Query(prefix::category_exact + text::fold(c.value));
    case Field::venue: return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::venue, c.value, c.value);
  }
  return Xapian::Query::MatchNothing;
}

Xapian::Query clause_query(const WorkFilter::Clause& clause) {
  std::vector<Xapian::Query> options;
  for (const auto& c : clause) options.push_back(condition_query(c));
  return any_of(options);
}

}  // namespace

Xapian::Query filter_query(const WorkFilter& filter) {
  std::vector<Xapian::Query> required;
  for (const auto& clause : filter.required) required.push_back(clause_query(clause));
  Xapian::Query q = required.empty() ? match_all()
                                     : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  for (const auto& clause : filter.excluded) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, clause_query(clause));
  return q;
}

Xapian::valueno facet_slot(Facet facet) {
  switch (facet) {
    case Facet::year: return slot::year;
    case Facet::type: return slot::type;
    case Facet::venue: return slot::venue;
    case Facet::category: return slot::category;
  }
  return slot::year;
}

std::string facet_label(Facet facet, const std::string& value) {
  if (facet == Facet::year) return std::to_string(static_cast<int>(Xapian::sortable_unserialise(value)));
  return value;
}

}  // namespace bzpeer::search
