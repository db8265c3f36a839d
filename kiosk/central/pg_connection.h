// pg_connection.h: one libpq connection to the central record, and the results it returns, as
// small RAII types with no exceptions (the kiosk's rule: typed results for the world).
//
// CONTRACT
//   1. connect() never logs or returns the password: it is handed to libpq as its own keyword
//      (PQconnectdbParams), never pasted into a connection string, and libpq's error messages do
//      not contain it. `url` may be a connection string or a URI (libpq's expand_dbname).
//   2. Every statement that may fail returns a PgResult; ok() is false with libpq's own words in
//      error() (one line) and the SQLSTATE in sqlState(). Nothing throws.
//   3. Parameters always travel separately from the SQL text (PQexecParams); identifiers that
//      cannot be parameters (role names) are quoted with quoteIdent().
//   4. Not thread-safe: one connection per thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace kiosk {

class PgResult {
public:
    PgResult() = default;
    explicit PgResult(pg_result* r, std::string error = {});
    ~PgResult();
    PgResult(PgResult&& o) noexcept;
    PgResult& operator=(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }
    std::string sqlState() const;     // "" when unknown (e.g. the connection was lost)
    int rows() const;
    std::string text(int row, int col) const;
    long long integer(int row, int col) const;
    bool isNull(int row, int col) const;
    long long affected() const;       // rows inserted, updated or deleted

private:
    pg_result* r_ = nullptr;
    bool ok_ = false;
    std::string error_;
};

class PgConnection {
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Connects to `url`; `password` ("" = none: libpq's own ways, .pgpass, peer, trust) is passed
    // on its own. Returns "" or libpq's reason, one line. `timeoutSeconds`: connect_timeout.
    // `sslmode` ("" = as the url says) overrides the url's.
    std::string connect(const std::string& url, const std::string& password = {}, int timeoutSeconds = 10,
                        const std::string& sslmode = {});
    bool isOpen() const;
    void close();

    PgResult exec(const std::string& sql);
    PgResult exec(const std::string& sql, const std::vector<std::optional<std::string>>& params);
    // The same statement in two halves, so that the caller works while the server does (the pull
    // stores one batch in SQLite while the server reads the next). send() false: not sent, the
    // reason in receive()'s error. Every send() must be followed by one receive() before the next.
    bool send(const std::string& sql, const std::vector<std::optional<std::string>>& params);
    PgResult receive();
    std::string quoteIdent(const std::string& name);  // "" when libpq cannot (lost connection)
    std::string user() const;                          // the role connected as

    pg_conn* raw() { return c_; }
    // How many answers (results of exec() and receive()) the server gave on this object; any thread
    // may read it: a watchdog tells a server that stopped answering from a slow round by it.
    uint64_t answers() const { return answers_.load(); }

private:
    pg_conn* c_ = nullptr;
    std::atomic<uint64_t> answers_{0};
    std::string sendError_;  // why the last send() failed, for its receive()
};

// libpq's message cut to one line (no trailing newline, later lines joined with "; ").
std::string oneLine(const std::string& message);

}  // namespace kiosk
