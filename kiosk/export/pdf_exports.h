// pdf_exports.h: the paper documents, as whole PDF files in memory (written to disk by the caller,
// atomically): the day's presence list to sign, the blank fallback list for a coming day, the
// cohort's seven-day matrix, the certificates of participation and the statements of participation.
//
// They are fed from the same format-neutral data as the CSV and XLSX exports (presence_list.h,
// cohort_matrix.h) and say the same: one row per participant of the day's cohort in Dutch order,
// then the guests; the matrix with its certificate column. Certificates go only to those whose
// matrix row says CertificateState::earned. Every text comes from the catalogue (Dutch or English).
// Each returns "" and sets `error` when Cairo failed.
#pragma once

#include <string>
#include <vector>

#include "core/cohort_matrix.h"
#include "core/kiosk_settings.h"
#include "core/participation.h"
#include "core/personal_record.h"
#include "core/presence_list.h"
#include "core/programme.h"
#include "core/text_catalogue.h"

namespace kiosk {

struct PdfInputs {
    const Programme& programme;
    const KioskSettings& settings;
    const Texts& texts;
};

// A4 portrait. `blank`: the list to print in advance (times and signatures by hand, room for guests).
std::string presenceListPdf(const std::vector<PresenceRow>& rows, LocalDate date, bool blank, const PdfInputs& in,
                            std::string& error);

// A4 landscape: a row per participant, a column per day, days present and the certificate.
std::string matrixPdf(const CohortMatrix& m, const PdfInputs& in, std::string& error);

struct NamedPdf {
    std::string fileName;  // "certificaat-anna-de-vries-ZU01.pdf"
    std::string bytes;
};
struct CertificateSet {
    std::string folderName;        // "certificaten-zutphen-2026"
    std::vector<NamedPdf> people;  // one A4 page each, in Dutch order; only CertificateState::earned
    NamedPdf combined;             // every certificate in one file, for printing ("alle-certificaten.pdf")
};
// Empty `people` when nobody met the rule (the combined file is then not made).
CertificateSet certificatePdfs(const CohortMatrix& m, const PdfInputs& in, std::string& error);

// The statements of participation (pdf_statement.cpp), one A4 per statement in `all`, whatever its
// certificate state; the set's folder "deelname-overzichten-<cohort>", the combined file
// "alle-deelname-overzichten.pdf".
CertificateSet statementPdfs(const CohortMatrix& m, const std::vector<Statement>& all, const PdfInputs& in, std::string& error);

// The answer to one person's inspection request (pdf_personal_record.cpp): their roster row, every
// event about them, and the purpose, retention and recipients; A4 portrait, as many pages as needed.
// With a central record (ctx.centralRecord) also what the server holds, `server`, read at ctx.madeAt;
// nullptr there: the page says the server could not be read.
std::string personalRecordPdf(const PersonalRecord& r, const InspectionContext& ctx, const PdfInputs& in, std::string& error,
                              const ServerPersonalRecord* server = nullptr);

// "anna-de-vries": folded to ASCII letters and digits, the rest dashes (file names on FAT sticks).
std::string pdfSlug(const std::string& s);

}  // namespace kiosk
