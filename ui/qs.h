#pragma once

#include <QString>

#include <string>

namespace ui {

/** A std::string from sim (UTF-8) as a QString: the one spelling every view uses. */
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace ui
