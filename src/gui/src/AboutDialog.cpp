#include "algogui/AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace algogui {

namespace {
constexpr int kIconPx = 96;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("AboutDialog"));
    setWindowTitle(tr("About Algoscope"));

    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(kIconPx, kIconPx));
    icon->setAlignment(Qt::AlignTop);

    // The version is the one main() gave the application (algoversion), the same string
    // as --version and the package's.
    text_ = new QLabel(this);
    text_->setTextFormat(Qt::RichText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text_->setWordWrap(true);
    text_->setText(
        tr("<h2>Algoscope</h2>"
           "<p><b>Version %1</b></p>"
           "<p>Pressure algometry: pain-pressure thresholds, sustained holds, dosage "
           "training, calibration and reliability.</p>"
           "<p>Qt %2</p>"
           "<p>Your data (databases, calibration records):<br><tt>%3</tt></p>")
            .arg(
                QCoreApplication::applicationVersion().toHtmlEscaped(),
                QString::fromLatin1(qVersion()),
                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).toHtmlEscaped()));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::text() const {
    return text_->text();
}

} // namespace algogui
