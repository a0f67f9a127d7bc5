#include "portal/pages/file_icons.hpp"

#include <array>
#include <optional>
#include <utility>

#include "text/ascii_lower.hpp"

namespace es::portal::pages {
namespace {

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::optional<FileFamily> by_type(const std::string& type) {
    if (type == "application/pdf") {
        return FileFamily::Pdf;
    }
    if (type.rfind("image/", 0) == 0) {
        return FileFamily::Image;
    }
    if (type == "text/csv" || contains(type, "spreadsheet") || contains(type, "ms-excel")) {
        return FileFamily::Spreadsheet;
    }
    if (type == "application/zip" || type == "application/gzip" || type == "application/x-tar" ||
        type == "application/x-7z-compressed" || type == "application/vnd.rar" ||
        type == "application/x-rar-compressed" || type == "application/x-bzip2" ||
        type == "application/x-xz") {
        return FileFamily::Archive;
    }
    if (type.rfind("text/", 0) == 0 || type == "application/msword" || type == "application/rtf" ||
        contains(type, "wordprocessingml") || contains(type, "opendocument.text")) {
        return FileFamily::Document;
    }
    return std::nullopt;
}

FileFamily by_extension(const std::string& ext) {
    static const std::array<std::pair<const char*, FileFamily>, 22> kExtensions = {{
        {"pdf", FileFamily::Pdf},         {"png", FileFamily::Image},
        {"jpg", FileFamily::Image},       {"jpeg", FileFamily::Image},
        {"gif", FileFamily::Image},       {"webp", FileFamily::Image},
        {"tif", FileFamily::Image},       {"tiff", FileFamily::Image},
        {"txt", FileFamily::Document},    {"doc", FileFamily::Document},
        {"docx", FileFamily::Document},   {"odt", FileFamily::Document},
        {"rtf", FileFamily::Document},    {"csv", FileFamily::Spreadsheet},
        {"xls", FileFamily::Spreadsheet}, {"xlsx", FileFamily::Spreadsheet},
        {"ods", FileFamily::Spreadsheet}, {"zip", FileFamily::Archive},
        {"7z", FileFamily::Archive},      {"gz", FileFamily::Archive},
        {"tar", FileFamily::Archive},     {"rar", FileFamily::Archive},
    }};
    for (const auto& [e, family] : kExtensions) {
        if (ext == e) {
            return family;
        }
    }
    return FileFamily::Other;
}

// 24×24 line drawings: a page with a folded corner, and a mark for the family inside it.
constexpr const char* kPage = "<path d=\"M6 2.5h8l4.5 4.5v14.5H6z\"/><path d=\"M14 2.5V7h4.5\"/>";

const char* mark(FileFamily family) {
    switch (family) {
        case FileFamily::Pdf:  // a bookmark ribbon over text lines
            return "<path d=\"M9 12h6M9 15h6M9 18h4\"/><path d=\"M9 4.5v4l1.5-1 1.5 1v-4\"/>";
        case FileFamily::Image:  // a mountain and the sun
            return "<circle cx=\"10\" cy=\"11\" r=\"1.5\"/><path d=\"M7.5 19l3.5-4 2 2 2.5-3 3 "
                   "5\"/>";
        case FileFamily::Document:  // lines of text
            return "<path d=\"M9 11h6M9 14h6M9 17h4\"/>";
        case FileFamily::Spreadsheet:  // a grid
            return "<path d=\"M8.5 10.5h7v8h-7zM8.5 14.5h7M12 10.5v8\"/>";
        case FileFamily::Archive:  // a zipper
            return "<path d=\"M11 4v2h1.5v2H11v2h1.5v2H11\"/><path d=\"M10.5 14h2.5v4h-2.5z\"/>";
        case FileFamily::Other:
            return "";
    }
    return "";
}

}  // namespace

FileFamily file_family(std::string_view name, std::string_view media_type) {
    if (auto family = by_type(text::ascii_lower(media_type))) {
        return *family;
    }
    const auto dot = name.rfind('.');
    return dot == std::string_view::npos ? FileFamily::Other
                                         : by_extension(text::ascii_lower(name.substr(dot + 1)));
}

const char* family_name(FileFamily family) {
    switch (family) {
        case FileFamily::Pdf:
            return "pdf";
        case FileFamily::Image:
            return "image";
        case FileFamily::Document:
            return "document";
        case FileFamily::Spreadsheet:
            return "spreadsheet";
        case FileFamily::Archive:
            return "archive";
        case FileFamily::Other:
            return "other";
    }
    return "other";
}

std::string file_icon(FileFamily family) {
    return std::string("<svg class=\"file-icon file-icon-") + family_name(family) +
           "\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 24 24\" width=\"24\" "
           "height=\"24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" "
           "stroke-linejoin=\"round\" stroke-linecap=\"round\">" +
           kPage + mark(family) + "</svg>";
}

}  // namespace es::portal::pages
