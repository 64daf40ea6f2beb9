#pragma once

// Per-kind row functions behind tableRow(); one per kind, kubectl's printers.go rendered in C++.

#include "sim/api/object.h"
#include "sim/console/tableprinter.h"

#include <string>
#include <vector>

namespace sim::console::rows {

using Row = std::vector<std::string>;

Row namespaceRow(const api::Object &o, const PrintOptions &p);
Row nodeRow(const api::Object &o, const PrintOptions &p);
Row configMapRow(const api::Object &o, const PrintOptions &p);
Row secretRow(const api::Object &o, const PrintOptions &p);
Row podRow(const api::Object &o, const PrintOptions &p);
Row replicaSetRow(const api::Object &o, const PrintOptions &p);
Row deploymentRow(const api::Object &o, const PrintOptions &p);

Row serviceRow(const api::Object &o, const PrintOptions &p);
Row endpointSliceRow(const api::Object &o, const PrintOptions &p);
Row ingressClassRow(const api::Object &o, const PrintOptions &p);
Row ingressRow(const api::Object &o, const PrintOptions &p);
Row gatewayClassRow(const api::Object &o, const PrintOptions &p);
Row gatewayRow(const api::Object &o, const PrintOptions &p);
Row httpRouteRow(const api::Object &o, const PrintOptions &p);
Row referenceGrantRow(const api::Object &o, const PrintOptions &p);

} // namespace sim::console::rows
