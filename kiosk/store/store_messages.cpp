#include "store_messages.h"

namespace kiosk {

std::vector<std::string> describeOpenReport(const Texts& texts, const StoreOpenReport& report) {
    std::vector<std::string> lines;
    if (!report.foreignWalKeptIn.empty())
        lines.push_back(texts.format("store.foreign_wal", {{"path", report.foreignWalKeptIn}, {"why", report.walNote}}));
    if (!report.quarantinedTo.empty()) {
        std::string line = texts.format("store.quarantined", {{"path", report.quarantinedTo}, {"n", std::to_string(report.eventsCarriedOver)}});
        line += " ";
        line += report.eventsNotCarried > 0 ? texts.format("store.quarantine_lost", {{"lost", std::to_string(report.eventsNotCarried)}})
                                            : texts("store.quarantine_complete");
        lines.push_back(line);
    }
    if (report.damagedButHeld) lines.push_back(texts("store.damaged_held"));
    return lines;
}

std::string describeClock(const Texts& texts, const ClockCheck& check, Instant now, int retentionDays) {
    return texts.format(clockVerdictKey(check.verdict), {{"today", localDateOf(now).iso()},
                                                         {"newest", check.newestEvidence ? check.newestEvidence->iso() : "-"},
                                                         {"days", std::to_string(retentionDays)}});
}

}  // namespace kiosk
