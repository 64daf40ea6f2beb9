#include "sim/manifest/loader.h"

#include "sim/limits.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace sim::manifest {
namespace {

namespace fs = std::filesystem;

struct DocumentText {
    std::string text;
    int firstLine = 0;  // 0-based line of the text's first line in the file
};

bool isMarker(std::string_view line, std::string_view marker)
{
    return line.starts_with(marker) &&
           (line.size() == marker.size() || line[marker.size()] == ' ' || line[marker.size()] == '\t' ||
            line[marker.size()] == '\r');
}

// Splits a YAML stream at its document markers so each document parses (and fails) on its own.
// "---" and "..." at column 0 always delimit documents in YAML, even inside block scalars.
std::vector<DocumentText> splitDocuments(std::string_view text)
{
    std::vector<DocumentText> out(1);
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (isMarker(line, "---")) {
            // Keep what follows the marker on its line ("--- {a: 1}"), at its own column.
            out.push_back(DocumentText{"   " + std::string(line.substr(3)) + "\n", lineNo});
        } else if (isMarker(line, "...")) {
            out.push_back(DocumentText{"", lineNo + 1});
        } else {
            out.back().text.append(line).append("\n");
        }
        ++lineNo;
        if (end == std::string_view::npos)
            break;
        pos = end + 1;
    }
    return out;
}

void addError(LoadResult &out, SourceLocation where, std::string message)
{
    out.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, std::move(where), "", std::move(message)});
}

void append(LoadResult &into, LoadResult &&from)
{
    std::move(from.documents.begin(), from.documents.end(), std::back_inserter(into.documents));
    std::move(from.diagnostics.begin(), from.diagnostics.end(), std::back_inserter(into.diagnostics));
}

SourceLocation locationOf(const YAML::Node &node, const std::string &fileName, int firstLine)
{
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? SourceLocation{fileName, firstLine + 1, 0}
                          : SourceLocation{fileName, mark.line + 1 + firstLine, mark.column + 1};
}

// Walks the document as decoding would see it, every alias expanded, and stops at the first node past
// the nesting or size limits: a few kilobytes of aliases can stand for billions of nodes.
bool checkShape(const YAML::Node &root, const std::string &fileName, int firstLine, LoadResult &out)
{
    std::vector<std::pair<YAML::Node, int>> pending{{root, 1}};
    std::size_t nodes = 0;
    while (!pending.empty()) {
        auto [node, depth] = std::move(pending.back());
        pending.pop_back();
        if (++nodes > limits::kMaxDocumentNodes) {
            addError(out, locationOf(node, fileName, firstLine),
                     "yaml: the document expands to more than " + std::to_string(limits::kMaxDocumentNodes) +
                         " nodes (aliases count each time they are used)");
            return false;
        }
        if (depth > limits::kMaxNestingDepth) {
            addError(out, locationOf(node, fileName, firstLine),
                     "yaml: the document nests deeper than " + std::to_string(limits::kMaxNestingDepth) + " levels");
            return false;
        }
        if (node.IsSequence()) {
            for (const YAML::Node &child : node)
                pending.emplace_back(child, depth + 1);
        } else if (node.IsMap()) {
            for (const auto &entry : node) {
                pending.emplace_back(entry.first, depth + 1);
                pending.emplace_back(entry.second, depth + 1);
            }
        }
    }
    return true;
}

void loadDocument(const DocumentText &doc, const std::string &fileName, const DecodeOptions &options, LoadResult &out)
{
    YAML::Node root;
    try {
        root = YAML::Load(doc.text);
    } catch (const YAML::Exception &e) {
        SourceLocation where{fileName, e.mark.is_null() ? doc.firstLine + 1 : e.mark.line + 1 + doc.firstLine,
                             e.mark.is_null() ? 0 : e.mark.column + 1};
        addError(out, where, "yaml: " + e.msg);
        return;
    }
    if (!checkShape(root, fileName, doc.firstLine, out))
        return;
    try {
        decodeDocument(root, fileName, doc.firstLine, options, out);
    } catch (const YAML::Exception &e) {
        // Decoding checks node types before reading; this is the last line of defence for a malformed node.
        addError(out, SourceLocation{fileName, doc.firstLine + 1, 0}, std::string("yaml: ") + e.what());
    }
}

// Case-sensitive, as kubectl matches extensions.
bool isManifestFile(const fs::path &p)
{
    std::string ext = p.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::string tooLarge()
{
    return "the input is larger than " + std::to_string(limits::kMaxInputBytes) +
           " bytes (" + std::to_string(limits::kMaxInputBytes / (1024 * 1024)) + " MiB), the most kubesim reads from one file";
}

// Reads at most one byte past the limit, so a huge or endless input is refused without being held.
void loadStream(std::istream &in, const std::string &fileName, const DecodeOptions &options, LoadResult &out)
{
    std::string text(limits::kMaxInputBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits::kMaxInputBytes) {
        addError(out, SourceLocation{fileName, 0, 0}, tooLarge());
        return;
    }
    append(out, loadText(text, fileName, options));
}

void loadFile(const fs::path &file, const DecodeOptions &options, LoadResult &out)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        addError(out, SourceLocation{file.string(), 0, 0}, "cannot read \"" + file.string() + "\"");
        return;
    }
    loadStream(in, file.string(), options, out);
}

// As kubectl -R walks a directory: entries in lexical order, descending into each directory in place.
void loadDirectory(const fs::path &dir, const DecodeOptions &options, LoadResult &out)
{
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        entries.push_back(*it);
    if (ec) {
        addError(out, SourceLocation{dir.string(), 0, 0}, "cannot read directory \"" + dir.string() + "\": " + ec.message());
        return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry &a, const fs::directory_entry &b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry &entry : entries) {
        if (entry.is_directory(ec))
            loadDirectory(entry.path(), options, out);
        else if (isManifestFile(entry.path()))
            loadFile(entry.path(), options, out);
    }
}

} // namespace

LoadResult loadText(std::string_view text, const std::string &fileName, const DecodeOptions &options)
{
    LoadResult out;
    if (text.size() > limits::kMaxInputBytes) {
        addError(out, SourceLocation{fileName, 0, 0}, tooLarge());
        return out;
    }
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);  // a UTF-8 byte order mark, as Windows editors write
    for (const DocumentText &doc : splitDocuments(text))
        loadDocument(doc, fileName, options, out);
    return out;
}

LoadResult loadPaths(const std::vector<std::string> &paths, const DecodeOptions &options)
{
    LoadResult out;
    for (const std::string &path : paths) {
        if (path == "-") {
            loadStream(std::cin, "-", options, out);
            continue;
        }
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status))
            addError(out, SourceLocation{path, 0, 0}, "the path \"" + path + "\" does not exist");
        else if (fs::is_directory(status))
            loadDirectory(path, options, out);
        else
            loadFile(path, options, out);
    }
    return out;
}

} // namespace sim::manifest
