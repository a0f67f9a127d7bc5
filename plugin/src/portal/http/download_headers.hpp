// Validators and types for downloaded files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace es::portal::http {

// A strong ETag: the host's SHA-256 of the content when known, else a digest of id, size and
// modification time (which change whenever the content does).
std::string entity_tag(const std::string& sha256, const std::string& id, std::uint64_t size,
                       const std::string& modified);

// RFC 3339 ("2026-11-23T13:27:16Z") to an IMF-fixdate ("Mon, 23 Nov 2026 13:27:16 GMT"), or
// nothing when the host sent something else.
std::optional<std::string> http_date(const std::string& rfc3339);
// Seconds since 1970 for the zip entry's time; 0 when unparsable.
std::int64_t unix_time(const std::string& rfc3339);

// The host's media type if it is a plain "type/subtype" token pair, else application/octet-stream.
// (A media type is data from the host; it must not be able to inject header text.)
std::string safe_media_type(const std::string& media_type);

// Whether an If-Range value allows serving the requested range (RFC 9110 §13.1.5): an exact
// strong ETag match, or an exact match of the Last-Modified date.
bool if_range_matches(const std::string& if_range, const std::string& etag,
                      const std::optional<std::string>& last_modified);

}  // namespace es::portal::http
