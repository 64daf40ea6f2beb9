#pragma once

#include "sim/api/labelselector.h"

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sim::controllers {

/**
 * Names of objects by (namespace, label key, label value), so that "pods matching this Service's selector"
 * and "Services whose selector this pod matches" cost a few set look-ups instead of a scan of every object.
 */
class LabelPairIndex {
public:
    void add(const std::string &ns, const std::string &name, const api::Labels &labels);
    void remove(const std::string &ns, const std::string &name, const api::Labels &labels);

    /**
     * Names (in name order) of objects that carry every pair of `selector`; empty selector: none. The views point
     * into the index: valid until its next add or remove.
     */
    std::vector<std::string_view> withAll(const std::string &ns, const api::Labels &selector) const;
    /**
     * Names (in name order, each once) of objects that carry at least one of the pairs in `labels`. The views point
     * into the index: valid until its next add or remove.
     */
    std::vector<std::string_view> withAny(const std::string &ns, const api::Labels &labels) const;

private:
    /** The table's key of a pair, written into m_pairKey (a look-up allocates nothing once the buffer has grown). */
    const std::string &pairKey(const std::string &ns, const std::string &key, const std::string &value) const;
    const std::set<std::string> *names(const std::string &ns, const std::string &key, const std::string &value) const;

    std::unordered_map<std::string, std::set<std::string>> m_names;
    mutable std::string m_pairKey;
};

} // namespace sim::controllers
