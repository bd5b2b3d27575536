#include "algogui/reliability/ReliabilityPage.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <fstream>

#include "algocore/analysis/ReliabilityReport.h"
#include "algogui/reliability/BlandAltmanPlot.h"
#include "algogui/reliability/ReliabilityDemo.h"

namespace algogui {

using namespace algocore::analysis;

// Worker threads post answers through this; the page clears `page` under the lock as it dies,
// so a post either reaches a live page or is not made.
struct ReliabilityPage::Mailbox {
    std::mutex lock;
    ReliabilityPage* page = nullptr;
};

namespace {
QString fixed(double x, int decimals = 4) {
    return std::isfinite(x) ? QString::number(x, 'f', decimals) : QStringLiteral("-");
}
QString p_value(double p) {
    return p < 0.0001 ? QStringLiteral("< 0.0001") : QString::number(p, 'f', 4);
}
} // namespace

ReliabilityPage::ReliabilityPage(QWidget* parent)
    : QWidget(parent), mailbox_(std::make_shared<Mailbox>()) {
    setObjectName(QStringLiteral("ReliabilityPage"));
    mailbox_->page = this;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(build_controls());
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    layout->addWidget(build_results(), 1);
    show_message(tr("Choose a site, side and raters, or open a tidy CSV (subject,rater,value)."));
}

ReliabilityPage::~ReliabilityPage() {
    const std::lock_guard<std::mutex> guard(mailbox_->lock);
    mailbox_->page = nullptr;
}

QWidget* ReliabilityPage::build_controls() {
    auto* box = new QWidget(this);
    auto* row = new QGridLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    site_ = new QComboBox(box);
    site_->setObjectName(QStringLiteral("site"));
    site_->setMinimumContentsLength(14);
    side_ = new QComboBox(box);
    side_->addItem(tr("Left"), QStringLiteral("L"));
    side_->addItem(tr("Right"), QStringLiteral("R"));
    by_ = new QComboBox(box);
    by_->addItem(tr("Sessions (test-retest)"), QStringLiteral("session"));
    by_->addItem(tr("Operators (inter-rater)"), QStringLiteral("operator"));
    first_ = new QComboBox(box);
    second_ = new QComboBox(box);
    // The SEM's formula and the ICC reported beside the MDC: sqrt(MSE) with ICC(2,1) (the
    // CLI's default), or SD sqrt(1 - ICC) of any form (the CLI's --sem sd-icc --sem-icc).
    sem_ = new QComboBox(box);
    sem_->setObjectName(QStringLiteral("sem"));
    sem_->addItem(tr("SEM = sqrt(MSE)"), -1);
    for (std::size_t i = 0; i < kIccForms.size(); ++i)
        sem_->addItem(tr("SEM = SD sqrt(1 - %1)").arg(QLatin1String(to_string(kIccForms[i]))),
                      static_cast<int>(i));
    auto* compute = new QPushButton(tr("Compute"), box);
    auto* open = new QPushButton(tr("Open CSV..."), box);
    row->addWidget(new QLabel(tr("Site"), box), 0, 0);
    row->addWidget(site_, 0, 1);
    row->addWidget(side_, 0, 2);
    row->addWidget(by_, 0, 3);
    row->addWidget(compute, 0, 4);
    row->addWidget(open, 0, 5);
    row->addWidget(new QLabel(tr("Pair"), box), 1, 0);
    auto* pair = new QHBoxLayout;
    pair->addWidget(first_, 1);
    pair->addWidget(new QLabel(tr("minus"), box));
    pair->addWidget(second_, 1);
    row->addLayout(pair, 1, 1, 1, 2);
    row->addWidget(sem_, 1, 3);
    export_table_ = new QPushButton(tr("Export table..."), box);
    export_plot_ = new QPushButton(tr("Export plot..."), box);
    row->addWidget(export_table_, 1, 4);
    row->addWidget(export_plot_, 1, 5);
    row->setColumnStretch(1, 1);
    row->setColumnStretch(3, 1);

    connect(compute, &QPushButton::clicked, this, &ReliabilityPage::request_rows);
    connect(export_table_, &QPushButton::clicked, this, &ReliabilityPage::choose_export_table);
    connect(export_plot_, &QPushButton::clicked, this, &ReliabilityPage::choose_export_plot);
    connect(open, &QPushButton::clicked, this, &ReliabilityPage::open_csv);
    for (QComboBox* choice : {first_, second_, sem_})
        connect(choice, &QComboBox::activated, this, [this] { analyse(); });
    return box;
}

QWidget* ReliabilityPage::build_results() {
    // Left: the ICC table at its full size, the figures and the MDC button. Right: the plot and
    // the convention under it. The table never scrolls, so all six forms are always in view.
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* column = new QVBoxLayout(left);
    column->setContentsMargins(0, 0, 0, 0);
    table_ = new QTableWidget(6, 5, left);
    table_->setHorizontalHeaderLabels(
        {tr("Form"), tr("ICC"), tr("95% CI"), tr("F (df1, df2)"), tr("p")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table_->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    QFont table_font = table_->font();
    table_font.setPixelSize(14);
    table_->setFont(table_font);
    table_->verticalHeader()->setDefaultSectionSize(QFontMetrics(table_font).height() + 8);
    figures_ = new QLabel(left);
    figures_->setWordWrap(true);
    figures_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    figures_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    use_mdc_ = new QPushButton(tr("Use as this site's MDC"), left);
    use_mdc_->setObjectName(QStringLiteral("useMdc"));
    use_mdc_->setToolTip(
        tr("Change verdicts at this site use this MDC95 instead of the literature default"));
    column->addWidget(table_);
    column->addWidget(figures_, 1);
    column->addWidget(use_mdc_, 0, Qt::AlignLeft);

    auto* right = new QWidget(split);
    auto* plot_column = new QVBoxLayout(right);
    plot_column->setContentsMargins(0, 0, 0, 0);
    plot_ = new BlandAltmanPlot(right);
    convention_ = new QLabel(right);
    convention_->setWordWrap(true);
    QFont small = convention_->font();
    small.setPixelSize(12);
    convention_->setFont(small);
    plot_column->addWidget(plot_, 1);
    plot_column->addWidget(convention_);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    connect(use_mdc_, &QPushButton::clicked, this, &ReliabilityPage::offer_mdc);
    return split;
}

void ReliabilityPage::set_store(std::function<algocore::storage::StorageWriter*()> store) {
    store_ = std::move(store);
}

void ReliabilityPage::set_source(ReliabilitySource source) {
    source_ = std::move(source);
    sites_requested_ = false;
    if (isVisible()) request_rows();
}

void ReliabilityPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (source_ && !sites_requested_) request_rows();
}

void ReliabilityPage::request_rows() {
    if (!source_) return;
    sites_requested_ = true;
    ReliabilityRequest request;
    request.query.site_key = site_->currentData().toString().toStdString();
    algocore::records::parse_side(side_->currentData().toString().toStdString(),
                                  request.query.side);
    parse_rater_grouping(by_->currentData().toString().toStdString(), request.query.by);
    const int id = ++request_id_;
    status_->setText(tr("Loading..."));
    std::weak_ptr<Mailbox> weak = mailbox_;
    source_(request, [weak, id](ReliabilityAnswer answer) {
        const auto mailbox = weak.lock();
        if (!mailbox) return;
        const std::lock_guard<std::mutex> guard(mailbox->lock);
        if (!mailbox->page) return;
        QMetaObject::invokeMethod(
            mailbox->page,
            [page = mailbox->page, id, answer = std::move(answer)] { page->on_answer(id, answer); },
            Qt::QueuedConnection);
    });
}

void ReliabilityPage::on_answer(int request_id, const ReliabilityAnswer& answer) {
    if (request_id != request_id_) return; // a newer request is under way
    if (!answer.sites.empty()) {
        const QString current = site_->currentData().toString();
        site_->clear();
        for (const ReliabilitySite& s : answer.sites)
            site_->addItem(QString::fromStdString(s.name), QString::fromStdString(s.key));
        const int keep = site_->findData(current);
        site_->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    if (!answer.error.empty()) {
        show_message(QString::fromStdString(answer.error));
        return;
    }
    if (answer.data.rows.empty() && answer.data.error.empty()) {
        show_message(answer.sites.empty() ? tr("No stored thresholds yet.")
                                          : tr("Choose a site and press Compute."));
        return;
    }
    take(answer.data);
}

void ReliabilityPage::set_rows(const std::vector<TidyRow>& rows, const QString& source_label) {
    take(algocore::session::ReliabilitySession::from_rows(rows, source_label.toStdString()));
}

void ReliabilityPage::take(algocore::session::ReliabilityData readings) {
    // Data given here win over any answer still on its way.
    ++request_id_;
    const std::string refused = session_.load(std::move(readings));
    if (!refused.empty()) {
        show_message(QString::fromStdString(refused));
        return;
    }
    for (QComboBox* choice : {first_, second_}) {
        choice->clear();
        for (const std::string& rater : session_.table()->raters)
            choice->addItem(QString::fromStdString(rater));
    }
    second_->setCurrentIndex(1);
    analyse();
}

ReliabilityOptions ReliabilityPage::options() const {
    ReliabilityOptions o;
    const int form = sem_->currentData().toInt();
    if (form >= 0) {
        o.sem_method = SemMethod::SdTimesRootOneMinusIcc;
        o.sem_icc_form = kIccForms[static_cast<std::size_t>(form)];
    }
    if (first_->count() >= 2 && first_->currentIndex() != second_->currentIndex())
        o.pair = std::make_pair(first_->currentText().toStdString(),
                                second_->currentText().toStdString());
    return o;
}

void ReliabilityPage::analyse() {
    if (!session_.table()) return;
    const ReliabilityAnalysisResult analysed = session_.analyse(options());
    if (!analysed.ok) {
        show_message(QString::fromStdString(analysed.error));
        return;
    }
    show_result();
}

void ReliabilityPage::show_result() {
    const ReliabilityResult& r = *session_.result();
    QStringList dropped;
    for (const std::string& s : session_.table()->dropped_subjects)
        dropped << QString::fromStdString(s);
    status_->setText(tr("%1: %2 subjects x %3 %4; %5 dropped for missing cells%6")
                         .arg(QString::fromStdString(session_.source_text()))
                         .arg(r.n_subjects)
                         .arg(r.n_raters)
                         .arg(QString::fromStdString(session_.raters_are()))
                         .arg(r.n_dropped)
                         .arg(dropped.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(
                                                      dropped.join(QStringLiteral(", ")))));
    for (int i = 0; i < 6; ++i) {
        const IccEstimate& e = r.icc.estimates[static_cast<std::size_t>(i)];
        const QStringList cells{
            QString::fromLatin1(to_string(e.form)), fixed(e.icc),
            QStringLiteral("%1 to %2").arg(fixed(e.ci_low), fixed(e.ci_high)),
            QStringLiteral("%1 (%2, %3)").arg(fixed(e.f, 2)).arg(e.df1).arg(e.df2), p_value(e.p)};
        for (int c = 0; c < cells.size(); ++c)
            table_->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    QString text =
        tr("<b>SEM</b> %1 kPa &nbsp; <b>MDC95</b> %2 kPa &nbsp; <b>Repeatability</b> %3 kPa<br>%4")
            .arg(fixed(r.sem, 1), fixed(r.mdc95, 1), fixed(r.repeatability_coefficient, 1),
                 QString::fromStdString(r.sem_formula).toHtmlEscaped());
    if (r.bland_altman) {
        const BlandAltman& ba = *r.bland_altman;
        text += tr("<br><b>Bias</b> %1 (95% CI %2 to %3), SD %4; <b>limits</b> %5 to %6 kPa")
                    .arg(fixed(ba.bias, 1), fixed(ba.bias_ci.low, 1), fixed(ba.bias_ci.high, 1),
                         fixed(ba.sd, 1), fixed(ba.loa_low, 1), fixed(ba.loa_high, 1));
        plot_->set_agreement(ba, QStringLiteral("kPa"));
    } else {
        plot_->clear(tr("Choose two different raters or sessions for Bland-Altman."));
    }
    figures_->setText(text);
    convention_->setText(QString::fromStdString(r.convention) + QStringLiteral("."));
    for (QPushButton* b : {export_table_, use_mdc_})
        b->setEnabled(true);
    export_plot_->setEnabled(plot_->has_agreement());
}

void ReliabilityPage::show_message(const QString& text) {
    status_->setText(text);
    table_->clearContents();
    figures_->clear();
    convention_->clear();
    plot_->clear(tr("No analysis yet."));
    for (QPushButton* b : {export_table_, export_plot_, use_mdc_})
        b->setEnabled(false);
}

QString ReliabilityPage::status_text() const {
    return status_->text();
}

void ReliabilityPage::open_csv() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open tidy CSV"), QString(),
                                                      tr("CSV (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    std::ifstream in(path.toStdString(), std::ios::binary);
    take(algocore::session::ReliabilitySession::from_csv(in,
                                                         QFileInfo(path).fileName().toStdString()));
}

bool ReliabilityPage::export_table_csv(const QString& path, QString* error) const {
    if (!session_.result()) {
        if (error) *error = tr("nothing to export yet");
        return false;
    }
    std::ofstream out(path.toStdString(), std::ios::binary);
    write_reliability_csv(*session_.result(), out);
    out.flush();
    if (!out) {
        if (error) *error = tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool ReliabilityPage::export_plot(const QString& path, QString* error) const {
    if (!plot_->has_agreement()) {
        if (error) *error = tr("no Bland-Altman plot to export");
        return false;
    }
    return plot_->save(path, QSize(1200, 800), error);
}

void ReliabilityPage::choose_export_table() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export ICC table"), QStringLiteral("reliability.csv"), tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !export_table_csv(path, &error)) status_->setText(error);
}

void ReliabilityPage::choose_export_plot() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Bland-Altman plot"),
                                                      QStringLiteral("bland-altman.png"),
                                                      tr("PNG (*.png);;SVG (*.svg)"));
    QString error;
    if (!path.isEmpty() && !export_plot(path, &error)) status_->setText(error);
}

void ReliabilityPage::offer_mdc() {
    if (!session_.result()) return;
    if (!session_.can_save_site_mdc()) {
        status_->setText(
            tr("A site MDC needs stored data of a chosen site (not a CSV or the demo)."));
        return;
    }
    algocore::storage::StorageWriter* store = store_ ? store_() : nullptr;
    if (!store) {
        status_->setText(tr("The site's MDC was not stored: no database is open"));
        return;
    }
    SiteMdc stored;
    const algocore::storage::Request saved = session_.save_site_mdc(*store, false, &stored);
    note_mdc_stored(stored, QString::fromStdString(saved.error));
}

void ReliabilityPage::note_mdc_stored(const SiteMdc& mdc, const QString& error) {
    status_->setText(error.isEmpty() ? tr("Stored as this site's MDC (change verdicts use it): %1")
                                           .arg(QString::fromStdString(describe(mdc)))
                                     : tr("The site's MDC was not stored: %1").arg(error));
}

void ReliabilityPage::start_demo() {
    set_rows(reliability_demo_rows(), tr("demo data (synthetic)"));
}

} // namespace algogui
