#include <gtest/gtest.h>

#include "core/text.hpp"

namespace bzpeer::text {

TEST(Fold, CaseDiacriticsAndPunctuation) {
  EXPECT_EQ(fold("José  Pérez-Ruiz"), "jose perez ruiz");
  EXPECT_EQ(fold("Han Hu"), "han hu");
  EXPECT_EQ(fold("HAN   HU "), "han hu");
  EXPECT_EQ(fold("O'Brien"), "obrien");
  EXPECT_EQ(fold("Glavaš"), "glavas");
  EXPECT_EQ(fold("Ø. Müller"), "ø muller");
}

TEST(Fold, OtherScriptsKeepTheirLetters) {
  EXPECT_EQ(fold("胡瀚"), "胡瀚");
  EXPECT_EQ(fold("Ἀθῆναι"), "αθηναι");
}

TEST(Utf8, DetectsInvalidBytes) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("Vulić"));
  EXPECT_FALSE(is_valid_utf8(std::string("bad \xff byte")));
  EXPECT_FALSE(is_valid_utf8(std::string("cut \xc3")));
}

TEST(Words, SplitsFoldedText) {
  EXPECT_EQ(words("Vision-Transformers, at scale!"), (std::vector<std::string>{"vision", "transformers", "at", "scale"}));
}

TEST(SqueezeSpaces, CollapsesNewlines) { EXPECT_EQ(squeeze_spaces("  a\n  b\tc  "), "a b c"); }

}  // namespace bzpeer::text

TEST(Utf8Prefix, CutsBeforeACharacterNotInsideIt) {
  std::string s = "ab\xC3\xA9\xC3\xA9";  // "abéé"
  EXPECT_EQ(bzpeer::text::utf8_prefix(s, 3), "ab");
  EXPECT_EQ(bzpeer::text::utf8_prefix(s, 4), "ab\xC3\xA9");
  EXPECT_EQ(bzpeer::text::utf8_prefix(s, 100), s);
  EXPECT_TRUE(bzpeer::text::is_valid_utf8(bzpeer::text::utf8_prefix("\xE2\x82\xAC\xE2\x82\xAC", 5)));
}

TEST(Text, ValidUtf8ReplacesEachMalformedByte) {
  EXPECT_EQ(bzpeer::text::valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(bzpeer::text::valid_utf8("a\xFF" "b\xC3"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_TRUE(bzpeer::text::is_valid_utf8(bzpeer::text::valid_utf8("\xED\xA0\x80 surrogate, \xF8\x88\x80\x80\x80 five bytes")));
}
