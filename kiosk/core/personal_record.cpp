#include "personal_record.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/code_resolver.h"
#include "core/json.h"

namespace kiosk {

namespace {

// "2026-11-26T09:05:00": local civil time, the way the venue reads it.
std::string localIso(Instant t) {
    const LocalDateTime l = toLocal(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", l.hour, l.minute, l.second);
    return l.date.iso() + buf;
}

void field(std::string& out, const char* indent, const char* key, const std::string& jsonValue, bool last = false) {
    out += indent;
    out += jsonString(key);
    out += ": " + jsonValue + (last ? "\n" : ",\n");
}

std::string eventJson(const AttendanceEvent& e) {
    std::string o = "    {\n";
    const char* in = "      ";
    field(o, in, "id", jsonString(e.id));
    field(o, in, "kind", jsonString(eventKindKey(e.kind)));
    if (e.effect != CorrectionEffect::none) field(o, in, "effect", jsonString(correctionEffectKey(e.effect)));
    field(o, in, "day", jsonString(e.day.iso()));
    field(o, in, "at_local", jsonString(localIso(e.at)));
    field(o, in, "at_ms", std::to_string(e.at.ms));
    field(o, in, "recorded_local", jsonString(localIso(e.recordedAt)));
    field(o, in, "source", jsonString(eventSourceKey(e.source)));
    field(o, in, "kiosk", jsonString(e.kioskId));
    if (!e.reason.empty()) field(o, in, "reason", jsonString(e.reason));
    if (!e.actor.empty()) field(o, in, "by", jsonString(e.actor));
    if (!e.refersTo.empty()) field(o, in, "refers_to", jsonString(e.refersTo));
    if (!e.guestName.empty()) field(o, in, "walk_in_name", jsonString(e.guestName));
    if (!e.guestOrganisation.empty()) field(o, in, "walk_in_organisation", jsonString(e.guestOrganisation));
    field(o, in, "code", jsonString(e.participantCode), true);
    return o + "    }";
}

std::string bothLanguages(const char* key, const InspectionContext& ctx, const Texts& tx) {
    Texts nl = tx, en = tx;
    nl.setLang(Lang::nl);
    en.setLang(Lang::en);
    return "{ \"nl\": " + jsonString(inspectionText(key, ctx, nl)) + ", \"en\": " + jsonString(inspectionText(key, ctx, en)) + " }";
}

}  // namespace

PersonalRecord collectPersonalRecord(const std::string& code, std::optional<Participant> participant, bool onRoster,
                                     const std::vector<AttendanceEvent>& all, bool showStaffNames,
                                     const std::string& staffWord) {
    PersonalRecord r;
    r.code = code;
    r.participant = std::move(participant);
    r.onRoster = r.participant && onRoster;
    const std::string key = codeKey(code);
    std::set<std::string> ids, linkedWalkIns;
    for (const auto& e : all)  // rule 1, and the walk-ins their links name (rule 2)
        if (!e.participantCode.empty() && codeKey(e.participantCode) == key) {
            ids.insert(e.id);
            if (e.effect == CorrectionEffect::link_guest && !e.refersTo.empty()) linkedWalkIns.insert(e.refersTo);
        }
    for (const auto& e : all)
        if (linkedWalkIns.count(e.id) && e.kind == EventKind::guest_registration) ids.insert(e.id);
    for (bool grew = true; grew;) {  // rule 3, to any depth (an undo of a review of the walk-in)
        grew = false;
        for (const auto& e : all)
            if (!e.refersTo.empty() && ids.count(e.refersTo) && (e.participantCode.empty() || codeKey(e.participantCode) == key) &&
                ids.insert(e.id).second)
                grew = true;
    }
    for (const auto& e : all) {
        if (!ids.count(e.id)) continue;
        r.events.push_back(e);
        if (!showStaffNames && !r.events.back().actor.empty()) r.events.back().actor = staffWord;
    }
    std::stable_sort(r.events.begin(), r.events.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) {
        return a.at != b.at ? a.at < b.at : a.seq < b.seq;
    });
    return r;
}

std::string inspectionText(const char* key, const InspectionContext& ctx, const Texts& tx) {
    std::string s = tx.format(key, {{"days", std::to_string(ctx.retentionDays)}, {"kiosk", ctx.kioskId}});
    if (std::string_view(key) == "inspection.recipients" && ctx.centralRecord) s += " " + tx("inspection.recipients_central");
    if (std::string_view(key) == "inspection.purpose" && !ctx.emailPurpose.empty())
        s += " " + tx.format("inspection.purpose_email", {{"purpose", ctx.emailPurpose}});
    return s;
}

std::string personalRecordJson(const PersonalRecord& r, const InspectionContext& ctx, const Texts& tx) {
    std::string o = "{\n";
    const char* in = "  ";
    field(o, in, "format", jsonString("leergang-kiosk/inzage/1"));
    field(o, in, "made_local", jsonString(localIso(ctx.madeAt)));
    field(o, in, "kiosk", jsonString(ctx.kioskId));
    field(o, in, "code", jsonString(r.code));
    if (r.participant) {
        const Participant& p = *r.participant;
        std::string pj = "{\n";
        const char* pin = "    ";
        field(pj, pin, "code", jsonString(p.code));
        field(pj, pin, "first_name", jsonString(p.firstName));
        field(pj, pin, "infix", jsonString(p.infix));
        field(pj, pin, "last_name", jsonString(p.lastName));
        field(pj, pin, "department", jsonString(p.department));
        field(pj, pin, "cohort", jsonString(p.cohortId));
        if (!p.email.empty()) field(pj, pin, "email", jsonString(p.email));
        field(pj, pin, "on_roster", r.onRoster ? "true" : "false", true);
        field(o, in, "participant", pj + "  }");
    } else {
        field(o, in, "participant", "null");
    }
    std::string ev = "[";
    for (size_t i = 0; i < r.events.size(); ++i) ev += (i ? ",\n" : "\n") + eventJson(r.events[i]);
    field(o, in, "events", ev + (r.events.empty() ? "]" : "\n  ]"));
    field(o, in, "purpose", bothLanguages("inspection.purpose", ctx, tx));
    field(o, in, "retention", bothLanguages("inspection.retention", ctx, tx));
    field(o, in, "recipients", bothLanguages("inspection.recipients", ctx, tx));
    field(o, in, "retention_days", std::to_string(ctx.retentionDays));
    field(o, in, "central_record", ctx.centralRecord ? "true" : "false", true);
    return o + "}\n";
}

std::string describeEvent(const AttendanceEvent& e, const Texts& tx) {
    std::string s;
    switch (e.kind) {
        case EventKind::check_in: s = tx("inspection.kind.check_in"); break;
        case EventKind::check_out: s = tx("inspection.kind.check_out"); break;
        case EventKind::undo: s = tx("inspection.kind.undo"); break;
        case EventKind::guest_registration:
            if (e.effect == CorrectionEffect::link_guest) s = tx("inspection.kind.linked");
            else if (e.effect == CorrectionEffect::confirm_guest) s = tx("inspection.kind.confirmed");
            else s = tx.format("inspection.kind.walk_in", {{"name", e.guestName}, {"organisation", e.guestOrganisation}});
            break;
        case EventKind::correction:
            s = tx("inspection.kind.correction") + ": " +
                tx.format(std::string("inspection.effect.") + correctionEffectKey(e.effect),
                          {{"time", toLocal(e.at).timeOfDay().hhmm()}});
            break;
    }
    if (!e.reason.empty()) s += " (" + e.reason + ")";
    if (!e.actor.empty()) s += ", " + tx.format("inspection.by", {{"who", e.actor}});
    return s;
}

}  // namespace kiosk
