#include "sim/engine/randomstream.h"

#include "sim/hash.h"

#include <cmath>

namespace sim::engine {
namespace {

std::uint64_t splitmix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t streamId)
{
    std::uint64_t x = seed ^ (streamId * 0xd1342543de82ef95ULL);
    for (std::uint64_t &s : m_s)
        s = splitmix64(x);
}

RandomStream RandomStream::forComponent(std::uint64_t seed, std::string_view component)
{
    return RandomStream(seed, fnv1a(component));
}

std::uint64_t RandomStream::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t RandomStream::uniform(std::uint64_t bound)
{
    // Lemire's nearly divisionless method.
    __uint128_t m = static_cast<__uint128_t>(next()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = -bound % bound;
        while (low < threshold) {
            m = static_cast<__uint128_t>(next()) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double RandomStream::uniformReal() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double RandomStream::exponential(double mean) { return -mean * std::log1p(-uniformReal()); }

double RandomStream::standardNormal()
{
    // Box-Muller; one draw per call keeps the stream's position easy to reason about.
    double u1 = 1.0 - uniformReal();
    double u2 = uniformReal();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

double RandomStream::logNormal(double median, double sigma) { return median * std::exp(sigma * standardNormal()); }

} // namespace sim::engine
