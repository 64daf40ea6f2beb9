#pragma once

#include "sim/api/object.h"
#include "sim/console/table.h"
#include "sim/engine/simtime.h"
#include "sim/join.h"

#include <string>
#include <vector>

namespace sim::console {

/** What a table's cells depend on besides the object: the sim clock (for AGE) and -o wide. */
struct PrintOptions {
    engine::SimTime now = 0;
    bool wide = false;
};

/** kubectl's columns for a kind (the `-o wide` ones included when asked). */
std::vector<std::string> tableHeaders(api::Kind kind, bool wide);
/** One object's row, with exactly kubectl's cell texts. */
std::vector<std::string> tableRow(const api::Object &object, const PrintOptions &options);
/** The table of several objects of one kind, in the order given. */
Table objectTable(api::Kind kind, const std::vector<api::ObjectPtr> &objects, const PrintOptions &options);

/** AGE: humanDuration(now - creationTimestamp). */
std::string ageOf(const api::ObjectMeta &meta, engine::SimTime now);
/** labels.FormatLabels: "app=web,tier=db", or "<none>". */
std::string formatLabels(const api::Labels &labels);
/** metav1.FormatLabelSelector: "app=web", or "<none>" for an empty selector. */
std::string formatSelector(const api::LabelSelector &selector);

// Cells shared by several printers (and describe).
/** Pod STATUS: the phase, or the reason that explains it (ContainerCreating, CrashLoopBackOff, Terminating...). */
std::string podStatusReason(const api::Object &pod);
/** Pod RESTARTS: "0", or "3 (42s ago)" once a container has restarted. */
std::string podRestarts(const api::Pod &pod, engine::SimTime now);
/** Pod READY: "ready/total" containers. */
std::string podReady(const api::Pod &pod);
/** Service EXTERNAL-IP: "<none>", "<pending>", load balancer addresses, externalIPs or the external name. */
std::string serviceExternalIp(const api::Service &service, bool wide);
/** Service PORT(S): "80/TCP,443:30443/TCP", or "<none>". */
std::string servicePorts(const api::Service &service);
/** Ingress HOSTS: up to three hosts, "*" when none, "+ N more..." beyond three. */
std::string ingressHosts(const api::Ingress &ingress);
/** Node STATUS: "Ready", "NotReady" or "Unknown", with ",SchedulingDisabled" when cordoned. */
std::string nodeStatus(const api::Node &node);
/** Node ROLES from the node-role.kubernetes.io/ROLE labels, or "<none>". */
std::string nodeRoles(const api::Labels &labels);
/** A condition's status ("True", "False", "Unknown"), or "" when the condition is absent (as CRD columns print it). */
std::string conditionStatus(const std::vector<api::Condition> &conditions, const std::string &type);

} // namespace sim::console
