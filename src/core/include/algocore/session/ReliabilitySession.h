#pragma once
// The reliability workflow, one engine for the Reliability page and `algoscope-cli
// reliability`: load readings (stored sessions of one site and side, or a tidy CSV), analyse
// them (ICCs, SEM, MDC95, Bland-Altman) and save the MDC95 as the site's own. Both views
// store the same row: the provenance text and the ICC reported beside the MDC are decided
// here, once.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/SiteMdc.h"
#include "algocore/analysis/StudyReliabilityRows.h"
#include "algocore/records/StudyData.h"
#include "algocore/storage/Storage.h"

namespace algocore::session {

/// Readings to analyse and where they came from.
struct ReliabilityData {
    std::vector<analysis::TidyRow> rows;
    /// Set only for stored data (a site MDC can be saved only from the study it describes).
    std::optional<analysis::StudyReliabilityQuery> query;
    std::string site_key;
    std::string site_name;
    std::string source_name; ///< the database's or CSV's file name, without its folder
    std::string error;       ///< why no rows could be had
};

/// The reliability workflow: load, analyse, save the site MDC.
class ReliabilitySession {
public:
    /// The rows of one site, side and rater grouping of a loaded study (location: the
    /// database it was read from; only its file name is kept).
    static ReliabilityData from_study(const records::StudyData& study,
                                      const analysis::StudyReliabilityQuery& query,
                                      const std::string& location);
    /// Rows from a tidy CSV (subject,rater,value); name is the file named in messages.
    static ReliabilityData from_csv(std::istream& in, const std::string& name);
    /// Rows with no stored origin (demo, tests); no site MDC can be saved from them.
    static ReliabilityData from_rows(std::vector<analysis::TidyRow> rows, std::string name);

    /// Takes the data and builds the subjects x raters table; "" or why not (the previous
    /// data and result are dropped either way).
    std::string load(ReliabilityData data);
    /// Analyses the loaded table with these choices; the result is kept for save_site_mdc.
    analysis::ReliabilityAnalysisResult analyse(const analysis::ReliabilityOptions& options);

    const ReliabilityData& data() const { return data_; }
    const std::optional<analysis::ReliabilityTable>& table() const { return table_; }
    const std::optional<analysis::ReliabilityResult>& result() const { return result_; }

    /// What the data are, one line: "study.sqlite (PPT, Upper trapezius L, by session)".
    std::string source_text() const;
    /// What plays the rater, in the user's words: "sessions" (test-retest of stored sessions),
    /// "operators" (inter-rater), or "raters" (a CSV's own rater column).
    std::string raters_are() const;
    /// The ICC reported beside the MDC: the form of the options analysed with.
    analysis::IccForm icc_form() const { return options_.sem_icc_form; }
    /// True when the last analysis can be stored as a site's MDC (stored data, a result).
    bool can_save_site_mdc() const;
    /// The MDC the last analysis gives, stamped now; empty when !can_save_site_mdc().
    std::optional<analysis::SiteMdc> site_mdc() const;
    /// Stores it for the side analysed (or both sides of the site); refused, saying why, when
    /// there is nothing to store or the storage refuses it. *stored (when given) is what was
    /// handed to the storage.
    storage::Request save_site_mdc(storage::StorageWriter& store, bool for_both_sides = false,
                                   analysis::SiteMdc* stored = nullptr) const;

private:
    ReliabilityData data_;
    std::optional<analysis::ReliabilityTable> table_;
    analysis::ReliabilityOptions options_;
    std::optional<analysis::ReliabilityResult> result_;
};

} // namespace algocore::session
