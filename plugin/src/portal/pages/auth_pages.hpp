// The pages that stand before the content: password and one-time code.
#pragma once

#include <string>

#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

// `error`: a message to show above the form (already chosen from Texts), or empty.
std::string password_page(const PageFrame& frame, const std::string& error);

// `masked_destination`: "+41 •• ••• •• 67"; `sent`: a code went out in this browser's flow.
std::string code_page(const PageFrame& frame, const std::string& masked_destination, bool sent,
                      const std::string& error);

// A page with one message (throttled, limit reached, expired form, busy).
std::string message_page(const PageFrame& frame, const std::string& message);

}  // namespace es::portal::pages
