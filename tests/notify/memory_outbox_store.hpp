// An OutboxRepository in memory, for the worker's own rules (retry, backoff, give up, drop, alert)
// without a database. The SQL implementation is tested against real SQLite and MariaDB elsewhere.
#pragma once

#include <map>
#include <mutex>

#include "store/outbox_repository.hpp"

class MemoryOutboxStore : public es::store::OutboxRepository {
  public:
    using Message = es::domain::OutboxMessage;
    using Status = Message::Status;

    std::int64_t enqueue(const Message& message) override {
        std::lock_guard lock(mutex_);
        Message m = message;
        m.id = next_id_++;
        m.status = Status::Pending;
        m.attempts = 0;
        rows_[m.id] = m;
        return m.id;
    }
    std::vector<Message> claim(int limit, std::chrono::seconds lease) override {
        std::lock_guard lock(mutex_);
        std::vector<Message> out;
        const auto now = es::domain::now_utc();
        for (auto& [id, m] : rows_) {
            if (static_cast<int>(out.size()) >= limit) {
                break;
            }
            const bool due = (m.status == Status::Pending || m.status == Status::Sending) &&
                             m.next_attempt_at <= now && (!m.expires_at || *m.expires_at > now);
            if (due) {
                m.status = Status::Sending;
                m.attempts++;
                m.next_attempt_at = now + lease;
                out.push_back(m);
            }
        }
        return out;
    }
    // Like the SQL repository: a change holds only for the caller's claim (see OutboxRepository).
    bool renew(std::int64_t id, int attempts, std::chrono::seconds lease) override {
        std::lock_guard lock(mutex_);
        auto* m = claimed(id, attempts);
        if (m != nullptr) {
            m->next_attempt_at = es::domain::now_utc() + lease;
        }
        return m != nullptr;
    }
    bool mark_sent(std::int64_t id, int attempts, const std::string& payload) override {
        std::lock_guard lock(mutex_);
        auto* m = claimed(id, attempts);
        if (m != nullptr) {
            m->status = Status::Sent;
            m->payload_json = payload;
        }
        return m != nullptr;
    }
    bool reschedule(std::int64_t id, int attempts, const std::string& error,
                    std::chrono::milliseconds delay) override {
        std::lock_guard lock(mutex_);
        auto* m = claimed(id, attempts);
        if (m != nullptr) {
            m->status = Status::Pending;
            m->last_error = error;
            m->next_attempt_at = es::domain::now_utc() + delay;
            delays.push_back(delay);
        }
        return m != nullptr;
    }
    bool mark_failed(std::int64_t id, int attempts, const std::string& error,
                     const std::string& payload, const std::optional<Message>& alert) override {
        {
            std::lock_guard lock(mutex_);
            auto* m = claimed(id, attempts);
            if (m == nullptr) {
                return false;
            }
            m->status = Status::Failed;
            m->last_error = error;
            m->payload_json = payload;
        }
        if (alert) {
            enqueue(*alert);
        }
        return true;
    }
    bool release(std::int64_t id, int attempts) override {
        std::lock_guard lock(mutex_);
        auto* m = claimed(id, attempts);
        if (m != nullptr) {
            m->status = Status::Pending;
            m->attempts--;
            m->next_attempt_at = es::domain::now_utc();
        }
        return m != nullptr;
    }
    int expire_overdue() override {
        std::lock_guard lock(mutex_);
        int n = 0;
        const auto now = es::domain::now_utc();
        for (auto& [id, m] : rows_) {
            if ((m.status == Status::Pending || m.status == Status::Sending) && m.expires_at &&
                *m.expires_at <= now) {
                m.status = Status::Dropped;
                m.payload_json = "{}";
                ++n;
            }
        }
        return n;
    }
    std::optional<std::chrono::milliseconds> next_due_in() override {
        std::lock_guard lock(mutex_);
        std::optional<std::chrono::milliseconds> out;
        for (auto& [id, m] : rows_) {
            if (m.status == Status::Pending) {
                const auto in = std::chrono::duration_cast<std::chrono::milliseconds>(
                    m.next_attempt_at - es::domain::now_utc());
                out = out ? std::min(*out, in) : in;
            }
        }
        return out;
    }
    std::vector<Message> for_share(const std::string& share) override {
        std::lock_guard lock(mutex_);
        std::vector<Message> out;
        for (auto& [id, m] : rows_) {
            if (m.share_id == share) {
                out.push_back(m);
            }
        }
        return out;
    }
    std::vector<Message> list_failed(const std::string& org, int limit) override {
        std::lock_guard lock(mutex_);
        std::vector<Message> out;
        for (auto it = rows_.rbegin(); it != rows_.rend() && static_cast<int>(out.size()) < limit;
             ++it) {
            if (it->second.organisation_id == org && it->second.status == Status::Failed) {
                out.push_back(it->second);
            }
        }
        return out;
    }
    std::optional<Message> find(std::int64_t id) override {
        std::lock_guard lock(mutex_);
        auto it = rows_.find(id);
        return it == rows_.end() ? std::nullopt : std::optional<Message>(it->second);
    }
    // Makes a pending message due now (instead of waiting out its backoff).
    void make_due(std::int64_t id) {
        std::lock_guard lock(mutex_);
        rows_.at(id).next_attempt_at = es::domain::now_utc() - std::chrono::seconds(1);
    }

    std::vector<std::chrono::milliseconds> delays;

  private:
    Message* claimed(std::int64_t id, int attempts) {
        auto& m = rows_.at(id);
        return m.status == Status::Sending && m.attempts == attempts ? &m : nullptr;
    }

    std::mutex mutex_;
    std::map<std::int64_t, Message> rows_;
    std::int64_t next_id_ = 1;
};
