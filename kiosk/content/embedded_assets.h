// embedded_assets.h: files built into the binary (assets/text/*.txt and the default config/).
#pragma once

#include <string_view>
#include <vector>

namespace kiosk {

struct EmbeddedAsset {
    std::string_view name;  // "text/nl.txt", "config/kiosk.toml"
    std::string_view data;
};

const std::vector<EmbeddedAsset>& embeddedAssets();

// The asset's content, or an empty view when there is none by that name.
inline std::string_view embeddedAsset(std::string_view name) {
    for (const auto& a : embeddedAssets())
        if (a.name == name) return a.data;
    return {};
}

}  // namespace kiosk
