#pragma once

#include "sim/controllers/controller.h"

namespace sim::controllers {

/**
 * The garbage collector: when an owner goes, each object whose ownerReferences now all point at missing
 * owners is deleted (background propagation, kubectl's default); references to missing owners are dropped
 * from objects that still have a live owner.
 */
class GarbageCollector : public Controller {
public:
    static constexpr const char *kComponent = "garbage-collector";

    explicit GarbageCollector(ControllerContext context);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;

private:
    bool isOwnerAlive(const api::Object &dependent, const api::OwnerReference &ref) const;
};

} // namespace sim::controllers
