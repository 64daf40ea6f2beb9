#include "sim/api/object.h"

#include <array>
#include <utility>

namespace sim::api {
namespace {

template <std::size_t... I>
Object::Body defaultBody(std::size_t index, std::index_sequence<I...>)
{
    static const std::array<Object::Body (*)(), sizeof...(I)> makers{
        +[]() { return Object::Body{std::in_place_index<I>}; }...};
    return makers[index]();
}

} // namespace

std::string Object::displayName() const
{
    return info().qualifiedSingular() + "/" + metadata.name;
}

std::string Object::key() const
{
    return metadata.namespace_.empty() ? metadata.name : metadata.namespace_ + "/" + metadata.name;
}

Object makeObject(Kind kind)
{
    Object o;
    o.body = defaultBody(static_cast<std::size_t>(kind), std::make_index_sequence<kKindCount>{});
    return o;
}

} // namespace sim::api
