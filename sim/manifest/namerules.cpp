#include "sim/manifest/namerules.h"

#include <algorithm>
#include <cctype>

namespace sim::manifest {
namespace {

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool isDns1123LabelText(std::string_view s)
{
    if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

bool isDns1123SubdomainText(std::string_view s)
{
    if (s.empty())
        return false;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = s.find('.', start);
        if (!isDns1123LabelText(s.substr(start, dot == std::string_view::npos ? dot : dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?
bool isQualifiedNamePart(std::string_view s)
{
    if (s.empty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

std::string maxLength(std::size_t n) { return "must be no more than " + std::to_string(n) + " characters"; }

const char *kSubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const char *kLabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and "
    "end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const char *kQualifiedNamePart =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

bool isIpv4(std::string_view s)
{
    int parts = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = s.find('.', start);
        std::string_view part = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), ::isdigit) ||
            std::stoi(std::string(part)) > 255 || (part.size() > 1 && part[0] == '0'))
            return false;
        ++parts;
        if (dot == std::string_view::npos)
            return parts == 4;
        start = dot + 1;
    }
}

bool isIpv6(std::string_view s)
{
    if (s.find(':') == std::string_view::npos)
        return false;
    int groups = 0;
    bool compressed = false;
    std::size_t i = 0;
    if (s.starts_with("::")) {
        compressed = true;
        i = 2;
        if (s.size() == 2)
            return true;
    }
    while (i < s.size()) {
        std::size_t colon = s.find(':', i);
        std::string_view group = s.substr(i, colon == std::string_view::npos ? colon : colon - i);
        if (group.find('.') != std::string_view::npos && colon == std::string_view::npos)
            return isIpv4(group) && groups + 2 <= 8 && (compressed || groups + 2 == 8);
        if (group.empty() || group.size() > 4 || !std::all_of(group.begin(), group.end(), ::isxdigit))
            return false;
        ++groups;
        if (colon == std::string_view::npos)
            break;
        if (colon + 1 < s.size() && s[colon + 1] == ':') {
            if (compressed)
                return false;
            compressed = true;
            i = colon + 2;
            if (i == s.size())
                break;
        } else {
            i = colon + 1;
            if (i == s.size())
                return false;
        }
    }
    return compressed ? groups < 8 : groups == 8;
}

} // namespace

std::vector<std::string> checkDns1123Subdomain(std::string_view value)
{
    std::vector<std::string> out;
    if (value.size() > 253)
        out.push_back(maxLength(253));
    if (!isDns1123SubdomainText(value))
        out.push_back(kSubdomainMessage);
    return out;
}

std::vector<std::string> checkDns1123Label(std::string_view value)
{
    std::vector<std::string> out;
    if (value.size() > 63)
        out.push_back(maxLength(63));
    if (!isDns1123LabelText(value))
        out.push_back(kLabelMessage);
    return out;
}

std::vector<std::string> checkDns1035Label(std::string_view value)
{
    std::vector<std::string> out;
    if (value.size() > 63)
        out.push_back(maxLength(63));
    bool ok = isDns1123LabelText(value) && value.front() >= 'a' && value.front() <= 'z';
    if (!ok)
        out.push_back("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
                      "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
                      "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    return out;
}

std::vector<std::string> checkQualifiedName(std::string_view value)
{
    std::vector<std::string> out;
    std::size_t slash = value.find('/');
    std::string_view name = value;
    if (slash != std::string_view::npos) {
        if (value.find('/', slash + 1) != std::string_view::npos) {
            out.push_back("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start "
                          "and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
                          "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an "
                          "optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return out;
        }
        std::string_view prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty())
            out.push_back("prefix part must be non-empty");
        else
            for (const std::string &m : checkDns1123Subdomain(prefix))
                out.push_back("prefix part " + m);
    }
    if (name.empty())
        out.push_back("name part must be non-empty");
    else if (name.size() > 63)
        out.push_back("name part " + maxLength(63));
    if (!name.empty() && !isQualifiedNamePart(name))
        out.push_back(kQualifiedNamePart);
    return out;
}

std::vector<std::string> checkLabelValue(std::string_view value)
{
    std::vector<std::string> out;
    if (value.empty())
        return out;
    if (value.size() > 63)
        out.push_back(maxLength(63));
    if (!isQualifiedNamePart(value))
        out.push_back("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
                      "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
                      "'12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    return out;
}

std::vector<std::string> checkPortName(std::string_view value)
{
    std::vector<std::string> out;
    if (value.size() > 15)
        out.push_back("must be no more than 15 characters");
    if (!std::all_of(value.begin(), value.end(), [](char c) { return isLowerAlnum(c) || c == '-'; }))
        out.push_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    if (value.find("--") != std::string_view::npos)
        out.push_back("must not contain consecutive hyphens");
    if (!std::any_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        out.push_back("must contain at least one letter (a-z)");
    if (!value.empty() && (value.front() == '-' || value.back() == '-'))
        out.push_back("must not begin or end with a hyphen");
    return out;
}

std::vector<std::string> checkConfigKey(std::string_view value)
{
    std::vector<std::string> out;
    if (value.size() > 253)
        out.push_back(maxLength(253));
    bool ok = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
        return isAlnum(c) || c == '-' || c == '_' || c == '.';
    });
    if (!ok)
        out.push_back("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
                      "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
    if (value == ".")
        out.push_back("must not be '.'");
    else if (value == "..")
        out.push_back("must not be '..'");
    else if (value.starts_with(".."))
        out.push_back("must not start with '..'");
    return out;
}

std::vector<std::string> checkWildcardDns1123Subdomain(std::string_view value)
{
    if (!value.starts_with("*"))
        return checkDns1123Subdomain(value);
    std::vector<std::string> out;
    if (value.size() > 253)
        out.push_back(maxLength(253));
    if (!value.starts_with("*.") || !isDns1123SubdomainText(value.substr(2)))
        out.push_back("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which "
                      "must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric "
                      "character (e.g. '*.example.com', regex used for validation is "
                      "'\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    return out;
}

bool isGatewayHostname(std::string_view value)
{
    if (value.size() > 253)
        return false;
    if (value.starts_with("*."))
        value.remove_prefix(2);
    return isDns1123SubdomainText(value);
}

bool isIpAddress(std::string_view value) { return isIpv4(value) || isIpv6(value); }

} // namespace sim::manifest
