#pragma once
// BM25 as Xapian::BM25Weight computes it with its defaults (k1 = 1, k2 = 0, k3 = 1,
// b = 0.5, min_normlen = 0.5), for the places that score without a Xapian match:
// champion lists and the rescoring of their candidates.
#include <algorithm>
#include <cmath>
#include <xapian.h>

namespace bzpeer::search::bm25 {

inline constexpr double kK1 = 1.0, kB = 0.5, kMinNormlen = 0.5;

// The within-document part for a term with `wdf` in a work of `length` terms.
inline double document_part(Xapian::termcount wdf, Xapian::termcount length, double average_length) {
  double normlen = std::max(average_length > 0 ? length / average_length : 1.0, kMinNormlen);
  return wdf * (kK1 + 1) / (kK1 * ((1 - kB) + kB * normlen) + wdf);
}

// The term's weight: its rarity, and how often the query has it (`wqf`).
inline double term_weight(Xapian::doccount documents, Xapian::doccount termfreq, Xapian::termcount wqf = 1) {
  double tw = (documents - termfreq + 0.5) / (termfreq + 0.5);
  if (tw < 2) tw = std::max(tw, 1e-6) / 2 + 1;  // a term in most documents still weighs a little
  return std::log(tw) * 2.0 * wqf / (1.0 + wqf);
}

}  // namespace bzpeer::search::bm25
