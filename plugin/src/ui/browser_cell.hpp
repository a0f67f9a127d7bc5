// The access log's "Browser" cell: what a visitor's User-Agent string says, in the reader's
// language ("Chrome on Windows", "Mobile Safari auf iPhone", "curl", "Googlebot (bot)",
// "Unknown browser"), with the whole string as the cell's `detail` (view model 1.1) for who wants
// to see it.
#pragma once

#include <string_view>

#include "text/user_agent_parser.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// `agents` may be null or without rules (uap-core missing): the string itself is shown then,
// shortened, never an empty cell.
Json browser_cell(Language language, std::string_view user_agent,
                  const text::UserAgentParser* agents);

// The same cell's text alone.
std::string browser_text(Language language, std::string_view user_agent,
                         const text::UserAgentParser* agents);

}  // namespace es::ui
