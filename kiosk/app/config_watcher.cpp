#include "config_watcher.h"

#include <cstdint>

#include "app/embedded_assets.h"
#include "store/roster_sync.h"
#include "store/store_messages.h"

namespace kiosk {

Texts loadEmbeddedTexts(Lang lang) {
    Problems ignored;  // the catalogues are tested at build time (tests/core/test_text_catalogue.cpp)
    return Texts(Catalogue::parse(embeddedAsset("text/nl.txt"), "nl.txt", ignored),
                 Catalogue::parse(embeddedAsset("text/en.txt"), "en.txt", ignored), lang);
}

ConfigFiles embeddedConfig() {
    ConfigFiles cf;
    cf.origin = "(ingebouwd)";
    for (const auto& a : embeddedAssets()) {
        constexpr std::string_view prefix = "config/";
        if (a.name.substr(0, prefix.size()) == prefix) cf.files[std::string(a.name.substr(prefix.size()))] = std::string(a.data);
    }
    return cf;
}

ConfigFiles readConfig(const std::filesystem::path& dir, Texts& texts, bool langChosen, Problems& problems) {
    ConfigFiles files = dir.empty() ? embeddedConfig() : readConfigFolder(dir, texts, problems);
    if (!langChosen) {
        Problems ignored;
        texts.setLang(loadSettingsOnly(files, texts, ignored).lang);
    }
    return files;
}

StoreStatus openStoreWithRoster(AttendanceDb& db, const std::filesystem::path& dbPath, const ConfigFiles& files,
                                const LoadedConfig& config, Instant now, const Texts& texts,
                                std::vector<std::string>& messages, bool& rosterFailed) {
    rosterFailed = false;
    db.setRetentionDays(config.settings.retentionDays);  // purge by evidence, the plausible window (retention.cpp)
    const StoreOpenReport report = db.open(dbPath, now);
    for (const auto& line : describeOpenReport(texts, report)) messages.push_back(line);
    if (!report.status.ok()) {
        messages.push_back(dbPath.string() + ": " + texts(storeErrorKey(report.status.kind)) + " (" + report.status.detail + ")");
        return report.status;
    }
    if (auto it = files.files.find(kRosterFile); it != files.files.end() && config.roster.ok()) {
        std::vector<Participant> rows;
        for (const auto& r : config.roster.rows) rows.push_back(r.participant);
        RosterImportResult result;
        bool imported = false;
        if (auto s = syncConfigRoster(db, rows, it->second, now, imported, result); !s.ok()) {
            messages.push_back(dbPath.string() + ": " + texts(storeErrorKey(s.kind)) + " (" + s.detail + ")");
            rosterFailed = true;
        }
        for (const auto& code : result.erasedLeftOut) messages.push_back(texts.format("erase.left_out", {{"code", code}}));
    }
    return report.status;
}

ConfigWatcher::ConfigWatcher(std::filesystem::path dir, bool watch, Instant now)
    : dir_(std::move(dir)), watch_(watch && !dir_.empty()), lastPoll_(now) {
    if (!dir_.empty()) stamp_ = stamp();
}

std::string ConfigWatcher::stamp() const {
    std::string sig;
    for (const char* name : {kKioskFile, kProgrammeFile, kExercisesFile, kRosterFile}) {
        std::error_code ec, ec2;
        const auto t = std::filesystem::last_write_time(dir_ / name, ec);
        const auto size = std::filesystem::file_size(dir_ / name, ec2);
        sig += name;
        sig += ec ? std::string("-") : std::to_string(t.time_since_epoch().count());
        sig += '/';
        sig += ec2 ? std::string("-") : std::to_string(size);
        sig += ';';
    }
    return sig;
}

int64_t ConfigWatcher::msUntilPoll(Instant now) const {
    if (!watch_) return INT64_MAX;
    return std::max<int64_t>(0, lastPoll_.ms + kPollMs - now.ms);
}

std::optional<ConfigFiles> ConfigWatcher::poll(Instant now, Texts& texts, Problems& problems) {
    if (!watch_ || now.ms - lastPoll_.ms < kPollMs) return std::nullopt;
    lastPoll_ = now;
    const std::string sig = stamp();
    if (sig == stamp_) return std::nullopt;
    ConfigFiles files = readConfigFolder(dir_, texts, problems);
    if (!problems.empty()) return std::nullopt;  // not remembered: read again at the next poll
    stamp_ = sig;
    return files;
}

}  // namespace kiosk
