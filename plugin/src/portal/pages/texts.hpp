// Every word the portal shows, in German and English.
#pragma once

#include "domain/language.hpp"

namespace es::portal::pages {

struct Texts {
    const char* lang;
    const char* title;
    const char* shared_by;       // "Shared by"
    const char* valid_until;     // "Available until"
    const char* preview_banner;  // after "Preview of the link for <recipient> – "
    const char* password_heading;
    const char* password_label;
    const char* password_submit;
    const char* password_wrong;
    const char* code_heading;
    const char* code_explain;  // "We send a one-time code to"
    const char* code_send;
    const char* code_sent;  // "A code was sent to"
    const char* code_label;
    const char* code_submit;
    const char* code_wrong;
    const char* code_expired;  // ask for a new one
    const char* details;
    const char* journal;
    const char* attachments;
    const char* nothing_shared;
    const char* download;
    const char* download_all;
    const char* hide;
    const char* throttled;  // "Too many attempts. Please wait"
    const char* minutes;
    const char* limit_reached;
    const char* csrf_failed;
    const char* busy;
    const char* error;
    const char* switch_language;  // label of the button to the OTHER language
    const char* other_lang;       // "en" / "de"
    const char* case_label;
    const char* date;
    const char* author;
    const char* file_name;
    const char* file_size;
    // The share's codes for the hour are used up: "… Please try again in" N "minutes or contact
    // the person who sent you the link."
    const char* code_limit;
    const char* code_limit_end;
    // On the recipient's page when someone of the sharing organisation opened the link itself.
    const char* owner_visit_banner;
    // A listed file the host could not open: the link is fine, so not the dead-link page.
    const char* file_unavailable;
    // The owner's preview names its link: "Preview of the link for" <recipient>, or the words
    // for a link without recipient details.
    const char* preview_of;
    const char* no_recipient;
    // A preview's form that does not fit it (another link's, or stale); then the way back:
    // "Back to the preview of the link for" <recipient>.
    const char* preview_form_refused;
    const char* preview_back;
    // A preview whose link is no longer live.
    const char* preview_link_revoked;
    const char* preview_link_expired;
    // The recipient's page: "View" a file in the browser (followed by a hidden ": <name>" for
    // screen readers), the link to the print view, and the print view's note and way back.
    const char* view_file;
    const char* print_view;
    const char* print_note;
    const char* print_back;
};

const Texts& texts(domain::Language language);

// text::byte_size in the page's language: the same size the owner saw in the share dialog.
std::string human_size(unsigned long long bytes, domain::Language language);

}  // namespace es::portal::pages
