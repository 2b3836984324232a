#include <gtest/gtest.h>

#include "ingest/validate.hpp"

namespace bzpeer::ingest {
namespace {

TEST(NormalizeOrcid, KeepsValidIdsInTheirBareForm) {
  EXPECT_EQ(normalize_orcid("0000-0002-1825-0097"), "0000-0002-1825-0097");
  EXPECT_EQ(normalize_orcid(" https://orcid.org/0000-0002-1825-0097 "), "0000-0002-1825-0097");
  EXPECT_EQ(normalize_orcid("0000-0002-1694-233x"), "0000-0002-1694-233X");  // check digit 10
}

TEST(NormalizeOrcid, DropsWhatIsNotAnOrcidId) {
  EXPECT_EQ(normalize_orcid(""), "");
  EXPECT_EQ(normalize_orcid("0000-0002-1825-0098"), "");  // wrong check digit: a typo
  EXPECT_EQ(normalize_orcid("0000-0002-1825-009"), "");
  EXPECT_EQ(normalize_orcid("0000 0002 1825 0097"), "");
  EXPECT_EQ(normalize_orcid("https://example.org/0000-0002-1825-0097"), "");
}

TEST(Normalize, CleansAuthorOrcids) {
  model::Work w;
  w.authors.resize(2);
  w.authors[0].orcid = "https://orcid.org/0000-0002-1825-0097";
  w.authors[1].orcid = "not an id";
  normalize(w);
  EXPECT_EQ(w.authors[0].orcid, "0000-0002-1825-0097");
  EXPECT_EQ(w.authors[1].orcid, "");
}

}  // namespace
}  // namespace bzpeer::ingest
