#include "sim/controllers/simannotations.h"

#include <cctype>
#include <cstdio>

namespace sim::controllers {

std::optional<engine::SimTime> parseSeconds(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    engine::SimTime whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > 100LL * 365 * 24 * 3600)
            return std::nullopt;
    }
    engine::SimTime fraction = 0;
    engine::SimTime scale = engine::kSecond;
    const bool hasWhole = i > 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t firstDigit = i;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            scale /= 10;
            fraction += (text[i] - '0') * scale;
        }
        if (i == firstDigit && !hasWhole)
            return std::nullopt;
    } else if (!hasWhole) {
        return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    return whole * engine::kSecond + fraction;
}

std::optional<engine::SimTime> secondsAnnotation(const api::ObjectMeta &meta, const char *key)
{
    auto it = meta.annotations->find(key);
    if (it == meta.annotations->end())
        return std::nullopt;
    return parseSeconds(it->second);
}

bool flagAnnotation(const api::ObjectMeta &meta, const char *key)
{
    auto it = meta.annotations->find(key);
    if (it == meta.annotations->end())
        return false;
    std::string v;
    for (char c : it->second)
        v.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return v == "true" || v == "1";
}

std::string formatDuration(engine::SimTime duration)
{
    const long long ms = duration / engine::kMillisecond;
    char buf[48];
    if (ms < 1000) {
        std::snprintf(buf, sizeof buf, "%lldms", ms);
    } else if (ms < 60 * 1000) {
        if (ms % 1000 == 0)
            std::snprintf(buf, sizeof buf, "%llds", ms / 1000);
        else {
            std::snprintf(buf, sizeof buf, "%lld.%03lld", ms / 1000, ms % 1000);
            std::string s = buf;
            while (s.back() == '0')
                s.pop_back();
            return s + "s";
        }
    } else {
        const long long totalSeconds = ms / 1000;
        if (totalSeconds >= 3600)
            std::snprintf(buf, sizeof buf, "%lldh%lldm%llds", totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60);
        else
            std::snprintf(buf, sizeof buf, "%lldm%llds", totalSeconds / 60, totalSeconds % 60);
    }
    return buf;
}

} // namespace sim::controllers
