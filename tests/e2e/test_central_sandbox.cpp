// The central record meets the unit's sandbox (issue 19): the unit as shipped lets no TCP out; the
// drop-in `central-dropin` prints opens exactly the configured server's addresses; and the policy
// reader follows systemd's rules for lists and resets. The unit's own text from packaging/ is read, so
// a change to its sandbox shows here.
#include <catch2/catch.hpp>

#include <sys/socket.h>

#include <filesystem>
#include <fstream>

#include "cli/unit_sandbox.h"
#include "e2e_support.h"
#include "test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

IpAddress ip(const char* s) { return *IpAddress::parse(s); }

// The bundled config with a [central] url, in a folder of its own.
std::string configWithCentral(const TempDir& dir, const std::string& url) {
    const fs::path cfg = dir / "cfg";
    fs::create_directories(cfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        fs::copy_file(fs::path(kSource) / "config" / f, cfg / f);
    std::string toml = readSourceFile("config/kiosk.toml");
    const auto at = toml.find("url = \"\"");
    REQUIRE(at != std::string::npos);
    toml.replace(at, 8, "url = \"" + url + "\"");
    std::ofstream(cfg / "kiosk.toml", std::ios::binary | std::ios::trunc) << toml;
    return cfg.string();
}

}  // namespace

TEST_CASE("the unit as shipped lets no connection out, not even to this machine", "[e2e][central]") {
    const auto policy = readUnitNetworkPolicy({readSourceFile("packaging/leergang-kiosk.service")});
    CHECK_FALSE(policy.allows(ip("192.0.2.10")));
    CHECK_FALSE(policy.allows(ip("2001:db8::10")));
    CHECK_FALSE(policy.allows(ip("127.0.0.1")));
}

TEST_CASE("central-dropin opens the configured server and nothing else", "[e2e][central][cli]") {
    TempDir dir;
    const auto r = runKiosk(dir, {"central-dropin"},
                            configWithCentral(dir, "postgresql://kiosk@192.0.2.10:5433/leergang"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("[Service]\nRestrictAddressFamilies=AF_INET\nIPAddressAllow=192.0.2.10/32\n") != std::string::npos);
    CHECK(r.out.find("192.0.2.10 port 5433") != std::string::npos);
    CHECK(r.err.find("/etc/systemd/system/leergang-kiosk.service.d/central.conf") != std::string::npos);

    const auto policy = readUnitNetworkPolicy({readSourceFile("packaging/leergang-kiosk.service"), r.out});
    CHECK(policy.allows(ip("192.0.2.10")));
    CHECK_FALSE(policy.allows(ip("192.0.2.11")));
    CHECK_FALSE(policy.allows(ip("127.0.0.1")));
    CHECK_FALSE(policy.allowsFamily(AF_INET6));  // only the family the server needs
}

TEST_CASE("central-dropin: nothing to open for a socket, refused without a url", "[e2e][central][cli]") {
    TempDir dir;
    auto r = runKiosk(dir, {"central-dropin"}, configWithCentral(dir, "host=/run/postgresql dbname=leergang"));
    CHECK(r.exitCode == 0);
    CHECK(r.out.empty());
    CHECK(r.err.find("lokale socket") != std::string::npos);

    r = runKiosk(dir, {"central-dropin"});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("Er staat geen [central] url in kiosk.toml") != std::string::npos);
}

TEST_CASE("the policy reader follows systemd: lists add up, an empty assignment resets", "[e2e][central]") {
    const std::string unit = "[Service]\nRestrictAddressFamilies=AF_UNIX\nIPAddressDeny=any\n";
    // A drop-in that resets the families and the deny list lets everything through.
    auto p = readUnitNetworkPolicy({unit, "[Service]\nRestrictAddressFamilies=\nIPAddressDeny=\n"});
    CHECK(p.allows(ip("198.51.100.1")));
    // A prefix; localhost; a deny-list of families; keys outside [Service] do nothing.
    p = readUnitNetworkPolicy({unit, "[Service]\nRestrictAddressFamilies=AF_INET6\nIPAddressAllow=2001:db8::/32 localhost\n"
                                     "[Install]\nIPAddressAllow=any\n"});
    CHECK(p.allows(ip("2001:db8:1::5")));
    CHECK(p.allows(ip("::1")));
    CHECK_FALSE(p.allows(ip("2001:db9::5")));
    CHECK_FALSE(p.allows(ip("127.0.0.1")));  // allowed address, but AF_INET is not
    // A prefix longer than the address is no entry at all (and reads no byte past the address).
    p = readUnitNetworkPolicy({unit, "[Service]\nRestrictAddressFamilies=AF_INET\nIPAddressAllow=192.0.2.0/200 ::/129\n"});
    CHECK_FALSE(p.allows(ip("192.0.2.1")));
    p = readUnitNetworkPolicy({"[Service]\nRestrictAddressFamilies=~AF_INET6\n"});
    CHECK(p.allows(ip("192.0.2.1")));
    CHECK_FALSE(p.allows(ip("2001:db8::1")));
}

TEST_CASE("a drop-in for a host name also opens the name servers, never an empty family list", "[e2e][central]") {
    const auto servers = nameServersOf("# resolv.conf\nnameserver 192.0.2.53\nnameserver fe80::1%eth0\nsearch example.nl\n");
    REQUIRE(servers.size() == 1);  // a scoped link-local address is not one systemd can filter on
    const std::string dropIn = centralDropIn({{"db.example.nl", "5432", {ip("2001:db8::10")}}}, servers);
    CHECK(dropIn.find("RestrictAddressFamilies=AF_INET AF_INET6\n") != std::string::npos);
    CHECK(dropIn.find("IPAddressAllow=2001:db8::10/128\n") != std::string::npos);
    CHECK(dropIn.find("IPAddressAllow=192.0.2.53/32\n") != std::string::npos);
    CHECK(centralDropIn({}, {}).find("\nRestrictAddressFamilies=") == std::string::npos);
}
