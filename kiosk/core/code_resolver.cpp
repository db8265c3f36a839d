#include "code_resolver.h"

namespace kiosk {

std::string codeKey(std::string_view code) {
    std::string c = normaliseCode(code);
    if (c.empty() || c.find_first_not_of("0123456789") != std::string::npos) return c;
    const size_t first = c.find_first_not_of('0');
    return first == std::string::npos ? std::string("0") : c.substr(first);
}

void CodeIndex::add(const std::string& storedCode, bool active, size_t ref) {
    const size_t i = entries_.size();
    entries_.push_back({storedCode, active, ref});
    exact_.emplace(storedCode, i);
    byKey_[codeKey(storedCode)].push_back(i);
}

CodeResolution CodeIndex::resolve(std::string_view typed) const {
    const std::string norm = normaliseCode(typed);
    if (norm.empty()) return {};
    auto found = [&](size_t i) {
        const Entry& e = entries_[i];
        return CodeResolution{e.active ? CodeMatch::active : CodeMatch::inactive, e.ref, e.code};
    };
    if (auto it = exact_.find(norm); it != exact_.end()) return found(it->second);
    const auto it = byKey_.find(codeKey(norm));
    if (it == byKey_.end()) return {};
    if (it->second.size() > 1) return {CodeMatch::ambiguous, 0, {}};
    return found(it->second.front());
}

std::vector<CodeRestored> restoreStoredForms(std::vector<Participant>& incoming, const CodeIndex& stored) {
    std::vector<CodeRestored> out;
    for (size_t i = 0; i < incoming.size(); ++i) {
        const CodeResolution r = stored.resolve(incoming[i].code);
        if (r.match != CodeMatch::active && r.match != CodeMatch::inactive) continue;
        if (r.storedCode == incoming[i].code) continue;
        out.push_back({i, incoming[i].code, r.storedCode});
        incoming[i].code = r.storedCode;
    }
    return out;
}

void applyRestored(std::vector<Participant>& incoming, const std::vector<CodeRestored>& restored) {
    for (const auto& r : restored)
        if (r.row < incoming.size() && incoming[r.row].code == r.incoming) incoming[r.row].code = r.stored;
}

}  // namespace kiosk
