#pragma once
// English stems of the content words of a text, shared by identity (title and venue
// evidence) and the feed (its tf-idf features). Sources give titles as written or
// already stemmed and stripped of stop words (UFMG); stems make both forms meet
// ("learning" and "learn").
#include <string>
#include <string_view>
#include <vector>

namespace bzpeer::text {

// A word worth a feature: three letters or more, not a stop word, not only digits.
bool is_content_word(const std::string& folded_word);

// The Porter2 stem (Snowball's English stemmer, libstemmer) of a folded word. Each thread remembers
// the stems it has made (a corpus repeats its words millions of times), up to a bound;
// the reference stays valid until this thread's next call.
const std::string& english_stem(const std::string& folded_word);

// The stems of the content words of `s`, in order.
std::vector<std::string> content_stems(std::string_view s);

}  // namespace bzpeer::text
