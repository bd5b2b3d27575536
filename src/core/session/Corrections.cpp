#include "algocore/session/Corrections.h"

#include <cstdlib>

#include "algocore/session/Visit.h"
#include "algoinput/QuotedInput.h"

namespace algocore::session {

namespace {

std::size_t utf8_chars(const std::string& text) {
    std::size_t n = 0;
    for (const unsigned char c : text)
        n += (c & 0xC0u) != 0x80u ? 1 : 0;
    return n;
}

// A reason is one line a person typed: what the audit log and every view will show.
std::string check_reason(const std::string& reason, const char* what) {
    if (trimmed(reason).empty()) return std::string("give a reason for ") + what;
    if (utf8_chars(reason) > kMaxReasonChars)
        return "the reason is longer than " + std::to_string(kMaxReasonChars) + " characters";
    if (const std::string problem = algoinput::printable_text_problem(reason); !problem.empty())
        return "the reason must be one line of UTF-8 text without control characters (" + problem +
               ")";
    return {};
}

std::string check_who(const std::string& who) {
    if (trimmed(who).empty()) return "a correction needs the name of who makes it";
    if (const std::string problem = algoinput::printable_text_problem(who); !problem.empty())
        return "the corrector's name must be UTF-8 text without control characters (" + problem +
               ")";
    if (utf8_chars(who) > 64) return "the corrector's name must be at most 64 characters";
    return {};
}

std::optional<std::string> text_of(const std::optional<records::BodySide>& side) {
    if (!side) return std::nullopt;
    return std::string(records::to_letter(*side));
}

} // namespace

const std::vector<std::string>& trial_exclusion_reasons() {
    static const std::vector<std::string> kReasons = {
        "examiner error", "patient moved",  "patient misunderstood the instruction",
        "probe slipped",  "device problem", "wrong point"};
    return kReasons;
}

std::string default_corrector() {
    for (const char* name : {"USER", "LOGNAME", "USERNAME"})
        if (const char* value = std::getenv(name); value && *value) return value;
    return "unknown user";
}

CorrectionRequest Corrections::enqueue(std::vector<records::Correction> corrections) {
    CorrectionRequest out;
    if (!storage_) {
        out.error = "no database is open, so nothing can be corrected";
        return out;
    }
    // Every field is checked before the first is enqueued, so a request is all or nothing.
    for (const records::Correction& c : corrections) {
        if (c.row_id == records::kNoRecord) {
            out.error = "the record to correct is not stored yet";
            return out;
        }
    }
    for (const records::Correction& c : corrections) {
        const storage::Request r = storage_->correct(c);
        if (!r.ok) {
            out.error = r.error;
            return out;
        }
        out.tickets.push_back(r.ticket);
    }
    return out;
}

CorrectionRequest Corrections::exclude_trial(records::RecordId trial_id, const std::string& reason,
                                             const std::string& who) {
    const std::string why = trimmed(reason);
    if (std::string bad = check_reason(why, "excluding the trial"); !bad.empty()) return {bad, {}};
    if (std::string bad = check_who(who); !bad.empty()) return {bad, {}};
    CorrectionRequest r = enqueue({{"trials", trial_id, "excluded_reason", why, who, why}});
    if (r.ok() && on_trial_excluded_) on_trial_excluded_(trial_id, why);
    return r;
}

CorrectionRequest Corrections::reinstate_trial(records::RecordId trial_id,
                                               const std::string& reason, const std::string& who) {
    const std::string why = trimmed(reason);
    if (std::string bad = check_reason(why, "counting the trial again"); !bad.empty())
        return {bad, {}};
    if (std::string bad = check_who(who); !bad.empty()) return {bad, {}};
    CorrectionRequest r = enqueue({{"trials", trial_id, "excluded_reason", "", who, why}});
    if (r.ok() && on_trial_excluded_) on_trial_excluded_(trial_id, "");
    return r;
}

CorrectionRequest Corrections::set_subject_details(const records::Subject& current,
                                                   const SubjectDetails& wanted,
                                                   const std::string& who,
                                                   const std::string& reason) {
    if (std::string bad = check_subject_details(wanted); !bad.empty()) return {bad, {}};
    if (std::string bad = check_who(who); !bad.empty()) return {bad, {}};
    const std::string why = trimmed(reason).empty() ? "details corrected" : trimmed(reason);
    if (std::string bad = check_reason(why, "the correction"); !bad.empty()) return {bad, {}};
    const SubjectDetails now = SubjectDetails::of(current);
    std::vector<records::Correction> changes;
    const auto change = [&](const char* field, const std::optional<std::string>& before,
                            const std::optional<std::string>& after) {
        if (before != after)
            changes.push_back({"subjects", current.id, field, after.value_or(""), who, why});
    };
    change("sex", now.sex, wanted.sex);
    change("age_band", now.age_band, wanted.age_band);
    change("dominant_side", text_of(now.dominant_side), text_of(wanted.dominant_side));
    if (changes.empty())
        return {"subject " + current.code + " already has these details; nothing was changed", {}};
    return enqueue(std::move(changes));
}

CorrectionRequest Corrections::annotate_session(records::RecordId session_id,
                                                const std::string& current,
                                                const std::string& notes, const std::string& who) {
    if (std::string bad = check_who(who); !bad.empty()) return {bad, {}};
    if (utf8_chars(notes) > kMaxNotesChars)
        return {"the notes are longer than " + std::to_string(kMaxNotesChars) + " characters", {}};
    // Notes may hold line breaks and tabs; nothing else that is not printable UTF-8.
    std::string printable = notes;
    for (char& c : printable)
        if (c == '\n' || c == '\t') c = ' ';
    if (const std::string problem = algoinput::printable_text_problem(printable); !problem.empty())
        return {"the notes must be UTF-8 text without control characters (" + problem + ")", {}};
    if (notes == current) return {"the notes are unchanged; nothing was stored", {}};
    return enqueue({{"sessions", session_id, "notes", notes, who, "session annotated"}});
}

} // namespace algocore::session
