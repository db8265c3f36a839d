#include "central_event_checks.h"

#include <initializer_list>
#include <utility>

#include "core/participant.h"
#include "core/record_limits.h"
#include "core/text_checks.h"
#include "store/central_outbox.h"

namespace kiosk {
namespace {

bool oneOf(const std::string& v, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (v == w) return true;
    return false;
}

bool isDate(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i = 0; i < d.size(); ++i)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) return false;
    return true;
}

}  // namespace

std::string pulledEventFault(const CentralEventRow& e) {
    const EventLimits& l = kEventLimits;
    struct Field {
        const char* name;
        const std::string& value;
        size_t limit;
        bool multiline;
    };
    const std::string code = e.participantCode.value_or("");
    for (const Field& f : {Field{"id", e.id, l.id, false}, Field{"participant_code", code, l.participantCode, false},
                           Field{"kiosk_id", e.kioskId, l.kioskId, false}, Field{"reason", e.reason, l.reason, true},
                           Field{"actor", e.actor, l.actor, false}, Field{"refers_to", e.refersTo, l.refersTo, false},
                           Field{"effect", e.effect, l.effect, false}, Field{"guest_name", e.guestName, l.guestName, false},
                           Field{"guest_organisation", e.guestOrganisation, l.guestOrganisation, false}})
        if (!checkText(f.value, f.limit, f.multiline).ok()) return f.name;
    if (e.id.empty()) return "id";
    if (!oneOf(e.kind, {"check_in", "check_out", "undo", "correction", "guest_registration"})) return "kind";
    if (!oneOf(e.source, {"kiosk", "staff", "command_line"})) return "source";
    if (!oneOf(e.effect, {"", "set_check_in", "set_check_out", "set_absent", "set_excused", "catch_up", "confirm_guest",
                            "link_guest"}))
        return "effect";
    if (!isDate(e.localDate)) return "local_date";
    if (e.participantCode && (e.participantCode->empty() || normaliseCode(*e.participantCode) != *e.participantCode))
        return "participant_code";
    if (!e.participantCode && e.kind != "guest_registration") return "participant_code";
    return {};
}

bool faultFromNewerVersion(const std::string& field) { return field == "kind" || field == "source" || field == "effect"; }

std::string fittedToLimit(const std::string& text, size_t limit) {
    if (limit == 0 || characterCount(text) <= limit) return text;
    // The byte where character number `limit - 1` begins: what stays, then the ellipsis.
    size_t kept = 0, bytes = 0;
    while (bytes < text.size() && kept < limit - 1) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
        ++kept;
    }
    return text.substr(0, bytes) + "\u2026";
}

int fitToServerLimits(CentralEventRow& e) {
    const EventLimits& l = kEventLimits;
    int cut = 0;
    for (auto [text, limit] : {std::pair<std::string*, size_t>{&e.reason, l.reason}, {&e.actor, l.actor},
                               {&e.guestName, l.guestName}, {&e.guestOrganisation, l.guestOrganisation}}) {
        // Not UTF-8 (PostgreSQL refuses it at every push): each stray byte becomes U+FFFD first.
        std::string fitted = fittedToLimit(firstInvalidUtf8(*text) == kTextOk ? *text : printable(*text), limit);
        if (fitted != *text) {
            *text = std::move(fitted);
            ++cut;
        }
    }
    return cut;
}

}  // namespace kiosk
