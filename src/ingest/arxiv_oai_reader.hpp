#pragma once
// arXiv's OAI-PMH records (export.arxiv.org/oai2): the native XML `ListRecords`
// responses in the `oai_dc` and `arXiv` metadata formats, so a user can harvest arXiv
// directly, and mirrors of `oai_dc` records as JSON lines, one `[arxiv_id, record]` a
// line (each field an array of strings).
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

void read_arxiv_oai_json(const std::string& path, RecordSink& sink);
void read_arxiv_oai_xml(const std::string& path, RecordSink& sink);

}  // namespace bzpeer::ingest
