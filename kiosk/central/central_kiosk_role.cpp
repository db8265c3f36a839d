#include "central_kiosk_role.h"

#include "optional/central_api.h"
#include <sodium.h>

#include "pg_connection.h"

namespace kiosk {
namespace {

std::string newPassword() {
    unsigned char bytes[24];
    randombytes_buf(bytes, sizeof bytes);
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    // 24 bytes = 192 bits = 32 characters of 6 bits each.
    for (size_t i = 0; i < sizeof bytes; i += 3) {
        const unsigned v = (unsigned(bytes[i]) << 16) | (unsigned(bytes[i + 1]) << 8) | unsigned(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63u];
    }
    sodium_memzero(bytes, sizeof bytes);
    return out;
}

// A value in a libpq keyword=value string: as is when plain, else quoted with \ and ' escaped.
std::string conninfoValue(const std::string& v) {
    bool plain = !v.empty();
    for (char ch : v)
        if (ch == ' ' || ch == '\'' || ch == '\\' || ch == '=') plain = false;
    if (plain) return v;
    std::string out = "'";
    for (char ch : v) {
        if (ch == '\\' || ch == '\'') out += '\\';
        out += ch;
    }
    return out + "'";
}

// Inside an open transaction: `cohorts` added to the kiosk's, and its cohort-less events given
// the first of what it then has (contract 5).
bool addCohorts(PgConnection& c, const std::string& kioskId, const std::vector<std::string>& cohorts,
                long long& assigned, std::string& error) {
    for (const std::string& cohort : cohorts) {
        PgResult r = c.exec("INSERT INTO kiosk_cohort (kiosk_id, cohort) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                            {kioskId, cohort});
        if (!r.ok()) {
            error = r.error();
            return false;
        }
    }
    for (const char* sql : {"ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_append_only",
                            "UPDATE attendance_event SET cohort = (SELECT min(cohort) FROM kiosk_cohort WHERE kiosk_id = $1)"
                            " WHERE cohort IS NULL AND origin_kiosk = $1",
                            "ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_append_only"}) {
        const bool withId = std::string(sql).find("$1") != std::string::npos;
        PgResult r = withId ? c.exec(sql, {kioskId}) : c.exec(sql);
        if (!r.ok()) {
            error = r.error();
            return false;
        }
        if (withId) assigned = r.affected();
    }
    return true;
}

}  // namespace

std::string kioskRoleLimitsSql(const std::string& roleQuery) {
    const KioskRoleLimits& l = kKioskRoleLimits;
    auto set = [](const char* name, int ms) {
        return std::string("    EXECUTE format('ALTER ROLE %I SET ") + name + " = %L', r, '" + std::to_string(ms) + "ms');\n";
    };
    return "DO $$ DECLARE r text; BEGIN\n  FOR r IN " + roleQuery + " LOOP\n" +
           "    EXECUTE format('ALTER ROLE %I CONNECTION LIMIT " + std::to_string(l.connections) + "', r);\n" +
           set("statement_timeout", l.statementTimeoutMs) + set("lock_timeout", l.lockTimeoutMs) +
           set("idle_in_transaction_session_timeout", l.idleInTransactionMs) + "  END LOOP;\nEND $$;\n";
}

bool validCentralCohort(const std::string& cohort) {
    if (cohort.empty() || cohort.size() > 64 * 4) return false;
    size_t characters = 0;
    for (unsigned char ch : cohort) {
        if (ch <= 0x20 || ch == 0x7f) return false;
        if ((ch & 0xC0) != 0x80) ++characters;
    }
    return characters <= 64;
}

bool validCentralKioskId(const std::string& id) {
    if (id.empty() || id.size() > 50) return false;
    for (char ch : id)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    return true;
}

std::string centralRoleName(const std::string& kioskId) { return "kiosk_" + kioskId; }

AddKioskResult addCentralKiosk(PgConnection& c, const std::string& kioskId, const std::vector<std::string>& cohorts) {
    AddKioskResult out;
    if (!validCentralKioskId(kioskId)) {
        out.error = "kiosk id";
        return out;
    }
    for (const std::string& cohort : cohorts)
        if (!validCentralCohort(cohort)) {
            out.error = "cohort";
            return out;
        }
    if (sodium_init() < 0) {
        out.error = "libsodium";
        return out;
    }
    out.role = centralRoleName(kioskId);
    const std::string role = c.quoteIdent(out.role);
    std::string password = newPassword();
    char* verifier = PQencryptPasswordConn(c.raw(), password.c_str(), out.role.c_str(), "scram-sha-256");
    if (!verifier || role.empty()) {
        out.error = oneLine(PQerrorMessage(c.raw()));
        if (verifier) PQfreemem(verifier);
        return out;
    }
    char* literal = PQescapeLiteral(c.raw(), verifier, std::char_traits<char>::length(verifier));
    PQfreemem(verifier);
    if (!literal) {
        out.error = oneLine(PQerrorMessage(c.raw()));
        return out;
    }
    const std::string verifierLiteral = literal;
    PQfreemem(literal);

    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        out.error = why;
        return out;
    };
    if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
    PgResult exists = c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {out.role});
    if (!exists.ok()) return fail(exists.error());
    out.existed = exists.rows() > 0;
    const std::string roleSql = (out.existed ? "ALTER ROLE " : "CREATE ROLE ") + role +
                                " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD " + verifierLiteral;
    if (PgResult r = c.exec(roleSql); !r.ok()) return fail(r.error());
    if (PgResult r = c.exec("GRANT leergang_kiosks TO " + role); !r.ok()) return fail(r.error());
    PgResult row = c.exec("INSERT INTO kiosk (id, role_name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                          {kioskId, out.role});
    if (!row.ok()) return fail(row.error());
    // The role name is a-z, 0-9 and _ only (validCentralKioskId): safe as a literal.
    if (PgResult r = c.exec(kioskRoleLimitsSql("SELECT '" + out.role + "'::text")); !r.ok()) return fail(r.error());
    long long assigned = 0;
    std::string error;
    if (!cohorts.empty() && !addCohorts(c, kioskId, cohorts, assigned, error)) return fail(error);
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    out.password = std::move(password);
    out.ok = true;
    return out;
}

SetCohortsResult setKioskCohorts(PgConnection& c, const std::string& kioskId, const std::vector<std::string>& cohorts,
                                 bool add) {
    SetCohortsResult out;
    for (const std::string& cohort : cohorts)
        if (!validCentralCohort(cohort)) {
            out.error = "cohort";
            return out;
        }
    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        out.error = why;
        return out;
    };
    if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
    PgResult known = c.exec("SELECT 1 FROM kiosk WHERE id = $1 FOR UPDATE", {kioskId});
    if (!known.ok()) return fail(known.error());
    if (known.rows() == 0) {
        out.unknownKiosk = true;
        return fail("unknown kiosk");
    }
    if (!add)
        if (PgResult r = c.exec("DELETE FROM kiosk_cohort WHERE kiosk_id = $1", {kioskId}); !r.ok()) return fail(r.error());
    std::string error;
    if (!addCohorts(c, kioskId, cohorts, out.eventsAssigned, error)) return fail(error);
    PgResult now = c.exec("SELECT cohort FROM kiosk_cohort WHERE kiosk_id = $1 ORDER BY cohort", {kioskId});
    if (!now.ok()) return fail(now.error());
    for (int i = 0; i < now.rows(); ++i) out.cohorts.push_back(now.text(i, 0));
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    out.ok = true;
    return out;
}

std::string kioskConnectionString(const std::string& ownerUrl, const std::string& kioskId) {
    char* err = nullptr;
    PQconninfoOption* options = PQconninfoParse(ownerUrl.c_str(), &err);
    if (!options) {
        PQfreemem(err);
        return {};
    }
    std::string out;
    for (const PQconninfoOption* o = options; o->keyword; ++o) {
        const std::string key = o->keyword;
        if (!o->val || !*o->val || key == "user" || key == "password" || key == "passfile") continue;
        out += key + "=" + conninfoValue(o->val) + " ";
    }
    PQconninfoFree(options);
    return out + "user=" + conninfoValue(centralRoleName(kioskId));
}

}  // namespace kiosk
