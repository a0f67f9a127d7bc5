// GET /ready (HEAD too) — the load balancer's health check (docs/deployment.md): 200 when this
// instance should get new requests, 503 with a short code and sentence when not (Readiness). It
// runs before the portal's throttles, counts against none, and records no access event: a balancer
// polling every second must neither lock itself out nor fill the owners' access logs.
#pragma once

#include "portal/exchange.hpp"
#include "portal/readiness.hpp"

namespace es::portal::routes {

// Whether `ex` asks for /ready (GET or HEAD, any query ignored).
bool is_readiness_request(const Exchange& ex);

class ReadyRoute {
  public:
    explicit ReadyRoute(Readiness& readiness) : readiness_(readiness) {}
    void handle(Exchange& ex);

  private:
    Readiness& readiness_;
};

}  // namespace es::portal::routes
