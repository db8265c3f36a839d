// pdf_language.h: the natural language of a PDF (/Lang in the document catalogue, PDF 1.7 section
// 14.9.2), which screen readers use to choose a voice. Cairo 1.16 has no call for it, so it is added
// to Cairo's finished file as an incremental update (PDF 1.7 section 7.5.6): the catalogue object
// again, with /Lang, a cross-reference section for it and a trailer that points back (/Prev) at
// Cairo's own. Nothing Cairo wrote changes; a reader takes the newest catalogue.
#pragma once

#include <string>

#include "core/civil_time.h"

namespace kiosk {

// The BCP 47 tag of the kiosk's languages, for /Lang.
inline const char* languageTag(Lang lang) { return lang == Lang::en ? "en-GB" : "nl-NL"; }

// Appends the update to `pdf` (a whole PDF file as Cairo writes it). `language` is a BCP 47 tag of
// letters, digits and '-' only ("nl-NL"). False, with `pdf` unchanged, when the file is not of the
// shape expected (no catalogue, no trailer, no startxref) or the tag is not of that form.
bool addLanguage(std::string& pdf, const std::string& language);

}  // namespace kiosk
