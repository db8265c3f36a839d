#include "pg_connection.h"

#include <utility>

#include "optional/central_api.h"

#include <cstdlib>

namespace kiosk {

std::string oneLine(const std::string& message) {
    std::string out;
    for (char ch : message) {
        if (ch == '\n') {
            if (!out.empty() && out.substr(out.size() > 1 ? out.size() - 2 : 0) != "; ") out += "; ";
        } else {
            out += ch;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ';')) out.pop_back();
    return out;
}

PgResult::PgResult(pg_result* r, std::string error) : r_(r), error_(std::move(error)) {
    if (!r_) {
        ok_ = false;
        if (error_.empty()) error_ = "no result";
        return;
    }
    const ExecStatusType st = PQresultStatus(r_);
    ok_ = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok_ && error_.empty()) error_ = oneLine(PQresultErrorMessage(r_));
}

PgResult::~PgResult() {
    if (r_) PQclear(r_);
}

PgResult::PgResult(PgResult&& o) noexcept : r_(o.r_), ok_(o.ok_), error_(std::move(o.error_)) { o.r_ = nullptr; }

PgResult& PgResult::operator=(PgResult&& o) noexcept {
    if (this != &o) {
        if (r_) PQclear(r_);
        r_ = o.r_;
        ok_ = o.ok_;
        error_ = std::move(o.error_);
        o.r_ = nullptr;
    }
    return *this;
}

std::string PgResult::sqlState() const {
    if (!r_) return {};
    const char* s = PQresultErrorField(r_, PG_DIAG_SQLSTATE);
    return s ? s : "";
}

int PgResult::rows() const { return r_ && ok_ ? PQntuples(r_) : 0; }

std::string PgResult::text(int row, int col) const {
    if (!r_ || row >= rows() || col >= PQnfields(r_)) return {};
    return std::string(PQgetvalue(r_, row, col), static_cast<size_t>(PQgetlength(r_, row, col)));
}

long long PgResult::integer(int row, int col) const { return std::strtoll(text(row, col).c_str(), nullptr, 10); }

bool PgResult::isNull(int row, int col) const { return !r_ || row >= rows() || PQgetisnull(r_, row, col); }

long long PgResult::affected() const { return r_ ? std::strtoll(PQcmdTuples(r_), nullptr, 10) : 0; }

PgConnection::~PgConnection() { close(); }

void PgConnection::close() {
    if (c_) PQfinish(c_);
    c_ = nullptr;
}

bool PgConnection::isOpen() const { return c_ && PQstatus(c_) == CONNECTION_OK; }

std::string PgConnection::connect(const std::string& url, const std::string& password, int timeoutSeconds,
                                  const std::string& sslmode) {
    close();
    const std::string timeout = std::to_string(timeoutSeconds);
    // With expand_dbname, the url's own keywords override the ones before dbname, and the ones after
    // it override the url (password) or fill in (connect_timeout, application_name).
    // Before it, defaults a url may change: a link that dies without a reset (an access point
    // rebooted, NAT state lost) is noticed within about 20 s, not the kernel's 15 minutes, so the
    // sync thread never hangs in a statement (keepalives for an idle connection, tcp_user_timeout
    // for unacknowledged data; both ignored on a Unix socket).
    std::vector<const char*> keys{"keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
                                  "tcp_user_timeout", "dbname", "connect_timeout", "application_name"};
    std::vector<const char*> values{"1", "10", "5", "3", "20000", url.c_str(), timeout.c_str(), "leergang-kiosk"};
    if (!sslmode.empty()) {
        keys.push_back("sslmode");
        values.push_back(sslmode.c_str());
    }
    if (!password.empty()) {
        keys.push_back("password");
        values.push_back(password.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    try {
        c_ = PQconnectdbParams(keys.data(), values.data(), 1);
    } catch (const optional::OptionalLibraryMissing& e) {  // the central module (optional_libraries.h, 4)
        return e.what();
    }
    if (!c_) return "out of memory";
    if (PQstatus(c_) != CONNECTION_OK) {
        std::string why = oneLine(PQerrorMessage(c_));
        close();
        return why.empty() ? "connection failed" : why;
    }
    return {};
}

PgResult PgConnection::exec(const std::string& sql) {
    if (!c_) return PgResult(nullptr, "not connected");
    PGresult* r = PQexec(c_, sql.c_str());
    ++answers_;
    return PgResult(r, r ? std::string() : oneLine(PQerrorMessage(c_)));
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    if (!c_) return PgResult(nullptr, "not connected");
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    ++answers_;
    return PgResult(r, r ? std::string() : oneLine(PQerrorMessage(c_)));
}

bool PgConnection::send(const std::string& sql, const std::vector<std::optional<std::string>>& params) {
    sendError_.clear();
    if (!c_) {
        sendError_ = "not connected";
        return false;
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    if (PQsendQueryParams(c_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0))
        return true;
    sendError_ = oneLine(PQerrorMessage(c_));
    return false;
}

PgResult PgConnection::receive() {
    if (!sendError_.empty()) return PgResult(nullptr, std::exchange(sendError_, std::string()));
    if (!c_) return PgResult(nullptr, "not connected");
    // The last result of the statement (one for a single statement); nullptr ends it.
    PGresult* last = nullptr;
    while (PGresult* r = PQgetResult(c_)) {
        if (last) PQclear(last);
        last = r;
    }
    ++answers_;
    return PgResult(last, last ? std::string() : oneLine(PQerrorMessage(c_)));
}

std::string PgConnection::quoteIdent(const std::string& name) {
    if (!c_) return {};
    char* q = PQescapeIdentifier(c_, name.c_str(), name.size());
    if (!q) return {};
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string PgConnection::user() const { return c_ ? PQuser(c_) : ""; }

}  // namespace kiosk
