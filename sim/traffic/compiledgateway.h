#pragma once

#include "sim/api/httproute.h"
#include "sim/engine/simtime.h"
#include "sim/traffic/compiledservice.h"
#include "sim/traffic/pathtrie.h"
#include "sim/traffic/stringhash.h"

#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace sim::traffic {

/** A backendRef resolved against the store: a Service port, or the reason it is invalid (its share gets 500). */
struct CompiledBackendRef {
    std::string group;
    std::string kind;
    std::string namespace_;
    std::string name;
    std::int32_t port = 0;
    std::uint32_t weight = 1;
    std::uint32_t service = kNone;      // index into RoutingTable::services
    std::uint32_t servicePort = kNone;  // index into that service's ports
    std::string invalidReason;          // Gateway API reason: BackendNotFound, RefNotPermitted, InvalidKind
    std::string invalidMessage;
    std::vector<api::HTTPRouteFilter> filters;
    std::uint32_t metricId = kNone;

    bool isValid() const { return invalidReason.empty(); }
    std::string key() const { return namespace_ + "/" + name; }
};

/** A RequestMirror filter's target. */
struct CompiledMirror {
    CompiledBackendRef backend;
    std::uint32_t percent = 100;
};

/** One HTTPRoute rule as attached to one listener. */
struct CompiledRule {
    std::string routeNamespace;
    std::string routeName;
    std::uint32_t ruleIndex = 0;
    std::string ruleName;
    std::vector<api::HTTPRouteFilter> filters;
    std::vector<CompiledMirror> mirrors;
    std::vector<CompiledBackendRef> backends;
    std::vector<std::uint64_t> cumulativeWeights;  // running sum per backend, for one uniform draw
    std::uint64_t totalWeight = 0;
    std::uint32_t metricId = kNone;

    std::string routeKey() const { return routeNamespace + "/" + routeName; }
    bool hasRedirect() const;
};

/** One match of a rule, with everything its precedence is ordered by. */
struct CompiledMatch {
    enum class PathKind : std::uint8_t { Exact, RegularExpression, Prefix };
    PathKind pathKind = PathKind::Prefix;
    std::string path;
    std::shared_ptr<const std::regex> pathRegex;
    std::optional<std::string> method;
    struct ValueMatch {
        std::string name;  // header names lower-case
        std::string value;
        std::shared_ptr<const std::regex> regex;  // set for RegularExpression
    };
    std::vector<ValueMatch> headers;
    std::vector<ValueMatch> queryParams;
    std::uint32_t rule = 0;        // index into CompiledListener::rules
    std::uint32_t matchIndex = 0;  // position in the rule's matches
    engine::SimTime routeCreated = 0;
    std::string hostname;          // the intersected hostname the match was filed under ("" = any)

    /** Path length as precedence counts it: the characters of the path value. */
    std::size_t pathLength() const { return path.size(); }
};

/** The matches that apply to one hostname of a listener, indexed by path. */
struct HostBucket {
    std::string hostname;  // "" for routes that match any host
    StringMap<std::vector<std::uint32_t>> exact;  // path -> matches, by precedence
    std::vector<std::uint32_t> regex;             // by precedence
    PathTrie prefix;                              // each node's items by precedence
};

/** A listener after route attachment: its hostname buckets hold every attached rule's matches. */
struct CompiledListener {
    std::string name;
    std::int32_t port = 0;
    std::string protocol;
    std::string hostname;      // "" when none
    bool isAccepted = true;
    std::string problem;       // why it does not serve, for the trace
    bool hasValidCertificate = true;
    std::string certificateProblem;
    std::vector<CompiledRule> rules;
    std::vector<CompiledMatch> matches;
    StringMap<HostBucket> exactHosts;
    StringMap<HostBucket> wildcardHosts;  // key: the suffix ".example.com"
    std::optional<HostBucket> anyHost;
    std::uint32_t attachedRoutes = 0;
    std::uint32_t metricId = kNone;
};

/** A Gateway as its data plane sees it. */
struct CompiledGateway {
    std::string namespace_;
    std::string name;
    std::string className;
    std::string controllerName;
    bool isProgrammed = false;
    std::string problem;
    std::vector<std::string> addresses;
    std::vector<CompiledListener> listeners;
    std::uint32_t metricId = kNone;

    std::string key() const { return namespace_ + "/" + name; }
};

} // namespace sim::traffic
