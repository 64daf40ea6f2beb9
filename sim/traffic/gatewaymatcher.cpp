#include "sim/traffic/gatewaymatcher.h"

#include "sim/traffic/hostnames.h"
#include "sim/traffic/matchprecedence.h"
#include "sim/traffic/pathtrie.h"

#include <algorithm>
#include <array>
#include <span>

namespace sim::traffic {
namespace {

bool valueMatches(const CompiledMatch::ValueMatch &m, std::string_view value)
{
    if (m.regex)
        return std::regex_match(value.begin(), value.end(), *m.regex);
    return value == m.value;
}

// The index has matched the path already, except a regular expression's. Sets *whyNot when a condition fails.
bool satisfies(const CompiledMatch &match, const HttpRequest &request, std::string *whyNot)
{
    if (match.pathKind == CompiledMatch::PathKind::RegularExpression && !GatewayMatcher::matchesPath(match, request.path))
        return false;
    return GatewayMatcher::matchesConditions(match, request, whyNot);
}

bool holds(const InlineCondition &c, const HttpRequest &request)
{
    switch (c.kind) {
    case InlineCondition::Kind::Method:
        return request.method == c.value();
    case InlineCondition::Kind::Header: {
        const std::string *value = request.headers.get(c.name());
        return value && *value == c.value();
    }
    case InlineCondition::Kind::QueryParam: {
        auto value = request.queryParam(c.name());
        return value && *value == c.value();
    }
    }
    return false;
}

// The same answer as matchesConditions, from the probe's InlineCondition records: its own first, then the
// listener's.
bool inlineConditionsHold(const CompiledListener &listener, const MatchProbe &probe, const HttpRequest &request)
{
    if (!holds(probe.condition, request))
        return false;
    const InlineCondition *more = listener.conditions.data() + probe.moreConditions;
    return std::all_of(more, more + probe.conditionCount - 1, [&](const InlineCondition &c) { return holds(c, request); });
}

// Tries candidates in order; the first whose conditions hold wins. With a trace, each loser says why.
const MatchProbe *firstMatching(const CompiledListener &listener, std::span<const MatchProbe> candidates, const HttpRequest &request,
                                Trace *trace)
{
    for (const MatchProbe &probe : candidates) {
        // The index already matched the path; without conditions the candidate wins untouched.
        if (!probe.hasConditions && probe.pathKind != CompiledMatch::PathKind::RegularExpression)
            return &probe;
        // Short exact conditions are checked from their records; a trace reads the match to say why one failed.
        if (probe.conditionCount > 0 && !trace) {
            if (inlineConditionsHold(listener, probe, request))
                return &probe;
            continue;
        }
        const CompiledMatch &match = listener.matches[probe.match];
        std::string whyNot;
        if (satisfies(match, request, trace ? &whyNot : nullptr))
            return &probe;
        if (trace && !whyNot.empty())
            trace->add("rule", "skipped " + GatewayMatcher::name(listener, match), whyNot);
    }
    return nullptr;
}

// The candidate lists of one hostname bucket in precedence order: the Exact matches of the request's path,
// the regular expressions, then the prefixes from the longest. Stops at the first list `visit` takes a
// match from.
template <typename Visit>
const MatchProbe *walkBucket(const HostBucket &bucket, const HttpRequest &request, Visit &&visit)
{
    if (!bucket.exact.empty()) {
        if (auto it = bucket.exact.find(request.path); it != bucket.exact.end()) {
            if (const MatchProbe *m = visit(std::span<const MatchProbe>(it->second)))
                return m;
        }
    }
    if (const MatchProbe *m = visit(std::span<const MatchProbe>(bucket.regex)))
        return m;
    std::array<std::uint32_t, PathTrie::kMaxDepth> chain;
    std::size_t depth = bucket.prefix.matchChain(request.path, chain.data());
    for (std::size_t i = depth; i-- > 0;) {
        if (const MatchProbe *m = visit(bucket.prefixCandidates(chain[i])))
            return m;
    }
    return nullptr;
}

// Whose routes a bucket holds, for the trace.
enum class HostnameBucket { Exact, Wildcard, Any };

// The hostname buckets the request's host selects, most specific first (HTTPRoute hostnames come before
// paths in the spec's precedence): exact, longer wildcard suffixes, then routes for any host. Stops at the
// first bucket `visit` takes a match from.
template <typename Visit>
const MatchProbe *walkHostnames(const CompiledListener &listener, const HttpRequest &request, Visit &&visit)
{
    if (auto it = listener.exactHosts.find(request.host); it != listener.exactHosts.end()) {
        if (const MatchProbe *m = visit(it->second, HostnameBucket::Exact, std::string_view()))
            return m;
    }
    std::string_view host = request.host;
    for (std::size_t dot = host.find('.'); dot != std::string_view::npos; dot = host.find('.', dot + 1)) {
        if (auto it = listener.wildcardHosts.find(host.substr(dot)); it != listener.wildcardHosts.end()) {
            if (const MatchProbe *m = visit(it->second, HostnameBucket::Wildcard, host.substr(dot)))
                return m;
        }
    }
    if (listener.anyHost)
        return visit(*listener.anyHost, HostnameBucket::Any, std::string_view());
    return nullptr;
}

// Says whose routes the next candidates are, so a learner sees why a more specific hostname's rules were
// tried first.
void traceHostname(const HttpRequest &request, HostnameBucket which, std::string_view wildcardSuffix, Trace &trace)
{
    switch (which) {
    case HostnameBucket::Exact:
        trace.add("hostname", "routes for " + request.host, "an HTTPRoute hostname is exactly the request's host: its rules come first");
        break;
    case HostnameBucket::Wildcard:
        trace.add("hostname", "routes for *" + std::string(wildcardSuffix),
                  "the most specific wildcard HTTPRoute hostname left that covers " + request.host);
        break;
    case HostnameBucket::Any:
        trace.add("hostname", "routes without hostnames",
                  "neither the route nor the listener names a hostname: they take any host, after routes that name it");
        break;
    }
}

} // namespace

const CompiledListener *GatewayMatcher::selectListener(const CompiledGateway &gateway, std::int32_t port, std::string_view host,
                                                       Trace *trace)
{
    const CompiledListener *best = nullptr;
    std::size_t bestScore = 0;
    for (const CompiledListener &listener : gateway.listeners) {
        if (listener.port != port)
            continue;
        std::size_t score = 0;
        if (listener.hostname.empty())
            score = 1;
        else if (listener.hostname == host)
            score = 1000000;
        else if (hostnames::matchesGateway(listener.hostname, host))
            score = 2 + listener.hostname.size();
        if (score > bestScore) {
            best = &listener;
            bestScore = score;
        }
    }
    if (trace && best)
        trace->add("listener", "listener " + best->name + " (" + best->protocol + " port " + std::to_string(best->port) + ")",
                   best->hostname.empty() ? "it accepts any hostname"
                                          : "its hostname " + best->hostname + " is the most specific match for " + std::string(host));
    return best;
}

const MatchProbe *GatewayMatcher::findMatch(const CompiledListener &listener, const HttpRequest &request, Trace *trace)
{
    return walkHostnames(listener, request, [&](const HostBucket &bucket, HostnameBucket which, std::string_view suffix) {
        // The trace's text is built only when traced: this is the hot path.
        if (trace)
            traceHostname(request, which, suffix, *trace);
        return walkBucket(bucket, request,
                          [&](std::span<const MatchProbe> candidates) { return firstMatching(listener, candidates, request, trace); });
    });
}

void GatewayMatcher::traceLosers(const CompiledListener &listener, const HttpRequest &request, const MatchProbe &winner, Trace &trace)
{
    const CompiledMatch &won = listener.matches[winner.match];
    std::vector<std::uint32_t> seenRules{winner.rule};  // a rule counts once, whichever of its matches held
    auto visitList = [&](std::span<const MatchProbe> candidates) -> const MatchProbe * {
        for (const MatchProbe &probe : candidates) {
            const CompiledMatch &match = listener.matches[probe.match];
            if (std::find(seenRules.begin(), seenRules.end(), probe.rule) != seenRules.end() || !satisfies(match, request, nullptr))
                continue;
            seenRules.push_back(probe.rule);
            if (seenRules.size() - 1 <= Trace::kMaxLosers)
                trace.add("rule", "also matched " + name(listener, match), "lost: " + MatchPrecedence::whyFirst(listener, won, match));
        }
        return nullptr;  // walk every list
    };
    walkHostnames(listener, request,
                  [&](const HostBucket &bucket, HostnameBucket, std::string_view) { return walkBucket(bucket, request, visitList); });
    if (const std::size_t losers = seenRules.size() - 1; losers > Trace::kMaxLosers)
        trace.add("rule", "also matched " + std::to_string(losers - Trace::kMaxLosers) + " more rule(s)",
                  "lost: they come later in the same order");
}

bool GatewayMatcher::matchesPath(const CompiledMatch &match, std::string_view path)
{
    switch (match.pathKind) {
    case CompiledMatch::PathKind::Exact:
        return path == match.path;
    case CompiledMatch::PathKind::RegularExpression:
        return match.pathRegex && std::regex_match(path.begin(), path.end(), *match.pathRegex);
    case CompiledMatch::PathKind::Prefix:
        break;
    }
    return matchesPathPrefix(match.path, path);
}

bool GatewayMatcher::matchesConditions(const CompiledMatch &match, const HttpRequest &request, std::string *whyNot)
{
    if (match.method && *match.method != request.method) {
        if (whyNot)
            *whyNot = "method " + request.method + " is not " + *match.method;
        return false;
    }
    for (const CompiledMatch::ValueMatch &h : match.headers) {
        const std::string *value = request.headers.get(h.name);
        if (!value || !valueMatches(h, *value)) {
            if (whyNot)
                *whyNot = value ? "header " + h.name + " is \"" + *value + "\", not " + (h.regex ? "matching " : "") + "\"" + h.value + "\""
                                : "header " + h.name + " is missing";
            return false;
        }
    }
    for (const CompiledMatch::ValueMatch &q : match.queryParams) {
        auto value = request.queryParam(q.name);
        if (!value || !valueMatches(q, *value)) {
            if (whyNot)
                *whyNot = value ? "query parameter " + q.name + " is \"" + std::string(*value) + "\", not \"" + q.value + "\""
                                : "query parameter " + q.name + " is missing";
            return false;
        }
    }
    return true;
}

std::string GatewayMatcher::name(const CompiledListener &listener, const CompiledMatch &match)
{
    const CompiledRule &rule = listener.rules[match.rule];
    return "HTTPRoute " + rule.routeKey() + " rule " + std::to_string(rule.ruleIndex) + " (" + describe(match) + ")";
}

std::string GatewayMatcher::describe(const CompiledMatch &match)
{
    static const char *kinds[] = {"Exact", "RegularExpression", "PathPrefix"};
    std::string out = std::string(kinds[static_cast<int>(match.pathKind)]) + " " + match.path;
    if (match.method)
        out += ", method " + *match.method;
    for (const auto &h : match.headers)
        out += ", header " + h.name + (h.regex ? "~" : "=") + h.value;
    for (const auto &q : match.queryParams)
        out += ", query " + q.name + (q.regex ? "~" : "=") + q.value;
    if (!match.hostname.empty())
        out += ", host " + match.hostname;
    return out;
}

} // namespace sim::traffic
