#include "sim/api/objectmeta.h"

namespace sim::api {

const OwnerReference *ObjectMeta::controllerRef() const
{
    for (const OwnerReference &ref : *ownerReferences) {
        if (ref.controller)
            return &ref;
    }
    return nullptr;
}

std::string ObjectMeta::annotation(const std::string &key, const std::string &fallback) const
{
    auto it = annotations->find(key);
    return it == annotations->end() ? fallback : it->second;
}

const Condition *findCondition(const std::vector<Condition> &conditions, std::string_view type)
{
    for (const Condition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

bool setCondition(std::vector<Condition> &conditions, Condition condition)
{
    for (Condition &c : conditions) {
        if (c.type != condition.type)
            continue;
        if (c.status == condition.status)
            condition.lastTransitionTime = c.lastTransitionTime;
        if (c == condition)
            return false;
        c = std::move(condition);
        return true;
    }
    conditions.push_back(std::move(condition));
    return true;
}

} // namespace sim::api
