#pragma once

namespace sim::scenario {

/** Builds a std::visit visitor from lambdas, one per alternative of an action or check variant. */
template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace sim::scenario
