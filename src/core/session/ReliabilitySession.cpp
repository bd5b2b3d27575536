#include "algocore/session/ReliabilitySession.h"

#include <filesystem>

#include "algocore/WallClock.h"
#include "algocore/analysis/ReliabilityCsv.h"

namespace algocore::session {

namespace {

std::string measure_words(records::TrialMeasure measure) {
    return measure == records::TrialMeasure::Ppt ? "PPT" : records::to_string(measure);
}

} // namespace

ReliabilityData ReliabilitySession::from_study(const records::StudyData& study,
                                               const analysis::StudyReliabilityQuery& query,
                                               const std::string& location) {
    ReliabilityData data;
    data.source_name = std::filesystem::path(location).filename().string();
    const analysis::StudyReliabilityRows rows = analysis::reliability_rows_from_study(study, query);
    if (!rows.ok) {
        data.error = data.source_name + ": " + rows.error;
        return data;
    }
    data.rows = rows.rows;
    data.query = query;
    data.site_key = rows.site_key;
    data.site_name = rows.site_name;
    return data;
}

ReliabilityData ReliabilitySession::from_csv(std::istream& in, const std::string& name) {
    ReliabilityData data;
    data.source_name = name;
    const analysis::ReliabilityCsvResult csv = analysis::read_reliability_csv(in, name);
    if (!csv.ok)
        data.error = csv.error;
    else
        data.rows = csv.rows;
    return data;
}

ReliabilityData ReliabilitySession::from_rows(std::vector<analysis::TidyRow> rows,
                                              std::string name) {
    ReliabilityData data;
    data.rows = std::move(rows);
    data.source_name = std::move(name);
    return data;
}

std::string ReliabilitySession::load(ReliabilityData data) {
    data_ = std::move(data);
    table_.reset();
    result_.reset();
    if (!data_.error.empty()) return data_.error;
    const analysis::ReliabilityTableResult built = analysis::build_reliability_table(data_.rows);
    if (built.ok) {
        table_ = built.table;
        return {};
    }
    // The builder says "line N: ..." of a file's row; the file's own messages say "FILE:N:".
    const std::string line_prefix = "line " + std::to_string(built.line) + ": ";
    if (data_.query) return source_text() + ": " + built.error;
    if (built.line > 0 && built.error.rfind(line_prefix, 0) == 0 && !data_.source_name.empty())
        return data_.source_name + ":" + std::to_string(built.line) + ": " +
               built.error.substr(line_prefix.size());
    return data_.source_name.empty() ? built.error : data_.source_name + ": " + built.error;
}

analysis::ReliabilityAnalysisResult
ReliabilitySession::analyse(const analysis::ReliabilityOptions& options) {
    result_.reset();
    options_ = options;
    if (!table_) {
        analysis::ReliabilityAnalysisResult none;
        none.error = data_.error.empty() ? "no readings loaded to analyse" : data_.error;
        return none;
    }
    analysis::ReliabilityAnalysisResult analysed = analysis::analyse_reliability(*table_, options);
    if (analysed.ok) result_ = analysed.result;
    return analysed;
}

std::string ReliabilitySession::source_text() const {
    if (!data_.query) return data_.source_name;
    const analysis::StudyReliabilityQuery& q = *data_.query;
    return data_.source_name + " (" + measure_words(q.measure) + ", " + data_.site_name + " " +
           records::to_letter(q.side) + ", by " + analysis::to_string(q.by) + ")";
}

std::string ReliabilitySession::raters_are() const {
    if (!data_.query) return "raters";
    return data_.query->by == analysis::RaterGrouping::Session ? "sessions" : "operators";
}

bool ReliabilitySession::can_save_site_mdc() const {
    return data_.query.has_value() && !data_.site_key.empty() && result_.has_value();
}

std::optional<analysis::SiteMdc> ReliabilitySession::site_mdc() const {
    if (!can_save_site_mdc()) return std::nullopt;
    return analysis::site_mdc_from_reliability(
        *result_, data_.site_key, data_.site_name, data_.query->side, icc_form(),
        analysis::to_string(data_.query->by), utc_now_iso8601(), source_text());
}

storage::Request ReliabilitySession::save_site_mdc(storage::StorageWriter& store,
                                                   bool for_both_sides,
                                                   analysis::SiteMdc* stored) const {
    const std::optional<analysis::SiteMdc> mdc = site_mdc();
    if (!mdc) {
        storage::Request refused;
        refused.error = !result_ ? "no analysis to store as a site's MDC"
                                 : "a site's MDC needs stored data of one site (not a CSV file "
                                   "or the demo)";
        return refused;
    }
    if (stored) *stored = *mdc;
    return store.save_site_mdc(analysis::to_record(*mdc, for_both_sides));
}

} // namespace algocore::session
