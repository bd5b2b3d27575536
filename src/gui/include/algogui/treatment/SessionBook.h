#pragma once
// The session a page records into: finds or adds the subject (and the operator), and begins
// one session per subject on first use, so a page never writes SQL and never records into
// a stale session after the subject changed.
#include <QString>

#include "algocore/storage/Records.h"

namespace algocore::storage {
class Storage;
}

namespace algogui {

/// Where a record goes, or why it cannot be recorded.
struct SessionTarget {
    algocore::storage::RecordId subject_id = algocore::storage::kNoRecord;
    algocore::storage::RecordId operator_id = algocore::storage::kNoRecord;
    algocore::storage::RecordId session_id = algocore::storage::kNoRecord;
    QString error; ///< empty when usable
    bool ok() const { return error.isEmpty(); }
};

class SessionBook {
public:
    explicit SessionBook(algocore::storage::Storage* storage = nullptr) : storage_(storage) {}
    void set_storage(algocore::storage::Storage* storage);
    algocore::storage::Storage* storage() const { return storage_; }

    /// The subject's id when it is known (no writes); kNoRecord otherwise.
    algocore::storage::RecordId find_subject(const QString& subject_code) const;
    /// The current session for subject_code, begun on first use; operator_name may be empty.
    /// The session is reused while the subject and operator stay the same.
    SessionTarget session_for(const QString& subject_code, const QString& operator_name,
                              const QString& operator_role);

private:
    algocore::storage::Storage* storage_ = nullptr;
    QString subject_code_;
    QString operator_name_;
    SessionTarget current_;
};

} // namespace algogui
