#include <gtest/gtest.h>

#include "identity/name_parts.hpp"

namespace bzpeer::identity {
namespace {

TEST(ParseName, StructuredAndRawForms) {
  auto a = parse_name("Han", "Hu", "Han Hu");
  EXPECT_EQ(a.family, "hu");
  EXPECT_EQ(a.given_joined, "han");
  EXPECT_FALSE(a.first_is_initial);
  EXPECT_EQ(block_key(a), "hu h");

  auto b = parse_name("", "", "Hu, Han");
  EXPECT_EQ(block_key(b), "hu h");
  auto c = parse_name("", "", "H. Hu");
  EXPECT_TRUE(c.first_is_initial);
  EXPECT_EQ(block_key(c), "hu h");
}

TEST(ParseName, ParticlesSuffixesHyphensAndDiacritics) {
  EXPECT_EQ(parse_name("Jan", "van der Berg", "").family, "vanderberg");
  EXPECT_EQ(parse_name("", "", "John Smith Jr.").family, "smith");
  auto hyphen = parse_name("Yi-Fan", "Zhang", "");
  EXPECT_EQ(hyphen.given_joined, "yifan");
  EXPECT_EQ(hyphen.middle_initials, "f");
  EXPECT_EQ(parse_name("José", "Pérez", "").family, "perez");
  EXPECT_EQ(parse_name("R. J.", "Smith", "").middle_initials, "j");
}

TEST(CompareGiven, Cases) {
  auto name = [](const char* first) { return parse_name(first, "X", ""); };
  EXPECT_EQ(compare_given(name("Yi-Fan"), name("Yifan")), GivenNameMatch::same);
  EXPECT_EQ(compare_given(name("Han"), name("H.")), GivenNameMatch::initials);
  EXPECT_EQ(compare_given(name("Steve"), name("Steven")), GivenNameMatch::nickname);
  EXPECT_EQ(compare_given(name("Anjali"), name("Amit")), GivenNameMatch::conflict);
  EXPECT_EQ(compare_given(name("Robert F."), name("Robert")), GivenNameMatch::first_same);
  EXPECT_TRUE(middle_conflict(name("Robert F."), name("Robert J.")));
  EXPECT_FALSE(middle_conflict(name("Robert F."), name("Robert")));
}

TEST(MiddleAgreement, SpelledOutMiddleNamesCountMostInitialsLessAbsenceNothing) {
  auto name = [](const char* first) { return parse_name(first, "Oliveira", ""); };
  EXPECT_EQ(middle_agreement(name("A. Mauro B."), name("Antonio Mauro B.")), 1.0);
  EXPECT_EQ(middle_agreement(name("A. A. F."), name("Antonio Alberto Fernandes")), 0.5);
  EXPECT_EQ(middle_agreement(name("A. R."), name("Adriano")), 0.0);
  EXPECT_EQ(middle_agreement(name("A. P."), name("A. R.")), 0.0);
}

}  // namespace
}  // namespace bzpeer::identity
