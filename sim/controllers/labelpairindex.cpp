#include "sim/controllers/labelpairindex.h"

#include <algorithm>

namespace sim::controllers {

const std::string &LabelPairIndex::pairKey(const std::string &ns, const std::string &key, const std::string &value) const
{
    m_pairKey.assign(ns).append(1, '\0').append(key).append(1, '\0').append(value);
    return m_pairKey;
}

void LabelPairIndex::add(const std::string &ns, const std::string &name, const api::Labels &labels)
{
    for (const auto &[k, v] : labels)
        m_names[pairKey(ns, k, v)].insert(name);
}

void LabelPairIndex::remove(const std::string &ns, const std::string &name, const api::Labels &labels)
{
    for (const auto &[k, v] : labels) {
        auto it = m_names.find(pairKey(ns, k, v));
        if (it == m_names.end())
            continue;
        it->second.erase(name);
        if (it->second.empty())
            m_names.erase(it);
    }
}

const std::set<std::string> *LabelPairIndex::names(const std::string &ns, const std::string &key,
                                                   const std::string &value) const
{
    auto it = m_names.find(pairKey(ns, key, value));
    return it == m_names.end() ? nullptr : &it->second;
}

std::vector<std::string_view> LabelPairIndex::withAll(const std::string &ns, const api::Labels &selector) const
{
    std::vector<std::string_view> out;
    if (selector.empty())
        return out;
    // Walk the smallest set and check the other pairs against their sets.
    std::vector<const std::set<std::string> *> sets;
    for (const auto &[k, v] : selector) {
        const std::set<std::string> *s = names(ns, k, v);
        if (!s)
            return out;
        sets.push_back(s);
    }
    std::size_t smallest = 0;
    for (std::size_t i = 1; i < sets.size(); ++i) {
        if (sets[i]->size() < sets[smallest]->size())
            smallest = i;
    }
    for (const std::string &name : *sets[smallest]) {
        bool inAll = true;
        for (std::size_t i = 0; i < sets.size() && inAll; ++i)
            inAll = i == smallest || sets[i]->count(name) > 0;
        if (inAll)
            out.push_back(name);
    }
    return out;
}

std::vector<std::string_view> LabelPairIndex::withAny(const std::string &ns, const api::Labels &labels) const
{
    std::vector<std::string_view> out;
    for (const auto &[k, v] : labels) {
        if (const std::set<std::string> *s = names(ns, k, v))
            out.insert(out.end(), s->begin(), s->end());
    }
    // Views, not a set of copies: sorting them costs no allocation per name.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace sim::controllers
