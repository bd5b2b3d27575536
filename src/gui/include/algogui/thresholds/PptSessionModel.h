#pragma once
// The state behind the Thresholds page: who is measured, the open session, the point being
// measured and one PPT series per point (algocore's PptSeries does every judgement). Each
// finished trial is handed to the storage at once with its raw trace and calibration id;
// a storage that cannot write keeps it in memory and says why (shown in the banner).
// No widgets here, so the page's behaviour can be driven by scripted samples in tests.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/PptSeries.h"
#include "algocore/protocols/SiteComparison.h"
#include "algocore/storage/Storage.h"

namespace algogui {

/// One trial as the results table shows it.
struct PptTrialRow {
    int number = 0;
    algocore::protocols::PptSeriesTrial trial;
    algocore::storage::RecordId record_id = algocore::storage::kNoRecord;  ///< 0 = not stored
};

/// Results at the selected point.
struct PptPointResult {
    algocore::protocols::PptSummary summary;  ///< over every counted trial at the point
    std::optional<algocore::protocols::SideDifference> sides;  ///< when both sides measured
    std::optional<algocore::protocols::ThresholdChange> change;  ///< vs the previous session
};

class PptSessionModel {
public:
    using Storage = algocore::storage::Storage;
    using BodySide = algocore::storage::BodySide;

    /// storage may be null (nothing is stored) and must outlive the model.
    explicit PptSessionModel(Storage* storage = nullptr);

    void set_storage(Storage* storage);
    Storage* storage() const { return storage_; }

    // ---- subject and session ------------------------------------------------------------
    /// Finds the subject by code or adds it with these details; empty on success, else why.
    std::string use_subject(const algocore::storage::Subject& subject);
    const std::optional<algocore::storage::Subject>& subject() const { return subject_; }
    /// Opens a session for the subject (operator added when new); empty on success.
    std::string start_session(const std::string& operator_name,
                              algocore::storage::Session session);
    const std::optional<algocore::storage::Session>& session() const { return session_; }

    // ---- point and protocol -------------------------------------------------------------
    void select_point(const algocore::storage::Site& site, BodySide side);
    const std::optional<algocore::storage::Site>& site() const { return site_; }
    BodySide side() const { return side_; }
    /// Applies to series started from now on; refused (reason) when the preset is unusable.
    std::string set_preset(const algocore::protocols::PptPreset& preset);
    const algocore::protocols::PptPreset& preset() const { return preset_; }

    // ---- the run (times on the session clock, Sample::t_s) ------------------------------
    /// Starts the next trial at the selected point; empty when started, else why not.
    std::string start_trial(double t_s, bool skip_rest = false);
    void signal_pain(double t_s, algocore::protocols::PainSignalSource source);
    void abort_trial(double t_s);
    void answer_retest(bool accept, double t_s);
    void feed(const algocore::Sample& sample);
    void tick(double t_s);

    // ---- what the page shows ------------------------------------------------------------
    /// The series at the selected point; nullptr before its first trial.
    const algocore::protocols::PptSeries* series() const;
    /// Every trial at the selected point in this session, in order.
    std::vector<PptTrialRow> rows() const;
    PptPointResult result() const;
    /// This session's reported threshold per point (site key, side) with counted trials.
    std::map<std::pair<std::string, BodySide>, double> session_thresholds() const;
    /// Trials finished and handed to the storage so far.
    int stored_trials() const { return stored_trials_; }

private:
    struct Point {
        algocore::storage::Site site;
        BodySide side = BodySide::Left;
        std::optional<algocore::protocols::PptSeries> series;
        std::vector<PptTrialRow> done;  ///< from earlier series at this point
        std::map<int, algocore::storage::RecordId> record_ids;  ///< current series, by number
        std::optional<algocore::storage::PointThreshold> previous;  ///< earlier session
    };
    using Key = std::pair<std::string, BodySide>;
    Point* current();
    const Point* current() const;
    void store_finished(Point& point);
    void store(Point& point, const algocore::protocols::PptSeriesTrial& trial);
    void close_series(Point& point);
    void look_up_previous(Point& point);
    algocore::storage::TrialMeasure measure() const;
    std::vector<double> counted_kpa(const Point& point) const;

    Storage* storage_ = nullptr;
    std::optional<algocore::storage::Subject> subject_;
    std::optional<algocore::storage::Session> session_;
    std::optional<algocore::storage::Site> site_;
    BodySide side_ = BodySide::Left;
    algocore::protocols::PptPreset preset_ = algocore::protocols::PptPreset::dfns();
    std::map<Key, Point> points_;
    int stored_trials_ = 0;
};

}  // namespace algogui
