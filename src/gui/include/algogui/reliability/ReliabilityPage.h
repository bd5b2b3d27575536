#pragma once
// The "Reliability" page: a lab's own ICCs, SEM, MDC95 and Bland-Altman agreement, from stored
// sessions (raters = operators, or sessions = day 1, day 2) or a tidy CSV. The ICC table and the
// plot can be exported; the site's MDC can be offered to change verdicts with its provenance.
// Data come through a ReliabilitySource (answers may arrive on any thread) or set_rows(); the
// workflow (load, analyse, save the site MDC) is algocore's ReliabilitySession, as in the CLI.
#include <QWidget>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/SiteMdc.h"
#include "algocore/session/ReliabilitySession.h"
#include "algogui/reliability/ReliabilitySource.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace algogui {

class BlandAltmanPlot;

class ReliabilityPage : public QWidget {
    Q_OBJECT
public:
    explicit ReliabilityPage(QWidget* parent = nullptr);
    ~ReliabilityPage() override;

    /// Where a site's MDC is stored (the study the data came from); null when none is open.
    void set_store(std::function<algocore::storage::StorageWriter*()> store);
    /// Where stored data come from; asked for the site list when the page is first shown.
    void set_source(ReliabilitySource source);
    /// Shows an analysis of these rows (tests, CSV files, demo); source_label names them.
    void set_rows(const std::vector<algocore::analysis::TidyRow>& rows,
                  const QString& source_label);
    /// Asks the source for the chosen site, side and raters.
    void request_rows();

    /// Exports the ICC table and figures as CSV; false with the reason.
    bool export_table_csv(const QString& path, QString* error = nullptr) const;
    /// Exports the Bland-Altman plot as PNG or SVG (by extension).
    bool export_plot(const QString& path, QString* error = nullptr) const;

    /// Stores the shown MDC95 as the site's own (the "Use as this site's MDC" button); needs
    /// stored data and a store.
    void offer_mdc();
    /// Says whether the offered MDC was stored (error empty) or why not.
    void note_mdc_stored(const algocore::analysis::SiteMdc& mdc, const QString& error);

    const std::optional<algocore::analysis::ReliabilityResult>& result() const {
        return session_.result();
    }
    QString status_text() const;
    BlandAltmanPlot& plot() { return *plot_; }
    QTableWidget& icc_table() { return *table_; }

public Q_SLOTS:
    /// Demo and screenshots (--demo): a synthetic test-retest data set, labelled as such.
    void start_demo();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Mailbox; // lets worker answers reach the page only while it lives

    QWidget* build_controls();
    QWidget* build_results();
    void on_answer(int request_id, const ReliabilityAnswer& answer);
    void take(algocore::session::ReliabilityData readings);
    void analyse();
    void show_result();
    void show_message(const QString& text);
    void open_csv();
    void choose_export_table();
    void choose_export_plot();
    algocore::analysis::ReliabilityOptions options() const;

    ReliabilitySource source_;
    std::function<algocore::storage::StorageWriter*()> store_;
    std::shared_ptr<Mailbox> mailbox_;
    int request_id_ = 0;
    bool sites_requested_ = false;
    algocore::session::ReliabilitySession session_;

    QComboBox* site_ = nullptr;
    QComboBox* side_ = nullptr;
    QComboBox* by_ = nullptr;
    QComboBox* first_ = nullptr;
    QComboBox* second_ = nullptr;
    QComboBox* sem_ = nullptr;
    QLabel* status_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* figures_ = nullptr;
    QLabel* convention_ = nullptr;
    BlandAltmanPlot* plot_ = nullptr;
    QPushButton* export_table_ = nullptr;
    QPushButton* export_plot_ = nullptr;
    QPushButton* use_mdc_ = nullptr;
};

} // namespace algogui
