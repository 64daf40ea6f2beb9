#pragma once

#include "sim/traffic/compiledgateway.h"

#include <cstdint>
#include <string>

namespace sim::traffic {

/**
 * The Gateway API's order of the HTTPRoute matches on one listener, after the hostname: path (Exact, then
 * RegularExpression, then the longest PathPrefix), method, most header matches, most query parameter
 * matches, oldest route, "namespace/name", then rule and match order. One definition serves the
 * compiler's sort and the trace's "why it lost".
 */
class MatchPrecedence {
public:
    /** The criteria in the order the spec applies them. */
    enum class Criterion : std::uint8_t { PathType, PathLength, Method, Headers, QueryParams, RouteAge, RouteNamespace, RouteName, Rule, Match, None };

    /** The first criterion telling two matches apart, and whether the first of them goes first by it. */
    struct Difference {
        Criterion criterion = Criterion::None;
        bool aFirst = false;
    };

    static Difference compare(const CompiledListener &listener, const CompiledMatch &a, const CompiledMatch &b);
    /** Does a go before b? A strict weak order for sorting. */
    static bool before(const CompiledListener &listener, const CompiledMatch &a, const CompiledMatch &b);
    /**
     * Why `winner` was taken over `loser`, both matching the request and the winner found first, worded for
     * a learner: "its path /api is a longer prefix than /", "its route names the more specific hostname ...".
     */
    static std::string whyFirst(const CompiledListener &listener, const CompiledMatch &winner, const CompiledMatch &loser);
};

} // namespace sim::traffic
