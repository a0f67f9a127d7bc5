// The answer to a request that its handler has, but may send only once something else happened
// (the portal's access log commits the request's event first). The handler returns at once with
// its worker free; whoever finishes the other thing calls send() from its own thread, and the
// connection goes back to the front door as after any request.
//
//     net::LateAnswer late = request.answer_later();     // in the handler
//     … handler returns …
//     late.send(bytes, keep);                             // later, any thread, once
//
// A LateAnswer destroyed without send() closes the connection (nothing is ever left hanging).
#pragma once

#include <functional>
#include <string_view>
#include <utility>

namespace es::net {

class LateAnswer {
  public:
    // `bytes` null: nothing to send, close the connection.
    using Finish = std::function<void(const std::string_view* bytes, bool keep)>;

    LateAnswer() = default;
    explicit LateAnswer(Finish finish) : finish_(std::move(finish)) {}
    LateAnswer(LateAnswer&& other) noexcept : finish_(std::exchange(other.finish_, nullptr)) {}
    LateAnswer& operator=(LateAnswer&& other) noexcept {
        if (this != &other) {
            abandon();
            finish_ = std::exchange(other.finish_, nullptr);
        }
        return *this;
    }
    LateAnswer(const LateAnswer&) = delete;
    LateAnswer& operator=(const LateAnswer&) = delete;
    ~LateAnswer() { abandon(); }

    // Sends the whole response (head and body) and hands the connection back; `keep` as a
    // handler's return value. Must not be called twice.
    void send(std::string_view bytes, bool keep) {
        auto finish = std::exchange(finish_, nullptr);
        if (finish) {
            finish(&bytes, keep);
        }
    }
    // Closes the connection without an answer.
    void abandon() noexcept {
        auto finish = std::exchange(finish_, nullptr);
        if (finish) {
            try {
                finish(nullptr, false);
            } catch (...) {
                // The front door's finish does not throw; nothing to add if it did.
            }
        }
    }
    explicit operator bool() const { return static_cast<bool>(finish_); }

  private:
    Finish finish_;
};

}  // namespace es::net
