#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace sim::api {

/** Kubernetes' IntOrString: a port number or name, a count or a percentage ("25%"). */
struct IntOrString {
    std::variant<std::int32_t, std::string> value{0};

    bool isInt() const { return std::holds_alternative<std::int32_t>(value); }
    bool isString() const { return !isInt(); }
    std::int32_t intValue() const { return std::get<std::int32_t>(value); }
    const std::string &stringValue() const { return std::get<std::string>(value); }
    std::string toString() const { return isInt() ? std::to_string(intValue()) : stringValue(); }

    static IntOrString fromInt(std::int32_t v) { return IntOrString{v}; }
    static IntOrString fromString(std::string s) { return IntOrString{std::move(s)}; }
    bool operator==(const IntOrString &) const = default;
};

} // namespace sim::api
