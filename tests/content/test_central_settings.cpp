// [central] in kiosk.toml (the central record): what a venue's IT writes is read as libpq reads it,
// and a URL that would send attendance unverified over the network never gets as far as the kiosk.
// The broken cases with their file:line:col are in the corpus (central-*); here the accepted ones.
#include <catch2/catch.hpp>

#include "content/central_url.h"
#include "content/config_loader.h"
#include "test_support.h"

using namespace kiosk;

namespace {

LoadedConfig withCentral(const std::string& centralTable) {
    Problems read;
    ConfigFiles files = readConfigFolder(std::string(KIOSK_SOURCE_DIR) + "/tests/content/corpus/_base", test::texts(), read);
    files.files["kiosk.toml"] += "\n[central]\n" + centralTable;
    return loadConfig(files, test::texts());
}

}  // namespace

TEST_CASE("libpq's two forms give the same endpoints, with libpq's default port", "[config][central]") {
    std::string error;
    auto uri = parseCentralUrl("postgresql://kiosk@db.example.nl:5433/leergang?sslmode=verify-full", error);
    REQUIRE(uri);
    REQUIRE(uri->endpoints.size() == 1);
    CHECK(uri->endpoints[0].host == "db.example.nl");
    CHECK(uri->endpoints[0].port == "5433");
    CHECK_FALSE(uri->endpoints[0].socket);
    CHECK(uri->sslmode == "verify-full");

    auto kv = parseCentralUrl("host=db.example.nl,10.0.0.7 dbname=leergang", error);
    REQUIRE(kv);
    REQUIRE(kv->endpoints.size() == 2);
    CHECK(kv->endpoints[1].host == "10.0.0.7");
    CHECK(kv->endpoints[1].port == "5432");
    CHECK(effectiveSslMode(*kv) == "verify-full");

    // hostaddr is what libpq connects to, whatever the name.
    auto addr = parseCentralUrl("host=db.example.nl hostaddr=192.0.2.10 port=6432", error);
    REQUIRE(addr);
    CHECK(addr->endpoints[0].host == "192.0.2.10");
    CHECK(addr->endpoints[0].port == "6432");

    auto sock = parseCentralUrl("host=/run/postgresql dbname=leergang", error);
    REQUIRE(sock);
    CHECK(sock->endpoints[0].socket);
    CHECK(isLocalEndpoint(sock->endpoints[0]));

    CHECK_FALSE(parseCentralUrl("host=x bogus=1", error));
    CHECK(error == "invalid connection option \"bogus\"");
}

TEST_CASE("central url: off by default, over the network only with verified TLS", "[config][central]") {
    Problems read;
    const auto base = loadConfig(readConfigFolder(std::string(KIOSK_SOURCE_DIR) + "/tests/content/corpus/_base",
                                                  test::texts(), read),
                                 test::texts());
    CHECK(base.settings.centralUrl.empty());

    // No sslmode named: the kiosk's default, verify-full, so it is accepted.
    auto cfg = withCentral("url = \"postgresql://kiosk@db.example.nl/leergang\"\npassword_file = \"/etc/leergang-kiosk/central.pw\"\n");
    for (const auto& p : cfg.problems) FAIL(p.format());
    CHECK(cfg.settings.centralUrl == "postgresql://kiosk@db.example.nl/leergang");
    CHECK(cfg.settings.centralPasswordFile == "/etc/leergang-kiosk/central.pw");

    // On this machine TLS is not needed: a socket, or a literal loopback address.
    for (const char* local : {"host=/run/postgresql dbname=leergang sslmode=disable", "host=127.0.0.1 sslmode=prefer",
                              "host=127.9.8.7 sslmode=disable", "postgresql://kiosk@[::1]/leergang?sslmode=disable",
                              "host=db.example.nl hostaddr=127.0.0.1 sslmode=disable"}) {
        cfg = withCentral(std::string("url = \"") + local + "\"\n");
        INFO(local);
        CHECK(cfg.ok());
        CHECK(cfg.settings.centralUrl == local);
    }
    // A name is never local, whatever it looks like (issue 28): DNS or /etc/hosts decide where it
    // goes. Nor is a hostaddr that is not loopback, or a service file's host.
    for (const char* named : {"host=127.attacker.example sslmode=disable", "host=localhost sslmode=disable",
                              "postgresql://kiosk@localhost/leergang?sslmode=disable", "host=127.0.0.1.nip.io sslmode=disable",
                              "host=::ffff:10.0.0.1 sslmode=disable", "host=127.0.0.1 hostaddr=192.0.2.10 sslmode=disable",
                              "host=1270.0.0.1 sslmode=disable", "host=/run/postgresql,db.example.nl sslmode=disable",
                              "service=leergang", "host=/run/postgresql service=leergang"}) {
        cfg = withCentral(std::string("url = \"") + named + "\"\n");
        INFO(named);
        CHECK_FALSE(cfg.ok());
        CHECK(cfg.settings.centralUrl.empty());
    }
    // Another machine with an unverified mode is refused, and the kiosk stays local (url not taken).
    cfg = withCentral("url = \"postgresql://kiosk@192.0.2.10/leergang?sslmode=prefer\"\n");
    CHECK_FALSE(cfg.ok());
    CHECK(cfg.settings.centralUrl.empty());
}
