#include "central_kiosk_role.h"

#include <libpq-fe.h>
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

}  // namespace

bool validCentralKioskId(const std::string& id) {
    if (id.empty() || id.size() > 50) return false;
    for (char ch : id)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    return true;
}

std::string centralRoleName(const std::string& kioskId) { return "kiosk_" + kioskId; }

AddKioskResult addCentralKiosk(PgConnection& c, const std::string& kioskId) {
    AddKioskResult out;
    if (!validCentralKioskId(kioskId)) {
        out.error = "kiosk id";
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
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    out.password = std::move(password);
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
