// commands_privacy.cpp: `leergang-kiosk privacy erase CODE --reason TEXT`: one person's data erased
// on request (AVG art. 17), on this kiosk: their events, roster row and outbox rows, gone from the
// database file and its -wal, a tombstone without a name left instead (store/erasure.cpp). Exit 0
// erased, 3 nobody with that code was there (a tombstone is still written: an import later does not
// bring them in), 2 wrong use. With a [central] url the server and the other kiosks still hold the
// person: said, not done (issue 31).
#include <cstdio>

#include "core/clock.h"

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/text_checks.h"
#include "store/store_messages.h"

namespace kiosk {

int cmdPrivacy(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const Texts& tx = ctx.texts;
    const bool reasonGiven = cl.reason && cl.reason->find_first_not_of(' ') != std::string::npos &&
                             checkText(*cl.reason, 200, false).ok();
    if (cl.positional.size() != 2 || cl.positional[0] != "erase" || !reasonGiven) {
        std::fprintf(stderr, "%s\n", tx("erase.usage").c_str());
        return 2;
    }
    const std::string& code = cl.positional[1];
    AttendanceDb db;
    db.setRetentionDays(ctx.config.settings.retentionDays);
    const Instant now = SystemClock{}.now();
    if (int rc = openStoreWithRoster(ctx, db, now)) return rc;
    ErasureResult erased;
    if (auto s = db.erasePerson(code, *cl.reason, now, erased); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(tx, s).c_str());
        return 1;
    }
    const TextArgs args{{"code", printable(code)}, {"n", std::to_string(erased.events)}, {"outbox", std::to_string(erased.outbox)}};
    if (!erased.participant && erased.events == 0) {
        std::printf("%s\n", tx.format("erase.nobody", args).c_str());
        return 3;
    }
    std::printf("%s\n", tx.format("erase.done", args).c_str());
    std::printf("%s\n", tx("erase.still_elsewhere").c_str());
    if (!ctx.config.settings.centralUrl.empty()) std::printf("%s\n", tx("erase.central_not_done").c_str());
    return 0;
}

}  // namespace kiosk
