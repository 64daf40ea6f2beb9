#pragma once

#include <cstdint>
#include <string_view>

namespace sim::engine {

/**
 * A deterministic random stream (xoshiro256**). Distributions are computed here, not by <random>,
 * whose distributions differ between standard libraries: the same seed gives the same draws everywhere.
 */
class RandomStream {
public:
    RandomStream() : RandomStream(0, 0) {}
    RandomStream(std::uint64_t seed, std::uint64_t streamId);
    /** A stream derived from the seed and a component name, so adding a component never shifts another's draws. */
    static RandomStream forComponent(std::uint64_t seed, std::string_view component);

    std::uint64_t next();
    /** Uniform in [0, bound), without modulo bias. bound must be > 0. */
    std::uint64_t uniform(std::uint64_t bound);
    /** Uniform in [0, 1) with 53 random bits. */
    double uniformReal();
    /** Exponentially distributed with the given mean. */
    double exponential(double mean);
    /** Log-normal with the given median and shape sigma. */
    double logNormal(double median, double sigma);
    bool bernoulli(double p) { return uniformReal() < p; }

private:
    double standardNormal();
    std::uint64_t m_s[4];
};

} // namespace sim::engine
