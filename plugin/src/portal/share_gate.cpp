#include "portal/share_gate.hpp"

#include "crypto/digest.hpp"
#include "crypto/token.hpp"
#include "portal/preview_grant.hpp"

namespace es::portal {

std::optional<ShareAccess> ShareGate::by_token(const Exchange& ex, std::string_view token) {
    // Hash and query first, whatever the token looks like: the answer for a malformed token must
    // not come back measurably faster than for a well-formed unknown one.
    const std::string hash = crypto::token_hash(token);
    std::optional<ShareAccess> out;
    // One snapshot: the share, the session and the selection are read as one state, on one
    // connection (see Store::with_snapshot).
    store_.with_snapshot([&] {
        auto share = store_.shares().find_live_by_token_hash(hash);
        if (!share || !crypto::looks_like_token(token) ||
            !licence_.is_active(share->organisation_id)) {
            return;
        }
        ShareAccess a;
        a.share = std::move(*share);
        a.token_hash = hash;
        a.base_path = "/s/" + std::string(token);
        a.csrf_subject = "share:" + hash;
        a.session_cookie = cookies_.session_name(hash.substr(0, 12));
        if (auto value = ex.cookie(a.session_cookie); value && crypto::looks_like_token(*value)) {
            auto s = store_.sessions().find_valid(crypto::sha256_hex(*value), idle_);
            // A session of another share under this share's cookie name proves nothing here.
            if (s && s->share_id == a.share.id) {
                a.session = std::move(s);
            }
        }
        a.owner_visit = carries_owner_mark(ex, a.share);
        a.selection = store_.shares().selection(a.share.id);
        a.organisation_name = organisation_name(a.share.organisation_id);
        out = std::move(a);
    });
    return out;
}

bool ShareGate::carries_owner_mark(const Exchange& ex, const domain::Share& share) const {
    const auto cookie = ex.cookie(cookies_.owner_mark_name());
    if (!cookie) {
        return false;
    }
    const auto mark = PreviewGrant::open(box_, kOwnerMarkPurpose, *cookie);
    // The mark decides how a visit is logged, never what it may see: the local clock will do.
    return mark && mark->organisation_id == share.organisation_id && mark->share_id == share.id &&
           domain::now_utc() < mark->expires_at;
}

namespace {

// A preview id as PreviewTickets makes them: 32 lowercase hex digits. Anything else names no
// cookie worth reading.
bool looks_like_preview_id(const std::string& id) {
    return id.size() == 32 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

ShareGate::PreviewLookup ShareGate::by_preview(const Exchange& ex, const std::string& preview_id) {
    PreviewLookup out;
    if (!looks_like_preview_id(preview_id)) {
        return out;
    }
    const auto cookie = ex.cookie(cookies_.preview_name(preview_id));
    if (!cookie) {
        return out;
    }
    auto grant = PreviewGrant::open(box_, kPreviewPurpose, *cookie);
    // The cookie must be this preview's own: a grant of another preview opens nothing here.
    if (!grant || grant->preview_id != preview_id) {
        return out;
    }
    store_.with_snapshot([&] {  // as for a recipient: one state, one connection
        const auto now = store_.database_now();
        if (now >= grant->expires_at) {
            return;
        }
        auto share = store_.shares().find(grant->organisation_id, grant->share_id);
        if (!share || !licence_.is_active(share->organisation_id)) {
            return;
        }
        ShareAccess a;
        a.share = std::move(*share);
        a.preview = true;
        a.base_path = "/preview/" + preview_id;
        // Bound to the share: a form of one link's preview never passes on another link's.
        a.csrf_subject = "preview:" + a.share.id;
        a.owner = domain::Actor{grant->organisation_id, grant->user_id, a.share.locale};
        a.organisation_name = organisation_name(a.share.organisation_id);
        if (a.share.status_at(now) != domain::ShareStatus::Active) {
            out.ended = std::move(a);
            return;
        }
        a.selection = store_.shares().selection(a.share.id);
        out.open = std::move(a);
    });
    return out;
}

std::string ShareGate::organisation_name(const std::string& organisation_id) {
    try {
        if (auto v = names_.of(organisation_id)) {
            return *v;
        }
    } catch (const std::exception&) {
        // A missing name is not worth failing the page for.
    }
    return organisation_id;
}

bool ShareGate::still_allowed(const ShareAccess& access) {
    try {
        if (access.preview) {
            auto share = store_.shares().find(access.share.organisation_id, access.share.id);
            return share && share->status_at(store_.database_now()) == domain::ShareStatus::Active;
        }
        auto share = store_.shares().find_live_by_token_hash(access.token_hash);
        if (!share || !licence_.is_active(share->organisation_id)) {
            return false;
        }
        if (access.session) {
            return store_.sessions().find_valid(access.session->session_hash, idle_).has_value();
        }
        return share->protection == domain::Protection::None;
    } catch (const std::exception&) {
        return false;  // fail closed
    }
}

}  // namespace es::portal
