#include "sim/api/quantity.h"

#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <utility>

namespace sim::api {
namespace {

struct Suffix {
    std::string_view name;
    std::int64_t numerator;    // multiplier = numerator / denominator
    std::int64_t denominator;
};

constexpr std::int64_t kKi = 1024;
constexpr std::array<Suffix, 13> kSuffixes{{
    {"Ki", kKi, 1}, {"Mi", kKi * kKi, 1}, {"Gi", kKi * kKi * kKi, 1},
    {"Ti", kKi * kKi * kKi * kKi, 1}, {"Pi", kKi * kKi * kKi * kKi * kKi, 1},
    {"n", 1, 1000000000}, {"u", 1, 1000000}, {"m", 1, 1000}, {"k", 1000, 1},
    {"M", 1000000, 1}, {"G", 1000000000, 1}, {"T", 1000000000000, 1}, {"P", 1000000000000000, 1},
}};

bool mulOverflows(std::int64_t a, std::int64_t b)
{
    return a != 0 && b > std::numeric_limits<std::int64_t>::max() / a;
}

} // namespace

std::optional<Quantity> Quantity::parse(std::string_view text)
{
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
    std::string_view number = text.substr(0, end);
    std::string_view suffix = text.substr(end);
    if (number.empty() || number.front() == '.' || number.back() == '.')
        return std::nullopt;

    std::int64_t numerator = 1, denominator = 1;
    if (!suffix.empty()) {
        bool found = false;
        for (const Suffix &s : kSuffixes) {
            if (s.name == suffix) {
                numerator = s.numerator;
                denominator = s.denominator;
                found = true;
            }
        }
        if (!found)
            return std::nullopt;
    }

    // Split into integer and fractional digits so "0.5" and "1.25Gi" stay exact.
    std::size_t dot = number.find('.');
    std::string_view whole = number.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : number.substr(dot + 1);
    if (frac.find('.') != std::string_view::npos || frac.size() > 9)
        return std::nullopt;
    std::int64_t w = 0;
    if (std::from_chars(whole.data(), whole.data() + whole.size(), w).ec != std::errc{})
        return std::nullopt;
    std::int64_t f = 0, fracScale = 1;
    for (char c : frac) {
        f = f * 10 + (c - '0');
        fracScale *= 10;
    }
    numerator *= 1000; // to milli-units
    if (mulOverflows(w, numerator) || mulOverflows(f, numerator))
        return std::nullopt;
    std::int64_t milli = w * numerator / denominator + f * numerator / denominator / fracScale;
    return Quantity{milli, std::string(text)};
}

Quantity Quantity::fromMilli(std::int64_t milli)
{
    std::string text = milli % 1000 == 0 ? std::to_string(milli / 1000) : std::to_string(milli) + "m";
    return Quantity{milli, std::move(text)};
}

} // namespace sim::api
