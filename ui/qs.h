#pragma once

#include <QString>

#include <string_view>

namespace ui {

/** Text from sim (UTF-8) as a QString: the one spelling every view uses. */
inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace ui
