#pragma once

#include "sim/api/corsorigin.h"
#include "sim/api/httproute.h"
#include "sim/engine/simtime.h"
#include "sim/traffic/compiledservice.h"
#include "sim/traffic/pathtrie.h"
#include "sim/traffic/stringhash.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sim::traffic {

/** A CORS filter's allowOrigins parsed when the table is compiled, so that a response does not parse them again. */
struct CompiledCors {
    bool allowsAnyOrigin = false;          // allowOrigins is "*" alone
    std::vector<api::CorsOrigin> origins;  // the entries that parse as origins (the others admit nothing)
};

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
    std::vector<CompiledCors> cors;  // one per CORS filter in filters, in their order
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
    std::vector<CompiledCors> cors;  // one per CORS filter in filters, in their order
    std::vector<CompiledMirror> mirrors;
    std::vector<CompiledBackendRef> backends;
    std::uint64_t totalWeight = 0;
    std::uint32_t metricId = kNone;

    std::string routeKey() const { return routeNamespace + "/" + routeName; }
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

/**
 * One backendRef of a rule as the weighted draw reads it, in 12 bytes so that a rule's first two sit in its
 * MatchProbe. Weights are summed in 32 bits: a rule whose weights add up past that (the Gateway API bounds
 * them, but objects built in code are not validated) is drawn from its CompiledRule instead
 * (MatchProbe::drawsFromRule).
 */
struct BackendPick {
    std::uint32_t cumulativeWeight = 0;  // the rule's weights summed up to and including this backend
    std::uint32_t servicePort = kNone;   // RoutingTable::servicePorts index; kNone for an invalid backendRef (500)
    std::uint32_t metricId = kNone;

    bool isValid() const { return servicePort != kNone; }
};

/**
 * A method, header or query parameter condition of a match that compares exactly with a short value, its
 * name and value together in 13 characters of a 16-byte record: a match's first condition sits in its
 * MatchProbe, the others side by side in CompiledListener::conditions. Checking them reads neither the
 * CompiledMatch nor its heap lists.
 */
struct InlineCondition {
    enum class Kind : std::uint8_t { Method, Header, QueryParam };
    static constexpr std::size_t kMaxChars = 13;  // name and value together

    Kind kind = Kind::Method;
    std::uint8_t nameLength = 0;
    std::uint8_t valueLength = 0;
    std::array<char, kMaxChars> chars{};  // the name (lower-case for headers; empty for Method), then the value

    std::string_view name() const { return {chars.data(), nameLength}; }
    std::string_view value() const { return {chars.data() + nameLength, valueLength}; }
    /** The condition as a record, or nullopt when the name and value are too long to fit. */
    static std::optional<InlineCondition> of(Kind kind, std::string_view name, std::string_view value)
    {
        if (name.size() + value.size() > kMaxChars)
            return std::nullopt;
        InlineCondition c;
        c.kind = kind;
        c.nameLength = static_cast<std::uint8_t>(name.size());
        c.valueLength = static_cast<std::uint8_t>(value.size());
        std::copy(value.begin(), value.end(), std::copy(name.begin(), name.end(), c.chars.begin()));
        return c;
    }
};
static_assert(sizeof(InlineCondition) == 16, "a condition record is 16 bytes");

/**
 * What routing reads of a match and its rule to forward a request, in one 64-byte cache line kept in the
 * hostname bucket's candidate lists themselves, with the match's first condition and the rule's first two
 * backend picks inside: taking a candidate with at most one short exact condition and drawing its backend
 * reads this line and no other. The full CompiledMatch and CompiledRule (hundreds of bytes each) are only
 * read when a match has conditions that do not fit InlineCondition records, its rule has filters, or a
 * trace is asked for.
 */
struct alignas(64) MatchProbe {
    static constexpr std::size_t kInlinePicks = 2;

    std::uint32_t match = 0;           // index into CompiledListener::matches
    std::uint32_t rule = 0;            // index into CompiledListener::rules
    std::uint32_t ruleMetric = kNone;
    std::uint32_t firstPick = 0;       // the rule's backends in CompiledListener::picks (read past kInlinePicks)
    std::uint32_t moreConditions = 0;  // conditions after the first in CompiledListener::conditions
    std::uint16_t pickCount = 0;
    std::uint8_t conditionCount = 0;   // records, the first in `condition`; 0 with hasConditions: check the CompiledMatch
    CompiledMatch::PathKind pathKind : 2 = CompiledMatch::PathKind::Prefix;
    bool hasConditions : 1 = false;    // a method, header or query match to check
    bool hasRuleFilters : 1 = false;   // the rule has filters or mirrors: forwarding reads the CompiledRule
    bool drawsFromRule : 1 = false;    // weights past 32 bits or more backends than pickCount holds: the draw reads the CompiledRule
    InlineCondition condition;         // the first of conditionCount records
    std::array<BackendPick, kInlinePicks> inlinePicks{};  // the first pickCount of them, when pickCount <= kInlinePicks

    /** The rule's picks: inside the probe when they fit, else in the listener's array. */
    const BackendPick *picks(const std::vector<BackendPick> &listenerPicks) const
    {
        return pickCount <= kInlinePicks ? inlinePicks.data() : listenerPicks.data() + firstPick;
    }
};
static_assert(sizeof(MatchProbe) == 64, "a probe, its first condition and its inline picks fill one cache line");

/** The matches that apply to one hostname of a listener, indexed by path, each list by precedence. */
struct HostBucket {
    std::string hostname;  // "" for routes that match any host
    StringMap<std::vector<MatchProbe>> exact;  // by path
    std::vector<MatchProbe> regex;
    PathTrie prefix;                           // items: positions in prefixProbes
    std::vector<MatchProbe> prefixProbes;      // as added; once sorted, in prefix.items() order, node by node

    /** The candidates filed at a trie node, once the bucket is sorted. */
    std::span<const MatchProbe> prefixCandidates(std::uint32_t node) const
    {
        PathTrie::Range r = prefix.range(node);
        return std::span<const MatchProbe>(prefixProbes).subspan(r.first, r.count);
    }
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
    std::vector<BackendPick> picks;   // by MatchProbe::firstPick
    std::vector<InlineCondition> conditions;  // by MatchProbe::moreConditions
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
