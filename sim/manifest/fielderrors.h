#pragma once

#include "sim/manifest/document.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sim::manifest {

/**
 * Collects validation errors about one object in the API server's wording (`Required value`,
 * `Invalid value: "x": ...`, `Unsupported value: ...`), each located through Document::locate.
 */
class FieldErrors {
public:
    explicit FieldErrors(const Document &document) : m_document(document) {}

    const api::Object &object() const { return m_document.object; }
    /** Whether the input wrote this field (absent and empty differ for some rules). */
    bool hasField(const std::string &path) const { return m_document.fields.count(path) > 0; }
    void required(const std::string &path, const std::string &detail = {});
    /** value is already rendered: "\"x\"" for strings, "5" for numbers. */
    void invalid(const std::string &path, const std::string &value, const std::string &detail);
    void invalid(const std::string &path, const std::string &value, const std::vector<std::string> &details);
    void notSupported(const std::string &path, const std::string &value, const std::vector<std::string> &supported);
    void forbidden(const std::string &path, const std::string &detail);
    void tooMany(const std::string &path, std::size_t count, std::size_t max);
    void duplicate(const std::string &path, const std::string &value);
    /** An error reported at `path` but located at the more precise `locatePath` (e.g. one label key). */
    void add(const std::string &path, const std::string &message, const std::string &locatePath = {});

    /** Checks an enum string: Unsupported value unless it is one of supported. Returns whether it is. */
    bool checkEnum(const std::string &path, const std::string &value, const std::vector<std::string> &supported);
    /** Checks 1 <= port <= 65535. */
    void checkPort(const std::string &path, std::int64_t port);
    /** Checks min <= value <= max with the CRD schema's wording ("should be less than or equal to"). */
    void checkSchemaRange(const std::string &path, std::int64_t value, std::int64_t min, std::int64_t max);

    std::vector<Diagnostic> take() { return std::move(m_errors); }

private:
    const Document &m_document;
    std::vector<Diagnostic> m_errors;
};

/** "\"text\"": how the API server quotes a string value in a message. */
std::string quoted(const std::string &text);

} // namespace sim::manifest
