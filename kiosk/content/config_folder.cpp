#include "content/config_folder.h"

#include <cstdint>

#include "content/embedded_assets.h"

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

std::optional<RosterInput> rosterInput(const ConfigFiles& files, const LoadedConfig& config) {
    const auto it = files.files.find(kRosterFile);
    if (it == files.files.end() || !config.roster.ok()) return std::nullopt;
    RosterInput in{{}, it->second};
    for (const auto& r : config.roster.rows) in.rows.push_back(r.participant);
    return in;
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
