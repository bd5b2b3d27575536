#pragma once
// The trials at the selected point: number, threshold, the RT-adjusted estimate beside it
// (labelled an estimate, shown only when the subject has a reaction time), actual rate, the
// rate at the button (marked when off the target by more than ±25 %), % of the ramp inside
// the corridor, flags, valid and counted, and whether it is stored. Invalid rows are tinted and
// say why in words, so the table is readable without colour; a trial the examiner excluded
// says "excluded" and why. A row can be selected (to exclude that trial).
//
// The table fits its width and never scrolls sideways: each column takes what its header and
// cells need while they all fit; when they do not (the middle column at 1024×640), the columns
// that need least keep their width and the wider ones share the rest equally, their text
// elided. Every cell and header has its whole text in its tooltip.
#include <QTableWidget>
#include <optional>
#include <vector>

#include "algocore/session/PptSession.h"
#include "algogui/DisplayUnit.h"

namespace algogui {

using algocore::session::PptPointResult;
using algocore::session::PptTrialRow;

class TrialTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        Trial,
        Ppt,
        Estimate,
        Rate,
        RateAtButton,
        InCorridor,
        Flags,
        Valid,
        Stored,
        ColumnCount
    };

    explicit TrialTable(QWidget* parent = nullptr);

    void set_unit(const DisplayUnit& unit);
    /// Replaces the rows (only touches the table when something changed); superseded says,
    /// per row, which are of an earlier series that does not count (session/PointRows.h);
    /// estimates, per row, the RT-adjusted estimate (PptSession::rt_adjusted_kpa) made with
    /// reaction_ms (no reaction time: the estimate column is hidden).
    void show_rows(const std::vector<PptTrialRow>& rows, std::vector<bool> superseded = {},
                   std::vector<std::optional<double>> estimates = {},
                   std::optional<double> reaction_ms = {});
    /// The text of a cell (tests).
    QString cell_text(int row, Column column) const;
    /// The selected stored trial, or null (a trial not stored yet cannot be selected).
    const PptTrialRow* selected_trial() const;
    /// Selects the row of a trial by its number (tests, and keeping the selection on refill).
    void select_trial(int number);

Q_SIGNALS:
    void trialSelected();

protected:
    bool viewportEvent(QEvent* event) override;

private:
    void refill();
    /// Sizes the columns to the viewport's width (see the class comment).
    void fit_columns();

    DisplayUnit unit_;
    std::vector<PptTrialRow> rows_;
    std::vector<bool> superseded_;
    std::vector<std::optional<double>> estimates_;
    std::optional<double> reaction_ms_;
    QString shown_; // fingerprint of what is on screen
    algocore::records::RecordId selected_record_ = algocore::records::kNoRecord; // the selection
};

} // namespace algogui
