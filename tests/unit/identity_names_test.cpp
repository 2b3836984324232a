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
  EXPECT_EQ(parse_name("Jan", "van der Berg", "").family, "berg");
  EXPECT_EQ(parse_name("", "", "John Smith Jr.").family, "smith");
  auto hyphen = parse_name("Yi-Fan", "Zhang", "");
  EXPECT_EQ(hyphen.given_joined, "yifan");
  EXPECT_EQ(hyphen.middle_initials, "f");
  EXPECT_EQ(parse_name("José", "Pérez", "").family, "perez");
  EXPECT_EQ(parse_name("R. J.", "Smith", "").middle_initials, "j");
}

// One string from the source: the family name is found in every common form, and the
// same person gets the same family name and block whatever the source's form.
TEST(ParseName, RawFormsFindTheFamilyName) {
  auto key = [](const char* raw) { return block_key(parse_name("", "", raw)); };
  for (const char* form : {"Han Hu", "Hu, Han", "HU Han", "Han HU", "H. Hu"}) EXPECT_EQ(key(form), "hu h") << form;
  // Particles are left out, printed or not, in raw and in structured names.
  EXPECT_EQ(key("Antonio A. F. de Oliveira"), block_key(parse_name("Antonio", "Oliveira", "")));
  EXPECT_EQ(parse_name("", "", "Antonio A. F. de Oliveira").middle_initials, "af");
  EXPECT_EQ(key("Abdul Rahman al-Sayed"), block_key(parse_name("Abdul Rahman", "Al Sayed", "")));
  EXPECT_EQ(key("Ludwig van Beethoven"), "beethoven l");
  // A particle-like word is a given name when nothing else is.
  EXPECT_EQ(key("Du Lin"), "lin d");
  // A hyphenated last word is one family name, as structured sources give it.
  EXPECT_EQ(key("José Álvarez-García"), block_key(parse_name("José", "Álvarez-García", "")));
  EXPECT_EQ(key("José Álvarez-García"), "alvarezgarcia j");
  // Han characters: family name first, one character or a compound surname.
  auto han = parse_name("", "", "胡瀚");
  EXPECT_EQ(han.family, "胡");
  EXPECT_EQ(han.given_joined, "瀚");
  EXPECT_FALSE(han.first_is_initial);
  EXPECT_EQ(parse_name("", "", "欧阳修文").family, "欧阳");
}

// Initials are whole characters: Greek or Cyrillic letters share their first byte.
TEST(ParseName, InitialsOfOtherScriptsAreCharacters) {
  auto a = parse_name("Οδυσσέας", "Ελύτης", "");
  auto b = parse_name("Ευάγγελος", "Ελύτης", "");
  EXPECT_EQ(a.first_initial, "ο");
  EXPECT_NE(block_key(a), block_key(b));
  EXPECT_EQ(compare_given(a, parse_name("Ο.", "Ελύτης", "")), GivenNameMatch::initials);
  EXPECT_EQ(compare_given(parse_name("Пётр", "Ильич", ""), parse_name("Павел", "Ильич", "")), GivenNameMatch::conflict);
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

TEST(NameParts, SameBlockIsWhereIdentityCanJoinWorks) {
  EXPECT_TRUE(same_block("Han Hu", "H. Hu"));
  EXPECT_TRUE(same_block("Han Hu", "Hu, Han"));
  EXPECT_TRUE(same_block("Antonio de Oliveira", "A. Oliveira"));
  EXPECT_FALSE(same_block("Han Hu", "Kai Han"));
  EXPECT_FALSE(same_block("Han Hu", "Hui Zhang"));
}

}  // namespace
}  // namespace bzpeer::identity
