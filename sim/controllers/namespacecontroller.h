#pragma once

#include "sim/controllers/controller.h"

namespace sim::controllers {

/** The namespace controller: a Terminating Namespace has everything in it deleted, then goes itself. */
class NamespaceController : public Controller {
public:
    explicit NamespaceController(ControllerContext context);

protected:
    void onWatchEvent(const store::WatchEvent &event) override;
    Result reconcile(const std::string &key) override;
};

} // namespace sim::controllers
