#pragma once
// Ids of records, one type a kind, so a researcher's id cannot be passed where a work's
// or an account's is meant. Each is the number the catalog stores; 0 is "none".
#include <compare>
#include <cstdint>
#include <functional>

namespace bzpeer::model {

template <typename Kind>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t value) : value_(value) {}
  constexpr std::int64_t value() const { return value_; }
  constexpr explicit operator bool() const { return value_ != 0; }
  friend constexpr auto operator<=>(Id, Id) = default;

 private:
  std::int64_t value_ = 0;
};

using ResearcherId = Id<struct ResearcherKind>;  // shown as "R" + number
using AccountId = Id<struct AccountKind>;  // who signed up
// One author slot of one work. How the number is made from the work and the position is
// the store's business (store/sql/authorship_key.hpp); above it the id is opaque.
using AuthorshipId = Id<struct AuthorshipKind>;

}  // namespace bzpeer::model

template <typename Kind>
struct std::hash<bzpeer::model::Id<Kind>> {
  size_t operator()(bzpeer::model::Id<Kind> id) const noexcept { return std::hash<std::int64_t>()(id.value()); }
};
