#pragma once
// Correcting what was recorded, without losing anything: excluding a trial with a reason (it
// is kept and shown, flagged, never counted), bringing it back, correcting a subject's
// details and annotating a session. Each change is an audited correction (the audit log keeps
// who, when, the old value and why); nothing is overwritten silently and nothing is deleted.
// The one path for the GUI's pages and `algoscope-cli trials|subjects`, so both store the
// same rows. Requests are checked here and enqueued; the storage commits them in order.
#include <functional>
#include <string>
#include <vector>

#include "algocore/session/SubjectDetails.h"
#include "algocore/storage/Storage.h"

namespace algocore::session {

/// What a correction request came to: refused (error) or enqueued (one ticket per field).
struct CorrectionRequest {
    std::string error; ///< empty when enqueued
    std::vector<storage::WriteTicket> tickets;
    bool ok() const { return error.empty(); }
};

/// The reasons offered for excluding a trial (any other text may be given).
const std::vector<std::string>& trial_exclusion_reasons();

/// Who makes a correction when nobody is named: the login name, else "unknown user".
std::string default_corrector();

/// Longest reason, note or annotation kept (characters of UTF-8 text).
inline constexpr std::size_t kMaxReasonChars = 200;
inline constexpr std::size_t kMaxNotesChars = 4000;

class Corrections {
public:
    explicit Corrections(storage::StorageWriter* storage = nullptr) : storage_(storage) {}
    void set_storage(storage::StorageWriter* storage) { storage_ = storage; }

    /// Called with (trial id, reason) once an exclusion is enqueued; reason "" = brought
    /// back. The visit's PPT session follows it, so the point's threshold changes at once.
    void set_on_trial_excluded(std::function<void(records::RecordId, const std::string&)> f) {
        on_trial_excluded_ = std::move(f);
    }

    /// Excludes a stored trial from its point's threshold, because of `reason`.
    CorrectionRequest exclude_trial(records::RecordId trial_id, const std::string& reason,
                                    const std::string& who);
    /// Counts an excluded trial again (as the protocol decided when it was recorded).
    CorrectionRequest reinstate_trial(records::RecordId trial_id, const std::string& reason,
                                      const std::string& who);
    /// Sets the details of a stored subject (`current`, with its id) to `wanted`: one
    /// audited correction per detail that differs; refused when nothing differs.
    CorrectionRequest set_subject_details(const records::Subject& current,
                                          const SubjectDetails& wanted, const std::string& who,
                                          const std::string& reason);
    /// Replaces a session's notes (`current` as shown) with `notes`; the old text stays in
    /// the audit log.
    CorrectionRequest annotate_session(records::RecordId session_id, const std::string& current,
                                       const std::string& notes, const std::string& who);

private:
    CorrectionRequest enqueue(std::vector<records::Correction> corrections);

    storage::StorageWriter* storage_ = nullptr;
    std::function<void(records::RecordId, const std::string&)> on_trial_excluded_;
};

} // namespace algocore::session
