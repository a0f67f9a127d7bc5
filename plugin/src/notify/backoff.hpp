// When to try a failed message again: exponential (initial, 2×, 4×, … up to the maximum) with
// "equal jitter" — a random point in the upper half of the step — so the messages queued while a
// server was down do not all hit it again in the same second when it comes back.
#pragma once

#include <chrono>
#include <random>

namespace es::notify {

class Backoff {
  public:
    Backoff(std::chrono::seconds initial, std::chrono::seconds max)
        : initial_(initial), max_(max) {}

    // The delay after the `attempts`-th failed attempt (1-based).
    template <class Random>
    std::chrono::milliseconds delay(int attempts, Random& random) const {
        const auto step = ceiling(attempts);
        std::uniform_int_distribution<long long> half(step.count() / 2, step.count());
        return std::chrono::milliseconds(half(random));
    }

    // The step without jitter: min(max, initial × 2^(attempts − 1)).
    std::chrono::milliseconds ceiling(int attempts) const {
        std::chrono::milliseconds step = initial_;
        for (int i = 1; i < attempts && step < max_; ++i) {
            step *= 2;
        }
        return std::min<std::chrono::milliseconds>(step, max_);
    }

  private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds max_;
};

}  // namespace es::notify
