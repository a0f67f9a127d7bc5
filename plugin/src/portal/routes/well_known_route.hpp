// GET /favicon.ico and /robots.txt — the two addresses browsers and crawlers ask every site for.
//
// Every 404 of the portal counts towards the client's dead-link throttle (a scanner answers to
// many 404s). A browser asks for /favicon.ico by itself, with every page a recipient opens, so a
// 404 there would count against the recipient and could throttle the very link they are reading.
// Both get a fixed answer instead: a small icon of our own, and a robots.txt that asks crawlers to
// stay out, as a portal of private links has nothing to index.
#pragma once

#include <string>
#include <vector>

#include "portal/exchange.hpp"

namespace es::portal::routes {

class WellKnownRoute {
  public:
    // Whether `segments` name one of these addresses (then handle() answers it).
    static bool matches(const std::vector<std::string>& segments);
    void handle(Exchange& ex, const std::vector<std::string>& segments);
};

}  // namespace es::portal::routes
