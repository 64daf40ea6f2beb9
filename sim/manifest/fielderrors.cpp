#include "sim/manifest/fielderrors.h"

#include <algorithm>

namespace sim::manifest {

std::string quoted(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

void FieldErrors::add(const std::string &path, const std::string &message, const std::string &locatePath)
{
    SourceLocation where = m_document.locate(locatePath.empty() ? path : locatePath);
    m_errors.push_back(Diagnostic{Diagnostic::Severity::Error, std::move(where), path, message});
}

void FieldErrors::required(const std::string &path, const std::string &detail)
{
    add(path, detail.empty() ? "Required value" : "Required value: " + detail);
}

void FieldErrors::invalid(const std::string &path, const std::string &value, const std::string &detail)
{
    add(path, "Invalid value: " + value + ": " + detail);
}

void FieldErrors::invalid(const std::string &path, const std::string &value, const std::vector<std::string> &details)
{
    for (const std::string &d : details)
        invalid(path, value, d);
}

void FieldErrors::notSupported(const std::string &path, const std::string &value,
                               const std::vector<std::string> &supported)
{
    std::string list;
    for (const std::string &s : supported)
        list += (list.empty() ? "" : ", ") + quoted(s);
    add(path, "Unsupported value: " + value + ": supported values: " + list);
}

void FieldErrors::forbidden(const std::string &path, const std::string &detail) { add(path, "Forbidden: " + detail); }

void FieldErrors::tooMany(const std::string &path, std::size_t count, std::size_t max)
{
    add(path, "Too many: " + std::to_string(count) + ": must have at most " + std::to_string(max) + " items");
}

void FieldErrors::duplicate(const std::string &path, const std::string &value)
{
    add(path, "Duplicate value: " + value);
}

bool FieldErrors::checkEnum(const std::string &path, const std::string &value, const std::vector<std::string> &supported)
{
    if (std::find(supported.begin(), supported.end(), value) != supported.end())
        return true;
    if (value.empty())
        required(path);
    else
        notSupported(path, quoted(value), supported);
    return false;
}

void FieldErrors::checkPort(const std::string &path, std::int64_t port)
{
    if (port < 1 || port > 65535)
        invalid(path, std::to_string(port), "must be between 1 and 65535, inclusive");
}

void FieldErrors::checkSchemaRange(const std::string &path, std::int64_t value, std::int64_t min, std::int64_t max)
{
    if (value < min)
        invalid(path, std::to_string(value), path + " in body should be greater than or equal to " + std::to_string(min));
    else if (value > max)
        invalid(path, std::to_string(value), path + " in body should be less than or equal to " + std::to_string(max));
}

} // namespace sim::manifest
