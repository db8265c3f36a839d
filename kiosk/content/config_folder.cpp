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
    // Told: nothing to look at until told, or until a failed read is due again.
    if (told_ && (due_ || !retry_)) return due_ ? 0 : INT64_MAX;
    return std::max<int64_t>(0, lastPoll_.ms + kPollMs - now.ms);
}

std::optional<ConfigFiles> ConfigWatcher::poll(Instant now, Texts& texts, Problems& problems) {
    if (!watch_) return std::nullopt;
    const bool timeUp = now.ms - lastPoll_.ms >= kPollMs;
    if (told_ ? !due_.exchange(false) && !(retry_ && timeUp) : !timeUp) return std::nullopt;
    lastPoll_ = now;
    retry_ = false;
    const std::string sig = stamp();
    if (sig == stamp_) return std::nullopt;
    ConfigFiles files = readConfigFolder(dir_, texts, problems);
    if (!problems.empty()) {  // not remembered: read again kPollMs later
        retry_ = true;
        return std::nullopt;
    }
    stamp_ = sig;
    return files;
}

}  // namespace kiosk
