#include "pdf_language.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk {

bool addLanguage(std::string& pdf, const std::string& language) {
    if (language.empty()) return false;
    for (char c : language)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    // The catalogue: "N 0 obj" ... "/Type /Catalog" ... ">>" "endobj".
    const size_t type = pdf.rfind("/Type /Catalog");
    if (type == std::string::npos) return false;
    const size_t obj = pdf.rfind(" 0 obj", type);
    const size_t end = pdf.find("endobj", type);
    if (obj == std::string::npos || end == std::string::npos) return false;
    size_t numberStart = obj;
    while (numberStart > 0 && pdf[numberStart - 1] >= '0' && pdf[numberStart - 1] <= '9') --numberStart;
    if (numberStart == obj) return false;
    const std::string number = pdf.substr(numberStart, obj - numberStart);
    const size_t dictStart = pdf.find("<<", obj);
    const size_t dictEnd = pdf.rfind(">>", end);
    if (dictStart == std::string::npos || dictEnd == std::string::npos || dictEnd < dictStart || dictStart > end) return false;
    const std::string body = pdf.substr(dictStart, dictEnd - dictStart);  // without its closing >>
    // The last trailer's dictionary (/Size, /Root, /Info, /ID) and where Cairo's xref begins.
    const size_t trailer = pdf.rfind("trailer");
    const size_t startxref = pdf.rfind("startxref");
    if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer) return false;
    const size_t tStart = pdf.find("<<", trailer);
    const size_t tEnd = pdf.rfind(">>", startxref);
    if (tStart == std::string::npos || tEnd == std::string::npos || tEnd < tStart) return false;
    const std::string trailerBody = pdf.substr(tStart, tEnd - tStart);
    char* after = nullptr;
    const long long previous = std::strtoll(pdf.c_str() + startxref + 9, &after, 10);
    if (after == pdf.c_str() + startxref + 9 || previous <= 0) return false;

    std::string update = "\n";
    const size_t objectAt = pdf.size() + update.size();
    update += number + " 0 obj\n" + body + " /Lang (" + language + ")\n>>\nendobj\n";
    const size_t xrefAt = pdf.size() + update.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", objectAt);
    update += "xref\n" + number + " 1\n" + entry;
    update += "trailer\n" + trailerBody + " /Prev " + std::to_string(previous) + "\n>>\n";
    update += "startxref\n" + std::to_string(xrefAt) + "\n%%EOF\n";
    pdf += update;
    return true;
}

}  // namespace kiosk
