#pragma once
// arXiv's subject classes as its OAI-PMH `oai_dc` records name them ("Computer Science -
// Computer Vision and Pattern Recognition") and as the category codes everything else in
// BZPEER uses ("cs.CV").
#include <string>
#include <string_view>

namespace bzpeer::ingest {

// The category code of an oai_dc subject; "" when the subject is not an arXiv subject
// class (ACM or MSC classes such as "I.2.6" or "05A15" sit in the same field).
std::string arxiv_category_of_subject(std::string_view subject);

}  // namespace bzpeer::ingest
