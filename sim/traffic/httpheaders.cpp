#include "sim/traffic/httpheaders.h"

namespace sim::traffic {
namespace {

bool equalsIgnoringCase(std::string_view lower, std::string_view any)
{
    if (lower.size() != any.size())
        return false;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        char c = any[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (lower[i] != c)
            return false;
    }
    return true;
}

} // namespace

std::string HttpHeaders::normalize(std::string_view name)
{
    std::string out(name);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

const std::string *HttpHeaders::get(std::string_view name) const
{
    for (const Field &f : fields()) {
        if (equalsIgnoringCase(f.first, name))
            return &f.second;
    }
    return nullptr;
}

void HttpHeaders::append(std::string name, std::string value)
{
    if (!isOnHeap() && m_inlineCount < kInlineFields) {
        m_inline[m_inlineCount++] = Field(std::move(name), std::move(value));
        return;
    }
    if (!isOnHeap()) {
        // One more than fits: every field moves to the heap, in order, and the inline ones are left empty.
        m_heap.reserve(2 * kInlineFields);
        for (Field &f : m_inline)
            m_heap.push_back(std::exchange(f, Field()));
        m_inlineCount = 0;
    }
    m_heap.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::set(std::string_view name, std::string value)
{
    remove(name);
    append(normalize(name), std::move(value));
}

void HttpHeaders::add(std::string_view name, std::string value)
{
    for (Field &f : mutableFields()) {
        if (equalsIgnoringCase(f.first, name)) {
            f.second += ", " + value;
            return;
        }
    }
    append(normalize(name), std::move(value));
}

void HttpHeaders::remove(std::string_view name)
{
    auto matches = [&](const Field &f) { return equalsIgnoringCase(f.first, name); };
    if (isOnHeap()) {
        std::erase_if(m_heap, matches);
        return;
    }
    // Keep the remaining inline fields first and in order; the freed places end up empty.
    auto kept = std::stable_partition(m_inline.begin(), m_inline.begin() + m_inlineCount, [&](const Field &f) { return !matches(f); });
    for (auto it = kept; it != m_inline.begin() + m_inlineCount; ++it)
        *it = Field();
    m_inlineCount = static_cast<std::uint8_t>(kept - m_inline.begin());
}

} // namespace sim::traffic
