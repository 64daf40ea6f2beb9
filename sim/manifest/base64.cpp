#include "sim/manifest/base64.h"

#include <cstdint>

namespace sim::manifest {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c)
{
    std::size_t i = kAlphabet.find(c);
    return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

} // namespace

std::string encodeBase64(std::string_view bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size())
            n |= static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

std::optional<std::string> decodeBase64(std::string_view text, std::size_t *errorOffset)
{
    auto fail = [&](std::size_t at) -> std::optional<std::string> {
        if (errorOffset)
            *errorOffset = at;
        return std::nullopt;
    };
    if (text.size() % 4 != 0)
        return fail(text.size() / 4 * 4);
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        bool last = i + 4 == text.size();
        int a = sextet(text[i]), b = sextet(text[i + 1]);
        if (a < 0)
            return fail(i);
        if (b < 0)
            return fail(i + 1);
        bool pad2 = last && text[i + 2] == '=';
        bool pad3 = last && text[i + 3] == '=';
        int c = pad2 ? 0 : sextet(text[i + 2]);
        int d = pad3 ? 0 : sextet(text[i + 3]);
        if (c < 0 || (pad2 && !pad3))
            return fail(i + 2);
        if (d < 0)
            return fail(i + 3);
        std::uint32_t n = (a << 18) | (b << 12) | (c << 6) | d;
        out += static_cast<char>((n >> 16) & 255);
        if (!pad2)
            out += static_cast<char>((n >> 8) & 255);
        if (!pad3)
            out += static_cast<char>(n & 255);
    }
    return out;
}

} // namespace sim::manifest
