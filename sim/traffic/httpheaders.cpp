#include "sim/traffic/httpheaders.h"

#include <algorithm>

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
    for (const Field &f : m_fields) {
        if (equalsIgnoringCase(f.first, name))
            return &f.second;
    }
    return nullptr;
}

void HttpHeaders::set(std::string_view name, std::string value)
{
    remove(name);
    m_fields.emplace_back(normalize(name), std::move(value));
}

void HttpHeaders::add(std::string_view name, std::string value)
{
    for (Field &f : m_fields) {
        if (equalsIgnoringCase(f.first, name)) {
            f.second += ", " + value;
            return;
        }
    }
    m_fields.emplace_back(normalize(name), std::move(value));
}

void HttpHeaders::remove(std::string_view name)
{
    std::erase_if(m_fields, [&](const Field &f) { return equalsIgnoringCase(f.first, name); });
}

} // namespace sim::traffic
