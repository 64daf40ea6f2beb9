#include "sim/traffic/matchprecedence.h"

namespace sim::traffic {
namespace {

using Criterion = MatchPrecedence::Criterion;
using Difference = MatchPrecedence::Difference;

template <typename T>
Difference differ(Criterion criterion, const T &a, const T &b, bool smallerFirst)
{
    if (a == b)
        return {};
    return {criterion, smallerFirst ? a < b : b < a};
}

const char *pathTypeName(CompiledMatch::PathKind kind)
{
    switch (kind) {
    case CompiledMatch::PathKind::Exact:
        return "Exact";
    case CompiledMatch::PathKind::RegularExpression:
        return "RegularExpression";
    case CompiledMatch::PathKind::Prefix:
        break;
    }
    return "PathPrefix";
}

std::string routeKey(const CompiledListener &listener, const CompiledMatch &match)
{
    return listener.rules[match.rule].routeKey();
}

} // namespace

MatchPrecedence::Difference MatchPrecedence::compare(const CompiledListener &listener, const CompiledMatch &a, const CompiledMatch &b)
{
    const CompiledRule &ra = listener.rules[a.rule];
    const CompiledRule &rb = listener.rules[b.rule];
    // The first criterion that differs decides; the later ones (string compares among them) are not evaluated.
    auto differs = [](Difference d) { return d.criterion != Criterion::None; };
    Difference d;
    if (differs(d = differ(Criterion::PathType, a.pathKind, b.pathKind, true))
        || differs(d = differ(Criterion::PathLength, a.pathLength(), b.pathLength(), false))
        || differs(d = differ(Criterion::Method, a.method.has_value(), b.method.has_value(), false))
        || differs(d = differ(Criterion::Headers, a.headers.size(), b.headers.size(), false))
        || differs(d = differ(Criterion::QueryParams, a.queryParams.size(), b.queryParams.size(), false))
        || differs(d = differ(Criterion::RouteAge, a.routeCreated, b.routeCreated, true))
        || differs(d = differ(Criterion::RouteNamespace, ra.routeNamespace, rb.routeNamespace, true))
        || differs(d = differ(Criterion::RouteName, ra.routeName, rb.routeName, true))
        || differs(d = differ(Criterion::Rule, ra.ruleIndex, rb.ruleIndex, true)))
        return d;
    return differ(Criterion::Match, a.matchIndex, b.matchIndex, true);
}

bool MatchPrecedence::before(const CompiledListener &listener, const CompiledMatch &a, const CompiledMatch &b)
{
    return compare(listener, a, b).aFirst;
}

std::string MatchPrecedence::whyFirst(const CompiledListener &listener, const CompiledMatch &winner, const CompiledMatch &loser)
{
    // Hostnames come before every match criterion: the buckets are tried most specific first.
    if (winner.hostname != loser.hostname)
        return "the winner's route names the more specific hostname " + winner.hostname + " (this one: "
            + (loser.hostname.empty() ? std::string("none") : loser.hostname) + ")";
    switch (compare(listener, winner, loser).criterion) {
    case Criterion::PathType:
        return std::string("the winner's ") + pathTypeName(winner.pathKind) + " path " + winner.path + " goes before the " + pathTypeName(loser.pathKind)
            + " " + loser.path;
    case Criterion::PathLength:
        return "the winner's path " + winner.path + " is longer than " + loser.path;
    case Criterion::Method:
        return "the winner names a method (" + *winner.method + "), this match does not";
    case Criterion::Headers:
        return "the winner has more header matches (" + std::to_string(winner.headers.size()) + " against " + std::to_string(loser.headers.size()) + ")";
    case Criterion::QueryParams:
        return "the winner has more query parameter matches (" + std::to_string(winner.queryParams.size()) + " against "
            + std::to_string(loser.queryParams.size()) + ")";
    case Criterion::RouteAge:
        return "the winner's HTTPRoute " + routeKey(listener, winner) + " was created before " + routeKey(listener, loser);
    case Criterion::RouteNamespace:
    case Criterion::RouteName:
        return "both HTTPRoutes were created at the same moment and the winner's " + routeKey(listener, winner)
            + " comes first alphabetically";
    case Criterion::Rule:
    case Criterion::Match:
    case Criterion::None:
        break;
    }
    return "the winner comes first in the same route";
}

} // namespace sim::traffic
