#pragma once
// Which part of a database an export takes: one subject, one session, a date range (any
// combination; nothing set = everything). The records of the kept sessions come along with
// what they refer to (subject, operators, templates, plans, audit entries).
#include <optional>
#include <string>
#include <vector>

#include "algocore/records/StudyData.h"

namespace algocore::exporting {

/// A selection of sessions.
struct StudyFilter {
    std::optional<std::string> subject_code;
    std::optional<records::RecordId> session_id;
    std::optional<std::string> from_date; ///< "YYYY-MM-DD", inclusive, on started_utc
    std::optional<std::string> to_date;   ///< "YYYY-MM-DD", inclusive

    bool selects_everything() const {
        return !subject_code && !session_id && !from_date && !to_date;
    }
    /// Whether a session passes (subject_code is the session's subject's code).
    bool keeps(const records::Session& session, const std::string& subject_code) const;
};

/// The part of data the filter selects (sites stay whole: they are the library).
records::StudyData filter_study(const records::StudyData& data, const StudyFilter& filter);
/// The summaries of the sessions kept in filtered.
std::vector<records::SiteSummary> filter_summaries(const std::vector<records::SiteSummary>& all,
                                                   const records::StudyData& filtered);

} // namespace algocore::exporting
