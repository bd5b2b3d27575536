#include "algogui/treatment/SessionBook.h"

#include <QDateTime>

#include "algocore/storage/Storage.h"

namespace algogui {

using algocore::storage::kNoRecord;

void SessionBook::set_storage(algocore::storage::Storage* storage) {
    storage_ = storage;
    current_ = {};
    subject_code_.clear();
    operator_name_.clear();
}

algocore::storage::RecordId SessionBook::find_subject(const QString& subject_code) const {
    if (!storage_ || subject_code.trimmed().isEmpty()) return kNoRecord;
    const auto subject = storage_->find_subject(subject_code.trimmed().toStdString());
    return subject ? subject->id : kNoRecord;
}

SessionTarget SessionBook::session_for(const QString& subject_code, const QString& operator_name,
                                       const QString& operator_role) {
    SessionTarget out;
    const QString code = subject_code.trimmed();
    const QString op_name = operator_name.trimmed();
    if (!storage_) {
        out.error = QStringLiteral("no database is open, so nothing can be stored");
        return out;
    }
    if (code.isEmpty()) {
        out.error = QStringLiteral("enter a subject code first");
        return out;
    }
    if (current_.ok() && current_.session_id != kNoRecord && code == subject_code_ &&
        op_name == operator_name_) {
        return current_;
    }

    if (const auto known = storage_->find_subject(code.toStdString())) {
        out.subject_id = known->id;
    } else {
        algocore::storage::Subject subject;
        subject.code = code.toStdString();
        out.subject_id = storage_->add_subject(subject).id;
    }
    if (!op_name.isEmpty()) {
        if (const auto known = storage_->find_operator(op_name.toStdString())) {
            out.operator_id = known->id;
        } else {
            algocore::storage::Operator op;
            op.name = op_name.toStdString();
            op.role = operator_role.toStdString();
            out.operator_id = storage_->add_operator(op).id;
        }
    }
    // Wall-clock time is recorded once, here, for the whole session.
    algocore::storage::Session session;
    session.subject_id = out.subject_id;
    session.operator_id = out.operator_id;
    session.started_utc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    out.session_id = storage_->begin_session(session).id;
    if (out.subject_id == kNoRecord || out.session_id == kNoRecord) {
        out.error = QStringLiteral("the database refused the new session (see the banner)");
        return out;
    }
    subject_code_ = code;
    operator_name_ = op_name;
    current_ = out;
    return out;
}

} // namespace algogui
